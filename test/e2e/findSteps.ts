// End-to-end steps for finding things, as a user: filter the view, search a group's members, browse a member's own
// groups, hover over an id in an editor (and follow its link), and export a group's members to a file read back here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { normalize } from '../harness/text';
import type { TreeRow, Workbench } from '../harness/workbench';
import type { Step } from './context';

const FIND_COMMAND = {
  filter: 'Interactive Messages: Filter…',
  clearFilter: 'Interactive Messages: Clear Filter',
  newUntitled: 'File: New Untitled Text File',
  revertAndClose: 'View: Revert and Close Editor',
};

/** The member rows drawn under the expanded group, but not "Load more…" or message rows. */
async function memberRows(wb: Workbench): Promise<TreeRow[]> {
  return (await wb.rows()).filter((row) => row.level === 4 && /^joined /.test(row.description));
}

async function isSelected(wb: Workbench, label: string, level: number): Promise<boolean> {
  return (
    (await wb
      .row(label, { level })
      .getAttribute('aria-selected')
      .catch(() => null)) === 'true'
  );
}

/** A member of the expanded group that is not the configured user (whose id also names a user row). */
async function someMember(wb: Workbench, notUserId: string, skip = 0): Promise<string> {
  const rows = await wb.waitFor(
    async () => {
      const shown = (await memberRows(wb)).filter((row) => row.label !== notUserId);
      return shown.length > skip ? shown : undefined;
    },
    { message: 'member rows under the group' },
  );
  return rows[skip].label;
}

