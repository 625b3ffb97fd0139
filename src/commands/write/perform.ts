// How every write is done, whatever it is and whatever the family: a read that may refuse it first (a receiver
// offline), its questions, the checks of the answers and of the request (nothing is sent until both pass), a
// confirmation naming the profile, the app and the group with the parameters as they will be sent (typing the id
// for a delete or disabling an app), the call with the row saying what runs, and afterwards the lists it changed
// reloaded and the state read back. A write whose outcome is unknown is never sent again: the message says so
// and offers to read the state. Every write is logged with its action, target, outcome and RequestId.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError, ClientErrorCode } from '../../api/errors';
import { ACTION_INFO } from '../../api/types';
import { toWireParams, type WireParams } from '../../api/validation';
import { describeError, UserInputError } from '../../errors';
import { ask, pick } from '../../input';
import { answersProblem, type Answers, type WriteCheck, type WriteForm } from '../../model/writeForm';
import type { Services } from '../../services';
import type { ExplorerNode } from '../../tree/node';

/** What became of a write, for whoever ran it (the tests read it). */
export interface WriteOutcome {
  readonly answers: Answers;
  /** 'done': the server answered it; 'unknown': sent, and its outcome not known. */
  readonly outcome: 'done' | 'unknown';
  /** The Result (legacy) or the answer (LiveMessage), when it came. */
  readonly result?: unknown;
  /** What reading the state back said (after a success, or when the user asked after an unknown outcome). */
  readonly check?: WriteCheck;
}

const MAX_SHOWN_VALUE = 120;

async function askFields(services: Services, form: WriteForm): Promise<Answers> {
  const answers: Record<string, string> = {};
  const count = form.fields.length;
  for (const [index, field] of form.fields.entries()) {
    const title = count > 1 ? `${field.title} (${index + 1}/${count})` : field.title;
    if (field.kind === 'text') {
      answers[field.key] = await ask(services.input, { title, prompt: field.prompt, value: field.value, validateInput: (text) => field.problem(text.trim()) });
    } else {
      const chosen = await pick(
        services.input,
        field.choices.map((choice) => ({ label: choice.label, detail: choice.detail, value: choice.value })),
        { title, ignoreFocusOut: true },
      );
      answers[field.key] = chosen.value;
    }
  }
  return answers;
}

function shown(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? value.slice(0, MAX_SHOWN_VALUE) + '…' : value;
}

/** "Profile: work", the form's where, and the parameters as sent: what the confirmation says. */
function confirmationDetail(profile: string, form: WriteForm, wire: WireParams): string {
  const named = new Set(form.where.map(([name]) => name));
  const parameters = Object.entries(wire).filter(([name]) => !named.has(name));
  return [
    `${l10n.t('Profile')}: ${profile}`,
    ...form.where.map(([name, value]) => `${name}: ${value}`),
    ...(parameters.length ? ['', `${form.action}:`, ...parameters.map(([name, value]) => `  ${name}=${shown(value)}`)] : []),
  ].join('\n');
}

async function confirm(services: Services, profile: string, form: WriteForm, wire: WireParams): Promise<void> {
  const detail = confirmationDetail(profile, form, wire);
  if (form.typeToConfirm) {
    const { name, value } = form.typeToConfirm;
    await ask(services.input, {
      title: l10n.t('{0}: type the {1} to confirm', form.summary, name),
      prompt: detail.replace(/\n+/g, ' · '),
      placeHolder: value,
      validateInput: (text) => (text.trim() === value ? undefined : l10n.t('Type {0} exactly to confirm.', value)),
    }).then((typed) => {
      if (typed !== value) throw new UserInputError(l10n.t('The {0} typed is not {1}: nothing was sent.', name, value));
    });
    return;
  }
  const chosen = await services.input.confirm(l10n.t('{0}?', form.summary), detail, form.verb);
  if (chosen !== form.verb) throw new vscode.CancellationError();
}

function isOutcomeUnknown(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === ClientErrorCode.OutcomeUnknown;
}

function target(profile: string, form: WriteForm): string {
  return [`profile=${profile}`, ...form.where.map(([name, value]) => `${name}=${value}`)].join(' ');
}

/** Reads the state back; a failure to read is said, not thrown (the write itself is over). */
async function readBack(form: WriteForm, answers: Answers, result: unknown): Promise<WriteCheck> {
  try {
    return await form.check(answers, result);
  } catch (error) {
    return { done: undefined, said: l10n.t('Reading the state back failed: {0}', describeError(error)) };
  }
}

/** Reloads the lists the write changed, where the view shows them. */
async function reloadChanged(services: Services, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const node = services.tree.shownNode(id) ?? (await services.tree.findNode(id));
    if (node) services.tree.refresh(node);
  }
}

/** Asks, confirms, sends `form` for `row`, and reads back what it changed. */
export async function performWrite(services: Services, row: ExplorerNode, form: WriteForm): Promise<WriteOutcome> {
  const profile = services.session.profile?.name ?? '';
  const refusal = await form.precondition?.();
  if (refusal) throw new UserInputError(refusal);
  const answers = await askFields(services, form);
  const problem = answersProblem(form.fields, answers);
  if (problem) throw new UserInputError(problem);
  const request = form.request(answers);
  const wire = toWireParams(request.action, request.params as never); // an invalid request is refused here, unsent
  await confirm(services, profile, form, wire);

  const about = target(profile, form);
  services.log.info(`Write ${form.action} ${about}: sending`);
  services.tree.setActivity(row.id, form.busy);
  let result: unknown;
  try {
    const response = (await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: form.busy }, () =>
      services.session.client.call(request.action, request.params as never),
    )) as { RequestId?: string; Result?: unknown };
    result = ACTION_INFO[form.action].family === 'legacy' ? response.Result : response;
    services.log.info(`Write ${form.action} ${about}: done RequestId=${response.RequestId ?? '?'}`);
  } catch (error) {
    const requestId = error instanceof ApiError && error.requestId ? ` RequestId=${error.requestId}` : '';
    if (!isOutcomeUnknown(error)) {
      services.log.warn(`Write ${form.action} ${about}: failed (${error instanceof ApiError ? error.code : 'error'})${requestId}`);
      throw error;
    }
    services.log.warn(`Write ${form.action} ${about}: outcome unknown${requestId}`);
    services.tree.setActivity(row.id, undefined);
    return afterUnknown(services, form, answers, error);
  } finally {
    services.tree.setActivity(row.id, undefined);
  }

  await reloadChanged(services, form.changedLists(answers, result));
  const check = await readBack(form, answers, result);
  services.tree.redraw(row);
  const said = `${form.done(answers, result)} ${check.said}`;
  void services.input.showMessage(check.done === false ? 'warning' : 'info', said);
  return { answers, outcome: 'done', result, check };
}

async function afterUnknown(services: Services, form: WriteForm, answers: Answers, error: ApiError): Promise<WriteOutcome> {
  const checkAction = l10n.t('Check');
  const choice = await services.input.showMessage('warning', describeError(error), checkAction);
  if (choice !== checkAction) return { answers, outcome: 'unknown' };
  const check = await readBack(form, answers, undefined);
  await reloadChanged(services, form.changedLists(answers, undefined));
  const verdict =
    check.done === true
      ? l10n.t('It happened: {0}', check.said)
      : check.done === false
        ? l10n.t('It did not happen: {0}', check.said)
        : l10n.t('Nothing tells whether it happened: {0}', check.said);
  void services.input.showMessage(check.done === false ? 'warning' : 'info', `${form.summary}: ${verdict}`);
  return { answers, outcome: 'unknown', check };
}
