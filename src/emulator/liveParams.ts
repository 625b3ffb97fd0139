// The LiveMessage* family's documented parameters. A missing required parameter is refused by the gateway
// (Missing{Name}, as for the legacy family); a value out of range or not allowed is refused by the service itself
// with 400 InputInvalid. The ranges are written here again on purpose, not imported from src/api/types.ts: a
// wrong shared constant must not make the client and the emulator agree.
import type { LiveMessageActionName, LiveMessageActions } from '../api/types';
import { ApiFailure, missing } from './errors';
import { readWireList } from './wireLists';

type Rule =
  | { kind: 'int'; name: string; required?: boolean; default?: number; min: number; max: number; allowed?: readonly number[] }
  | { kind: 'string'; name: string; required?: boolean; allowed?: readonly string[] }
  | { kind: 'token'; name: string }
  /** Comma-joined or Key.1, Key.2... */
  | { kind: 'list'; name: string; min: number; max: number };

const DATA_CENTERS = ['cn-shanghai', 'ap-southeast-1'] as const;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

const appId: Rule = { kind: 'string', name: 'AppId', required: true };
const groupId: Rule = { kind: 'string', name: 'GroupId', required: true };
const sortType: Rule = { kind: 'int', name: 'SortType', required: true, min: 1, max: 2, allowed: [1, 2] };
const dataCenter: Rule = { kind: 'string', name: 'DataCenter', allowed: DATA_CENTERS };
const token: Rule = { kind: 'token', name: 'NextPageToken' };
const groupStatus: Rule = { kind: 'int', name: 'GroupStatus', default: 0, min: 0, max: 2 };
const listPageSize: Rule = { kind: 'int', name: 'PageSize', required: true, min: 10, max: 50 };

/** Checked in this order; the first problem is the one reported. */
const LIVE_RULES: Record<LiveMessageActionName, readonly Rule[]> = {
  ListLiveMessageApps: [sortType, token, dataCenter],
  DescribeLiveMessageApp: [appId, dataCenter],
  ListLiveMessageGroups: [appId, sortType, token, groupStatus, dataCenter],
  ListLiveMessageGroupByPage: [
    appId,
    sortType,
    { kind: 'int', name: 'PageNumber', default: 1, min: 1, max: 10000 },
    { kind: 'int', name: 'PageSize', default: 20, min: 1, max: 50 },
    groupStatus,
    dataCenter,
  ],
  DescribeLiveMessageGroup: [appId, groupId, dataCenter],
  ListLiveMessageGroupUsers: [appId, groupId, listPageSize, sortType, token, dataCenter],
  ListLiveMessageGroupMessages: [
    appId,
    groupId,
    listPageSize,
    sortType,
    token,
    { kind: 'int', name: 'MsgType', min: 0, max: LONG_MAX },
    { kind: 'int', name: 'BeginTime', min: 0, max: LONG_MAX },
    { kind: 'int', name: 'EndTime', min: 0, max: LONG_MAX },
    dataCenter,
  ],
  DescribeLiveMessageGroupBand: [appId, groupId, dataCenter],
  CheckLiveMessageUsersInGroup: [appId, groupId, { kind: 'list', name: 'UserIds', min: 1, max: 10 }, dataCenter],
};

export const LIVE_MESSAGE_ACTIONS = Object.keys(LIVE_RULES) as LiveMessageActionName[];

export function isLiveMessageActionName(name: string): name is LiveMessageActionName {
  return Object.prototype.hasOwnProperty.call(LIVE_RULES, name);
}

export function inputInvalid(name: string, value: string, rule: string): ApiFailure {
  return new ApiFailure('InputInvalid', `The input parameter ${name} is invalid: "${value.length > 80 ? value.slice(0, 80) + '…' : value}". ${rule}.`);
}

function readInt(rule: Extract<Rule, { kind: 'int' }>, raw: string): number {
  const text = rule.allowed ? `It must be one of ${rule.allowed.join(', ')}` : `It must be an integer from ${rule.min} to ${rule.max}`;
  if (!/^-?[0-9]{1,16}$/.test(raw)) throw inputInvalid(rule.name, raw, text);
  const value = Number(raw);
  if (value < rule.min || value > rule.max || (rule.allowed && !rule.allowed.includes(value))) throw inputInvalid(rule.name, raw, text);
  return value;
}

function readList(rule: Extract<Rule, { kind: 'list' }>, params: ReadonlyMap<string, string>): string[] | undefined {
  const items = readWireList(params, rule.name, 'InputInvalid');
  if (items === undefined) return undefined;
  const text = `It must be ${rule.min} to ${rule.max} user ids, comma-joined (or ${rule.name}.1, ${rule.name}.2, ...)`;
  const shown = items.join(',');
  // The list's comma-joined form is the SDK's "simple" style: JSON array text is not it.
  if (/^\[.*\]$/s.test(shown)) throw inputInvalid(rule.name, shown, `${text}, not a JSON array`);
  if (items.length < rule.min || items.length > rule.max || items.some((item) => item === '')) throw inputInvalid(rule.name, shown, text);
  return items;
}

/** Validates the action's parameters and returns them typed; other parameters are ignored like the gateway does. */
export function readLiveMessageParams<A extends LiveMessageActionName>(action: A, params: ReadonlyMap<string, string>): LiveMessageActions[A]['request'] {
  const out: Record<string, string | number | string[]> = {};
  for (const rule of LIVE_RULES[action]) {
    if (rule.kind === 'list') {
      const items = readList(rule, params);
      if (items === undefined || items.length === 0) throw missing(rule.name);
      out[rule.name] = items;
      continue;
    }
    const raw = params.get(rule.name);
    if (raw === undefined || (raw === '' && rule.kind !== 'int')) {
      if ('required' in rule && rule.required) throw missing(rule.name);
      if (rule.kind === 'int' && rule.default !== undefined) out[rule.name] = rule.default;
      continue;
    }
    switch (rule.kind) {
      case 'int':
        out[rule.name] = readInt(rule, raw);
        break;
      case 'string':
        if (rule.allowed && !rule.allowed.includes(raw)) throw inputInvalid(rule.name, raw, `It must be one of ${rule.allowed.join(', ')}`);
        out[rule.name] = raw;
        break;
      case 'token':
        // -1 (like empty) asks for the first page.
        if (raw === '-1') break;
        if (!/^[1-9][0-9]{0,17}$/.test(raw)) throw inputInvalid(rule.name, raw, 'It must be a NextPageToken returned by the previous page');
        out[rule.name] = raw;
        break;
    }
  }
  return out as unknown as LiveMessageActions[A]['request'];
}
