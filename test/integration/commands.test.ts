import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { JSON_SCHEME } from '../../src/jsonDocuments';
import type { AppNode } from '../../src/tree/legacy/appNode';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import type { MemberNode } from '../../src/tree/legacy/memberNode';
import type { UserNode } from '../../src/tree/legacy/userNode';
import type { FindGroupOutcome } from '../../src/commands/lookup/findGroup';
import type { FindMemberOutcome } from '../../src/commands/legacy/findMember';
import type { SearchMembersOutcome } from '../../src/commands/lookup/searchMembers';
import {
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isLegacyMember,
  reset,
  runWithInput,
  selectionWhen,
  signedInWorld,
  quietTree,
} from './helpers';
import { picked, searched, type Step, TestUserInput, typed, withInput } from './testInput';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('commands (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];
  let small: GroupNode;
  let member: MemberNode;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, sortOrder: 'ascending' });
  });

  beforeEach(async () => {
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app))[0] as UserNode;
    small = (await children(api, user)).find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === fixtures.smallGroupId)!;
    member = (await children(api, small))[0] as MemberNode;
    assert.ok(small && isLegacyMember(member));
    await vscode.env.clipboard.writeText('');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  it('inserts the id at every cursor of the active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'const id = ;\nconst again = ;\n', language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selections = [new vscode.Selection(0, 11, 0, 11), new vscode.Selection(1, 14, 1, 14)];
    assert.equal(await vscode.commands.executeCommand('imExplorer.insertId', small), fixtures.smallGroupId);
    assert.equal(document.getText(), `const id = ${fixtures.smallGroupId};\nconst again = ${fixtures.smallGroupId};\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  const findGroupSteps = (appLabel: RegExp, groupId: string): Step[] => [picked(/Find group: app/, appLabel), typed(/Find group: GroupId/, groupId)];
  const demoAppLabel = () => new RegExp(`^${escapeRegExp(emulator.dataset.apps.find((app) => app.AppId === fixtures.appId)!.AppName)}$`);

  it('reveals a group under the configured user who lists it when its creator is not configured, loading pages as needed', async () => {
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId, fixtures.manyGroupsUserId] }, pageSize: 10 });
    try {
      const listedUser = emulator.dataset.apps.find((app) => app.AppId === fixtures.appId)!.users.find((user) => user.UserId === fixtures.manyGroupsUserId)!;
      // The last groups of a user with 57: beyond the first pages, and created by someone else.
      let target: { GroupId: string; CreatorId: string } | undefined;
      for (const groupId of [...listedUser.groupIds].reverse()) {
        const { Result } = await api.session.client.getMessageGroup({ AppId: fixtures.appId, GroupId: groupId });
        if (Result.CreatorId !== fixtures.manyGroupsUserId && Result.CreatorId !== fixtures.userId) {
          target = Result;
          break;
        }
      }
      assert.ok(target, 'the dataset has a group listed under a user who did not create it');
      api.tree.refresh();
      const { result } = await runWithInput<FindGroupOutcome>(api, 'imExplorer.findGroup', findGroupSteps(demoAppLabel(), target.GroupId));
      const expected = `/user/${encodeURIComponent(fixtures.manyGroupsUserId)}/group/${encodeURIComponent(target.GroupId)}`;
      assert.ok(result?.revealedAt?.endsWith(expected), `revealed at ${result?.revealedAt}`);
      assert.ok((await selectionWhen(api, (node) => node.id.endsWith(expected)))?.id.endsWith(expected), 'selected in the view');
    } finally {
      await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, pageSize: 50 });
    }
  });

  it('finds a group listed under no configured user: a detail document and an offer to add its creator', async () => {
    const special = emulator.dataset.apps.find((app) => app.AppId === fixtures.specialAppId)!;
    const { result, input } = await runWithInput<FindGroupOutcome>(
      api,
      'imExplorer.findGroup',
      findGroupSteps(new RegExp(escapeRegExp(special.AppName)), fixtures.specialGroupId),
    );
    assert.equal(result?.revealedAt, undefined);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, JSON_SCHEME);
    assert.equal(JSON.parse(document!.getText()).Result.GroupId, fixtures.specialGroupId);
    assert.ok(input.messages.some((message) => message.severity === 'info' && message.actions.includes('Add Creator as User')));
  });

  it('finds members in a group by id, and says who is not a member', async () => {
    const steps = (userIds: string) => [
      picked(/Find member: app/, demoAppLabel()),
      typed(/Find member: GroupId/, fixtures.smallGroupId),
      typed(/Find member: UserId/, userIds),
    ];
    const { result, input } = await runWithInput<FindMemberOutcome>(api, 'imExplorer.findMember', steps(`${member.member.UserId}, not-a-member`));
    assert.deepEqual(
      result?.members.map((m) => m.UserId),
      [member.member.UserId],
    );
    assert.deepEqual(result?.missing, ['not-a-member']);
    assert.equal(result?.revealed, true);
    assert.ok(input.messages.some((message) => message.severity === 'warning' && /not-a-member/.test(message.message)));
    const nobody = await runWithInput(api, 'imExplorer.findMember', steps('nobody'));
    assert.equal(nobody.result, undefined);
    assert.ok(nobody.input.messages.some((message) => message.severity === 'warning' && /nobody is not a member of group/.test(message.message)));
  });

  it('goes to an app', async () => {
    const { result } = await runWithInput(api, 'imExplorer.goToApp', [picked(/Go to app/, demoAppLabel())]);
    assert.equal(result, fixtures.appId);
    const selected = await selectionWhen(api, (node) => isLegacyApp(node) && node.appId === fixtures.appId);
    assert.equal((selected as AppNode | undefined)?.appId, fixtures.appId);
  });

  it('refuses invalid ids before any request is made, with a warning that says why', async () => {
    await quietTree(api);
    emulator.resetStats();
    for (const [groupId, pattern] of [
      ['', /GroupId is required/],
      ['line\nbreak', /control characters/],
      ['x'.repeat(300), /too long/],
    ] as const) {
      const { result, input } = await runWithInput(api, 'imExplorer.findGroup', findGroupSteps(demoAppLabel(), groupId));
      assert.equal(result, undefined);
      assert.match(input.prompts[1].validation ?? '', pattern, 'said while typing');
      assert.deepEqual(
        input.messages.map((message) => message.severity),
        ['warning'],
      );
      assert.match(input.messages[0].message, pattern);
    }
    assert.equal(emulator.stats().requests, 0);
  });

  it('acts on the selection from the palette, or offers the loaded nodes; with nothing loaded it says what to do', async () => {
    await api.treeView.reveal(small, { select: true, focus: false });
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyGroupId'), fixtures.smallGroupId, 'the selection');
    await api.treeView.reveal(api.tree.rootNode()!.pagedChildren().items.length ? (await children(api))[0] : small, { select: true, focus: false });
    const { result } = await runWithInput(api, 'imExplorer.copyUserId', [
      picked(/Pick a user or member/, new RegExp(`^${escapeRegExp(member.member.UserId)}$`)),
    ]);
    assert.equal(result, member.member.UserId, 'a pick among the loaded users and members');
    assert.equal(await vscode.env.clipboard.readText(), member.member.UserId);
    api.tree.refresh();
    const nothing = await runWithInput(api, 'imExplorer.loadAll', []);
    assert.equal(nothing.result, undefined);
    assert.deepEqual(
      nothing.input.messages.map((message) => message.severity),
      ['warning'],
    );
    assert.match(nothing.input.messages[0].message, /expand the Interactive Messages view/);
  });

  it('ignores objects that only look like nodes', async () => {
    const fake = { kind: 'app', id: `${api.tree.rootNode()!.id}/app/fake`, treeItem: () => ({}), appId: 'fake', configured: true };
    const input = new TestUserInput();
    const copied = await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.copyAppId', fake));
    assert.notEqual(copied, 'fake');
    assert.notEqual(await vscode.env.clipboard.readText(), 'fake');
  });

  it("goes from a member to that member's own groups: the user is added under the app and revealed", async () => {
    const other = (await children(api, small)).filter(isLegacyMember).find((node) => (node as MemberNode).member.UserId !== fixtures.userId) as MemberNode;
    assert.ok(other, 'a member who is not the configured user');
    emulator.resetStats();
    const id = (await vscode.commands.executeCommand('imExplorer.browseUserGroups', other)) as string;
    assert.ok(id.endsWith(`/user/${encodeURIComponent(other.member.UserId)}`), id);
    assert.deepEqual((vscode.workspace.getConfiguration('imExplorer').get('users') as Record<string, string[]>)[fixtures.appId], [
      fixtures.userId,
      other.member.UserId,
    ]);
    assert.equal((await selectionWhen(api, (node) => node.id === id))?.id, id);
    const user = await api.tree.findNode(id);
    assert.ok(user);
    await children(api, user);
    assert.ok((emulator.stats().byAction.ListMessageGroup ?? 0) >= 1, "the user's groups were listed");
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] } });
  });

  it('Search Members looks up exact UserIds at once and reveals the one picked', async () => {
    const wanted = member.member.UserId;
    emulator.resetStats();
    const { result, input } = await runWithInput<SearchMembersOutcome>(
      api,
      'imExplorer.searchMembers',
      [searched(/Search members of/, `${wanted}, not-a-member`, new RegExp(`^${escapeRegExp(wanted)}$`))],
      small,
    );
    assert.deepEqual(result, { userId: wanted, revealed: true });
    assert.deepEqual(input.searchResults, [[wanted]], 'only real members are offered');
    assert.equal(emulator.stats().byAction.ListMessageGroupUserById, 1, 'both ids in one call');
    const wantedRow = `${small.id}/member/${encodeURIComponent(wanted)}`;
    assert.equal((await selectionWhen(api, (node) => node.id === wantedRow))?.id, wantedRow);
  });

  it("Show Recent Messages opens a readable document of the group's messages, JSON bodies pretty-printed", async () => {
    const messages = (await vscode.commands.executeCommand('imExplorer.showMessages', small)) as { MessageId: string; Data: string }[];
    const expected = emulator.dataset.groups[fixtures.smallGroupId].messages;
    assert.equal(messages.length, Math.min(expected, 200));
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    for (const message of messages) assert.ok(text.includes(`## ${message.MessageId}`));
    if (messages.length) assert.ok(text.includes(JSON.stringify(JSON.parse(messages[0].Data), null, 2)), 'the body pretty-printed');
  });

  it('adds and removes a user from the tree', async () => {
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.appId)!;
    assert.equal((await runWithInput(api, 'imExplorer.addUser', [typed(/Add user to/, fixtures.noGroupsUserId)], app)).result, fixtures.noGroupsUserId);
    const refreshed = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const users = (await children(api, refreshed)) as UserNode[];
    assert.deepEqual(
      users.map((node) => node.userId),
      [fixtures.userId, fixtures.noGroupsUserId],
    );
    const empty = await children(api, users[1]);
    assert.match(String(empty[0].treeItem().label), /No groups/);
    await vscode.commands.executeCommand('imExplorer.removeUser', users[1]);
    assert.deepEqual(vscode.workspace.getConfiguration('imExplorer').get('users'), { [fixtures.appId]: [fixtures.userId] });
  });

  it('rejects an endpoint that would send signed requests in clear, with an error node instead of a request', async () => {
    await configure(api, { endpoint: 'http://example.com' });
    emulator.resetStats(); // after the switch: a redraw from the test before may still reach the emulator
    try {
      const nodes = await children(api);
      assert.equal(nodes.length, 1);
      assert.match(String(nodes[0].treeItem().label), /http/);
      assert.equal(emulator.stats().requests, 0);
    } finally {
      await configure(api, { endpoint: emulator.url });
    }
  });
});
