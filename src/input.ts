// The one input layer: every prompt (input box, quick pick, modal confirmation) and every message the user can
// answer goes through the UserInput the services own. The real one calls vscode.window; tests swap in a
// scripted one (test/integration/testInput.ts) that answers from a script and fails on a prompt it did not expect.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { describeError, UserInputError, type MessageSeverity } from './errors';
import { idProblem } from './model/ids';

export type { MessageSeverity };

export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A modal question: resolves to the chosen action, undefined when dismissed. */
  confirm<T extends string>(message: string, detail: string | undefined, ...actions: T[]): Promise<T | undefined>;
  /** A notification, optionally with buttons; resolves to the button pressed, undefined when dismissed. */
  showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  /**
   * A quick pick whose items come from `search` as the user types (debounced): each search reports items as it
   * finds them and is aborted when the text changes or the pick closes. Resolves to the item picked.
   */
  searchPick<T extends vscode.QuickPickItem>(options: SearchPickOptions, search: PickSearch<T>): Promise<T | undefined>;
}

export interface SearchPickOptions {
  title: string;
  placeholder: string;
}

/**
 * Finds items for `query`, handing each batch to `found` as it arrives; stops when `signal` aborts (and may then
 * reject: the input layer ignores whatever a search does after its signal aborted).
 */
export type PickSearch<T> = (query: string, found: (items: T[]) => void, signal: AbortSignal) => Promise<void>;

const SEARCH_DEBOUNCE_MS = 300;

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

  searchPick<T extends vscode.QuickPickItem>(options: SearchPickOptions, search: PickSearch<T>): Promise<T | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.ignoreFocusOut = true;
    let running: AbortController | undefined;
    let timer: NodeJS.Timeout | undefined;
    const start = (query: string) => {
      running?.abort();
      const controller = (running = new AbortController());
      quickPick.items = [];
      if (!query.trim()) return;
      quickPick.busy = true;
      const found = (items: T[]) => {
        if (!controller.signal.aborted) quickPick.items = [...quickPick.items, ...items.map((item) => ({ ...item, alwaysShow: true }))];
      };
      search(query, found, controller.signal)
        .catch((error: unknown) => {
          if (!controller.signal.aborted) quickPick.items = [...quickPick.items, { label: `$(error) ${describeError(error)}`, alwaysShow: true } as T];
        })
        .finally(() => {
          if (running === controller) quickPick.busy = false;
        });
    };
    return new Promise<T | undefined>((resolve) => {
      quickPick.onDidChangeValue((value) => {
        clearTimeout(timer);
        timer = setTimeout(() => start(value), SEARCH_DEBOUNCE_MS);
      });
      quickPick.onDidAccept(() => {
        resolve(quickPick.activeItems[0]);
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        clearTimeout(timer);
        running?.abort();
        resolve(undefined);
        quickPick.dispose();
      });
      quickPick.show();
    });
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

  searchPick<T extends vscode.QuickPickItem>(options: SearchPickOptions, search: PickSearch<T>): Promise<T | undefined> {
    return this.current.searchPick(options, search);
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
    return { message: l10n.t('{0} starts or ends with a space: make sure it belongs to the id.', name), severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

/** Asks for an id (AppId, GroupId, UserId), checked while typing; a cancel becomes a CancellationError. */
export async function askId(input: UserInput, name: string, options: vscode.InputBoxOptions = {}): Promise<string> {
  const value = await input.showInputBox({ prompt: l10n.t('The {0}.', name), ...options, validateInput: (text) => validateIdInput(text, name) });
  if (value === undefined) throw new vscode.CancellationError();
  const problem = idProblem(value, name);
  if (problem) throw new UserInputError(problem);
  return value;
}
