// Commands on LiveMessage rows in the real extension host against the emulator: copy ids, Copy as Code (the right
// action and wire parameters in each language), Open as JSON, Show Details with the band state, Check Online… on a
// group and a member, Find Group, Search Members, Export, the view's filter and hovers over LiveMessage ids.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OnlineAnswer } from '../../src/commands/live/checkOnline';
import type { FindLiveGroupOutcome } from '../../src/commands/live/findLiveGroup';
import type { ExportOutcome } from '../../src/commands/export';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { parseFilter } from '../../src/model/filter';
import type { LiveAppNode } from '../../src/tree/liveAppNode';
import type { LiveGroupDetail, LiveGroupNode } from '../../src/tree/liveGroupNode';
import type { LiveMemberNode } from '../../src/tree/liveMemberNode';
import type { ExplorerNode } from '../../src/tree/node';
import { assertNoSecrets, children, configure, explorer, labelOf, reset, runWithInput, selectionWhen, signedInWorld } from './helpers';
import { picked, savedAs, searched, typed } from './testInput';

const isLiveApp = (node: ExplorerNode | undefined): node is LiveAppNode => node?.kind === 'liveApp';
const isLiveMember = (node: ExplorerNode | undefined): node is LiveMemberNode => node?.kind === 'liveMember';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('commands on LiveMessage rows (real extension host)', () => {
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
    small = (await api.tree.findNode(app.id + `/group/${encodeURIComponent(live.fixtures.smallGroupId)}`, { loadMore: true })) as LiveGroupNode;
    assert.equal(small?.kind, 'liveGroup');
    member = (await children(api, small)).find(isLiveMember)!;
    assert.ok(member);
    await vscode.env.clipboard.writeText('');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  it('copies AppId, GroupId and UserId of LiveMessage rows', async () => {
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyAppId', app), live.fixtures.appId);
    assert.equal(await vscode.env.clipboard.readText(), live.fixtures.appId);
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyGroupId', small), live.fixtures.smallGroupId);
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyUserId', member), member.member.UserId);
    assert.equal(await vscode.env.clipboard.readText(), member.member.UserId);
  });

  it('Copy as Code writes the LiveMessage action with its wire parameters in each language', async () => {
    for (const [language, marker] of [
      [/^TypeScript$/, 'client.request("ListLiveMessageGroupUsers"'],
      [/^Python$/, 'request.set_action_name("ListLiveMessageGroupUsers")'],
      [/^aliyun CLI$/, 'aliyun live ListLiveMessageGroupUsers'],
    ] as const) {
      await runWithInput(api, 'imExplorer.copyAsCode', [picked(/Copy ListLiveMessageGroupUsers as code/, language)], small);
      const text = await vscode.env.clipboard.readText();
      assert.ok(text.includes(marker), `${language}: ${text}`);
      for (const part of [live.fixtures.smallGroupId, live.fixtures.appId, 'cn-shanghai', 'SortType', 'PageSize'])
        assert.ok(text.includes(part), `${language} has ${part}`);
      assertNoSecrets([text]);
    }
    await runWithInput(api, 'imExplorer.copyAsCode', [picked(/Copy CheckLiveMessageUsersInGroup as code/, /^TypeScript$/)], member);
    const text = await vscode.env.clipboard.readText();
    assert.ok(text.includes(`UserIds: ${JSON.stringify(JSON.stringify([member.member.UserId]))}`), `UserIds as one JSON array text: ${text}`);
    assert.match(text, /method: 'POST'/);
  });

  it('Open as JSON shows the raw group', async () => {
    const uri = (await vscode.commands.executeCommand('imExplorer.openJson', small)) as vscode.Uri;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual(JSON.parse(document.getText()), small.group);
  });

  it('Show Details reads the group and its band state; the tooltip and the member rows show the mute state', async () => {
    const banned = (await api.tree.findNode(app.id + `/group/${encodeURIComponent(live.fixtures.bannedGroupId)}`, { loadMore: true })) as LiveGroupNode;
    const detail = (await vscode.commands.executeCommand('imExplorer.showDetails', banned)) as LiveGroupDetail;
    assert.equal(detail.GroupId, live.fixtures.bannedGroupId);
    assert.equal(detail.band?.IsbannedAll, true);
    const shown = (await api.tree.findNode(banned.id)) as LiveGroupNode;
    assert.match(String(shown.treeItem().description), /all muted/);
    const tooltip = (shown.tooltip() as vscode.MarkdownString).value;
    for (const field of ['IsbannedAll', 'UnbannedUserList', 'OnlineUserCounts', 'MsgAmount']) assert.ok(tooltip.includes(field), `${field} in the tooltip`);
    const members = (await children(api, shown)).filter(isLiveMember);
    const unbanned = new Set(detail.band!.UnbannedUserList);
    const mutedRow = members.find((row) => !unbanned.has(row.member.UserId))!;
    assert.match(String(mutedRow.treeItem().description), /muted/);
    const appDetail = (await vscode.commands.executeCommand('imExplorer.showDetails', app)) as { AuditType: number; DataCenter: string };
    assert.equal(appDetail.DataCenter, 'cn-shanghai');
    assert.equal(typeof appDetail.AuditType, 'number');
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

  it('Find Group in a LiveMessage app reveals the group, loading its pages', async () => {
    const groups = live.apps.find((entry) => entry.AppId === live.fixtures.appId)!.groups.filter((group) => !group.deleted);
    const last = groups[groups.length - 1];
    const { result } = await runWithInput<FindLiveGroupOutcome>(api, 'imExplorer.findGroup', [
      picked(/Find group: app/, new RegExp(`^${escapeRegExp(app.label)}$`)),
      typed(/GroupId/, last.GroupId),
    ]);
    assert.equal(result?.group.GroupId, last.GroupId);
    assert.ok(result?.revealedAt?.endsWith(`/group/${encodeURIComponent(last.GroupId)}`));
    const selected = await selectionWhen(api, (node) => node.kind === 'liveGroup' && (node as LiveGroupNode).group.GroupId === last.GroupId);
    assert.equal((selected as LiveGroupNode | undefined)?.group.GroupId, last.GroupId);
  });

  it('Search Members finds members of a LiveMessage group by part of their UserId, through its pages', async () => {
    const paged = (await api.tree.findNode(app.id + `/group/${encodeURIComponent(live.fixtures.pagedGroupId)}`, { loadMore: true })) as LiveGroupNode;
    await configure(api, { pageSize: 10 });
    try {
      const reloaded = await api.tree.findNode(paged.id, { loadMore: true }); // the settings change reloaded the tree
      const first = (await children(api, reloaded!)).filter(isLiveMember);
      assert.equal(first.length, 10);
      const all = await api.session.client.listLiveMessageGroupUsers({ ...paged.where, PageSize: 50, SortType: 1, NextPageToken: undefined });
      const far = all.UserList[45].UserId;
      const { result } = await runWithInput<{ userId: string; revealed: boolean }>(
        api,
        'imExplorer.searchMembers',
        [searched(/Search members of/, far.slice(0, 10), new RegExp(`^${escapeRegExp(far)}$`))],
        reloaded,
      );
      assert.deepEqual(result, { userId: far, revealed: true });
    } finally {
      await configure(api, { pageSize: 50 });
    }
  });

  it('exports the members of a LiveMessage group to CSV, each once', async () => {
    const paged = (await api.tree.findNode(app.id + `/group/${encodeURIComponent(live.fixtures.pagedGroupId)}`, { loadMore: true })) as LiveGroupNode;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lm-export-')), 'members.csv');
    const { result } = await runWithInput<ExportOutcome>(api, 'imExplorer.export', [picked(/format/, /^CSV$/), savedAs(/^Export/, file)], paged);
    assert.equal(result?.written, 123);
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'UserId,UserInfo');
    assert.equal(new Set(lines.slice(1).map((line) => line.split(',')[0])).size, 123);
  });

  it('the view filter keeps the LiveMessage groups that match, and hovers show a loaded LiveMessage group', async () => {
    api.tree.setFilter(parseFilter(`group:${small.group.GroupId}`) as never);
    const rows = await children(api, app);
    assert.deepEqual(rows.filter((node) => node.kind === 'liveGroup').map(labelOf), [labelOf(small)]);
    api.tree.setFilter(undefined);
    const document = await vscode.workspace.openTextDocument({ content: `group = "${small.group.GroupId}"\n`, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf(small.group.GroupId) + 2;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset))) ?? [];
    const value = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content)))
      .join('\n');
    assert.ok(value.includes('LiveMessage group'), value);
    assert.ok(value.includes(encodeURIComponent(JSON.stringify([small.id]))), 'links carry the node id');
  });
});
