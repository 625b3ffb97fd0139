/// <reference lib="dom" />
// A group's dashboard as a user meets it: opened from the group's context menu, its header and the curve of the
// members loaded, that curve as a table, the colours following a new theme, the chart saved as PNG through the save
// dialog, and closed: no sample is taken after it closed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import type { Step } from './context';

/** The dashboard's document inside the webview (an iframe in an iframe). */
export function dashboardFrame(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Waits until the dashboard has drawn a state (the webview marks each drawing). */
export async function drawnDashboard(wb: Workbench): Promise<Locator> {
  const root = dashboardFrame(wb).locator('#dashboard[aria-busy="false"]');
  await root.waitFor({ state: 'visible', timeout: 30_000 });
  return root;
}

/** The stroke of the members curve (the theme's colour, as a value in the drawing). */
function curveColour(wb: Workbench): Promise<string | null> {
  return dashboardFrame(wb).locator('section[data-chart="members"] g.members-line').first().getAttribute('stroke');
}

async function chooseTheme(wb: Workbench, name: string): Promise<void> {
  await wb.runCommand('Preferences: Color Theme');
  const input = wb.quickInput().locator('.quick-input-box input');
  await input.fill(name);
  const row = wb.quickInput().locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await row.click();
  await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
}

export const dashboardStep: Step = {
  id: 'dashboard',
  title:
    'Open Dashboard on a group (context menu): header, the curve of the members loaded and its table, the theme recolours it, Save as PNG writes it, closing it stops sampling',
  needs: ['load-more'],
  async run({ wb, emulator, fixtures, readme, workspace }) {
    await wb.contextMenu(fixtures.pagedGroupId, 'Open Dashboard', { level: 3, upFirst: true });
    await wb.waitFor(async () => (await wb.activeTabText()).includes(`Dashboard: ${fixtures.pagedGroupId}`), {
      message: 'the dashboard tab',
    });
    const root = await drawnDashboard(wb);
    const frame = dashboardFrame(wb);
    const header = await frame.locator('dl.header').innerText();
    for (const text of ['GroupId', fixtures.pagedGroupId, 'CreatorId', 'Members', fixtures.pagedGroupTotal.toLocaleString('en-US')]) {
      assert.ok(header.includes(text), `the header shows ${text}: ${header}`);
    }
    // The curve of the members the tree has loaded (the earlier steps loaded all of them).
    const members = frame.locator('section[data-chart="members"]');
    await members.locator('g.members-line path').first().waitFor({ state: 'attached', timeout: 10_000 });
    assert.match(await members.innerText(), new RegExp(`All ${fixtures.pagedGroupTotal} members`));
    await members.getByRole('button', { name: 'Table', exact: true }).click();
    const lastRow = members.locator('table.data tbody tr').last();
    await lastRow.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(
      Number((await lastRow.locator('td').nth(1).innerText()).replace(/\D/g, '')),
      fixtures.pagedGroupTotal,
      'the table ends at every member loaded',
    );
    await frame.locator('section[data-chart="members"]').getByRole('button', { name: 'Chart', exact: true }).click();

    // A new theme: the webview draws again in its colours.
    const before = await wb.waitFor(() => curveColour(wb), { message: 'the curve drawn' });
    await chooseTheme(wb, 'Dark Modern');
    const after = await wb.waitFor(
      async () => {
        const colour = await curveColour(wb);
        return colour && colour !== before ? colour : undefined;
      },
      { message: `the curve recoloured (was ${before})` },
    );
    assert.notEqual(after, before);
    await readme('dashboard', { include: [wb.page.locator('.editor-group-container.active')], maxWidth: 1000 });

    // Save as PNG: the save dialog (VS Code's own in the browser) suggests the file in the workspace folder.
    await frame.locator('section[data-chart="members"]').getByRole('button', { name: 'Save as PNG', exact: true }).click();
    const suggested = await wb.waitFor(
      async () => {
        const shown = await wb.quickInputState();
        return shown.visible && /\.png$/.test(shown.value ?? '') ? shown.value : undefined;
      },
      { message: 'the save dialog with a suggested .png path' },
    );
    const file = suggested!;
    assert.equal(path.basename(file), `members-${fixtures.pagedGroupId}.png`);
    assert.equal(path.dirname(file), workspace);
    await wb.quickInput().locator('.quick-input-box input').press('Enter');
    await wb.waitFor(async () => fs.existsSync(file) && fs.statSync(file).size > 100, { message: `${file} written` });
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    await root.locator('.saved').first().waitFor({ state: 'visible', timeout: 10_000 });

    // Sampling runs while the panel is visible; closed, no sample follows.
    const sampled = async () => (await emulator.stats()).byAction.ListMessageGroupUser ?? 0;
    const whileOpen = await sampled();
    await wb.waitFor(async () => (await sampled()) > whileOpen, { message: 'a sample while the dashboard is open' });
    await wb.runCommand('View: Close Editor');
    await wb.waitFor(async () => !(await wb.activeTabText()).includes('Dashboard:'), { message: 'the dashboard closed' });
    const atClose = await sampled();
    // Absence takes time to see: past the next two samples' time (one every 2 s), none came.
    await wb.page.waitForTimeout(5000);
    assert.equal(await sampled(), atClose, 'no sample after the dashboard closed');
    await chooseTheme(wb, 'Light Modern');
  },
};
