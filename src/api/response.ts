// What the client does with a parsed body: big numbers made plain, and a minimal check of the documented shape.
import * as l10n from '@vscode/l10n';
import { invalidResponseError, notDoneError } from './errors';
import { isLiveMessageAction, type ActionName, type LiveMessageActionName } from './types';

interface BigNumberLike {
  _isBigNumber: true;
  isInteger(): boolean;
  toFixed(): string;
  toString(): string;
}

function isBigNumber(value: unknown): value is BigNumberLike {
  return typeof value === 'object' && value !== null && (value as { _isBigNumber?: unknown })._isBigNumber === true;
}

/**
 * pop-core parses bodies with json-bigint, which turns every number literal longer than 15 characters into a
 * BigNumber object. Results never contain BigNumbers: an integer that is safe in JavaScript (|n| <= 2^53 - 1)
 * becomes a number, a larger integer becomes its exact decimal string (e.g. "12345678901234567890"), and a
 * non-integer becomes the nearest number. Objects are copied into plain objects (json-bigint makes them with a
 * null prototype).
 */
export function withoutBigNumbers(value: unknown): unknown {
  if (isBigNumber(value)) {
    if (!value.isInteger()) return Number(value.toString());
    const asNumber = Number(value.toFixed());
    return Number.isSafeInteger(asNumber) ? asNumber : value.toFixed();
  }
  if (Array.isArray(value)) return value.map(withoutBigNumbers);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withoutBigNumbers(item);
    return copy;
  }
  return value;
}

interface ListShape {
  list: string;
  key: string;
  hasTotal: boolean;
  /** false: one answer, no HasMore (BatchGetOnlineUsers). */
  paged?: boolean;
}

/** The list field of each list action and the id field of its items. */
export const LIST_SHAPES: Partial<Record<ActionName, ListShape>> = {
  ListMessageApp: { list: 'AppList', key: 'AppId', hasTotal: true },
  ListMessageGroup: { list: 'GroupList', key: 'GroupId', hasTotal: true },
  ListMessageGroupUser: { list: 'UserList', key: 'UserId', hasTotal: true },
  ListMessageGroupUserById: { list: 'UserList', key: 'UserId', hasTotal: true },
  ListMessage: { list: 'MessageList', key: 'MessageId', hasTotal: false },
  ListMuteGroupUser: { list: 'UserList', key: 'UserId', hasTotal: true },
  BatchGetOnlineUsers: { list: 'OnlineUsers', key: 'UserId', hasTotal: false, paged: false },
};

/** The string field each of these Results must carry. */
const GET_KEYS: Partial<Record<ActionName, string>> = {
  GetMessageApp: 'AppId',
  GetMessageGroup: 'GroupId',
  SendMessageToGroup: 'MessageId',
  SendMessageToGroupUsers: 'MessageId',
  CreateMessageGroup: 'GroupId',
};

