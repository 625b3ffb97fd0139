// Benchmark figures for long loads of the 100,000-member group through the tree's own model (PagedList over the
// load-all engine), against an emulator in its own process with 10–60 ms latency: under faults (loads that
// complete, or resume to completion; members loaded and then lost), under churn (share of the group as it is at
// the end that the load returned; duplicates), and while members leave, join or leave in a burst (share of those
// present from the load's first page to its last, by the emulator's record; calls over a load of the still group).
import * as path from 'node:path';
import { InteractiveMessagesClient } from '../../src/api/client';
import { memberPager } from '../../src/api/pager';
import { LIMITS, type GroupMember, type SortType } from '../../src/api/types';
import { PagedList } from '../../src/model/pagedList';
import type { MembershipReport } from '../../src/emulator';
import { startEmulator, type EmulatorProcess } from '../harness/emulator';
import { REPO } from '../harness/paths';

const LATENCY = '10-60';
const FAULTS = ['--error-rate', '0.08', '--html502-rate', '0.02', '--malformed-rate', '0.02', '--reset-rate', '0.02'];
const FAULT_LOADS = 5;
const RESUMES = 5;
const PAGE_SIZE = 50;
const never = new AbortController().signal;

export async function withEmulator<T>(
  args: string[],
  run: (emulator: EmulatorProcess, group: { appId: string; groupId: string }) => Promise<T>,
  latencyMs: string = LATENCY,
): Promise<T> {
  const emulator = await startEmulator({
    cli: path.join(REPO, 'out', 'src', 'emulator', 'cli.js'),
    latencyMs,
    args: ['--qps', '100', '--seed', '1', ...args],
  });
  try {
    const { appId, bigGroupId } = (await emulator.dataset()).fixtures;
    return await run(emulator, { appId, groupId: bigGroupId });
  } finally {
    await emulator.stop();
  }
}

export function clientOf(emulator: EmulatorProcess): InteractiveMessagesClient {
  return new InteractiveMessagesClient({
    endpoint: emulator.url,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    callsPerSecond: LIMITS.callsPerSecond,
  });
}

/** Five Load alls under the fault mix, each resumed (as the user would) while it stops. */
export async function measureFaults(): Promise<{ faults_complete: number; faults_lost: number; detail: string[] }> {
  return withEmulator(FAULTS, async (emulator, { appId, groupId }) => {
    let complete = 0;
    let lost = 0;
    const detail: string[] = [];
    for (let load = 0; load < FAULT_LOADS; load++) {
      const list = new PagedList(memberPager(clientOf(emulator), { AppId: appId, GroupId: groupId, SortType: 1 }, PAGE_SIZE));
      const everLoaded = new Set<string>();
      let outcome = await list.loadAll(never, () => undefined);
      let resumes = 0;
      for (; outcome.status === 'stopped' && resumes < RESUMES; resumes++) {
        for (const member of list.items) everLoaded.add(member.UserId);
        outcome = await list.resume(never, () => undefined);
      }
      const kept = new Set(list.items.map((member) => member.UserId));
      lost += [...everLoaded].filter((id) => !kept.has(id)).length;
      if (outcome.status === 'complete' && kept.size === outcome.total) complete++;
      detail.push(`${outcome.status} ${kept.size} of ${outcome.total} after ${resumes} resumes, ${outcome.pagesFetched}+${outcome.extraPages} pages`);
    }
    return { faults_complete: complete, faults_lost: lost, detail };
  });
}

async function membersNow(client: InteractiveMessagesClient, appId: string, groupId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of memberPager(client, { AppId: appId, GroupId: groupId }, PAGE_SIZE).pages()) for (const m of page.items) ids.add(m.UserId);
  return ids;
}

/** One Load all while 3 members leave and join per page served; the group as it ends is read with churn off. */
export async function measureChurn(sortType: SortType = 1): Promise<{ churn_coverage: number; churn_duplicates: number; detail: string }> {
  return withEmulator(['--churn-per-page', '3'], async (emulator, { appId, groupId }) => {
    const client = clientOf(emulator);
    const list = new PagedList<GroupMember>(memberPager(client, { AppId: appId, GroupId: groupId, SortType: sortType }, PAGE_SIZE));
    const outcome = await list.loadAll(never, () => undefined);
    await emulator.control('PUT', 'faults', { latencyMs: { min: 10, max: 60 } });
    const final = await membersNow(client, appId, groupId);
    const ids = list.items.map((member) => member.UserId);
    const returned = new Set(ids);
    const covered = [...final].filter((id) => returned.has(id)).length;
    const row = list.incomplete?.status === 'changed' ? `"${list.incomplete.loaded} of ${list.incomplete.total} — changed"` : outcome.status;
    return {
      churn_coverage: Math.round((covered / final.size) * 100_000) / 100_000,
      churn_duplicates: ids.length - returned.size,
      detail: `SortType ${sortType}: ${outcome.status} (${row}), ${covered} of the final ${final.size} returned, ${ids.length - covered} no longer members, ${outcome.pagesFetched}+${outcome.extraPages} pages in ${outcome.durationMs} ms`,
    };
  });
}

