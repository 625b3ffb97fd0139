// Choices for a LiveMessage list, kept per node and applied by reloading that list: the GroupStatus of an app's
// groups, and the MsgType and time range of a group's messages.
import { l10n } from 'vscode';
import type { GroupStatusFilter } from '../../api/types';
import { UserInputError } from '../../errors';
import { ask, pick } from '../../input';
import { parseTimeInput } from '../../model/timeInput';
import { AppNode, DEFAULT_GROUP_STATUS, groupStatusText } from '../../tree/live/appNode';
import { MessagesNode, type MessageFilters } from '../../tree/live/messagesNode';
import { onRow } from '../registry';

const STATUSES: readonly GroupStatusFilter[] = [1, 0, 2];

export const setGroupStatus = onRow(
  'setGroupStatus',
  { kinds: ['app'], families: ['live'], noun: () => l10n.t('a LiveMessage app') },
  async (services, app): Promise<GroupStatusFilter> => {
    if (!(app instanceof AppNode)) throw new Error(`${app.id} is not a LiveMessage app`);
    const current = app.groupStatus;
    const items = STATUSES.map((status) => {
      const text = groupStatusText(status);
      return {
        label: text.charAt(0).toUpperCase() + text.slice(1),
        description: [
          `GroupStatus ${status}`,
          status === DEFAULT_GROUP_STATUS ? l10n.t('default') : undefined,
          status === current ? l10n.t('current') : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        status,
      };
    });
    const chosen = await pick(services.input, items, { title: l10n.t('GroupStatus: which groups of {0} to list', app.label) });
    services.tree.listOptions.set(app.id, chosen.status);
    services.tree.refresh(app);
    return chosen.status;
  },
);

const MAX_MSG_TYPE = 2 ** 53 - 1;

function msgTypeProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return /^\d{1,16}$/.test(text.trim()) && Number(text.trim()) <= MAX_MSG_TYPE ? undefined : l10n.t('MsgType is a whole number (or empty for all types).');
}

function timeProblem(text: string): string | undefined {
  return Number.isNaN(parseTimeInput(text)) ? l10n.t('Type Unix seconds, a local date and time such as 2026-11-20 14:03, or leave it empty.') : undefined;
}

export const filterMessages = onRow(
  'filterMessages',
  { kinds: ['messages'], families: ['live'], noun: () => l10n.t('the Messages row of a LiveMessage group') },
  async (services, messages): Promise<MessageFilters> => {
    if (!(messages instanceof MessagesNode)) throw new Error(`${messages.id} is not a Messages row`);
    const current = messages.filters;
    const msgType = await ask(services.input, {
      title: l10n.t('Filter messages: MsgType'),
      prompt: l10n.t('Only messages of this type (a number); empty for all types.'),
      value: current.msgType !== undefined ? String(current.msgType) : '',
      validateInput: msgTypeProblem,
    });
    const begin = await ask(services.input, {
      title: l10n.t('Filter messages: from (BeginTime)'),
      prompt: l10n.t('The earliest send time: Unix seconds or a local date and time (2026-11-20 14:03); empty for the earliest.'),
      value: current.beginTime !== undefined ? String(current.beginTime) : '',
      validateInput: timeProblem,
    });
    const end = await ask(services.input, {
      title: l10n.t('Filter messages: until (EndTime)'),
      prompt: l10n.t('The latest send time: Unix seconds or a local date and time; empty for the latest.'),
      value: current.endTime !== undefined ? String(current.endTime) : '',
      validateInput: timeProblem,
    });
    const problem = msgTypeProblem(msgType) ?? timeProblem(begin) ?? timeProblem(end);
    if (problem) throw new UserInputError(problem);
    const filters: MessageFilters = {};
    if (msgType !== '') filters.msgType = Number(msgType);
    const beginTime = parseTimeInput(begin);
    const endTime = parseTimeInput(end);
    if (beginTime !== undefined) filters.beginTime = beginTime;
    if (endTime !== undefined) filters.endTime = endTime;
    if (beginTime !== undefined && endTime !== undefined && endTime < beginTime) {
      throw new UserInputError(l10n.t('The end of the time range is before its beginning: nothing was changed.'));
    }
    if (Object.keys(filters).length === 0) services.tree.listOptions.delete(messages.id);
    else services.tree.listOptions.set(messages.id, filters);
    services.tree.refresh(messages);
    services.tree.redraw(messages);
    return filters;
  },
);
