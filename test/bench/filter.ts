// Benchmark: the view's filter over 100,000 loaded members, through the code the tree runs (which rows stay, and
// the "n of N loaded match" count). Runnable alone (`node out/test/bench/filter.js`); npm run bench adds its key.
import { Pager, type ListSource } from '../../src/api/pager';
import type { GroupMember } from '../../src/api/types';
import { parseFilter, SEARCH_TEXT, type TreeFilter } from '../../src/model/filter';
import { ListStore } from '../../src/model/listStore';
import { filterSummary, keepsRow } from '../../src/tree/filtering';

const MEMBERS = 100_000;
const ROUNDS = 7;

const noPages: ListSource<GroupMember> = {
  fetchPage: () => Promise.reject(new Error('the benchmark fills the list itself')),
  keyOf: (member) => member.UserId,
  callsPerSecond: 100,
  latencyMs: () => undefined,
};

/** Median milliseconds of filtering 100,000 loaded members (rows kept + the view's count). */
export function measureFilter(): { filter_100k_ms: number; kept: number } {
  const lists = new ListStore();
  const groupId = '/profile/bench/app/A/user/U/group/G';
  const list = lists.get(groupId, () => new Pager(noPages, 50));
  list.items = Array.from({ length: MEMBERS }, (_, i) => ({
    UserId: `user-${i.toString(36).padStart(5, '0')}-${(i * 7919) % 100_003}`,
    JoinTime: 1_700_000_000 + i,
  }));
  const filter = parseFilter('7a') as TreeFilter;
  const times: number[] = [];
  let kept = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    kept = list.items.filter((member) => keepsRow(lists, filter, 'member', SEARCH_TEXT.member(member), `${groupId}/member/${member.UserId}`)).length;
    filterSummary(lists, filter);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { filter_100k_ms: Math.round(times[Math.floor(ROUNDS / 2)] * 10) / 10, kept };
}

if (require.main === module) {
  const { filter_100k_ms, kept } = measureFilter();
  console.log(
    `filter "7a" over ${MEMBERS.toLocaleString('en-US')} loaded members: ${kept.toLocaleString('en-US')} kept, median ${filter_100k_ms} ms of ${ROUNDS} rounds (rows kept + the view's count)`,
  );
  console.log(JSON.stringify({ filter_100k_ms }));
}
