// The one error path of the extension: every failure becomes a sentence for a person (already redacted), logged
// once with its details. A failed command also shows it: a user's mistake as a warning, anything else as an error
// with a way to the log. A failed tree load shows it as an error row instead (see tree/messageNode.ts).
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError, redact } from './api/errors';
import { isCancellation as isApiCancellation } from './api/paging';
import { CredentialSourceError } from './credentials/sources';
import type { ExplorerLog } from './log';

export type MessageSeverity = 'info' | 'warning' | 'error';

/** Where a failed command's message is shown (the input layer, src/input.ts). */
export interface MessageSink {
  showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined>;
}

/** A problem the user can fix from what the message says (bad input, nothing selected); no stack in the log. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof CredentialSourceError || error instanceof UserInputError) {
    return redact(error.message);
  }
  const text = error instanceof Error ? error.message : String(error);
  return redact(l10n.t('Unexpected error: {0}', text));
}

export function isCancellation(error: unknown): boolean {
  return isApiCancellation(error) || error instanceof vscode.CancellationError;
}

/** Errors whose message says all there is: no stack trace in the log. */
function isExpected(error: unknown): boolean {
  return error instanceof ApiError || error instanceof CredentialSourceError || error instanceof UserInputError;
}

/** Writes the failure to the log (redacted, with the stack only for the unexpected) and returns its sentence. */
export function logFailure(log: ExplorerLog, context: string, error: unknown): string {
  const message = `${context}: ${describeError(error)}`;
  if (error instanceof UserInputError) log.warn(message);
  else log.error(message, isExpected(error) ? undefined : error);
  return message;
}

const logged = new WeakSet<object>();

/** logFailure for a failure that may be shown many times (a tree row redrawn): logged the first time only. */
export function logFailureOnce(log: ExplorerLog, context: string, error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    if (logged.has(error)) return `${context}: ${describeError(error)}`;
    logged.add(error);
  }
  return logFailure(log, context, error);
}

/** Logs the error and shows it. Cancellations are silent; a user's mistake is a warning without "Show Log". */
export function reportError(log: ExplorerLog, input: MessageSink, context: string, error: unknown): void {
  if (isCancellation(error)) {
    log.info(`${context}: cancelled`);
    return;
  }
  const message = logFailure(log, context, error);
  if (error instanceof UserInputError) {
    void input.showMessage('warning', describeError(error));
    return;
  }
  const showLog = l10n.t('Show Log');
  void input.showMessage('error', message, showLog).then((choice) => {
    if (choice === showLog) log.show();
  });
}
