// Checks a request before anything is sent and turns it into the flat string parameters the API expects.
// Only the parameters of the action are copied: pop-core would turn an object into "[object Object]", an array
// into Key.1, Key.2..., and undefined into "undefined". Lists are sent comma-joined and maps as one JSON text, as
// the current SDKs send them. A write refuses any parameter it does not have (the server would ignore it
// silently: a misspelled BannnedUsers would change nothing).
import * as l10n from '@vscode/l10n';
import { ApiError, ClientErrorCode } from './errors';
import { ACTION_INFO, LIMITS, type ActionName, type Actions } from './types';

/** The business parameters of one call, as sent (the signing parameters are added by pop-core). */
export type WireParams = Record<string, string>;

function describe(value: unknown): string {
  if (value === undefined) return l10n.t('nothing');
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? json.slice(0, 80) + '…' : json;
  } catch {
    return typeof value;
  }
}

function invalid(action: string, parameter: string, value: unknown, rule: string): ApiError {
  return new ApiError({
    code: ClientErrorCode.InvalidParameter,
    action,
    parameter,
    message: l10n.t('{0}: {1} must be {2}; got {3}. Nothing was sent.', action, parameter, rule, describe(value)),
  });
}

type Source = Record<string, unknown>;

function requiredId(action: string, request: Source, name: string, out: WireParams): void {
  const value = request[name];
  if (typeof value !== 'string' || value.length === 0) throw invalid(action, name, value, l10n.t('a non-empty string'));
  out[name] = value;
}

function integerInRange(action: string, request: Source, name: string, min: number, max: number, out: WireParams, required: boolean): void {
  const value = request[name];
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(action, name, value, l10n.t('an integer from {0} to {1}', min, max));
  }
  out[name] = String(value);
}

function paging(action: string, request: Source, out: WireParams): void {
  integerInRange(action, request, 'PageNum', LIMITS.pageNum.min, LIMITS.pageNum.max, out, true);
  integerInRange(action, request, 'PageSize', LIMITS.pageSize.min, LIMITS.pageSize.max, out, true);
  const sortType = request.SortType;
  if (sortType !== undefined) {
    if (!(LIMITS.sortTypes as readonly unknown[]).includes(sortType)) {
      throw invalid(action, 'SortType', sortType, l10n.t('one of {0} (ascending), {1} (descending)', LIMITS.sortTypes[0], LIMITS.sortTypes[1]));
    }
    out.SortType = String(sortType);
  }
}

interface ListRule {
  required: boolean;
  /** Default 1 (an empty list is refused). */
  min?: number;
  max?: number;
  /** Of each id. */
  maxBytes?: number;
}

/** An array of ids, sent comma-joined: each non-empty, without commas. */
function idList(action: string, request: Source, name: string, out: WireParams, rule: ListRule): void {
  const list = request[name];
  if (list === undefined && !rule.required) return;
  const min = rule.min ?? 1;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (!Array.isArray(list) || list.length < min || list.length > max) {
    const what =
      rule.max === undefined
        ? l10n.t('a non-empty array of user ids')
        : min === 0
          ? l10n.t('an array of at most {0} user ids', max)
          : l10n.t('an array of {0} to {1} user ids', min, max);
    throw invalid(action, name, list, what);
  }
  list.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id.length === 0 || id.includes(',')) {
      throw invalid(action, `${name}[${index}]`, id, l10n.t('a non-empty user id without commas (the list is sent comma-joined)'));
    }
    if (rule.maxBytes !== undefined && bytes(id) > rule.maxBytes) {
      throw invalid(action, `${name}[${index}]`, id, l10n.t('at most {0} bytes (UTF-8)', rule.maxBytes));
    }
  });
  out[name] = list.join(',');
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A string of at most `maxBytes` bytes; when optional, an absent or empty one is not sent. */
function text(action: string, request: Source, name: string, out: WireParams, required: boolean, maxBytes: number): void {
  const value = request[name];
  if (!required && (value === undefined || value === '')) return;
  if (typeof value !== 'string' || value.length === 0) throw invalid(action, name, value, l10n.t('a non-empty string'));
  if (bytes(value) > maxBytes) throw invalid(action, name, value, l10n.t('at most {0} bytes (UTF-8); it has {1}', maxBytes, bytes(value)));
  out[name] = value;
}

