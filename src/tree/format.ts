// Text shown in labels and tooltips: times in local time and UTC, key/value maps as Markdown tables, counts.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { formatNumber, formatTime } from '../model/display';

/** Unix seconds in local time to the minute, as the display language writes it ("11/20/2026, 14:03"). */
export function localTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  if (!Number.isFinite(date.getTime())) {
    return String(unixSeconds);
  }
  return formatTime(date);
}

/** Unix seconds as "11/20/2026, 14:03:05 (local) · 2026-11-20T06:03:05Z (UTC)"; the UTC form is ISO 8601 in every language. */
export function bothTimes(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  if (!Number.isFinite(date.getTime())) {
    return l10n.t('{0} (not a valid time)', String(unixSeconds));
  }
  const utc = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return l10n.t('{0} (local) · {1} (UTC)', formatTime(date, true), utc);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** A Markdown tooltip: a bold title, then rows of field and value, then optional key/value sections. */
export function tooltip(title: string, rows: [string, string][], sections: [string, Record<string, string> | undefined][] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${escapeMarkdown(title)}**\n\n`);
  md.appendMarkdown('| | |\n|---|---|\n');
  for (const [field, value] of rows) {
    md.appendMarkdown(`| ${escapeMarkdown(field)} | ${escapeMarkdown(value)} |\n`);
  }
  for (const [name, map] of sections) {
    const entries = Object.entries(map ?? {});
    md.appendMarkdown(`\n**${escapeMarkdown(name)}**${entries.length ? '' : escapeMarkdown(l10n.t(': (empty)'))}\n\n`);
    if (entries.length) {
      md.appendMarkdown(`| ${escapeMarkdown(l10n.t('key'))} | ${escapeMarkdown(l10n.t('value'))} |\n|---|---|\n`);
      for (const [key, value] of entries) {
        md.appendMarkdown(`| ${escapeMarkdown(key)} | ${escapeMarkdown(String(value))} |\n`);
      }
    }
  }
  return md;
}

export function statusText(status: number): string {
  return status === 1 ? l10n.t('normal') : l10n.t('status {0}', status);
}

/**
 * "1 member", "1,234 members": a count of the things a list holds, by the noun its node passes ('app', 'user',
 * 'group', 'member', 'message'). An unknown noun is counted in English until it gets its entry here.
 */
export function plural(count: number, noun: string): string {
  const n = formatNumber(count);
  const one = count === 1;
  switch (noun) {
    case 'app':
      return one ? l10n.t('{0} app', n) : l10n.t('{0} apps', n);
    case 'user':
      return one ? l10n.t('{0} user', n) : l10n.t('{0} users', n);
    case 'group':
      return one ? l10n.t('{0} group', n) : l10n.t('{0} groups', n);
    case 'member':
      return one ? l10n.t('{0} member', n) : l10n.t('{0} members', n);
    case 'message':
      return one ? l10n.t('{0} message', n) : l10n.t('{0} messages', n);
    default:
      return `${n} ${noun}${one ? '' : 's'}`;
  }
}

/** The name of many rows of a list by its noun: "members". */
export function pluralNoun(noun: string): string {
  switch (noun) {
    case 'app':
      return l10n.t('apps');
    case 'user':
      return l10n.t('users');
    case 'group':
      return l10n.t('groups');
    case 'member':
      return l10n.t('members');
    case 'message':
      return l10n.t('messages');
    default:
      return `${noun}s`;
  }
}

export { formatNumber };
