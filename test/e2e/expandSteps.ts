// The tree's first expansions: the member rows of the expanded group, and a group expanded the moment it appears.
import * as assert from 'node:assert/strict';
import type { TreeRow, Workbench } from '../harness/workbench';
import { COMMAND, type Step } from './context';

/**
 * The member rows of the expanded group, counted from aria-setsize (the tree is virtual: rows out of view are not in
 * the DOM). Only one group is expanded in this scenario, so any rendered level-4 row is one of its children.
 */
export async function memberRowsShown(wb: Workbench): Promise<{ setSize: number; first: TreeRow } | undefined> {
  const child = (await wb.rows()).find((row) => row.level === 4);
  return child ? { setSize: child.setSize, first: child } : undefined;
}

/**
 * A group expanded the moment its user's groups appear. When the user row was redrawn while the group's children were
 * asked for, the view dropped the request: the group stayed expanded and empty, with no ListMessageGroupUser call, and
 * collapsing and expanding it again did not help. (Formerly test/e2e/repro-expand-race.js.)
 */
export const expandAtOnce: Step = {
  id: 'expand-at-once',
  title: "a group expanded the moment its user's groups appear loads and shows its members; then Collapse All and Refresh",
  needs: ['sign-in'],
  async run({ wb, emulator, fixtures, liveClassroom }) {
    const memberCalls = async () => (await emulator.stats()).byAction.ListMessageGroupUser ?? 0;
    await wb.expand(liveClassroom.AppName, { level: 1 });
    await (await wb.waitForRow(fixtures.userId, { level: 2 })).locator('.monaco-tl-twistie').click();
    const group = await wb.waitForRow(fixtures.pagedGroupId, { level: 3, timeout: 30_000 });
    const before = await memberCalls();
    await group.locator('.monaco-tl-twistie').click(); // at once, as a quick double click would
    await wb.waitFor(async () => (await wb.rows()).some((row) => row.level === 4 && row.label !== 'Loading…'), {
      message: `member rows under ${fixtures.pagedGroupId}, expanded as soon as it appeared`,
    });
    assert.ok((await memberCalls()) > before, 'expanding the group asked the API for its members');
    // Start over: Collapse All (so no expansion is remembered), then Refresh forgets every loaded list.
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    await wb.waitFor(async () => (await wb.findRow(fixtures.userId, { level: 2 })) === undefined, { message: 'the tree to collapse' });
    await wb.runCommand(COMMAND.refresh);
    await wb.waitForRow(liveClassroom.AppName, { level: 1 });
  },
};
