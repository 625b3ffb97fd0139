// Ids in code, in the real host: hovers over loaded and unknown ids (their contents and command links, the
// opt-in lookup's requests counted at the emulator, its cache cleared by a profile switch) and Find in Explorer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindInExplorerOutcome } from '../../src/commands/lookup/findInExplorer';
import { STS_KEY, type RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { AppNode } from '../../src/tree/legacy/appNode';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import type { MemberNode } from '../../src/tree/legacy/memberNode';
import {
  assertNoSecrets,
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isLegacyMember,
  isLegacyUser,
  reset,
  runWithInput,
  selectionWhen,
  signedInWorld,
  signIn,
  quietTree,
} from './helpers';
import { picked, typed } from './testInput';

// A group's hover also links Pin.
const LINKED = ['imExplorer.revealInExplorer', 'imExplorer.copyAsCode', 'imExplorer.openJson', 'imExplorer.pin'];
/** Text as the hover's Markdown spells it (src/tree/format.ts escapes Markdown punctuation). */
const md = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

describe('ids in code: hover and Find in Explorer (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];
  let small: GroupNode;
  let member: MemberNode;
  /** A group of the demo app listed under a user that is not configured: real, but not loaded. */
  let unloadedGroupId: string;

  async function loadTree(): Promise<void> {
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app)).find(isLegacyUser)!;
    small = (await children(api, user)).find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === fixtures.smallGroupId)!;
    member = (await children(api, small)).filter(isLegacyMember).find((node) => (node as MemberNode).member.UserId !== fixtures.userId) as MemberNode;
    assert.ok(small && member);
  }

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, sortOrder: 'ascending' });
    await loadTree();
    const app = emulator.dataset.apps.find((entry) => entry.AppId === fixtures.appId)!;
    const loaded = new Set(app.users.find((user) => user.UserId === fixtures.userId)!.groupIds);
    unloadedGroupId = app.users
      .filter((user) => user.UserId !== fixtures.userId)
      .flatMap((user) => user.groupIds)
      .find((id) => !loaded.has(id) && /^[A-Za-z0-9_-]{8,64}$/.test(id) && /[A-Za-z]/.test(id) && /\d/.test(id))!;
    assert.ok(unloadedGroupId, 'the dataset has a GroupId-like group no configured user lists');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  async function documentWith(content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    return document;
  }

  /** The hover texts at the first occurrence of `text` (offset `at` into it), from every provider (plain text: only ours). */
  async function hoverAt(document: vscode.TextDocument, text: string, at = 1): Promise<{ value: string; markdown: vscode.MarkdownString[] }> {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `the document holds ${text}`);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + at))) ?? [];
    const markdown = hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    return { value: markdown.map((content) => content.value).join('\n'), markdown };
  }

  const link = (command: string, nodeId: string) => `command:${command}?${encodeURIComponent(JSON.stringify([nodeId]))}`;

  it('shows a loaded group: status, creator, members, created, Extension, with links that carry its id', async () => {
    const document = await documentWith(`const group = "${fixtures.smallGroupId}";\n`);
    const { value, markdown } = await hoverAt(document, fixtures.smallGroupId);
    assert.ok(value.includes(`Message group ${md(fixtures.smallGroupId)}`), value);
    for (const field of ['Status', 'CreatorId', 'Members', 'CreateTime', 'Extension']) assert.ok(value.includes(field), `${field} in ${value}`);
    assert.ok(value.includes(md(small.group.CreatorId)), 'the creator');
    for (const command of LINKED) assert.ok(value.includes(link(command, small.id)), `a ${command} link for ${small.id}`);
    const trusted = markdown.find((content) => content.value.includes('command:'))?.isTrusted;
    assert.ok(typeof trusted === 'object', `trusted for some commands only: ${JSON.stringify(trusted)}`);
    assert.deepEqual([...trusted.enabledCommands].sort(), [...LINKED].sort(), 'trusted for exactly its commands');
    assertNoSecrets([value]);
  });

  it('shows an app and a member, and the links work with the id they carry', async () => {
    const userId = member.member.UserId;
    const document = await documentWith(`app(${fixtures.appId}); member(${userId});\n`);
    const app = await hoverAt(document, fixtures.appId);
    assert.match(app.value, /\*\*App /);
    assert.ok(app.value.includes('CreateTime') && app.value.includes('Extension'), app.value);
    const shown = await hoverAt(document, userId);
    assert.ok(shown.value.includes(`Member ${md(userId)}`) && shown.value.includes('JoinTime'), shown.value);
    assert.ok(shown.value.includes(link('imExplorer.revealInExplorer', member.id)));
    assert.equal(await vscode.commands.executeCommand('imExplorer.revealInExplorer', member.id), member.id);
    assert.equal((await selectionWhen(api, (node) => node.id === member.id))?.id, member.id);
    const uri = (await vscode.commands.executeCommand('imExplorer.openJson', small.id)) as vscode.Uri;
    assert.deepEqual(JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()), small.group);
  });

  it('matches whole tokens only, and shows nothing for unknown ids with the lookup off, sending no request', async () => {
    const document = await documentWith(`x${fixtures.smallGroupId}y ${unloadedGroupId}\n`);
    await quietTree(api);
    emulator.resetStats();
    assert.equal((await hoverAt(document, `x${fixtures.smallGroupId}y`, 3)).value, '', 'part of a longer word');
    assert.equal((await hoverAt(document, unloadedGroupId)).value, '');
    assert.equal(emulator.stats().requests, 0);
  });

  it('with the lookup on, reads an unknown GroupId once however many hovers, and forgets it on a profile switch', async () => {
    await configure(api, { 'hover.lookUpUnknownIds': true });
    await loadTree();
    const document = await documentWith(`// app ${fixtures.appId}\nconst a = '${unloadedGroupId}';\nconst b = 'nope12345678';\n`);
    // Count from a quiet tree: after a profile or settings change the view reads again what it had expanded.
    await quietTree(api);
    emulator.resetStats();
    for (let i = 0; i < 4; i++) {
      const { value } = await hoverAt(document, unloadedGroupId);
      assert.ok(value.includes('Read with GetMessageGroup'), value);
      assert.ok(value.includes(`Message group ${md(unloadedGroupId)}`) && value.includes('CreatorId'), value);
    }
    for (let i = 0; i < 2; i++) assert.equal((await hoverAt(document, 'nope12345678')).value, '', 'a group that does not exist: no hover');
    assert.equal(emulator.stats().byAction.GetMessageGroup, 2, 'one request per id');
    assert.equal(emulator.stats().requests, 2, 'and nothing else');

    await signIn(api, 'sts', STS_KEY);
    await loadTree();
    await quietTree(api);
    emulator.resetStats();
    assert.ok((await hoverAt(document, unloadedGroupId)).value.includes('Read with GetMessageGroup'));
    assert.equal(emulator.stats().byAction.GetMessageGroup, 1, 'asked again for the new profile');
    await configure(api, { 'hover.lookUpUnknownIds': false });
  });

  it('Find in Explorer reveals the selected id, or the one at the cursor', async () => {
    await loadTree();
    const document = await documentWith(`join("${fixtures.smallGroupId}", ${member.member.UserId});\n`);
    const editor = vscode.window.activeTextEditor!;
    const start = document.getText().indexOf(fixtures.smallGroupId);
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + fixtures.smallGroupId.length));
    const { result } = await runWithInput<FindInExplorerOutcome>(api, 'imExplorer.findInExplorer', []);
    assert.deepEqual(result, { text: fixtures.smallGroupId, revealed: small.id });
    assert.equal((await selectionWhen(api, (node) => node.id === small.id))?.id, small.id);
    const cursor = document.positionAt(document.getText().indexOf(member.member.UserId) + 2);
    editor.selection = new vscode.Selection(cursor, cursor);
    const atCursor = await runWithInput<FindInExplorerOutcome>(api, 'imExplorer.findInExplorer', []);
    assert.equal(atCursor.result?.revealed, member.id);
    assert.equal((await selectionWhen(api, (node) => node.id === member.id))?.id, member.id);
  });

  it('Find in Explorer hands an id it has not loaded, unicode too, to Find Group with the text filled in', async () => {
    const unicode = 'グループ42';
    await documentWith(`${unicode}\n`);
    vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 0, 0, unicode.length);
    await quietTree(api);
    emulator.resetStats();
    const { result, input } = await runWithInput<FindInExplorerOutcome>(api, 'imExplorer.findInExplorer', [
      picked(/Find group: app/, /./),
      typed(/Find group: GroupId/, undefined),
    ]);
    assert.equal(result, undefined, 'Escape in Find Group changes nothing');
    assert.equal(input.prompts.find((prompt) => prompt.kind === 'inputBox')?.value, unicode);
    assert.equal(emulator.stats().requests, 0);
  });

  it('Find in Explorer refuses text that cannot be one id, says why, and changes nothing', async () => {
    await quietTree(api);
    await api.treeView.reveal(small, { select: true, focus: false });
    await documentWith(`two ids\n${'x'.repeat(200)}\ntab\there\n   \n`);
    const editor = vscode.window.activeTextEditor!;
    emulator.resetStats();
    for (const [range, pattern] of [
      [new vscode.Range(0, 0, 0, 7), /spaces inside/],
      [new vscode.Range(1, 0, 1, 200), /too long/],
      [new vscode.Range(2, 0, 2, 8), /control characters/],
      [new vscode.Range(3, 1, 3, 1), /Select an AppId, GroupId or UserId/],
    ] as const) {
      editor.selection = new vscode.Selection(range.start, range.end);
      const { result, input } = await runWithInput(api, 'imExplorer.findInExplorer', []);
      assert.equal(result, undefined);
      assert.deepEqual(
        input.messages.map((message) => message.severity),
        ['warning'],
      );
      assert.match(input.messages[0].message, pattern);
    }
    assert.equal(api.treeView.selection[0]?.id, small.id, 'the selection in the view is unchanged');
    assert.equal(emulator.stats().requests, 0);
  });
});
