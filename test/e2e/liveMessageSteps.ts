// A LiveMessage app as a user meets it: listed at the root beside the legacy apps without configuring anything,
// expanded to its groups (token pages, "Load more…"), a group expanded to its Messages row and its members.
import * as assert from 'node:assert/strict';
import type { LiveMessageFixtures } from '../../src/emulator/index';
import type { TreeRow } from '../harness/workbench';
import type { Step } from './context';

const LIVE_APP_NAME = 'Live Lecture Hall';

export const expandLiveMessageApp: Step = {
  id: 'livemessage-expand',
  title: 'a LiveMessage app at the root → its groups (Load more… through token pages) → a group: Messages and its members',
  needs: ['sign-in'],
  async run({ wb, emulator }) {
    const { fixtures } = await emulator.control<{ fixtures: LiveMessageFixtures }>('GET', 'livemessage');
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    const appRow = await wb.waitForRow(LIVE_APP_NAME, { level: 1, timeout: 30_000 });
    assert.match((await wb.findRow(LIVE_APP_NAME, { level: 1 }))?.description ?? '', new RegExp(`^${fixtures.appId} · LiveMessage · cn-shanghai`));
    assert.ok(appRow);
    await wb.expand(LIVE_APP_NAME, { level: 1 });
    const groupCalls = async () => (await emulator.stats()).byAction.ListLiveMessageGroups ?? 0;
    // The tree is virtual: only the rows in view are in the page, so look for the group by scrolling through it.
    const findGroup = async (): Promise<TreeRow | undefined> => {
      await wb.scrollTreeToTop();
      let previous = '';
      for (let i = 0; i < 60; i++) {
        const rows = await wb.rows();
        const found = rows.find((row) => row.level === 2 && row.description.startsWith(`${fixtures.smallGroupId} ·`));
        if (found) return found;
        const marker = `${rows[0]?.index}-${rows[rows.length - 1]?.index}`;
        if (marker === previous) return undefined;
        previous = marker;
        await wb.scrollTree(1);
        await wb.page.waitForTimeout(100);
      }
      return undefined;
    };
    await wb.waitForRow('Load more…', { level: 2, timeout: 30_000 }).catch(() => undefined);
    let group = await findGroup();
    for (let page = 0; page < 6 && !group; page++) {
      const before = await groupCalls();
      const more = await wb.waitFor(async () => wb.revealRow('Load more…', { level: 2 }).catch(() => undefined), { message: 'the "Load more…" row' });
      await more.click();
      await wb.waitFor(async () => (await groupCalls()) > before, { message: 'the next page of groups' });
      await wb.page.waitForTimeout(300); // the page drawn
      group = await findGroup();
    }
    assert.ok(group, `the group ${fixtures.smallGroupId} among the app's groups`);
    await wb.revealRow(group.label, { level: 2 });
    await wb.expand(group.label, { level: 2 });
    // The group may be the last row in view: its children are below it, out of view until scrolled to.
    await wb.waitFor(async () => wb.revealRow('Messages', { level: 3 }).catch(() => undefined), { message: 'the Messages row' });
    let scrolled = false;
    const members = await wb.waitFor(
      async () => {
        const rows = (await wb.rows()).filter((row) => row.level === 3 && row.label.startsWith('uid_'));
        if (rows.length === 0 && !scrolled) {
          await wb.scrollTree(1); // the group may be the last row in view: bring its children into view once
          scrolled = true;
        }
        return rows.length > 0 ? rows : undefined;
      },
      { message: `member rows under ${fixtures.smallGroupId}` },
    );
    assert.equal(members[0].setSize, 5, 'the Messages row and the 4 members of the small group');
    const calls = (await emulator.stats()).byAction;
    assert.ok((calls.ListLiveMessageGroups ?? 0) >= 2, 'groups came in token pages');
    assert.ok((calls.ListLiveMessageGroupUsers ?? 0) >= 1, 'members were asked for');
    await wb.expand('Messages', { level: 3 });
    await wb.waitFor(async () => (await wb.rows()).some((row) => row.level === 4 && row.label !== 'Loading…'), { message: 'message rows or their note' });
    // Leave the tree as the next steps expect it: collapsed, at the top.
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    await wb.scrollTreeToTop();
  },
};