function matching(action: string, request: Source, name: string, out: WireParams, pattern: RegExp, rule: string): void {
  const value = request[name];
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(action, name, value, rule);
  out[name] = value;
}

function flag(action: string, request: Source, name: string, out: WireParams, required = false): void {
  const value = request[name];
  if (value === undefined && !required) return;
  if (typeof value !== 'boolean') throw invalid(action, name, value, l10n.t('true or false'));
  out[name] = String(value);
}

/** A map of strings (Extension), sent as one JSON text. */
function stringMap(action: string, request: Source, name: string, out: WireParams): void {
  const value = request[name];
  if (value === undefined) return;
  const isMap =
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value as object).every((item) => typeof item === 'string');
  if (!isMap) throw invalid(action, name, value, l10n.t('an object whose values are strings'));
  out[name] = JSON.stringify(value);
}

/** Text that is JSON (a legacy message's Data). */
function jsonText(action: string, request: Source, name: string, out: WireParams): void {
  const value = request[name];
  let parses = typeof value === 'string' && value.length > 0;
  if (parses) {
    try {
      JSON.parse(value as string);
    } catch {
      parses = false;
    }
  }
  if (!parses) throw invalid(action, name, value, l10n.t('JSON text'));
  out[name] = value as string;
}

const broadCastType = (action: string, request: Source, out: WireParams) =>
  oneOf(action, request, 'BroadCastType', LIMITS.broadCastTypes, out, false, l10n.t('0 (no broadcast), 1 (to the given users) or 2 (to the group)'));

const CREATOR_ID = new RegExp(`^[A-Za-z0-9]{1,${LIMITS.creatorId.maxLength}}$`);

/** SendMessageToGroup and SendMessageToGroupUsers. */
function legacyMessage(action: string, request: Source, out: WireParams, typeRequired: boolean): void {
  requiredId(action, request, 'AppId', out);
  requiredId(action, request, 'GroupId', out);
  requiredId(action, request, 'OperatorUserId', out);
  jsonText(action, request, 'Data', out);
  integerInRange(action, request, 'Type', LIMITS.messageType.min, LIMITS.messageType.max, out, typeRequired);
  flag(action, request, 'SkipAudit', out);
}

/** MuteAllGroupUser and CancelMuteAllGroupUser. */
function legacyMuteAll(action: string, request: Source, out: WireParams): void {
  requiredId(action, request, 'AppId', out);
  requiredId(action, request, 'GroupId', out);
  requiredId(action, request, 'OperatorUserId', out);
  broadCastType(action, request, out);
}

/** MuteGroupUser and CancelMuteGroupUser. */
function legacyMuteUsers(action: string, request: Source, out: WireParams, listName: string): void {
  requiredId(action, request, 'AppId', out);
  requiredId(action, request, 'GroupId', out);
  idList(action, request, listName, out, { required: true });
  optionalId(action, request, 'OperatorUserId', out);
  broadCastType(action, request, out);
}

/** JoinMessageGroup and LeaveMessageGroup. */
function legacyMembership(action: string, request: Source, out: WireParams): void {
  requiredId(action, request, 'AppId', out);
  requiredId(action, request, 'GroupId', out);
  requiredId(action, request, 'UserId', out);
  broadCastType(action, request, out);
  flag(action, request, 'BroadCastStatistics', out);
}

function optionalId(action: string, request: Source, name: string, out: WireParams): void {
  if (request[name] !== undefined) requiredId(action, request, name, out);
}

// ---------------------------------------------------------------------------------------------------------------
// The LiveMessage* family

const LM = LIMITS.liveMessage;

