// The end-to-end scenario, one step per test: a user opens the view, signs in, browses, pins a group (pinSteps.ts),
// pages, copies, opens JSON, meets an error and retries, finds things (findSteps.ts), changes things (writeSteps.ts),
// uses two profiles, and signs out. Steps run in order; a step whose prerequisite failed is skipped (and counted as
// failed).
import * as assert from 'node:assert/strict';
import type { FaultOptions } from '../../src/emulator/faults';
import { STS_KEY } from '../../src/emulator/keys';
import { normalize } from '../harness/text';
import type { Workbench } from '../harness/workbench';
import { COMMAND, type Step } from './context';
import { expandAtOnce, memberRowsShown } from './expandSteps';
import { dashboardStep } from './dashboardSteps';
import { expandLiveMessageApp } from './liveMessageSteps';
import { findSteps } from './findSteps';
import { pinStep } from './pinSteps';
import { writeStep } from './writeSteps';

export { COMMAND, type ReadmeShot, type Step, type StepContext, type SuiteState } from './context';

/** The sign-in prompts of src/commands/account.ts, answered as a user types them. */
export async function signInThroughPalette(
  wb: Workbench,
  key: { profile: string; accessKeyId: string; accessKeySecret: string; securityToken?: string },
): Promise<void> {
  await wb.runCommand(COMMAND.signIn);
  await wb.answerInput('Profile name', key.profile);
  await wb.answerInput('AccessKey ID', key.accessKeyId);
  await wb.answerInput('AccessKey secret', key.accessKeySecret, { password: true });
  await wb.answerInput('STS security token (optional)', key.securityToken ?? '', { password: true });
}

async function expectSignedInAs(wb: Workbench, profile: string, appName: string): Promise<void> {
  await wb.toast(`Signed in to Interactive Messages as profile "${profile}"`).waitFor({ state: 'visible', timeout: 20_000 });
  await wb.statusBarItem(profile).waitFor({ state: 'visible', timeout: 10_000 });
  await wb.waitForRow(appName, { level: 1 });
}

