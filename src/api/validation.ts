// Checks a request before anything is sent and turns it into the flat string parameters the API expects.
// Only the parameters of the action are copied: pop-core would turn an object into "[object Object]", an array
// into Key.1, Key.2..., and undefined into "undefined".
import * as l10n from '@vscode/l10n';
import { ApiError, ClientErrorCode } from './errors';
import { LIMITS, type ActionName, type Actions } from './types';

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

function userIdList(action: string, request: Source, out: WireParams): void {
  const list = request.UserIdList;
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid(action, 'UserIdList', list, l10n.t('a non-empty array of user ids'));
  }
  list.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id.length === 0 || id.includes(',')) {
      throw invalid(action, `UserIdList[${index}]`, id, l10n.t('a non-empty user id without commas (the list is sent comma-joined)'));
    }
  });
  out.UserIdList = list.join(',');
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

function userIds(action: string, request: Source, out: WireParams): void {
  const list = request.UserIds;
  const { min, max } = LM.userIds;
  if (!Array.isArray(list) || list.length < min || list.length > max) {
    throw invalid(action, 'UserIds', list, l10n.t('an array of {0} to {1} user ids', min, max));
  }
  list.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id.length === 0 || id.includes(',')) {
      throw invalid(action, `UserIds[${index}]`, id, l10n.t('a non-empty user id without commas (the list is sent comma-joined)'));
    }
  });
  // Comma-joined, as the official SDKs send the array (their "simple" style).
  out.UserIds = list.join(',');
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
    userIdList(action, request, out);
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
};

/** Validates `request` for `action`; throws an InvalidParameter ApiError naming the parameter, value and rule. */
export function toWireParams<A extends ActionName>(action: A, request: Actions[A]['request']): WireParams {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw invalid(action, 'request', request, l10n.t('an object of parameters'));
  }
  const out: WireParams = {};
  BUILDERS[action](action, request as unknown as Source, out);
  return out;
}