function oneOf(action: string, request: Source, name: string, allowed: readonly (string | number)[], out: WireParams, required: boolean, rule?: string): void {
  const value = request[name];
  if (value === undefined && !required) return;
  if (!allowed.includes(value as string | number)) throw invalid(action, name, value, rule ?? l10n.t('one of {0}', allowed.join(', ')));
  out[name] = String(value);
}

function liveSortType(action: string, request: Source, out: WireParams): void {
  oneOf(action, request, 'SortType', LM.sortTypes, out, true, l10n.t('{0} (ascending) or {1} (descending)', LM.sortTypes[0], LM.sortTypes[1]));
}

function dataCenter(action: string, request: Source, out: WireParams): void {
  oneOf(action, request, 'DataCenter', LM.dataCenters, out, false);
}

const TOKEN = /^(-1|0|[1-9][0-9]{0,19})$/;

/** A token the previous page gave (a long, or its decimal string); absent for the first page. */
function pageToken(action: string, request: Source, out: WireParams): void {
  const value = request.NextPageToken;
  if (value === undefined) return;
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !TOKEN.test(text))
    throw invalid(action, 'NextPageToken', value, l10n.t('the NextPageToken of the previous page (an integer, -1 for the first page)'));
  out.NextPageToken = text;
}

function appAndGroup(action: string, request: Source, out: WireParams): void {
  requiredId(action, request, 'AppId', out);
  requiredId(action, request, 'GroupId', out);
}

/** CheckLiveMessageUsersInGroup and CheckLiveMessageUsersOnline: sent comma-joined, as the SDKs send them. */
function userIds(action: string, request: Source, out: WireParams): void {
  idList(action, request, 'UserIds', out, { required: true, min: LM.userIds.min, max: LM.userIds.max, maxBytes: LM.idBytes });
}

/** A user id, MsgTid or operator id of the family: at most 64 bytes. */
function liveId(action: string, request: Source, name: string, out: WireParams, required: boolean): void {
  text(action, request, name, out, required, LM.idBytes);
}

const liveUsers = (action: string, request: Source, name: string, out: WireParams, rule: Omit<ListRule, 'maxBytes'>) =>
  idList(action, request, name, out, { ...rule, maxBytes: LM.idBytes });

/** Refuses a parameter given without the switch that makes the service read it (it would be ignored). */
function onlyWith(action: string, request: Source, name: string, switchName: string): void {
  if (request[name] !== undefined && request[switchName] !== true) {
    throw invalid(action, name, request[name], l10n.t('given only with {0}: true (the service ignores it otherwise)', switchName));
  }
}

const unixSeconds = (action: string, request: Source, name: string, out: WireParams) =>
  integerInRange(action, request, name, 0, Number.MAX_SAFE_INTEGER, out, false);

