// Benchmark figures for long loads of the 100,000-member group through the tree's own model (PagedList over the
// load-all engine), against an emulator in its own process with 10–60 ms latency: under faults (loads that
// complete, or resume to completion; members loaded and then lost) and under churn (share of the group as it is at
// the end that the load returned; duplicates).
import * as path from 'node:path';
import { InteractiveMessagesClient } from '../../src/api/client';
import { memberPager } from '../../src/api/pager';
import { LIMITS, type GroupMember, type SortType } from '../../src/api/types';
import { PagedList } from '../../src/model/pagedList';
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
