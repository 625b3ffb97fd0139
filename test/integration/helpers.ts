// Shared steps of the integration suites, which run inside the real VS Code extension host against an
// in-process emulator. Nothing here stands in for `vscode`: the tests drive the real extension through its
// commands and look at the real tree provider it registered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/extension';
import { DEMO_KEY, type EmulatorKey, type RunningEmulator, startEmulator, STS_KEY } from '../../src/emulator';
import type { Family } from '../../src/api/types';
import type { AppNode as LegacyAppNode } from '../../src/tree/legacy/appNode';
import type { GroupNode as LegacyGroupNode } from '../../src/tree/legacy/groupNode';
import type { MemberNode as LegacyMemberNode } from '../../src/tree/legacy/memberNode';
import type { UserNode as LegacyUserNode } from '../../src/tree/legacy/userNode';
import type { AppNode as LiveAppNode } from '../../src/tree/live/appNode';
import type { GroupNode as LiveGroupNode } from '../../src/tree/live/groupNode';
import type { MemberNode as LiveMemberNode } from '../../src/tree/live/memberNode';
import type { MessageNode as LiveMessageNode } from '../../src/tree/live/messageNode';
import type { MessagesNode as LiveMessagesNode } from '../../src/tree/live/messagesNode';
import type { MoreNode } from '../../src/tree/moreNode';
import type { ExplorerNode, NodeKind } from '../../src/tree/node';
import type { NoticeNode } from '../../src/tree/noticeNode';
import type { RangeNode } from '../../src/tree/rangeNode';
import { type Step, TestUserInput, typed, withInput } from './testInput';

export const EXTENSION_ID = 'imexplorer.interactive-messages-explorer';

