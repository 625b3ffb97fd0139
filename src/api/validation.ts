// Checks a request before anything is sent and turns it into the flat string parameters the API expects.
// Only the parameters of the action are copied: pop-core would turn an object into "[object Object]", an array
// into Key.1, Key.2..., and undefined into "undefined".
import { ApiError, ClientErrorCode } from './errors';
import { LIMITS, type ActionName, type Actions } from './types';

/** The business parameters of one call, as sent (the signing parameters are added by pop-core). */
export type WireParams = Record<string, string>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
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
    message: `${action}: ${parameter} must be ${rule}; got ${describe(value)}. Nothing was sent.`,
  });
}

type Source = Record<string, unknown>;

function requiredId(action: string, request: Source, name: string, out: WireParams): void {
  const value = request[name];
  if (typeof value !== 'string' || value.length === 0) throw invalid(action, name, value, 'a non-empty string');
  out[name] = value;
}

function integerInRange(action: string, request: Source, name: string, min: number, max: number, out: WireParams, required: boolean): void {
  const value = request[name];
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(action, name, value, `an integer from ${min} to ${max}`);
  }
  out[name] = String(value);
}

function paging(action: string, request: Source, out: WireParams): void {
  integerInRange(action, request, 'PageNum', LIMITS.pageNum.min, LIMITS.pageNum.max, out, true);
  integerInRange(action, request, 'PageSize', LIMITS.pageSize.min, LIMITS.pageSize.max, out, true);
  const sortType = request.SortType;
  if (sortType !== undefined) {
    if (!(LIMITS.sortTypes as readonly unknown[]).includes(sortType)) {
      throw invalid(action, 'SortType', sortType, `one of ${LIMITS.sortTypes.join(' (ascending), ')} (descending)`);
    }
    out.SortType = String(sortType);
  }
}

function userIdList(action: string, request: Source, out: WireParams): void {
  const list = request.UserIdList;
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid(action, 'UserIdList', list, 'a non-empty array of user ids');
  }
  list.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || id.length === 0 || id.includes(',')) {
      throw invalid(action, `UserIdList[${index}]`, id, 'a non-empty user id without commas (the list is sent comma-joined)');
    }
  });
  out.UserIdList = list.join(',');
}

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
};

/** Validates `request` for `action`; throws an InvalidParameter ApiError naming the parameter, value and rule. */
export function toWireParams<A extends ActionName>(action: A, request: Actions[A]['request']): WireParams {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw invalid(action, 'request', request, 'an object of parameters');
  }
  const out: WireParams = {};
  BUILDERS[action](action, request as unknown as Source, out);
  return out;
}
