// What a hover over an id shows: the row's own tooltip (one place for those facts) and command links that carry the
// node's hierarchical id, trusted for exactly the commands they name; for a group or member, Pin. A group read by
// id (not a row) gets a Pin link too, carrying the id its pinned row will have (the tree keeps the pin offered).
import { l10n } from 'vscode';
import vscode = require('vscode');
import { isKind, KIND_ORDER, type GroupLookup } from '../tree/concepts';
import { escapeMarkdown, tooltip } from '../tree/format';
import type { ExplorerNode } from '../tree/node';

export const HOVER_COMMANDS = {
  reveal: 'imExplorer.revealInExplorer',
  copyAsCode: 'imExplorer.copyAsCode',
  openJson: 'imExplorer.openJson',
  pin: 'imExplorer.pin',
} as const;

/** Rows described in full; further rows named by the same id are counted. */
const MAX_NODES_SHOWN = 3;

/** A link that runs `command` on the row with tree id `id`. */
function commandLink(title: string, command: string, id: string): string {
  const args = encodeURIComponent(JSON.stringify([id]));
  return `[${title}](command:${command}?${args} "${escapeMarkdown(title)}")`;
}

const pinTitle = () => `$(pin) ${l10n.t('Pin')}`;

function linksFor(node: ExplorerNode): string {
  const links = [commandLink(`$(list-tree) ${l10n.t('Reveal in Explorer')}`, HOVER_COMMANDS.reveal, node.id)];
  if (node.request()) links.push(commandLink(`$(code) ${l10n.t('Copy as Code')}`, HOVER_COMMANDS.copyAsCode, node.id));
  links.push(commandLink(`$(json) ${l10n.t('Open as JSON')}`, HOVER_COMMANDS.openJson, node.id));
  if (isKind(node, ['group', 'member']) && !node.inPinned) links.push(commandLink(pinTitle(), HOVER_COMMANDS.pin, node.id));
  return links.join(' · ');
}

/** The hover for loaded rows named by one id: apps, then groups, users, members and messages. */
export function nodesHover(nodes: readonly ExplorerNode[]): vscode.MarkdownString {
  const sorted = [...nodes].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: Object.values(HOVER_COMMANDS) };
  sorted.slice(0, MAX_NODES_SHOWN).forEach((node, index) => {
    if (index > 0) md.appendMarkdown('\n\n---\n\n');
    // Links first: a long Extension table would push them below the hover's fold.
    md.appendMarkdown(`${linksFor(node)}\n\n`);
    const shown = node.tooltip();
    md.appendMarkdown(shown instanceof vscode.MarkdownString ? shown.value : escapeMarkdown(shown ?? node.id));
  });
  const more = sorted.length - MAX_NODES_SHOWN;
  if (more > 0)
    md.appendMarkdown(`\n\n*${more === 1 ? l10n.t('…and 1 more loaded row with this id.') : l10n.t('…and {0} more loaded rows with this id.', more)}*`);
  return md;
}

/**
 * The hover for a group read by its app (GetMessageGroup, DescribeLiveMessageGroup): its facts, and a Pin link when
 * the tree offered the pin under `pinId` (there is no row for the other links to act on).
 */
export function lookedUpGroupHover(lookup: GroupLookup, pinId: string | undefined): vscode.MarkdownString {
  const md = tooltip(lookup.title, lookup.facts, lookup.sections);
  md.appendMarkdown(`\n\n*${escapeMarkdown(l10n.t('Read with {0}: not loaded in the explorer. Use Find in Explorer to reveal it.', lookup.action))}*`);
  if (pinId !== undefined) {
    md.isTrusted = { enabledCommands: [HOVER_COMMANDS.pin] };
    md.appendMarkdown(`\n\n${commandLink(pinTitle(), HOVER_COMMANDS.pin, pinId)}`);
  }
  return md;
}