export function findSteps(): Step[] {
  return [
    {
      id: 'filter',
      title: 'Filter… keeps the matching member and says "1 of N loaded match"; Clear Filter shows every row again',
      needs: ['expand'],
      async run({ wb, fixtures }) {
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
        const wanted = await someMember(wb, fixtures.userId);
        await wb.runCommand(FIND_COMMAND.filter);
        await wb.answerInput('Filter the Interactive Messages view', wanted);
        const message = wb.sidebar().locator('.message').filter({ hasText: 'loaded match' }).first();
        await message.waitFor({ state: 'visible', timeout: 15_000 });
        assert.match(
          normalize(await message.innerText()),
          new RegExp(`Filter: "${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" — [1-9][\\d,]* of [\\d,]+ loaded match`),
        );
        const kept = await wb.waitFor(
          async () => {
            const rows = await memberRows(wb);
            return rows.length > 0 && rows.every((row) => row.label.includes(wanted)) ? rows : undefined;
          },
          { message: `only members matching ${wanted}` },
        );
        assert.ok(kept.some((row) => row.label === wanted));
        await wb.runCommand(FIND_COMMAND.clearFilter);
        await message.waitFor({ state: 'hidden', timeout: 10_000 });
        await wb.waitFor(async () => (await memberRows(wb)).length > 5, { message: 'every loaded member shown again' });
      },
    },
    {
      id: 'search-members',
      title: 'Search Members… (context menu): type a UserId, pick it in the quick pick, the member is selected in the tree',
      needs: ['expand'],
      async run({ wb, fixtures }) {
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
        const wanted = await someMember(wb, fixtures.userId, 2);
        await wb.contextMenu(fixtures.pagedGroupId, 'Search Members…', { level: 3, upFirst: true });
        const input = wb.quickInput().locator('.quick-input-box input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(wanted);
        const item = wb
          .quickInput()
          .locator('.quick-input-list .monaco-list-row')
          .filter({ has: wb.page.locator('.label-name', { hasText: wanted }) })
          .first();
        await item.waitFor({ state: 'visible', timeout: 15_000 });
        await item.click();
        await wb.quickInput().waitFor({ state: 'hidden', timeout: 5000 });
        await wb.waitFor(async () => isSelected(wb, wanted, 4), { message: `member ${wanted} selected in the tree` });
      },
    },
    {
      id: 'browse-groups',
      title: "Browse Groups of This User (a member's context menu) adds the member under the app and lists their groups",
      needs: ['expand'],
      async run({ wb, fixtures }) {
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
        const member = await someMember(wb, fixtures.userId, 1);
        await wb.contextMenu(member, 'Browse Groups of This User', { level: 4 });
        await wb.waitForRow(member, { level: 2, timeout: 15_000 }); // revealed, so drawn
        await wb.waitFor(async () => isSelected(wb, member, 2), { message: `user ${member} selected` });
        // Its groups are listed right below it: group rows, or the "No groups" row.
        const listed = await wb.waitFor(
          async () => {
            const rows = await wb.rows();
            const user = rows.find((row) => row.level === 2 && row.label === member);
            const next = user && rows.find((row) => row.index === user.index + 1);
            return user?.expanded === 'true' && next?.level === 3 && next.label !== 'Loading…' ? next : undefined;
          },
          { message: `the groups of ${member} listed below it` },
        );
        assert.ok(listed.label === 'No groups' || /by /.test(listed.description), `a group row or "No groups": ${JSON.stringify(listed)}`);
      },
    },
    {
      id: 'hover-id',
      title: 'hovering a GroupId typed in an editor shows the group and links; "Reveal in Explorer" selects it in the tree',
      needs: ['expand'],
      async run({ wb, page, fixtures, readme }) {
        await wb.clearToasts();
        await wb.runCommand(FIND_COMMAND.newUntitled);
        const editor = page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.waitFor({ state: 'visible', timeout: 10_000 });
        await editor.locator('.view-lines').click();
        await page.keyboard.type(fixtures.pagedGroupId);
        const token = editor.locator('.view-line span', { hasText: fixtures.pagedGroupId }).last();
        await token.waitFor({ state: 'visible', timeout: 5000 });
        const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Reveal in Explorer' }).first();
        await wb.waitFor(
          async () => {
            await token.hover({ position: { x: 20, y: 5 } });
            return hover.isVisible({ timeout: 1500 }).catch(() => false);
          },
          { timeout: 20_000, message: 'the hover over the GroupId' },
        );
        const text = normalize(await hover.innerText());
        for (const part of [`Message group ${fixtures.pagedGroupId}`, 'Status', 'CreatorId', 'Members', 'CreateTime', 'Copy as Code', 'Open as JSON'])
          assert.ok(text.includes(part), `the hover shows ${part}: ${text}`);
        await readme('hover-id', { include: [editor, hover], maxWidth: 720 });
        await hover.locator('a', { hasText: 'Reveal in Explorer' }).first().click();
        await wb.waitFor(async () => isSelected(wb, fixtures.pagedGroupId, 3), { message: `group ${fixtures.pagedGroupId} selected by the link` });
        await wb.moveMouseAway();
        await wb.runCommand(FIND_COMMAND.revertAndClose);
      },
    },
    {
      id: 'export',
      title: "Export… (context menu) → CSV → the save dialog's suggested path → a file with the header and every member",
      needs: ['expand'],
      async run({ wb, fixtures }) {
        await wb.clearToasts();
        await wb.contextMenu(fixtures.pagedGroupId, 'Export…', { level: 3, upFirst: true });
        // (Not wb.pick: the save dialog is the next quick input, so the widget never closes in between.)
        await wb.waitFor(async () => (await wb.quickInputState()).title?.includes('Export members: format'), { message: 'the format pick' });
        await wb
          .quickInput()
          .locator('.quick-input-list .monaco-list-row')
          .filter({ has: wb.page.locator('.label-name', { hasText: /^CSV$/ }) })
          .first()
          .click();
        const state = await wb.waitFor(
          async () => {
            const shown = await wb.quickInputState();
            return shown.visible && /\.csv$/.test(shown.value ?? '') ? shown : undefined;
          },
          { message: 'the save dialog with a suggested .csv path' },
        );
        const file = state.value!;
        assert.match(file, new RegExp(`members-${fixtures.appId}-${fixtures.pagedGroupId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
        await wb.quickInput().locator('.quick-input-box input').press('Enter');
        await wb.toast(`Exported ${fixtures.pagedGroupTotal} members to`).waitFor({ state: 'visible', timeout: 30_000 });
        const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
        assert.equal(lines[0], 'UserId,JoinTime');
        assert.equal(lines.length - 1, fixtures.pagedGroupTotal, 'one row per member');
        await wb.clearToasts();
      },
    },
  ];
}