const BUILDERS: { [A in ActionName]: (action: A, request: Source, out: WireParams) => void } = {
  ListMessageApp: (action, request, out) => paging(action, request, out),
  ListMessageGroup: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'UserId', out);
    paging(action, request, out);
  },
  ListMessageGroupUser: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    paging(action, request, out);
  },
  GetMessageApp: (action, request, out) => requiredId(action, request, 'AppId', out),
  GetMessageGroup: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
  },
  ListMessageGroupUserById: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    idList(action, request, 'UserIdList', out, { required: true });
  },
  ListMessage: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    paging(action, request, out);
    integerInRange(action, request, 'Type', 0, Number.MAX_SAFE_INTEGER, out, false);
  },
  ListLiveMessageApps: (action, request, out) => {
    liveSortType(action, request, out);
    pageToken(action, request, out);
    dataCenter(action, request, out);
  },
  DescribeLiveMessageApp: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    dataCenter(action, request, out);
  },
  ListLiveMessageGroups: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    liveSortType(action, request, out);
    pageToken(action, request, out);
    oneOf(action, request, 'GroupStatus', LM.groupStatuses, out, false, l10n.t('0 (all), 1 (not deleted) or 2 (deleted)'));
    dataCenter(action, request, out);
  },
  ListLiveMessageGroupByPage: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    liveSortType(action, request, out);
    integerInRange(action, request, 'PageNumber', LM.groupPageNumber.min, LM.groupPageNumber.max, out, false);
    integerInRange(action, request, 'PageSize', LM.groupPageSize.min, LM.groupPageSize.max, out, false);
    oneOf(action, request, 'GroupStatus', LM.groupStatuses, out, false, l10n.t('0 (all), 1 (not deleted) or 2 (deleted)'));
    dataCenter(action, request, out);
  },
  DescribeLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    dataCenter(action, request, out);
  },
  ListLiveMessageGroupUsers: (action, request, out) => {
    appAndGroup(action, request, out);
    integerInRange(action, request, 'PageSize', LM.listPageSize.min, LM.listPageSize.max, out, true);
    liveSortType(action, request, out);
    pageToken(action, request, out);
    dataCenter(action, request, out);
  },
  ListLiveMessageGroupMessages: (action, request, out) => {
    appAndGroup(action, request, out);
    integerInRange(action, request, 'PageSize', LM.listPageSize.min, LM.listPageSize.max, out, true);
    liveSortType(action, request, out);
    pageToken(action, request, out);
    integerInRange(action, request, 'MsgType', 0, Number.MAX_SAFE_INTEGER, out, false);
    unixSeconds(action, request, 'BeginTime', out);
    unixSeconds(action, request, 'EndTime', out);
    if (out.BeginTime !== undefined && out.EndTime !== undefined && Number(out.BeginTime) > Number(out.EndTime)) {
      throw invalid(action, 'EndTime', request.EndTime, l10n.t('at least BeginTime ({0})', out.BeginTime));
    }
    dataCenter(action, request, out);
  },
  DescribeLiveMessageGroupBand: (action, request, out) => {
    appAndGroup(action, request, out);
    dataCenter(action, request, out);
  },
  CheckLiveMessageUsersInGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    userIds(action, request, out);
    dataCenter(action, request, out);
  },
  ListMuteGroupUser: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    integerInRange(action, request, 'PageNum', LIMITS.pageNum.min, LIMITS.pageNum.max, out, true);
    integerInRange(action, request, 'PageSize', LIMITS.pageSize.min, LIMITS.pageSize.max, out, true);
    optionalId(action, request, 'OperatorUserId', out);
  },
  BatchGetOnlineUsers: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    idList(action, request, 'UserIds', out, { required: true, min: LIMITS.onlineUserIds.min, max: LIMITS.onlineUserIds.max });
  },
  SendMessageToGroup: (action, request, out) => legacyMessage(action, request, out, false),
  SendMessageToGroupUsers: (action, request, out) => {
    legacyMessage(action, request, out, true);
    idList(action, request, 'ReceiverIdList', out, { required: false });
  },
  MuteAllGroupUser: (action, request, out) => legacyMuteAll(action, request, out),
  CancelMuteAllGroupUser: (action, request, out) => legacyMuteAll(action, request, out),
  MuteGroupUser: (action, request, out) => {
    legacyMuteUsers(action, request, out, 'MuteUserList');
    integerInRange(action, request, 'MuteTime', LIMITS.muteTime.min, LIMITS.muteTime.max, out, false);
  },
  CancelMuteGroupUser: (action, request, out) => legacyMuteUsers(action, request, out, 'CancelMuteUserList'),
  CreateMessageGroup: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    matching(action, request, 'CreatorId', out, CREATOR_ID, l10n.t('1 to {0} letters and digits', LIMITS.creatorId.maxLength));
    stringMap(action, request, 'Extension', out);
  },
  UpdateMessageGroup: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    requiredId(action, request, 'GroupId', out);
    stringMap(action, request, 'Extension', out);
  },
  JoinMessageGroup: (action, request, out) => legacyMembership(action, request, out),
  LeaveMessageGroup: (action, request, out) => legacyMembership(action, request, out),
  CheckLiveMessageUsersOnline: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    userIds(action, request, out);
    dataCenter(action, request, out);
  },
  SendLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    liveId(action, request, 'SenderId', out, true);
    text(action, request, 'Body', out, false, LM.bodyBytes);
    integerInRange(action, request, 'MsgType', 0, Number.MAX_SAFE_INTEGER, out, false);
    liveId(action, request, 'MsgTid', out, false);
    text(action, request, 'SenderMetaInfo', out, false, LM.senderInfoBytes);
    flag(action, request, 'NoCache', out);
    flag(action, request, 'NoStorage', out);
    integerInRange(action, request, 'StaticsIncrease', 0, Number.MAX_SAFE_INTEGER, out, false);
    integerInRange(action, request, 'Weight', LM.weight.min, LM.weight.max, out, false);
    dataCenter(action, request, out);
  },
  SendLiveMessageUser: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    liveId(action, request, 'SenderId', out, true);
    liveId(action, request, 'ReceiverId', out, true);
    text(action, request, 'Body', out, false, LM.bodyBytes);
    integerInRange(action, request, 'MsgType', 0, Number.MAX_SAFE_INTEGER, out, false);
    liveId(action, request, 'MsgTid', out, false);
    text(action, request, 'SenderInfo', out, false, LM.senderInfoBytes);
    flag(action, request, 'HighReliability', out);
    flag(action, request, 'Storage', out);
    dataCenter(action, request, out);
  },
  DeleteLiveMessageGroupMessage: (action, request, out) => {
    appAndGroup(action, request, out);
    liveId(action, request, 'MessageId', out, true);
    liveId(action, request, 'DeleterId', out, false);
    text(action, request, 'DeleterInfo', out, false, LM.senderInfoBytes);
    dataCenter(action, request, out);
  },
  BanLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    liveUsers(action, request, 'ExceptUsers', out, { required: false });
    dataCenter(action, request, out);
  },
  UnbanLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    dataCenter(action, request, out);
  },
  AddLiveMessageGroupBand: (action, request, out) => {
    appAndGroup(action, request, out);
    liveUsers(action, request, 'BannedUsers', out, { required: true });
    dataCenter(action, request, out);
  },
  RemoveLiveMessageGroupBand: (action, request, out) => {
    appAndGroup(action, request, out);
    liveUsers(action, request, 'UnbannedUsers', out, { required: true });
    dataCenter(action, request, out);
  },
  ModifyLiveMessageGroupBand: (action, request, out) => {
    appAndGroup(action, request, out);
    flag(action, request, 'BannedAll', out);
    // Three n's: the service's own spelling of this parameter.
    liveUsers(action, request, 'BannnedUsers', out, { required: false, min: 0, max: LM.bandUsers.max });
    onlyWith(action, request, 'ExceptUsers', 'BannedAll');
    liveUsers(action, request, 'ExceptUsers', out, { required: false, min: 0, max: LM.bandUsers.max });
    if (out.BannedAll === undefined && out.BannnedUsers === undefined && out.ExceptUsers === undefined) {
      throw invalid(action, 'BannedAll', undefined, l10n.t('given (or BannnedUsers or ExceptUsers): without them nothing would change'));
    }
    dataCenter(action, request, out);
  },
  KickLiveMessageGroupUser: (action, request, out) => {
    appAndGroup(action, request, out);
    liveId(action, request, 'KickoffUser', out, true);
    dataCenter(action, request, out);
  },
  CreateLiveMessageGroup: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    matching(action, request, 'GroupId', out, LM.newGroupId, l10n.t('1 to {0} letters and digits', LM.idBytes));
    text(action, request, 'GroupName', out, false, LM.groupNameBytes);
    text(action, request, 'GroupInfo', out, false, LM.groupInfoBytes);
    liveUsers(action, request, 'Administrators', out, { required: false, max: LM.administrators.max });
    liveId(action, request, 'CreatorId', out, false);
    dataCenter(action, request, out);
  },
  ModifyLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    flag(action, request, 'ModifyAdmin', out);
    onlyWith(action, request, 'AdminList', 'ModifyAdmin');
    liveUsers(action, request, 'AdminList', out, { required: request.ModifyAdmin === true, min: 0, max: LM.administrators.max });
    flag(action, request, 'ModifyInfo', out);
    onlyWith(action, request, 'GroupInfo', 'ModifyInfo');
    if (request.ModifyInfo === true && typeof request.GroupInfo !== 'string') throw invalid(action, 'GroupInfo', request.GroupInfo, l10n.t('a string'));
    if (typeof request.GroupInfo === 'string') {
      if (bytes(request.GroupInfo) > LM.groupInfoBytes)
        throw invalid(action, 'GroupInfo', request.GroupInfo, l10n.t('at most {0} bytes (UTF-8); it has {1}', LM.groupInfoBytes, bytes(request.GroupInfo)));
      out.GroupInfo = request.GroupInfo;
    }
    if (request.ModifyAdmin !== true && request.ModifyInfo !== true) {
      throw invalid(action, 'ModifyAdmin', request.ModifyAdmin, l10n.t('true (or ModifyInfo true): otherwise nothing would change'));
    }
    dataCenter(action, request, out);
  },
  DeleteLiveMessageGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    liveId(action, request, 'OperatorId', out, false);
    dataCenter(action, request, out);
  },
  RecoverLiveMessageDeletedGroup: (action, request, out) => {
    appAndGroup(action, request, out);
    dataCenter(action, request, out);
  },
  ModifyLiveMessageAppDisable: (action, request, out) => {
    requiredId(action, request, 'AppId', out);
    // Required here (optional in the SDK): an app-wide switch is never left to a default.
    flag(action, request, 'Disable', out, true);
    dataCenter(action, request, out);
  },
};

