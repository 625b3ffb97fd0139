// The typed command registry: every command is one `{ id, run }` entry in commands/index.ts. Registration
// checks ids are unique, turns whatever a caller passed into a node or nothing (commands take no other
// arguments: any extension can call them), waits for the session, and sends every failure down the one error path.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { reportError, UserInputError } from '../errors';
import type { Services } from '../services';
import type { AppNode } from '../tree/appNode';
import type { GroupNode } from '../tree/groupNode';
import type { LiveAppNode } from '../tree/liveAppNode';
import type { LiveGroupNode } from '../tree/liveGroupNode';
import type { LiveMemberNode } from '../tree/liveMemberNode';
import type { LiveMessageRowNode, LiveMessagesNode } from '../tree/liveMessagesNode';
import type { LoadMoreNode } from '../tree/loadMoreNode';
import type { MemberNode } from '../tree/memberNode';
import type { MessageNode } from '../tree/messageNode';
import type { ExplorerNode, NodeKind } from '../tree/node';
import type { RangeNode } from '../tree/rangeNode';
import type { RootNode } from '../tree/rootNode';
import type { UserNode } from '../tree/userNode';

export const COMMAND_PREFIX = 'imExplorer.';

export interface Command {
  /** Without the "imExplorer." prefix. */
  readonly id: string;
  run(services: Services, node: ExplorerNode | undefined): unknown;
}

export interface NodesByKind {
  root: RootNode;
  app: AppNode;
  user: UserNode;
  group: GroupNode;
  member: MemberNode;
  range: RangeNode;
  loadMore: LoadMoreNode;
  message: MessageNode;
  liveApp: LiveAppNode;
  liveGroup: LiveGroupNode;
  liveMember: LiveMemberNode;
  liveMessages: LiveMessagesNode;
  liveMessage: LiveMessageRowNode;
}

export function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value && 'treeItem' in value;
}

export function isKind<K extends NodeKind>(node: ExplorerNode | undefined, kinds: readonly K[]): node is NodesByKind[K] {
  return node !== undefined && (kinds as readonly NodeKind[]).includes(node.kind);
}

export interface NodeTarget<K extends NodeKind> {
  kinds: readonly K[];
  /** What to select, for messages: "an app, user, group or member". */
  noun: string;
  /** Paging commands act on the list a "Load more…" or message row belongs to. */
  ownerOfRow?: boolean;
}

/**
 * The node a command acts on: the one it was run on, else the view's selection, else one the user picks among
 * the loaded nodes. Nothing loaded is the user's to fix: a warning says what to do.
 */
export async function targetNode<K extends NodeKind>(services: Services, given: ExplorerNode | undefined, target: NodeTarget<K>): Promise<NodesByKind[K]> {
  const adjust = (node: ExplorerNode | undefined) => (target.ownerOfRow ? node?.listOwner() : node);
  for (const candidate of [adjust(given), adjust(services.treeView.selection[0])]) {
    if (isKind(candidate, target.kinds)) return candidate;
  }
  const loaded = services.tree.loadedNodes((node) => isKind(node, target.kinds));
  if (loaded.length === 0) {
    throw new UserInputError(l10n.t('Nothing to act on yet: expand the Interactive Messages view until it shows {0}.', target.noun));
  }
  const items = loaded.map((node) => {
    const item = node.treeItem();
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? node.id);
    return { label, description: typeof item.description === 'string' ? item.description : undefined, detail: pathOf(node), node };
  });
  const chosen = await services.input.showQuickPick(items, { title: l10n.t('Pick {0}', target.noun), matchOnDescription: true, matchOnDetail: true });
  if (!chosen) throw new vscode.CancellationError();
  return chosen.node as NodesByKind[K];
}

/** "App › user › group" for a node, so that picks among loaded nodes can be told apart. */
function pathOf(node: ExplorerNode): string {
  const names: string[] = [];
  for (let current = node.parent; current && current.kind !== 'root'; current = current.parent) {
    names.unshift(current.ownId() ?? current.kind);
  }
  return names.join(' › ');
}

/**
 * The node a caller passed: one this tree handed out, or the hierarchical id of a loaded node (command links in
 * hovers and documents carry ids, not objects). Anything else is ignored.
 */
async function nodeArgument(services: Services, value: unknown): Promise<ExplorerNode | undefined> {
  if (isNode(value)) return services.tree.holds(value) ? value : undefined;
  if (typeof value === 'string' && value.startsWith('/profile/')) return services.tree.findNode(value);
  return undefined;
}

/** Registers every command; a duplicate id is a programming error and throws. Returns the ids registered. */
export function registerCommands(services: Services, commands: readonly Command[]): string[] {
  const seen = new Set<string>();
  for (const { id } of commands) {
    if (seen.has(id)) throw new Error(`Command ${COMMAND_PREFIX}${id} is registered twice.`);
    seen.add(id);
  }
  // In a display language with a package.nls.<language>.json, VS Code hands out each title as { value, original }.
  const contributed: { command: string; title: string | { value: string } }[] = services.context.extension.packageJSON.contributes.commands;
  const titles = new Map(contributed.map(({ command, title }) => [command, (typeof title === 'string' ? title : title.value).replace(/…$/, '')]));
  for (const command of commands) {
    const fullId = COMMAND_PREFIX + command.id;
    services.context.subscriptions.push(
      vscode.commands.registerCommand(fullId, async (...args: unknown[]) => {
        try {
          await services.session.ready(); // a command may be what activated the extension
          return await command.run(services, await nodeArgument(services, args[0]));
        } catch (error) {
          reportError(services.log, services.input, titles.get(fullId) ?? fullId, error);
          return undefined;
        }
      }),
    );
  }
  return [...seen].map((id) => COMMAND_PREFIX + id);
}
