// The one error path of the extension: every failure becomes a sentence for a person (already redacted), shown
// once, with its details in the log.
import vscode = require('vscode');
import { ApiError, redact } from './api/errors';
import { CredentialSourceError } from './credentials/sources';
import type { ExplorerLog } from './log';

/** A problem the user can fix from what the message says (bad input, a missing choice); no stack in the log. */
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
  return redact(`Unexpected error: ${text}`);
}

export function isCancellation(error: unknown): boolean {
  return (error instanceof ApiError && error.isCancellation) || error instanceof vscode.CancellationError;
}

/** Logs the error and shows it as a notification with a way to the log. Cancellations are silent. */
export function reportError(log: ExplorerLog, context: string, error: unknown): void {
  if (isCancellation(error)) {
    log.info(`${context}: cancelled`);
    return;
  }
  const message = `${context}: ${describeError(error)}`;
  const expected = error instanceof ApiError || error instanceof CredentialSourceError || error instanceof UserInputError;
  log.error(message, expected ? undefined : error);
  void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
    if (choice === 'Show Log') {
      log.show();
    }
  });
}