/** Letters alike once case and repeated letters are ignored: BannedUsers and BannnedUsers, groupId and GroupId. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/(.)\1+/g, '$1');
}

/** Validates `request` for `action`; throws an InvalidParameter ApiError naming the parameter, value and rule. */
export function toWireParams<A extends ActionName>(action: A, request: Actions[A]['request']): WireParams {
  // Only the actions this client knows (GetMessageToken and CreateLiveMessageApp, which answer with credentials, are not among them).
  if (!Object.prototype.hasOwnProperty.call(ACTION_INFO, action)) {
    throw new ApiError({
      code: ClientErrorCode.InvalidParameter,
      action,
      message: l10n.t('{0} is not an action this extension calls. Nothing was sent.', String(action)),
    });
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw invalid(action, 'request', request, l10n.t('an object of parameters'));
  }
  const out: WireParams = {};
  const source = request as unknown as Source;
  if (ACTION_INFO[action].kind === 'read') {
    BUILDERS[action](action, source, out);
    return out;
  }
  // A write: every parameter given must be one the action reads.
  const read = new Set<string>();
  const tracked = new Proxy(source, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key) as unknown;
    },
  });
  let failure: unknown;
  try {
    BUILDERS[action](action, tracked, out);
  } catch (error) {
    failure = error;
  }
  for (const [name, value] of Object.entries(source)) {
    if (read.has(name) || value === undefined) continue;
    const alike = [...read].find((known) => looseName(known) === looseName(name));
    // After a failure, only a misspelling is sure to be one (the parameters after the failing one were not read).
    if (failure && !alike) continue;
    throw new ApiError({
      code: ClientErrorCode.InvalidParameter,
      action,
      parameter: name,
      message: alike
        ? l10n.t('{0}: {1} is not a parameter of this action; it is spelled {2}. Nothing was sent.', action, name, alike)
        : l10n.t('{0}: {1} is not a parameter of this action. Nothing was sent.', action, name),
    });
  }
  if (failure) throw failure;
  return out;
}