/** The legacy writes whose Result is `{ Success }`: false means the server did not do it. */
const SUCCESS_FLAG: ReadonlySet<ActionName> = new Set<ActionName>([
  'MuteAllGroupUser',
  'CancelMuteAllGroupUser',
  'MuteGroupUser',
  'CancelMuteGroupUser',
  'UpdateMessageGroup',
  'JoinMessageGroup',
  'LeaveMessageGroup',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks what callers rely on: Result is an object; for lists, the list is an array of objects with a string id,
 * HasMore is a boolean and Total a number; for gets and some writes, the id is a string; a legacy write's Success
 * is a boolean, and false is a NotDone error. Anything else is an InvalidResponse. Returns the RequestId (empty if
 * the server sent none).
 */
export function checkShape(action: ActionName, body: unknown, status?: number): string {
  if (!isPlainObject(body)) throw invalidResponseError(action, l10n.t('the body is not a JSON object'), status);
  const requestId = typeof body.RequestId === 'string' ? body.RequestId : '';
  const fail = (problem: string) => invalidResponseError(action, problem, status, requestId || undefined);
  if (isLiveMessageAction(action)) {
    checkLiveMessageShape(action, body, fail);
    return requestId;
  }
  const result = body.Result;
  if (!isPlainObject(result)) throw fail(result === undefined ? l10n.t('{0} is missing', 'Result') : l10n.t('{0} is not an object', 'Result'));

  const list = LIST_SHAPES[action];
  if (list) {
    const items = result[list.list];
    if (!Array.isArray(items)) throw fail(l10n.t('{0} is not an array', `Result.${list.list}`));
    items.forEach((item, index) => {
      if (!isPlainObject(item) || typeof item[list.key] !== 'string') {
        throw fail(l10n.t('{0} is not a string', `Result.${list.list}[${index}].${list.key}`));
      }
    });
    if (list.paged !== false && typeof result.HasMore !== 'boolean') throw fail(l10n.t('{0} is not a boolean', 'Result.HasMore'));
    if (list.hasTotal && typeof result.Total !== 'number') throw fail(l10n.t('{0} is not a number', 'Result.Total'));
    if (!list.hasTotal && result.Total !== undefined && typeof result.Total !== 'number') throw fail(l10n.t('{0} is not a number', 'Result.Total'));
  }
  const getKey = GET_KEYS[action];
  if (getKey && typeof result[getKey] !== 'string') throw fail(l10n.t('{0} is not a string', `Result.${getKey}`));
  if (SUCCESS_FLAG.has(action)) {
    if (typeof result.Success !== 'boolean') throw fail(l10n.t('{0} is not a boolean', 'Result.Success'));
    if (!result.Success) throw notDoneError(action, requestId || undefined);
  }
  return requestId;
}

interface LiveMessageShape {
  /** The list field and its items' id field. */
  list?: [string, string];
  /** The more-pages flag, in its spelling; required when the action pages by token. */
  more?: 'HasMore' | 'Hasmore';
  /** A field the flat body must carry as a string (an id: the Describe actions', MsgTid...). */
  id?: string;
  /** A field the body must carry as a number. */
  count?: string;
}

const LIVE_MESSAGE_SHAPES: Record<LiveMessageActionName, LiveMessageShape> = {
  ListLiveMessageApps: { list: ['AppList', 'AppId'], more: 'HasMore' },
  DescribeLiveMessageApp: { id: 'AppId' },
  ListLiveMessageGroups: { list: ['GroupList', 'GroupId'], more: 'Hasmore' },
  ListLiveMessageGroupByPage: { list: ['GroupList', 'GroupId'], count: 'TotalCount' },
  DescribeLiveMessageGroup: { id: 'GroupId' },
  ListLiveMessageGroupUsers: { list: ['UserList', 'UserId'], more: 'Hasmore' },
  ListLiveMessageGroupMessages: { list: ['MessageList', 'MsgTid'], more: 'Hasmore' },
  DescribeLiveMessageGroupBand: { id: 'GroupId' },
  CheckLiveMessageUsersInGroup: { list: ['Users', 'UserId'] },
  CheckLiveMessageUsersOnline: { list: ['UserList', 'UserId'] },
  SendLiveMessageGroup: { id: 'MsgTid' },
  SendLiveMessageUser: { id: 'MsgTid' },
  DeleteLiveMessageGroupMessage: { id: 'MessageId' },
  BanLiveMessageGroup: {},
  UnbanLiveMessageGroup: {},
  AddLiveMessageGroupBand: {},
  RemoveLiveMessageGroupBand: {},
  ModifyLiveMessageGroupBand: {},
  KickLiveMessageGroupUser: {},
  CreateLiveMessageGroup: { id: 'GroupId' },
  ModifyLiveMessageGroup: {},
  DeleteLiveMessageGroup: { id: 'GroupId' },
  RecoverLiveMessageDeletedGroup: { id: 'GroupId' },
  ModifyLiveMessageAppDisable: { id: 'AppId' },
};

/** A LiveMessage body is flat (no Result): the list, its ids, the more-pages flag in this action's spelling. */
function checkLiveMessageShape(action: LiveMessageActionName, body: Record<string, unknown>, fail: (problem: string) => Error): void {
  const shape = LIVE_MESSAGE_SHAPES[action];
  if (shape.list) {
    const [field, key] = shape.list;
    const items = body[field];
    if (!Array.isArray(items)) throw fail(l10n.t('{0} is not an array', field));
    items.forEach((item, index) => {
      if (!isPlainObject(item) || typeof item[key] !== 'string') throw fail(l10n.t('{0} is not a string', `${field}[${index}].${key}`));
    });
  }
  if (shape.more && typeof body[shape.more] !== 'boolean') throw fail(l10n.t('{0} is not a boolean', shape.more));
  if (shape.id && typeof body[shape.id] !== 'string') throw fail(l10n.t('{0} is not a string', shape.id));
  if (shape.count && typeof body[shape.count] !== 'number') throw fail(l10n.t('{0} is not a number', shape.count));
}
