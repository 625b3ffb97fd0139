// Pinning as a user: "Pin" in a group's context menu puts the group under "Pinned" at the top of the view, as a row
// of its own with the group's label; that row's inline "Unpin" takes it away, and the section goes with its last pin.
import * as assert from 'node:assert/strict';
import type { Step } from './context';

export const pinStep: Step = {
  id: 'pin',
  title: 'context menu "Pin" on a group puts it under "Pinned" at the top of the view; its inline "Unpin" takes it away',
  needs: ['expand'],
  async run({ wb, fixtures, readme }) {
    const group = fixtures.pagedGroupId;
    await wb.scrollTreeToTop();
    assert.equal(await wb.findRow('Pinned', { level: 1 }), undefined, 'no Pinned section while nothing is pinned');
    await wb.contextMenu(group, 'Pin', { level: 3, upFirst: true });
    await wb.waitForRow('Pinned', { level: 1 });
    await wb.scrollTreeToTop();
    const [top, pinned] = await wb.waitFor(
      async () => {
        const rows = await wb.rows();
        return rows[1]?.label === group ? rows : undefined;
      },
      { message: `the pinned ${group} right below "Pinned"` },
    );
    assert.deepEqual([top.index, top.label, top.level, top.expanded], [0, 'Pinned', 1, 'true'], 'the section is the first row, open');
    assert.deepEqual([pinned.level, pinned.setSize], [2, 1], 'one pinned row in the section');
    assert.match(pinned.description, /\bby /, 'the pinned row describes the group as its own row does');
    assert.ok(await wb.findRow(group, { level: 3 }), 'the group stays under its user as well');
    await readme('pinned', { include: [wb.sidebar().locator('.composite.title'), wb.row(group, { level: 3 })], maxWidth: 720 });

    await wb.inlineAction(group, 'Unpin', { level: 2 });
    await wb.waitFor(async () => (await wb.findRow('Pinned', { level: 1 })) === undefined, { message: 'the Pinned section to go' });
    assert.equal(await wb.findRow(group, { level: 2 }), undefined, 'no pinned row left');
    assert.ok(await wb.findRow(group, { level: 3 }), 'the group is still under its user');
  },
};