export function steps(): Step[] {
  return [
    {
      id: 'open-view',
      title: 'the activity bar opens the Interactive Messages view; signed out, it welcomes with "Sign In with AccessKey"',
      async run({ wb }) {
        await wb.activityBarItem().click();
        await wb.welcome().waitFor({ state: 'visible', timeout: 20000 });
        const button = wb.welcome().getByRole('button', { name: 'Sign In with AccessKey' });
        await button.waitFor({ state: 'visible', timeout: 10000 });
        await wb.welcome().getByRole('button', { name: 'Import Credentials' }).waitFor({ state: 'visible', timeout: 5000 });
        const header = await wb.sidebar().locator('.composite.title').innerText();
        assert.match(header, /Interactive Messages/i, 'the side bar title names the view container');
        assert.equal((await wb.rows()).length, 0, 'no tree rows while signed out');
        await wb.widenSidebar(460).catch(() => {}); // wider rows for the screenshots; not part of the check
      },
    },
    {
      id: 'sign-in',
      title: 'sign in through the command palette (profile, AccessKey ID, secret in a password box, no token) → apps and the profile in the status bar',
      needs: ['open-view'],
      async run({ wb, emulator, liveClassroom, state }) {
        await signInThroughPalette(wb, { profile: 'demo', accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret });
        state.profiles.add('demo');
        await expectSignedInAs(wb, 'demo', liveClassroom.AppName);
        const apps = (await wb.rows()).filter((row) => row.level === 1).map((row) => row.label);
        assert.ok(apps.length >= 2, `several apps are listed: ${JSON.stringify(apps)}`);
        const app = await wb.findRow(liveClassroom.AppName, { level: 1 });
        assert.ok(app, `an app row ${liveClassroom.AppName}`);
        assert.match(app.description, new RegExp(liveClassroom.AppId), 'the app row shows its AppId');
        assert.equal(await wb.welcome().isVisible(), false, 'the welcome view is gone');
      },
    },
    expandAtOnce,
    expandLiveMessageApp,
    {
      id: 'expand',
      title: 'expand app → user → group → members: a page of 50 members and a "Load more…" row',
      needs: ['sign-in'],
      async run({ wb, fixtures, liveClassroom }) {
        await wb.expand(liveClassroom.AppName, { level: 1 });
        await wb.waitForRow(fixtures.userId, { level: 2 });
        await wb.expand(fixtures.userId, { level: 2 });
        await wb.waitForRow(fixtures.pagedGroupId, { level: 3 });
        await wb.expand(fixtures.pagedGroupId, { level: 3 });
        // Once the first page is in, the group row is drawn again with the Total in its description.
        await wb.waitFor(
          async () => new RegExp(`^${fixtures.pagedGroupTotal} members · by `).test((await wb.findRow(fixtures.pagedGroupId, { level: 3 }))?.description ?? ''),
          { message: `the group row to say "${fixtures.pagedGroupTotal} members"` },
        );
        const members = await wb.waitFor(
          async () => {
            const shown = await memberRowsShown(wb);
            return shown && shown.first.label !== 'Loading…' ? shown : undefined;
          },
          { message: 'member rows under the group' },
        );
        assert.equal(members.setSize, 51, 'the group shows 50 members and one "Load more…" row');
        await wb.revealRow('Load more…', { level: 4 });
        const more = await wb.findRow('Load more…', { level: 4 });
        assert.equal(more?.description, `50 of ${fixtures.pagedGroupTotal} members`);
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
      },
    },
    pinStep,
    {
      id: 'load-more',
      title: '"Load more…" adds the next page (100 of 123), a second click the rest (and the row goes away)',
      needs: ['expand'],
      async run({ wb, fixtures }) {
        const total = fixtures.pagedGroupTotal;
        const loadMoreLabel = /^(Load more…|Loading…)$/;
        await (await wb.revealRow('Load more…', { level: 4 })).click();
        // The new page goes in above the "Load more…" row, which then says how many are loaded. (Rows the list
        // had already drawn keep their old aria-setsize, so counts come from the rows drawn after the change.)
        const more = await wb.waitFor(
          async () => {
            await wb.revealRow(loadMoreLabel, { level: 4 });
            const row = await wb.findRow('Load more…', { level: 4 });
            return row && row.description === `100 of ${total} members` ? row : undefined;
          },
          { message: `"Load more…" to say 100 of ${total} members` },
        );
        const lastOfPage = (await wb.rows()).find((row) => row.index === more.index - 1);
        assert.ok(lastOfPage, 'a row above "Load more…"');
        assert.equal(lastOfPage.level, 4);
        assert.deepEqual([lastOfPage.posInSet, lastOfPage.setSize], [100, 101], 'member 100 of 100 + "Load more…"');

        // The group row still shows the total.
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
        const group = await wb.findRow(fixtures.pagedGroupId, { level: 3 });
        assert.match(group?.description ?? '', new RegExp(`^${total} members · by `), 'the group row shows the member total');

        await (await wb.revealRow('Load more…', { level: 4 })).click();
        const last = await wb.waitFor(
          async () => {
            const rows = await wb.rows();
            const last = rows.find((row) => row.level === 4 && row.posInSet === total);
            if (!last) await wb.scrollTree(1); // the new rows are below the fold
            return last && !rows.some((row) => loadMoreLabel.test(row.label)) ? last : undefined;
          },
          { message: `member ${total} of ${total} and no "Load more…" row` },
        );
        assert.equal(last.setSize, total, `the group has exactly ${total} children: its members, no "Load more…"`);
        await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
      },
    },
    {
      id: 'tooltip',
      title: "hovering the group shows its tooltip with the group's fields",
      needs: ['load-more'],
      async run({ wb, page, fixtures, readme }) {
        await wb.scrollTreeToTop(); // the whole path app → user → group in the picture
        const row = await wb.revealRow(fixtures.pagedGroupId, { level: 3, upFirst: true });
        await row.hover({ position: { x: 140, y: 10 } });
        const hover = page
          .locator('.monaco-hover, .workbench-hover')
          .filter({ hasText: `Message group ${fixtures.pagedGroupId}` })
          .first();
        await hover.waitFor({ state: 'visible', timeout: 10000 });
        const text = normalize(await hover.innerText());
        for (const field of ['GroupId', 'AppId', 'CreatorId', 'CreateTime', 'Members']) assert.match(text, new RegExp(field), `the tooltip lists ${field}`);
        assert.match(text, new RegExp(String(fixtures.pagedGroupTotal)), 'the tooltip shows the member count');
        await readme('tree-tooltip', { include: [wb.sidebar(), hover], bottomAt: { locator: hover, extra: 80 } });
        await wb.moveMouseAway();
      },
    },
    {
      id: 'copy-group-id',
      title: 'context menu "Copy GroupId" puts the GroupId on the clipboard',
      needs: ['expand'],
      async run({ wb, fixtures, readme }) {
        await wb.writeClipboard('e2e clipboard sentinel');
        await wb.scrollTreeToTop();
        await wb.contextMenu(fixtures.pagedGroupId, 'Copy GroupId', {
          level: 3,
          upFirst: true,
          beforeClick: async (item) => {
            // The open menu is the README's context-menu picture.
            await item.hover();
            const menu = wb.page.locator('.monaco-menu').first();
            await readme('context-menu', { include: [wb.sidebar(), menu], bottomAt: { locator: menu, extra: 60 } });
          },
        });
        const text = await wb.waitFor(
          async () => {
            const value = await wb.readClipboard();
            return value !== 'e2e clipboard sentinel' ? value : undefined;
          },
          { timeout: 10000, message: 'the clipboard to change' },
        );
        assert.equal(text, fixtures.pagedGroupId);
      },
    },
    {
      id: 'open-json',
      title: 'context menu "Open as JSON" opens an editor with the group\'s JSON',
      needs: ['expand'],
      async run({ wb, fixtures, readme }) {
        await wb.contextMenu(fixtures.pagedGroupId, 'Open as JSON', { level: 3, upFirst: true });
        await wb.waitFor(async () => (await wb.activeTabText()).includes(fixtures.pagedGroupId), {
          message: `an editor tab named after ${fixtures.pagedGroupId}`,
        });
        const text = await wb.waitFor(
          async () => {
            const value = await wb.activeEditorText().catch(() => '');
            return value.includes(fixtures.pagedGroupId) ? value : undefined;
          },
          { message: 'the JSON editor to show the GroupId' },
        );
        assert.match(text, new RegExp(`"GroupId": "${fixtures.pagedGroupId}"`));
        assert.match(text, new RegExp(`"AppId": "${fixtures.appId}"`));
        const tab = await wb.activeTab().innerText();
        assert.match(tab, /\.json/, 'the tab is a .json document');
        await wb.clearToasts();
        await wb.moveMouseAway();
        const sidebarBox = await wb.sidebar().boundingBox();
        const lastLine = wb.page.locator('.editor-group-container.active .monaco-editor .view-line').last();
        await readme('json-editor', {
          include: [wb.sidebar(), wb.page.locator('.editor-group-container.active')],
          maxWidth: (sidebarBox?.width ?? 0) + 560,
          bottomAt: { locator: lastLine, extra: 120 },
        });
      },
    },
    dashboardStep,
    {
      id: 'error-and-retry',
      title: 'a server fault shows an error row with the cause; Retry (inline) after the fault clears brings the members back',
      needs: ['expand'],
      async run({ wb, emulator, fixtures, readme, state }) {
        const before = await emulator.control<FaultOptions>('GET', 'faults');
        state.faultsBefore = before;
        await emulator.control('PUT', 'faults', { ...before, errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
        await wb.inlineAction(fixtures.pagedGroupId, 'Refresh', { level: 3, upFirst: true });
        const errorRow = await wb.waitFor(async () => wb.findRow(/server had a problem/i, { level: 4 }), {
          timeout: 30000,
          message: 'an error row under the group',
        });
        assert.match(errorRow.label, /The server had a problem/);
        assert.match(errorRow.description, /InternalError/, 'the error row names the error code');
        const level4 = (await wb.rows()).filter((row) => row.level === 4);
        assert.deepEqual(
          level4.map((row) => row.label),
          [errorRow.label],
          'only the error row under the group: no stale members',
        );
        // Its tooltip tells the whole cause and what to do; the README shows it with the row's inline actions.
        const errorLocator = await wb.revealRow(errorRow.label, { level: 4 });
        // (Pointing at the label's centre would make Playwright scroll the clipped label sideways: point near its start.)
        await errorLocator.hover({ position: { x: 140, y: 10 } });
        const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Use Retry to try again' }).first();
        await hover.waitFor({ state: 'visible', timeout: 10000 });
        const hoverText = normalize(await hover.innerText()); // MarkdownString.appendText keeps spaces as U+00A0
        assert.match(hoverText, /The server had a problem/);
        assert.match(hoverText, /Code: InternalError/);
        const after = (await wb.rows()).find((row) => row.level <= 3 && row.index > errorRow.index); // where the crop ends
        const cropTo = after ? [wb.row(after.label, { level: after.level })] : [];
        await readme('error-row', { include: [wb.sidebar().locator('.composite.title'), errorLocator, hover, ...cropTo], maxWidth: 720 });
        await wb.moveMouseAway();

        await emulator.control('PUT', 'faults', before);
        state.faultsBefore = undefined;
        await wb.inlineAction(errorRow.label, 'Retry', { level: 4 });
        await wb.waitFor(
          async () => {
            const shown = await memberRowsShown(wb);
            return shown && shown.setSize === 51 && shown.first.label !== errorRow.label;
          },
          { timeout: 30000, message: 'the first page of members after Retry' },
        );
        assert.equal(await wb.findRow(/server had a problem/i, { level: 4 }), undefined, 'the error row is gone');
      },
    },
    ...findSteps(),
    writeStep,
    {
      id: 'second-profile',
      title: 'a second profile "sts" (STS key + token) reloads the tree; the status bar item switches back to "demo"',
      needs: ['sign-in'],
      async run({ wb, liveClassroom, fixtures, state }) {
        await wb.clearToasts();
        const sts = STS_KEY;
        await signInThroughPalette(wb, {
          profile: 'sts',
          accessKeyId: sts.accessKeyId,
          accessKeySecret: sts.accessKeySecret,
          securityToken: sts.securityToken,
        });
        state.profiles.add('sts');
        await expectSignedInAs(wb, 'sts', liveClassroom.AppName);
        // A new profile is a new root: its apps are shown collapsed, nothing of demo's expansion remains.
        await wb.waitFor(async () => (await wb.findRow(fixtures.pagedGroupId, { level: 3 })) === undefined, { message: "demo's expanded group to be gone" });
        assert.equal((await wb.findRow(liveClassroom.AppName, { level: 1 }))?.expanded, 'false');
        await wb.statusBarItem('demo').waitFor({ state: 'hidden', timeout: 5000 });

        // The status bar item runs Switch Profile…; the palette command is the fallback if the click missed.
        await wb.statusBarItem('sts').click();
        const opened = await wb
          .quickInput()
          .waitFor({ state: 'visible', timeout: 5000 })
          .then(
            () => true,
            () => false,
          );
        if (!opened) await wb.runCommand(COMMAND.switchProfile);
        await wb.pick('Interactive Messages profile', 'demo');
        await wb.statusBarItem('demo').waitFor({ state: 'visible', timeout: 10000 });
        await wb.waitForRow(liveClassroom.AppName, { level: 1 });
        const apps = (await wb.rows()).filter((row) => row.level === 1).map((row) => row.label);
        assert.ok(apps.includes(liveClassroom.AppName), `demo's apps are shown: ${JSON.stringify(apps)}`);
      },
    },
    {
      id: 'sign-out',
      title: 'Sign Out (palette, confirmed in the modal dialog) twice removes both profiles; the welcome view is back',
      needs: ['sign-in'],
      async run({ wb, state }) {
        await wb.clearToasts();
        // Both profiles exist unless the second sign-in failed; the active one (demo, after the switch) goes first.
        const remaining = state.completed.has('second-profile') ? ['demo', 'sts'] : ['demo', 'sts'].filter((name) => state.profiles.has(name));
        const expectedOrder = [...remaining];
        const signedOut = [];
        while (remaining.length) {
          await wb.runCommand(COMMAND.signOut);
          const text = await wb.answerDialog(/Sign out of profile "[^"]+"\? Its AccessKey is deleted from VS Code secret storage\./, 'Sign Out');
          const profile = /profile "([^"]+)"/.exec(text)?.[1] ?? '';
          assert.ok(remaining.includes(profile), `the dialog asks about a signed-in profile (${profile}; signed in: ${remaining.join(', ')})`);
          remaining.splice(remaining.indexOf(profile), 1);
          signedOut.push(profile);
          await wb.toast(`Signed out of profile "${profile}"`).waitFor({ state: 'visible', timeout: 10000 });
          await wb.statusBarItem(profile).waitFor({ state: 'hidden', timeout: 10000 });
        }
        assert.deepEqual(signedOut, expectedOrder, 'the active profile is the one signed out first');
        await wb.welcome().getByRole('button', { name: 'Sign In with AccessKey' }).waitFor({ state: 'visible', timeout: 20000 });
        assert.equal((await wb.rows()).length, 0, 'no tree rows after signing out');
      },
    },
  ];
}
