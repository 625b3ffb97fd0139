// What a hover over an id shows: the row's own tooltip (one place for those facts) and command links that carry the
// node's hierarchical id, trusted for exactly the commands they name.
import { l10n } from 'vscode';
import vscode = require('vscode');
import type { GetMessageGroupResult } from '../api/types';
import { bothTimes, escapeMarkdown, statusText, tooltip } from '../tree/format';
import type { ExplorerNode } from '../tree/node';

export const HOVER_COMMANDS = {
  reveal: 'imExplorer.revealInExplorer',
  copyAsCode: 'imExplorer.copyAsCode',
  openJson: 'imExplorer.openJson',
} as const;

/** Rows described in full; further rows named by the same id are counted. */
const MAX_NODES_SHOWN = 3;
const KIND_ORDER = ['app', 'liveApp', 'group', 'liveGroup', 'user', 'member', 'liveMember', 'liveMessage'];

function commandLink(title: string, command: string, node: ExplorerNode): string {
  const args = encodeURIComponent(JSON.stringify([node.id]));
  return `[${title}](command:${command}?${args} "${escapeMarkdown(title)}")`;
}

function linksFor(node: ExplorerNode): string {
  const links = [commandLink(`$(list-tree) ${l10n.t('Reveal in Explorer')}`, HOVER_COMMANDS.reveal, node)];
  if (node.request()) links.push(commandLink(`$(code) ${l10n.t('Copy as Code')}`, HOVER_COMMANDS.copyAsCode, node));
  links.push(commandLink(`$(json) ${l10n.t('Open as JSON')}`, HOVER_COMMANDS.openJson, node));
  return links.join(' · ');
}

/** The hover for loaded nodes named by one id: apps, then groups, users and members. */
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

/** The hover for a group read with GetMessageGroup: facts only, no links (there is no node to act on). */
export function lookedUpGroupHover(appId: string, group: GetMessageGroupResult): vscode.MarkdownString {
  const md = tooltip(
    l10n.t('Message group {0}', group.GroupId),
    [
      ['GroupId', group.GroupId],
      ['AppId', appId],
      ['CreatorId', group.CreatorId],
      ['Status', `${group.Status} (${statusText(group.Status)})`],
      ['CreateTime', bothTimes(group.CreateTime)],
      ['IsMuteAll', String(group.IsMuteAll)],
    ],
    [['Extension', group.Extension]],
  );
  md.appendMarkdown('\n\n*Read with GetMessageGroup: not loaded in the explorer. Use Find in Explorer to reveal it.*');
  return md;
}
