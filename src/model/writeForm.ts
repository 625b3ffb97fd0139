// A write as data: the questions it asks before anything is sent (an input box or a pick each, in order), the
// request the answers make, and how to read back whether it happened. Each family's rows build their forms
// (tree/legacy/writes.ts, tree/live/writes.ts); the commands ask, confirm, send and check them once for both
// (commands/write/). Plain Node.
import { randomUUID } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type { Actions, ActionName } from '../api/types';
import { idProblem, splitIds } from './ids';

/** The answers of a form, by field key: what was typed or the value of the choice picked. */
export type Answers = Readonly<Record<string, string>>;

export interface TextField {
  readonly kind: 'text';
  readonly key: string;
  /** The input box's title. */
  readonly title: string;
  readonly prompt: string;
  /** What the box opens with. */
  readonly value?: string;
  /** Why the text cannot be sent, or undefined when it can; checked as the user types and again before sending. */
  problem(text: string): string | undefined;
}

export interface Choice {
  readonly label: string;
  readonly detail?: string;
  readonly value: string;
}

export interface ChoiceField {
  readonly kind: 'choice';
  readonly key: string;
  readonly title: string;
  /** The first is the default. */
  readonly choices: readonly Choice[];
}

export type FormField = TextField | ChoiceField;

export type WriteRequest = { [A in ActionName]: { action: A; params: Actions[A]['request'] } }[ActionName];

/** What reading back the state said: whether it shows the write done (undefined: nothing tells), in a sentence. */
export interface WriteCheck {
  readonly done: boolean | undefined;
  readonly said: string;
}

export interface WriteForm {
  /** The action sent: for the log, the rate limit and the RAM permission it needs. */
  readonly action: ActionName;
  /** What the write does, for the confirmation and the log: "Send a test message to group G". */
  readonly summary: string;
  /** The confirmation's button: "Send". */
  readonly verb: string;
  /** The row's description while the call runs: "Sending…". */
  readonly busy: string;
  /** [name, value] pairs the confirmation names besides the profile: the app, its data center, the group, the member. */
  readonly where: readonly (readonly [string, string])[];
  /** For a change that is hard to take back (a delete, disabling an app): the id the user types to confirm. */
  readonly typeToConfirm?: { readonly name: string; readonly value: string };
  /** A read before anything is asked: why the write cannot be done now (a receiver offline), or undefined. */
  precondition?(signal?: AbortSignal): Promise<string | undefined>;
  readonly fields: readonly FormField[];
  /** The request of the answers (the client checks it again before sending). */
  request(answers: Answers): WriteRequest;
  /** Told once the call succeeded. */
  done(answers: Answers, result: unknown): string;
  /** Reads back the state the write changes; `result` is the call's answer when it came. */
  check(answers: Answers, result: unknown, signal?: AbortSignal): Promise<WriteCheck>;
  /** Ids of the rows whose lists change (reloaded afterwards). */
  changedLists(answers: Answers, result: unknown): readonly string[];
}

/** The answer of a field: what was typed (or picked), else the field's opening value or first choice. */
export function answerOf(field: FormField, answers: Answers): string {
  return answers[field.key] ?? (field.kind === 'text' ? (field.value ?? '') : (field.choices[0]?.value ?? ''));
}

/** The problem of the first answer that cannot be sent, if any. */
export function answersProblem(fields: readonly FormField[], answers: Answers): string | undefined {
  for (const field of fields) {
    if (field.kind === 'text') {
      const problem = field.problem(answerOf(field, answers));
      if (problem) return problem;
    } else if (!field.choices.some((choice) => choice.value === answerOf(field, answers))) {
      return l10n.t('{0}: not one of the choices.', field.title);
    }
  }
  return undefined;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One id (UserId, GroupId...): required, and at most `maxBytes` bytes where the family says so. */
export function idField(
  key: string,
  title: string,
  name: string,
  options: { value?: string; maxBytes?: number; pattern?: { test: RegExp; rule: string } } = {},
): TextField {
  return {
    kind: 'text',
    key,
    title,
    prompt: options.pattern ? l10n.t('The {0}: {1}.', name, options.pattern.rule) : l10n.t('The {0}.', name),
    value: options.value,
    problem: (text) => {
      const problem = idProblem(text, name);
      if (problem) return problem;
      if (options.maxBytes !== undefined && byteLength(text) > options.maxBytes) return l10n.t('{0} is at most {1} bytes.', name, options.maxBytes);
      if (options.pattern && !options.pattern.test.test(text)) return l10n.t('{0} must be {1}.', name, options.pattern.rule);
      return undefined;
    },
  };
}

/** Ids separated by commas: from `min` to `max` of them, each an id. */
export function idsField(key: string, title: string, name: string, count: { min: number; max?: number }, value?: string): TextField {
  const prompt =
    count.min === 0
      ? l10n.t('Separated by commas, or nothing.')
      : count.max !== undefined
        ? l10n.t('{0} to {1}, separated by commas.', count.min, count.max)
        : l10n.t('One or more, separated by commas.');
  return {
    kind: 'text',
    key,
    title,
    prompt,
    value,
    problem: (text) => {
      const ids = splitIds(text);
      if (ids.length < count.min) return l10n.t('Type at least one {0}.', name);
      if (count.max !== undefined && ids.length > count.max) return l10n.t('At most {0} ({1} typed).', count.max, ids.length);
      for (const id of ids) {
        const problem = idProblem(id, name);
        if (problem) return problem;
      }
      return undefined;
    },
  };
}

/** A text (of at most `maxBytes` bytes where the family says so); `json`: it must be JSON (an object, for a legacy message's Data). */
export function textField(
  key: string,
  title: string,
  prompt: string,
  options: { value?: string; maxBytes?: number; required?: boolean; json?: boolean },
): TextField {
  return {
    kind: 'text',
    key,
    title,
    prompt,
    value: options.value,
    problem: (text) => {
      if (options.required && text.length === 0) return l10n.t('{0} is required.', title);
      if (options.maxBytes !== undefined && byteLength(text) > options.maxBytes)
        return l10n.t('At most {0} bytes ({1} typed).', options.maxBytes, byteLength(text));
      if (options.json && text.length > 0) {
        try {
          JSON.parse(text);
        } catch {
          return l10n.t('{0} must be JSON, such as {1}.', title, '{"text":"hello"}');
        }
      }
      return undefined;
    },
  };
}

/** A whole number from `min` to `max`. */
export function integerField(key: string, title: string, prompt: string, range: { min: number; max: number }, value: number): TextField {
  return {
    kind: 'text',
    key,
    title,
    prompt,
    value: String(value),
    problem: (text) =>
      /^\d+$/.test(text.trim()) && Number(text) >= range.min && Number(text) <= range.max
        ? undefined
        : l10n.t('A whole number from {0} to {1}.', range.min.toLocaleString('en-US'), range.max.toLocaleString('en-US')),
  };
}

export function choiceField(key: string, title: string, choices: readonly Choice[]): ChoiceField {
  return { kind: 'choice', key, title, choices };
}

/** The ids of a comma-separated answer, each once. */
export function idsOf(text: string): string[] {
  return [...new Set(splitIds(text))];
}

/** A message id of our own, so that a send whose outcome is unknown can be looked for: 32 hexadecimal digits. */
export function newMessageTid(): string {
  return randomUUID().replace(/-/g, '');
}
