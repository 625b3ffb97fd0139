// Text shown in labels and tooltips: times in local time and UTC, key/value maps as Markdown tables.
import vscode = require('vscode');

/** Unix seconds as "2026-11-20 14:03" in local time. */
export function localTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  if (!Number.isFinite(date.getTime())) {
    return String(unixSeconds);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Unix seconds as "2026-11-20 14:03:05 (local) · 2026-11-20T06:03:05Z (UTC)". */
export function bothTimes(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  if (!Number.isFinite(date.getTime())) {
    return `${unixSeconds} (not a valid time)`;
  }
  const utc = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${localTime(unixSeconds)}:${pad(date.getSeconds())}`;
  return `${local} (local) · ${utc} (UTC)`;
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
    md.appendMarkdown(`\n**${escapeMarkdown(name)}**${entries.length ? '' : ': (empty)'}\n\n`);
    if (entries.length) {
      md.appendMarkdown('| key | value |\n|---|---|\n');
      for (const [key, value] of entries) {
        md.appendMarkdown(`| ${escapeMarkdown(key)} | ${escapeMarkdown(String(value))} |\n`);
      }
    }
  }
  return md;
}

export function statusText(status: number): string {
  return status === 1 ? 'normal' : `status ${status}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
