// The load-all engine against the emulator's moving members: leaving anywhere, joining as the newest, both, and a
// burst of leavers, in both sort orders. Who was present from the first page the load was served to the last comes
// from the emulator's own record; the load must return them all (at least 99.9 %), nobody twice, nobody who never
// was a member, and say "changed", never "complete", of a list that moved until its last page.
import * as assert from 'node:assert/strict';
import { memberPager } from '../../../src/api/pager';
import type { SortType } from '../../../src/api/types';
import { startEmulator, type FaultOptions } from '../../../src/emulator';
import { newClient } from '../helpers';

/** The thousand-member group after 2,000 more joined: a list of 60 pages. */
const MEMBERS = 3000;
const LATENCY = { min: 0, max: 5 };
const MOVES: Record<string, FaultOptions> = {
  'members leaving anywhere, 3 a page': { leavePerPage: 3 },
  'members joining, 4 a page': { joinPerPage: 4 },
  'members leaving and joining, 3 and 3 a page': { leavePerPage: 3, joinPerPage: 3 },
  'a burst of 300 leaving after the 25th page': { leaveBurst: { members: 300, afterPage: 25 } },
};

async function loadWhileMoving(moves: FaultOptions, SortType: SortType) {
  const emulator = await startEmulator({ seed: 1 });
  try {
    const { appId, thousandGroupId: groupId } = emulator.dataset.fixtures;
    const { client } = newClient(emulator.url);
    emulator.setFaults({ joinPerPage: MEMBERS - 1000, actions: ['ListMessageGroupUser'] });
    await client.listMessageGroupUser({ AppId: appId, GroupId: groupId, PageNum: 1, PageSize: 1 });
    emulator.setFaults({ ...moves, latencyMs: LATENCY, actions: ['ListMessageGroupUser'] });
    const before = emulator.membership(groupId);
    assert.equal(before.members, MEMBERS);
    const result = await memberPager(client, { AppId: appId, GroupId: groupId, SortType }, 50).loadAll();
    const record = emulator.membership(groupId, { from: before.served + 1, to: emulator.membership(groupId).served });
    return { result, throughout: record.presentThroughout ?? [], partly: record.presentPartly ?? [] };
  } finally {
    await emulator.close();
  }
}

describe('load-all engine: members moving as the emulator serves pages', () => {
  for (const [name, moves] of Object.entries(MOVES)) {
    for (const SortType of [0, 1] as const) {
      it(`${name} (SortType ${SortType}): everyone present throughout, once, nobody else; "changed"`, async () => {
        const { result, throughout, partly } = await loadWhileMoving(moves, SortType);
        const ids = result.items.map((member) => member.UserId);
        const returned = new Set(ids);
        assert.equal(returned.size, ids.length, 'duplicates');
        const missed = throughout.filter((id) => !returned.has(id));
        assert.ok(missed.length <= throughout.length / 1000, `${missed.length} of ${throughout.length} present throughout missed`);
        const everPresent = new Set([...throughout, ...partly]);
        assert.deepEqual(
          ids.filter((id) => !everPresent.has(id)),
          [],
          'returned, but never a member while the load ran',
        );
        assert.equal(result.status, 'changed');
        // What moving costs: a share of the pages read again, not one for each page.
        assert.ok(result.extraPages <= result.pagesFetched / 2, `${result.extraPages} extra pages for ${result.pagesFetched}`);
      });
    }
  }

  it('the same group, still: complete, every member in order, a few reads to check it', async () => {
    for (const SortType of [0, 1] as const) {
      const { result, throughout, partly } = await loadWhileMoving({}, SortType);
      assert.equal(result.status, 'complete');
      assert.equal(throughout.length, MEMBERS);
      assert.deepEqual(partly, []);
      assert.deepEqual(
        result.items.map((member) => member.UserId),
        SortType === 1 ? [...throughout].reverse() : throughout,
      );
      assert.ok(result.extraPages <= 4, `${result.extraPages} extra pages`);
    }
  });
});