/** How the members move while Load all runs: 3 leaving a page (anywhere), 4 joining a page, 2,000 leaving at once mid-load. */
const MOVES = {
  still: [],
  leave: ['--leave-per-page', '3'],
  join: ['--join-per-page', '4'],
  burst: ['--leave-burst', '2000@1000'],
} as const;
type Move = keyof typeof MOVES;

function membership(emulator: EmulatorProcess, groupId: string, pages?: { from: number; to: number }): Promise<MembershipReport> {
  const range = pages ? `&from=${pages.from}&to=${pages.to}` : '';
  return emulator.control<MembershipReport>('GET', `membership?groupId=${encodeURIComponent(groupId)}${range}`);
}

interface MovingLoad {
  /** Share of the members present from the load's first page served to its last that it returned. */
  coverage: number;
  duplicates: number;
  /** Returned, though never a member while the load ran. */
  phantoms: number;
  /** Pages of the group the emulator served for the load, and those of them read beyond the pass. */
  calls: number;
  extraPages: number;
  detail: string;
}

/** One Load all while the members move as `move` says; who was present comes from the emulator's record. */
async function loadWhileMoving(move: Move, sortType: SortType): Promise<MovingLoad> {
  return withEmulator([...MOVES[move]], async (emulator, { appId, groupId }) => {
    const before = await membership(emulator, groupId);
    const list = new PagedList<GroupMember>(memberPager(clientOf(emulator), { AppId: appId, GroupId: groupId, SortType: sortType }, PAGE_SIZE));
    const outcome = await list.loadAll(never, () => undefined);
    const served = (await membership(emulator, groupId)).served;
    const record = await membership(emulator, groupId, { from: before.served + 1, to: served });
    const throughout = record.presentThroughout ?? [];
    const everPresent = new Set([...throughout, ...(record.presentPartly ?? [])]);
    const ids = list.items.map((member) => member.UserId);
    const returned = new Set(ids);
    const covered = throughout.filter((id) => returned.has(id)).length;
    const calls = served - before.served;
    return {
      coverage: Math.round((covered / throughout.length) * 100_000) / 100_000,
      duplicates: ids.length - returned.size,
      phantoms: [...returned].filter((id) => !everPresent.has(id)).length,
      calls,
      extraPages: outcome.extraPages,
      detail:
        `${move}, SortType ${sortType}: ${outcome.status}, ${covered} of the ${throughout.length} present throughout returned ` +
        `(Total ${before.members} -> ${record.members}), ${outcome.pagesFetched}+${outcome.extraPages} pages, ${calls} calls in ${outcome.durationMs} ms`,
    };
  });
}

/**
 * Load all of the 100,000-member group, both sort orders, while members leave, join, or leave in a burst: the worse
 * order's coverage, the most calls over a Load all of the still group in the same order (a list that shrinks needs
 * fewer pages, one that grows more) and the most pages read beyond the pass, duplicates and phantoms.
 */
export async function measureMoves(): Promise<{ figures: Record<string, number>; detail: string[] }> {
  const figures: Record<string, number> = { churn_moves_duplicates: 0, churn_moves_phantoms: 0 };
  const detail: string[] = [];
  const still = new Map<SortType, number>();
  const worst = (name: string, value: number) => (figures[name] = Math.max(figures[name] ?? -Infinity, value));
  for (const move of Object.keys(MOVES) as Move[]) {
    for (const sortType of [0, 1] as const) {
      const load = await loadWhileMoving(move, sortType);
      detail.push(load.detail);
      figures.churn_moves_duplicates += load.duplicates;
      figures.churn_moves_phantoms += load.phantoms;
      if (move === 'still') {
        still.set(sortType, load.calls);
        worst('churn_still_calls', load.calls);
        worst('churn_still_extra_pages', load.extraPages);
        continue;
      }
      figures[`churn_${move}_coverage`] = Math.min(figures[`churn_${move}_coverage`] ?? 1, load.coverage);
      worst(`churn_${move}_extra_calls`, load.calls - (still.get(sortType) ?? 0));
      worst(`churn_${move}_extra_pages`, load.extraPages);
    }
  }
  return { figures, detail };
}
