// The "Interactive Messages" log: every API request (action, parameters without secrets, duration, RequestId,
// outcome) and every error with its details. Everything written is redacted first.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { redact } from './api/errors';
import type { CallRecord } from './api/client';

/** Lines kept in memory, so that the tests can prove what the log holds. */
const RECENT_LINES = 2000;

export class ExplorerLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(l10n.t('Interactive Messages'), { log: true });
  readonly recent: string[] = [];

  request(record: CallRecord): void {
    const params = Object.entries(record.params)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join(' ');
    const retry = record.attempt > 1 ? ` (attempt ${record.attempt})` : '';
    const status = record.status !== undefined ? ` HTTP ${record.status}` : '';
    const requestId = record.requestId ? ` RequestId=${record.requestId}` : '';
    const line = `${record.action} ${params} -> ${record.outcome}${status} in ${Math.round(record.durationMs)} ms${requestId}${retry}`;
    if (record.outcome === 'ok') {
      this.write('info', line);
    } else {
      this.write('warn', line);
    }
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error !== undefined ? `\n${String(error)}` : '';
    this.write('error', message + detail);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: 'info' | 'warn' | 'error', text: string): void {
    const safe = redact(text);
    this.channel[level](safe);
    this.recent.push(`[${level}] ${safe}`);
    if (this.recent.length > RECENT_LINES) {
      this.recent.splice(0, this.recent.length - RECENT_LINES);
    }
  }
}
