// rtt_ms: one signed ListMessageGroupUser through the extension's own API client (POST, keep-alive), from Node.
import { InteractiveMessagesClient } from '../../../src/api/client';
import type { DatasetFixtures } from '../../../src/emulator/index';
import type { EmulatorProcess } from '../../harness/emulator';
import { sleep } from '../../harness/wait';
import { RTT_CALLS } from './config';

export interface RttResult {
  client: InteractiveMessagesClient;
  times: number[];
}

export async function measureRtt(emulator: EmulatorProcess, fixtures: DatasetFixtures): Promise<RttResult> {
  const client = new InteractiveMessagesClient({
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    endpoint: emulator.url,
    method: 'POST',
  });
  const request = { AppId: fixtures.appId, GroupId: fixtures.smallGroupId, PageNum: 1, PageSize: 50, SortType: 1 as const };
  for (let warmUp = 0; warmUp < 3; warmUp++) await client.listMessageGroupUser(request);
  const times: number[] = [];
  for (let call = 0; call < RTT_CALLS; call++) {
    const started = performance.now();
    await client.listMessageGroupUser(request);
    times.push(performance.now() - started);
    await sleep(20);
  }
  return { client, times };
}

/** The first page of members in both sort orders: the first member row the view shows is one of these. */
export async function firstPageMembers(client: InteractiveMessagesClient, appId: string, groupId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const SortType of [1, 0] as const) {
    const page = await client.listMessageGroupUser({ AppId: appId, GroupId: groupId, PageNum: 1, PageSize: 50, SortType });
    for (const member of page.Result.UserList) ids.add(member.UserId);
  }
  return [...ids];
}
