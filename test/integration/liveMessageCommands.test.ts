// Commands only the LiveMessage family has, in the real extension host against the emulator: the band (mute) state
// that Show Details reads for a group and the member rows then show, Check Online… on a group and a member, the
// member rows' UserInfo, and the view's filter over LiveMessage groups. The commands both families share are in
// concepts.test.ts, run once per family.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OnlineAnswer } from '../../src/commands/live/checkOnline';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { parseFilter } from '../../src/model/filter';
import {
  children,
  configure,
  explorer,
  isLiveApp,
  isLiveGroup,
  isLiveMember,
  labelOf,
  reset,
  runWithInput,
  signedInWorld,
  type LiveAppNode,
  type LiveGroupNode,
  type LiveMemberNode,
} from './helpers';
import { typed } from './testInput';

describe('commands of the LiveMessage family (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let live: RunningEmulator['liveMessage'];
  let app: LiveAppNode;
  let small: LiveGroupNode;
  let member: LiveMemberNode;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    live = emulator.liveMessage;
    await configure(api, { pageSize: 50 });
  });

  beforeEach(async () => {
    emulator.setFaults({});
    api.tree.setFilter(undefined);
    app = (await children(api)).find((node): node is LiveAppNode => isLiveApp(node) && node.appId === live.fixtures.appId)!;
    assert.ok(app);
    const found = await api.tree.findNode(app.childId(live.fixtures.smallGroupId), { loadMore: true });
    assert.ok(isLiveGroup(found));
    small = found;
    member = (await children(api, small)).find(isLiveMember)!;
    assert.ok(member);
  });

  after(async () => {
    api.tree.setFilter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  it('Show Details reads the group and its band state; the tooltip and the member rows show the mute state', async () => {
    const banned = await api.tree.findNode(app.childId(live.fixtures.bannedGroupId), { loadMore: true });
    assert.ok(isLiveGroup(banned));
    const detail = (await vscode.commands.executeCommand('imExplorer.showDetails', banned)) as {
      GroupId: string;
      band?: { IsbannedAll: boolean; UnbannedUserList: string[] };
    };
    assert.equal(detail.GroupId, live.fixtures.bannedGroupId);
    assert.equal(detail.band?.IsbannedAll, true);
    const shown = await api.tree.findNode(banned.id);
    assert.ok(isLiveGroup(shown));
    assert.match(String(shown.treeItem().description), /all muted/);
    const tooltip = (shown.tooltip() as vscode.MarkdownString).value;
    for (const field of ['IsbannedAll', 'UnbannedUserList', 'OnlineUserCounts', 'MsgAmount']) assert.ok(tooltip.includes(field), `${field} in the tooltip`);
    const members = (await children(api, shown)).filter(isLiveMember);
    const unbanned = new Set(detail.band!.UnbannedUserList);
    const mutedRow = members.find((row) => !unbanned.has(row.member.UserId))!;
    assert.match(String(mutedRow.treeItem().description), /muted/);
  });

  it('a member row shows the nick and level its UserInfo names, and every field of it in the tooltip', async () => {
    assert.ok('UserInfo' in member.member, 'a member listed by ListLiveMessageGroupUsers');
    const info = JSON.parse(member.member.UserInfo) as { nick: string; level: number };
    const description = String(member.treeItem().description);
    assert.ok(description.startsWith(`${info.nick} · level ${info.level}`), description);
    assert.ok(!description.includes('{'), `no raw JSON in the row: ${description}`);
    const tooltip = (member.tooltip() as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('nick') && tooltip.includes('level'), 'the fields in the tooltip');
  });

  it('Check Online… on a group asks for UserIds and answers for each; on a member it checks that member', async () => {
    const ids = (await children(api, small)).filter(isLiveMember).map((row) => row.member.UserId);
    const { result } = await runWithInput<OnlineAnswer[]>(api, 'imExplorer.checkOnline', [typed(/Check online in/, `${ids.join(', ')}, not-a-member`)], small);
    assert.deepEqual(result?.map((answer) => answer.UserId).sort(), [...ids, 'not-a-member'].sort());
    assert.equal(result?.find((answer) => answer.UserId === 'not-a-member')?.Online, false);
    const rows = (await children(api, small)).filter(isLiveMember);
    for (const row of rows) {
      const answer = result!.find((entry) => entry.UserId === row.member.UserId)!;
      assert.match(String(row.treeItem().description), answer.Online ? /online/ : /offline/);
    }
    const one = (await vscode.commands.executeCommand('imExplorer.checkOnline', member)) as OnlineAnswer[];
    assert.deepEqual(
      one.map((answer) => answer.UserId),
      [member.member.UserId],
    );
  });

  it('Check Online… refuses more than 10 UserIds and sends nothing', async () => {
    emulator.resetStats();
    const many = Array.from({ length: 11 }, (_, i) => `u${i}`).join(',');
    const { result, input } = await runWithInput(api, 'imExplorer.checkOnline', [typed(/Check online in/, many)], small);
    assert.equal(result, undefined);
    assert.ok(input.messages.some((message) => /At most 10 UserIds/.test(message.message)));
    assert.equal(emulator.stats().byAction.CheckLiveMessageUsersInGroup ?? 0, 0);
  });

  it('the view filter keeps the LiveMessage groups that match', async () => {
    api.tree.setFilter(parseFilter(`group:${small.group.GroupId}`) as never);
    const rows = await children(api, app);
    assert.deepEqual(rows.filter(isLiveGroup).map(labelOf), [labelOf(small)]);
    api.tree.setFilter(undefined);
  });
});
