// The typed command registry: every command is one entry in commands/index.ts. A command that acts on a row
// declares its target (the concepts it takes, and for a command of one family that family), and the registry
// finds the row: the one it was run on, else the view's selection, else one the user picks among the loaded rows.
// Registration checks ids are unique, turns whatever a caller passed into a row or nothing (commands take no
// other arguments: any extension can call them; only a tree id that names no row is handed on, which Pin looks up
// among the pins hovers offered), waits for the session, and sends every failure down the one error path. A host
// test checks each menu of package.json against the targets declared here.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { Family } from '../api/types';
import { reportError, UserInputError } from '../errors';
import type { Services } from '../services';
import { isKind, isNode, type NodesByKind } from '../tree/concepts';
import { tokensOf, type Modifier, type RowTokens } from '../tree/contextValues';
import type { ExplorerNode, NodeKind } from '../tree/node';

export const COMMAND_PREFIX = 'imExplorer.';

/** The rows a command acts on. */
export interface NodeTarget<K extends NodeKind = NodeKind> {
  kinds: readonly K[];
  /** Only rows of these families (a command one family has), for every kind or per kind. */
  families?: readonly Family[] | Partial<Record<K, readonly Family[]>>;
  /** Only rows with these facts (an app added by AppId). */
  having?: readonly Modifier[];
  /** Not rows with these facts (a deleted group has no members to search). */
  without?: readonly Modifier[];
  /** What to select, for messages: "an app, user, group or member". */
  noun: () => string;
  /** Paging commands act on the list a "Load more…" or notice row belongs to. */
  ownerOfRow?: boolean;
}

export interface Command {
  /** Without the "imExplorer." prefix. */
  readonly id: string;
  /** The rows it acts on, if it acts on one. */
  readonly target?: NodeTarget;
  /** It changes the service: offered and run only while write actions are on (write/gate.ts). */
  readonly changes?: boolean;
  /**
   * `node`: the row the caller passed (as the view holds it now), if it passed one; `id`: the tree id it passed when
   * that id names no row the tree has (Pin takes the id a hover offered for a group the tree has not loaded).
   */
  run(services: Services, node: ExplorerNode | undefined, id?: string): unknown;
}

/** Whether a row with these tokens is one the target takes. */
export function accepts(target: NodeTarget, row: RowTokens): boolean {
  if (!(target.kinds as readonly string[]).includes(row.kind)) return false;
  const families = Array.isArray(target.families) ? target.families : (target.families as Record<string, readonly Family[]> | undefined)?.[row.kind];
  if (families && (row.family === undefined || !families.includes(row.family))) return false;
  if (target.having?.some((modifier) => !row.modifiers.includes(modifier))) return false;
  return !target.without?.some((modifier) => row.modifiers.includes(modifier));
}

function takes<K extends NodeKind>(target: NodeTarget<K>, node: ExplorerNode | undefined): node is NodesByKind[K] {
  return isKind(node, target.kinds) && accepts(target, tokensOf(node.kind, node.contextValue));
}

/**
 * The row a command acts on: the one it was run on, else the view's selection, else one the user picks among
 * the loaded rows. Nothing loaded is the user's to fix: a warning says what to do.
 */
export async function targetNode<K extends NodeKind>(services: Services, given: ExplorerNode | undefined, target: NodeTarget<K>): Promise<NodesByKind[K]> {
  const chosenRow = givenRow(services, given, target);
  if (chosenRow) return chosenRow;
  const loaded = services.tree.loadedNodes((node) => takes(target, node));
  if (loaded.length === 0) {
    throw new UserInputError(l10n.t('Nothing to act on yet: expand the Interactive Messages view until it shows {0}.', target.noun()));
  }
  const items = loaded.map((node) => {
    const item = node.treeItem();
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? node.id);
    return { label, description: typeof item.description === 'string' ? item.description : undefined, detail: pathOf(node), node };
  });
  const chosen = await services.input.showQuickPick(items, { title: l10n.t('Pick {0}', target.noun()), matchOnDescription: true, matchOnDetail: true });
  if (!chosen) throw new vscode.CancellationError();
  return chosen.node as NodesByKind[K];
}

/** The row a command was run on, else the view's selection, if the target takes it; undefined otherwise. */
export function givenRow<K extends NodeKind>(services: Services, given: ExplorerNode | undefined, target: NodeTarget<K>): NodesByKind[K] | undefined {
  const adjust = (node: ExplorerNode | undefined) => (target.ownerOfRow ? node?.listOwner() : node);
  return [adjust(given), adjust(services.treeView.selection[0])].find((candidate): candidate is NodesByKind[K] => takes(target, candidate));
}

/** A command on a row of `target`: the registry finds the row, then `run` acts on it. */
export function onRow<K extends NodeKind>(id: string, target: NodeTarget<K>, run: (services: Services, node: NodesByKind[K]) => unknown): Command {
  return { id, target: target as NodeTarget, run: async (services, given) => run(services, await targetNode(services, given, target)) };
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
 * The node a caller passed: one this tree made (as the view holds it now), or the hierarchical id of a loaded node
 * (command links in hovers and documents carry ids, not objects). Anything else is ignored.
 */
async function nodeArgument(services: Services, value: unknown): Promise<ExplorerNode | undefined> {
  if (isNode(value)) return services.tree.current(value);
  if (isTreeId(value)) return services.tree.findNode(value);
  return undefined;
}

function isTreeId(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/profile/');
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
          const node = await nodeArgument(services, args[0]);
          return await command.run(services, node, node === undefined && isTreeId(args[0]) ? args[0] : undefined);
        } catch (error) {
          reportError(services.log, services.input, titles.get(fullId) ?? fullId, error);
          return undefined;
        }
      }),
    );
  }
  return [...seen].map((id) => COMMAND_PREFIX + id);
}