export async function explorer(): Promise<ExplorerApi> {
  const extension = vscode.extensions.getExtension<ExplorerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

const SETTINGS = [
  'endpoint',
  'pageSize',
  'sortOrder',
  'requestTimeoutSeconds',
  'callsPerSecond',
  'apps',
  'users',
  'hover.lookUpUnknownIds',
  'enableWriteActions',
];

/** Writes user-level settings and waits until the extension has reloaded with them. */
export async function configure(api: ExplorerApi, values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('imExplorer');
  const changes = Object.entries(values).filter(([key, value]) => JSON.stringify(config.inspect(key)?.globalValue) !== JSON.stringify(value));
  if (changes.length === 0) return;
  const reloaded = api.session.nextReload(10_000);
  for (const [key, value] of changes) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
  await reloaded;
  // Several writes may trigger several reloads: wait until the last one has read every value.
  for (
    let i = 0;
    i < 50 && changes.some(([key, value]) => JSON.stringify(vscode.workspace.getConfiguration('imExplorer').get(key)) !== JSON.stringify(value));
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await api.session.reload();
}

/** Removes every profile and puts every setting back to its default (set-up, not the behaviour under test). */
export async function reset(api: ExplorerApi): Promise<void> {
  for (const profile of api.profiles.list()) {
    await api.profiles.remove(profile.name);
  }
  const config = vscode.workspace.getConfiguration('imExplorer');
  for (const key of SETTINGS) {
    if (config.inspect(key)?.globalValue !== undefined) {
      await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  }
  await api.session.reload();
  api.log.recent.length = 0;
}

/** The prompts of Sign In with AccessKey, answered with `key`. */
export function signInSteps(profile: string, key: EmulatorKey = DEMO_KEY): Step[] {
  return [
    typed(/^Profile name$/, profile),
    typed(/^AccessKey ID$/, key.accessKeyId),
    typed(/^AccessKey secret$/, key.accessKeySecret),
    typed(/^STS security token/, key.securityToken ?? ''),
  ];
}

/** Signs in through the real command, its prompts answered by a script. */
export async function signIn(api: ExplorerApi, profile: string, key: EmulatorKey = DEMO_KEY): Promise<unknown> {
  const input = new TestUserInput(signInSteps(profile, key));
  const result = await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.signIn'));
  input.assertDone();
  return result;
}

/** Runs a command with its prompts answered by `steps`; checks every step was used and nothing else was asked. */
export async function runWithInput<T>(
  api: ExplorerApi,
  command: string,
  steps: Step[],
  node?: ExplorerNode,
): Promise<{ result: T | undefined; input: TestUserInput }> {
  const input = new TestUserInput(steps);
  const result = await withInput(api, input, () => vscode.commands.executeCommand<T>(command, ...(node ? [node] : [])));
  input.assertDone();
  return { result, input };
}

/** An emulator, the endpoint pointed at it, and the demo key signed in as profile "demo". */
export async function signedInWorld(api: ExplorerApi, options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  await reset(api);
  const emulator = await startEmulator({ port: 0, ...options });
  await configure(api, { endpoint: emulator.url });
  assert.equal(await signIn(api, 'demo'), 'demo');
  return emulator;
}

export async function children(api: ExplorerApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return api.tree.getChildren(node);
}

export function labelOf(node: ExplorerNode): string {
  const label = node.treeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export async function childByLabel(api: ExplorerApi, parent: ExplorerNode | undefined, label: string): Promise<ExplorerNode> {
  const nodes = await children(api, parent);
  const found = nodes.find((node) => labelOf(node) === label || (node.ids().appId === label && node.kind === 'app'));
  assert.ok(found, `no child "${label}" among ${nodes.map(labelOf).join(', ')}`);
  return found;
}

/** Every string a person can see for these nodes: label, description, tooltip. */
export function visibleText(nodes: ExplorerNode[]): string[] {
  return nodes.flatMap((node) => {
    const item = node.treeItem();
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const shown = node.tooltip();
    const tooltip = shown instanceof vscode.MarkdownString ? shown.value : (shown ?? '');
    return [label, String(item.description ?? ''), tooltip];
  });
}

export function secretsOf(...keys: EmulatorKey[]): string[] {
  return keys.flatMap((key) => [key.accessKeyId, key.accessKeySecret, ...(key.securityToken ? [key.securityToken] : [])]);
}

export function assertNoSecrets(texts: string[], secrets: string[] = secretsOf(DEMO_KEY, STS_KEY)): void {
  for (const text of texts) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `a secret leaked into: ${text.slice(0, 200)}`);
    }
  }
}

// The extension runs from its esbuild bundle while the tests import the TypeScript output, so node classes are
// not the same objects on both sides: tell rows apart by `kind` and `family`, never by instanceof.
function rowGuard<T extends ExplorerNode>(kind: NodeKind, family?: Family) {
  return (node: ExplorerNode | undefined): node is T => node?.kind === kind && (family === undefined || node.family === family);
}

export const isLegacyApp = rowGuard<LegacyAppNode>('app', 'legacy');
export const isLegacyUser = rowGuard<LegacyUserNode>('user', 'legacy');
export const isLegacyGroup = rowGuard<LegacyGroupNode>('group', 'legacy');
export const isLegacyMember = rowGuard<LegacyMemberNode>('member', 'legacy');
export const isLiveApp = rowGuard<LiveAppNode>('app', 'live');
export const isLiveGroup = rowGuard<LiveGroupNode>('group', 'live');
export const isLiveMember = rowGuard<LiveMemberNode>('member', 'live');
export const isLiveMessages = rowGuard<LiveMessagesNode>('messages', 'live');
export const isLiveMessage = rowGuard<LiveMessageNode>('message', 'live');
export const isMore = rowGuard<MoreNode>('more');
export const isNotice = rowGuard<NoticeNode>('notice');
export const isRange = rowGuard<RangeNode>('range');

export type { LegacyAppNode, LegacyGroupNode, LegacyMemberNode, LegacyUserNode, LiveAppNode, LiveGroupNode, LiveMemberNode, LiveMessagesNode };

/**
 * Collapses the view and waits until the tree reads nothing: after a refresh the view asks again for the children of
 * every row it has expanded, at its own pace; collapsed, it asks for nothing a test does not cause. (The request to
 * collapse is answered after any request the view sent before it, so none is still on its way.)
 */
export async function quietTree(api: ExplorerApi, timeoutMs = 20_000): Promise<void> {
  // The command exists once the view has been shown; a view never shown asks for nothing.
  const collapse = 'workbench.actions.treeView.imExplorer.apps.collapseAll';
  if ((await vscode.commands.getCommands(true)).includes(collapse)) await vscode.commands.executeCommand(collapse);
  const deadline = Date.now() + timeoutMs;
  while (api.tree.busy) {
    assert.ok(Date.now() < deadline, 'the tree kept reading');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The view's selection once it holds a node matching `expected`, or as it is after `timeoutMs`: the workbench reports
 * a selection made by reveal back to the extension host asynchronously, sometimes after reveal has resolved.
 */
export async function selectionWhen(api: ExplorerApi, expected: (node: ExplorerNode) => boolean, timeoutMs = 5000): Promise<ExplorerNode | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const selected = api.treeView.selection[0];
    if (selected && expected(selected)) return selected;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return api.treeView.selection[0];
}
