import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { JSON_SCHEME } from '../../src/jsonDocuments';
import type { AppNode } from '../../src/tree/appNode';
import type { GroupNode } from '../../src/tree/groupNode';
import type { MemberNode } from '../../src/tree/memberNode';
import type { UserNode } from '../../src/tree/userNode';
import { assertNoSecrets, children, configure, explorer, isApp, isGroup, isMember, reset, signedInWorld } from './helpers';

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
    const app = (await children(api)).find((node): node is AppNode => isApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app))[0] as UserNode;
    small = (await children(api, user)).find((node): node is GroupNode => isGroup(node) && node.group.GroupId === fixtures.smallGroupId)!;
    member = (await children(api, small))[0] as MemberNode;
    assert.ok(small && isMember(member));
    await vscode.env.clipboard.writeText('');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  it('copies AppId, GroupId and UserId to the clipboard', async () => {
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyGroupId', small), fixtures.smallGroupId);
    assert.equal(await vscode.env.clipboard.readText(), fixtures.smallGroupId);
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyUserId', member), member.member.UserId);
    assert.equal(await vscode.env.clipboard.readText(), member.member.UserId);
    assert.equal(await vscode.commands.executeCommand('imExplorer.copyAppId', member), fixtures.appId);
    assert.equal(await vscode.env.clipboard.readText(), fixtures.appId);
  });

  it('copies the node\'s API call as code in each language, with the key read from the environment', async () => {
    for (const [language, marker] of [
      ['typescript', "client.request(\"ListMessageGroupUser\""],
      ['python', "request.set_action_name(\"ListMessageGroupUser\")"],
      ['shell', 'aliyun live ListMessageGroupUser'],
    ]) {
      await vscode.commands.executeCommand('imExplorer.copyAsCode', small, language);
      const text = await vscode.env.clipboard.readText();
      assert.ok(text.includes(marker), `${language}: ${text}`);
      assert.ok(text.includes(fixtures.smallGroupId), `${language} names the group`);
      assert.match(text, /ALIBABA_CLOUD_ACCESS_KEY_(ID|SECRET)/);
      assertNoSecrets([text]);
    }
  });

  it('inserts the id at every cursor of the active editor', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'const id = ;\nconst again = ;\n', language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selections = [new vscode.Selection(0, 11, 0, 11), new vscode.Selection(1, 14, 1, 14)];
    assert.equal(await vscode.commands.executeCommand('imExplorer.insertId', small), fixtures.smallGroupId);
    assert.equal(document.getText(), `const id = ${fixtures.smallGroupId};\nconst again = ${fixtures.smallGroupId};\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the node\'s raw API data as a read-only JSON document', async () => {
    const uri = (await vscode.commands.executeCommand('imExplorer.openJson', small)) as vscode.Uri;
    assert.equal(uri.scheme, JSON_SCHEME);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri.toString());
    assert.equal(document?.languageId, 'json');
    assert.deepEqual(JSON.parse(document!.getText()), small.group);
  });

  it('finds a group by id and reveals it in the tree', async () => {
    const outcome = (await vscode.commands.executeCommand('imExplorer.findGroup', { appId: fixtures.appId, groupId: fixtures.pagedGroupId })) as { revealed: boolean; group: { GroupId: string } };
    assert.equal(outcome.group.GroupId, fixtures.pagedGroupId);
    assert.equal(outcome.revealed, true);
    assert.equal((api.treeView.selection[0] as GroupNode).group.GroupId, fixtures.pagedGroupId);
  });

  it('finds a group of a creator who is not configured and shows it in a detail document', async () => {
    const special = emulator.dataset.apps.find((app) => app.AppId === fixtures.specialAppId)!;
    const outcome = (await vscode.commands.executeCommand('imExplorer.findGroup', { appId: special.AppId, groupId: fixtures.specialGroupId })) as { revealed: boolean };
    assert.equal(outcome.revealed, false);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, JSON_SCHEME);
    assert.equal(JSON.parse(document!.getText()).Result.GroupId, fixtures.specialGroupId);
  });

  it('reports an unknown group clearly', async () => {
    assert.equal(await vscode.commands.executeCommand('imExplorer.findGroup', { appId: fixtures.appId, groupId: 'no-such-group' }), undefined);
    assert.ok(api.log.recent.some((line) => /Find Group: .*GroupId/.test(line) && line.startsWith('[error]')), api.log.recent.slice(-5).join('\n'));
  });

  it('finds members in a group by id, and says who is not a member', async () => {
    const outcome = (await vscode.commands.executeCommand('imExplorer.findMember', { appId: fixtures.appId, groupId: fixtures.smallGroupId, userIds: [member.member.UserId, 'not-a-member'] })) as {
      members: { UserId: string }[];
      missing: string[];
      revealed: boolean;
    };
    assert.deepEqual(outcome.members.map((m) => m.UserId), [member.member.UserId]);
    assert.deepEqual(outcome.missing, ['not-a-member']);
    assert.equal(outcome.revealed, true);
    assert.equal(await vscode.commands.executeCommand('imExplorer.findMember', { appId: fixtures.appId, groupId: fixtures.smallGroupId, userIds: ['nobody'] }), undefined);
    assert.ok(api.log.recent.some((line) => /nobody is not a member of group/.test(line)));
  });

  it('goes to an app', async () => {
    assert.equal(await vscode.commands.executeCommand('imExplorer.goToApp', fixtures.appId), fixtures.appId);
    assert.equal((api.treeView.selection[0] as AppNode).appId, fixtures.appId);
  });

  it('refuses invalid ids before any request is made', async () => {
    emulator.resetStats();
    for (const args of [
      { appId: '', groupId: 'x' },
      { appId: fixtures.appId, groupId: 'line\nbreak' },
      { appId: fixtures.appId, groupId: 'x'.repeat(300) },
    ]) {
      assert.equal(await vscode.commands.executeCommand('imExplorer.findGroup', args), undefined);
    }
    assert.equal(await vscode.commands.executeCommand('imExplorer.findMember', { appId: fixtures.appId, groupId: fixtures.smallGroupId, userIds: [] }), undefined);
    assert.equal(emulator.stats().requests, 0);
    const errors = api.log.recent.filter((line) => line.startsWith('[error]'));
    assert.ok(errors.some((line) => /AppId is required/.test(line)));
    assert.ok(errors.some((line) => /control characters/.test(line)));
    assert.ok(errors.some((line) => /too long/.test(line)));
  });

  it('adds and removes a user from the tree', async () => {
    const app = (await children(api)).find((node): node is AppNode => isApp(node) && node.appId === fixtures.appId)!;
    assert.equal(await vscode.commands.executeCommand('imExplorer.addUser', app, fixtures.noGroupsUserId), fixtures.noGroupsUserId);
    const refreshed = (await children(api)).find((node): node is AppNode => isApp(node) && node.appId === fixtures.appId)!;
    const users = (await children(api, refreshed)) as UserNode[];
    assert.deepEqual(users.map((node) => node.userId), [fixtures.userId, fixtures.noGroupsUserId]);
    const empty = await children(api, users[1]);
    assert.match(String(empty[0].treeItem().label), /No groups/);
    await vscode.commands.executeCommand('imExplorer.removeUser', users[1]);
    assert.deepEqual(vscode.workspace.getConfiguration('imExplorer').get('users'), { [fixtures.appId]: [fixtures.userId] });
  });

  it('rejects an endpoint that would send signed requests in clear, with an error node instead of a request', async () => {
    emulator.resetStats();
    await configure(api, { endpoint: 'http://example.com' });
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
