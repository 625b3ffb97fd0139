// The one input layer: every prompt (input box, quick pick, modal confirmation) and every message the user can
// answer goes through the UserInput the services own. The real one calls vscode.window; tests swap in a
// scripted one (test/integration/testInput.ts) that answers from a script and fails on a prompt it did not expect.
import vscode = require('vscode');
import { UserInputError } from './errors';
import { idProblem } from './model/ids';

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A modal question: resolves to the chosen action, undefined when dismissed. */
  confirm<T extends string>(message: string, detail: string | undefined, ...actions: T[]): Promise<T | undefined>;
  /** A notification, optionally with buttons; resolves to the button pressed, undefined when dismissed. */
  showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
}

export class WindowInput implements UserInput {
  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, options);
  }

  async confirm<T extends string>(message: string, detail: string | undefined, ...actions: T[]): Promise<T | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }

  async showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined> {
    const show =
      severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, ...actions);
  }

  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog(options);
  }
}

/** The input the services use; `use()` puts another in its place until the returned disposable is disposed. */
export class SwappableInput implements UserInput {
  private current: UserInput;

  constructor(private readonly real: UserInput = new WindowInput()) {
    this.current = real;
  }

  use(input: UserInput): vscode.Disposable {
    this.current = input;
    return new vscode.Disposable(() => {
      if (this.current === input) this.current = this.real;
    });
  }

  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.current.showInputBox(options);
  }

  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    return this.current.showQuickPick(items, options);
  }

  confirm<T extends string>(message: string, detail: string | undefined, ...actions: T[]): Promise<T | undefined> {
    return this.current.confirm(message, detail, ...actions);
  }

  showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined> {
    return this.current.showMessage(severity, message, ...actions);
  }

  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    return this.current.showSaveDialog(options);
  }
}

/** Asks with an input box; a cancel becomes a CancellationError (silent in the error path). */
export async function ask(input: UserInput, options: vscode.InputBoxOptions): Promise<string> {
  const value = await input.showInputBox(options);
  if (value === undefined) throw new vscode.CancellationError();
  return value.trim();
}

/** Asks with a quick pick; a cancel becomes a CancellationError. */
export async function pick<T extends vscode.QuickPickItem>(input: UserInput, items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
  const chosen = await input.showQuickPick(items, options);
  if (chosen === undefined) throw new vscode.CancellationError();
  return chosen;
}

/** For showInputBox's validateInput: blocking problems, and a warning for spaces at either end. */
export function validateIdInput(value: string, name: string): string | vscode.InputBoxValidationMessage | undefined {
  const problem = idProblem(value, name);
  if (problem) return problem;
  if (value !== value.trim()) {
    return { message: `${name} starts or ends with a space: make sure it belongs to the id.`, severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

/** Asks for an id (AppId, GroupId, UserId), checked while typing; a cancel becomes a CancellationError. */
export async function askId(input: UserInput, name: string, options: vscode.InputBoxOptions = {}): Promise<string> {
  const value = await input.showInputBox({ prompt: `The ${name}.`, ...options, validateInput: (text) => validateIdInput(text, name) });
  if (value === undefined) throw new vscode.CancellationError();
  const problem = idProblem(value, name);
  if (problem) throw new UserInputError(problem);
  return value;
}
