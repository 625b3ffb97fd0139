// A scripted stand-in for the extension's input layer (src/input.ts): each prompt the extension shows is
// matched against the next expected step and answered from it; a prompt nobody expected fails the test (and is
// cancelled, so the extension changes nothing). Messages are recorded, and answered only when a step says so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/extension';
import type { MessageSeverity, PickSearch, SearchPickOptions, UserInput } from '../../src/input';

type PromptKind = 'inputBox' | 'quickPick' | 'confirm' | 'saveDialog' | 'searchPick';

export interface Step {
  kind: PromptKind;
  /** Matched against the prompt's title (input box, quick pick) or message (confirm). */
  match: RegExp;
  /**
   * Input box: the text typed (undefined = Escape). Quick pick: a pattern for the item's label (undefined = Escape).
   * Confirm: the button (undefined = Cancel). Save dialog: the file path chosen (undefined = Cancel).
   */
  answer: string | RegExp | undefined;
  /** Search picks: the text typed. */
  query?: string;
  /** Search picks: called when the search has ended (its item picked), before the command goes on. */
  afterSearch?: () => void;
}

export interface ShownMessage {
  severity: MessageSeverity;
  message: string;
  actions: string[];
}

export interface ShownPrompt {
  kind: PromptKind;
  text: string;
  /** Input boxes: what validateInput said about the answer. */
  validation?: string;
  /** Input boxes: the text the box was opened with. */
  value?: string;
  /** Save dialogs: the file name suggested. */
  suggested?: string;
  /** Confirmations: the detail under the question. */
  detail?: string;
  /** Input boxes: the prompt under the box. */
  prompt?: string;
}

export const typed = (match: RegExp, answer: string | undefined): Step => ({ kind: 'inputBox', match, answer });
export const picked = (match: RegExp, answer: RegExp | undefined): Step => ({ kind: 'quickPick', match, answer });
export const confirmed = (match: RegExp, answer: string | undefined): Step => ({ kind: 'confirm', match, answer });
/** A search pick: `query` typed, then the first item whose label matches `answer` picked (undefined = Escape once the search ended). */
export const searched = (match: RegExp, query: string, answer: RegExp | undefined, afterSearch?: () => void): Step => ({
  kind: 'searchPick',
  match,
  query,
  answer,
  afterSearch,
});
/** A save dialog, matched by its title, answered with a file path. */
export const savedAs = (match: RegExp, filePath: string | undefined): Step => ({ kind: 'saveDialog', match, answer: filePath });

export class TestUserInput implements UserInput {
  readonly prompts: ShownPrompt[] = [];
  readonly messages: ShownMessage[] = [];
  readonly unexpected: string[] = [];
  /** Labels each search pick offered, in order. */
  readonly searchResults: string[][] = [];
  /** Answers for message buttons, by a pattern of the message. */
  private readonly messageAnswers: { match: RegExp; action: string }[] = [];

  constructor(private readonly steps: Step[] = []) {}

  answerMessage(match: RegExp, action: string): this {
    this.messageAnswers.push({ match, action });
    return this;
  }

  /** Every scripted step was used and no unexpected prompt appeared. */
  assertDone(): void {
    assert.deepEqual(this.unexpected, [], 'no unexpected prompt');
    assert.deepEqual(
      this.steps.map((step) => `${step.kind} ${step.match}`),
      [],
      'every scripted prompt was shown',
    );
  }

  private next(kind: PromptKind, text: string): Step | undefined {
    const step = this.steps[0];
    if (!step || step.kind !== kind || !step.match.test(text)) {
      this.unexpected.push(`${kind}: ${text}`);
      return undefined;
    }
    this.steps.shift();
    return step;
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const text = options.title ?? options.prompt ?? '';
    const step = this.next('inputBox', text);
    const answer = typeof step?.answer === 'string' ? step.answer : undefined;
    const shown: ShownPrompt = { kind: 'inputBox', text, value: options.value, prompt: options.prompt };
    if (answer !== undefined && options.validateInput) {
      const verdict = await options.validateInput(answer);
      if (verdict) shown.validation = typeof verdict === 'string' ? verdict : verdict.message;
    }
    this.prompts.push(shown);
    return answer;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const text = options.title ?? options.placeHolder ?? '';
    this.prompts.push({ kind: 'quickPick', text });
    const step = this.next('quickPick', text);
    if (!(step?.answer instanceof RegExp)) return undefined;
    const pattern = step.answer;
    const found = items.find((item) => pattern.test(item.label));
    assert.ok(found, `quick pick "${text}" has an item matching ${pattern}: ${items.map((item) => item.label).join(' | ')}`);
    return found;
  }

  async confirm<T extends string>(message: string, detail: string | undefined, ...actions: T[]): Promise<T | undefined> {
    this.prompts.push({ kind: 'confirm', text: message, detail });
    const step = this.next('confirm', message);
    return actions.find((action) => action === step?.answer);
  }

  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    const text = options.title ?? '';
    this.prompts.push({ kind: 'saveDialog', text, suggested: options.defaultUri?.fsPath });
    const step = this.next('saveDialog', text);
    return typeof step?.answer === 'string' ? vscode.Uri.file(step.answer) : undefined;
  }

  async searchPick<T extends vscode.QuickPickItem>(options: SearchPickOptions, search: PickSearch<T>): Promise<T | undefined> {
    this.prompts.push({ kind: 'searchPick', text: options.title });
    const step = this.next('searchPick', options.title);
    if (!step) return undefined;
    const pattern = step.answer instanceof RegExp ? step.answer : undefined;
    const controller = new AbortController();
    const seen: T[] = [];
    let chosen: T | undefined;
    try {
      await search(
        step.query ?? '',
        (items) => {
          seen.push(...items);
          chosen ??= pattern ? items.find((item) => pattern.test(item.label)) : undefined;
          if (chosen) controller.abort(); // picked while the search runs: it must stop
        },
        controller.signal,
      );
    } catch (error) {
      // As the real quick pick does: what a search does after its signal aborted is not shown.
      if (!controller.signal.aborted) throw error;
    }
    this.searchResults.push(seen.map((item) => item.label));
    step.afterSearch?.();
    assert.ok(!pattern || chosen, `search pick "${options.title}" found an item matching ${pattern}: ${seen.map((item) => item.label).join(' | ')}`);
    return chosen;
  }

  async showMessage<T extends string>(severity: MessageSeverity, message: string, ...actions: T[]): Promise<T | undefined> {
    this.messages.push({ severity, message, actions });
    const answer = this.messageAnswers.find((entry) => entry.match.test(message));
    return actions.find((action) => action === answer?.action);
  }
}

/** Runs `body` with `input` in place of the extension's real input, then puts the real one back. */
export async function withInput<T>(api: ExplorerApi, input: TestUserInput, body: () => Promise<T> | Thenable<T>): Promise<T> {
  const restore = api.input.use(input);
  try {
    return await body();
  } finally {
    restore.dispose();
  }
}
