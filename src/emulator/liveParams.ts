// The LiveMessage* family's documented parameters. A missing required parameter is refused by the gateway
// (Missing{Name}, as for the legacy family); a value out of range or not allowed is refused by the service itself
// with 400 InputInvalid. The ranges are written here again on purpose, not imported from src/api/types.ts: a
// wrong shared constant must not make the client and the emulator agree.
import type { LiveMessageActionName, LiveMessageActions } from '../api/types';
import { ApiFailure, missing } from './errors';
import { readWireList } from './wireLists';

type Rule =
  | { kind: 'int'; name: string; required?: boolean; default?: number; min: number; max: number; allowed?: readonly number[] }
  | { kind: 'string'; name: string; required?: boolean; allowed?: readonly string[]; maxBytes?: number; pattern?: RegExp; patternText?: string }
  | { kind: 'token'; name: string }
  | { kind: 'bool'; name: string; required?: boolean }
  /** Comma-joined or Key.1, Key.2...; min 0 allows an empty list (sent as an empty value). */
  | { kind: 'list'; name: string; required?: boolean; min: number; max: number };

const DATA_CENTERS = ['cn-shanghai', 'ap-southeast-1'] as const;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

const appId: Rule = { kind: 'string', name: 'AppId', required: true };
const groupId: Rule = { kind: 'string', name: 'GroupId', required: true };
const sortType: Rule = { kind: 'int', name: 'SortType', required: true, min: 1, max: 2, allowed: [1, 2] };
const dataCenter: Rule = { kind: 'string', name: 'DataCenter', allowed: DATA_CENTERS };
const token: Rule = { kind: 'token', name: 'NextPageToken' };
const groupStatus: Rule = { kind: 'int', name: 'GroupStatus', default: 0, min: 0, max: 2 };
const listPageSize: Rule = { kind: 'int', name: 'PageSize', required: true, min: 10, max: 50 };
const LONG = { min: 0, max: LONG_MAX };
// Documented sizes: ids and MsgTid up to 64 bytes, Body 15 KB, sender information 512 bytes, GroupName 128 bytes,
// GroupInfo 32 KB; GroupId of a new group up to 64 letters and digits; at most 3 administrators; 30 band users.
const id = (name: string, required = false): Rule => ({ kind: 'string', name, required, maxBytes: 64 });
const bytes = (name: string, maxBytes: number): Rule => ({ kind: 'string', name, maxBytes });
const bool = (name: string, required = false): Rule => ({ kind: 'bool', name, required });
const users = (name: string, required: boolean, max = 1000, min = required ? 1 : 0): Rule => ({ kind: 'list', name, required, min, max });
const body = bytes('Body', 15 * 1024);
const msgType: Rule = { kind: 'int', name: 'MsgType', ...LONG };

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
  CheckLiveMessageUsersInGroup: [appId, groupId, users('UserIds', true, 10), dataCenter],
  CheckLiveMessageUsersOnline: [appId, users('UserIds', true, 10), dataCenter],
  SendLiveMessageGroup: [
    appId,
    groupId,
    id('SenderId', true),
    body,
    msgType,
    id('MsgTid'),
    bytes('SenderMetaInfo', 512),
    bool('NoCache'),
    bool('NoStorage'),
    { kind: 'int', name: 'StaticsIncrease', default: 1, ...LONG },
    // Assumption: 1 (the default) to 1000000, "the highest priority".
    { kind: 'int', name: 'Weight', default: 1, min: 1, max: 1000000 },
    dataCenter,
  ],
  SendLiveMessageUser: [
    appId,
    id('SenderId', true),
    id('ReceiverId', true),
    body,
    msgType,
    id('MsgTid'),
    bytes('SenderInfo', 512),
    bool('HighReliability'),
    bool('Storage'),
    dataCenter,
  ],
  DeleteLiveMessageGroupMessage: [appId, groupId, id('MessageId', true), id('DeleterId'), bytes('DeleterInfo', 512), dataCenter],
  BanLiveMessageGroup: [appId, groupId, users('ExceptUsers', false), dataCenter],
  UnbanLiveMessageGroup: [appId, groupId, dataCenter],
  // Two n's here...
  AddLiveMessageGroupBand: [appId, groupId, users('BannedUsers', true), dataCenter],
  RemoveLiveMessageGroupBand: [appId, groupId, users('UnbannedUsers', true), dataCenter],
  // ...three n's here, as the service spells it: a BannedUsers sent to this action is ignored like any unknown parameter.
  ModifyLiveMessageGroupBand: [appId, groupId, bool('BannedAll'), users('BannnedUsers', false, 30), users('ExceptUsers', false, 30), dataCenter],
  KickLiveMessageGroupUser: [appId, groupId, id('KickoffUser', true), dataCenter],
  CreateLiveMessageGroup: [
    appId,
    { kind: 'string', name: 'GroupId', required: true, pattern: /^[A-Za-z0-9]{1,64}$/, patternText: 'It must be 1 to 64 letters and digits' },
    bytes('GroupName', 128),
    bytes('GroupInfo', 32 * 1024),
    users('Administrators', false, 3),
    id('CreatorId'),
    dataCenter,
  ],
  ModifyLiveMessageGroup: [appId, groupId, bool('ModifyAdmin'), users('AdminList', false, 3), bool('ModifyInfo'), bytes('GroupInfo', 32 * 1024), dataCenter],
  DeleteLiveMessageGroup: [appId, groupId, id('OperatorId'), dataCenter],
  RecoverLiveMessageDeletedGroup: [appId, groupId, dataCenter],
  // Assumption: Disable is required (the SDK marks it optional; no default is documented for an app-wide switch).
  ModifyLiveMessageAppDisable: [appId, bool('Disable', true), dataCenter],
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
  if (items.length < rule.min || items.length > rule.max || items.some((item) => item === '' || Buffer.byteLength(item) > 64)) {
    throw inputInvalid(rule.name, shown, `${text}, each of 1 to 64 bytes`);
  }
  return items;
}

function readString(rule: Extract<Rule, { kind: 'string' }>, raw: string): string {
  if (rule.allowed && !rule.allowed.includes(raw)) throw inputInvalid(rule.name, raw, `It must be one of ${rule.allowed.join(', ')}`);
  if (rule.pattern && !rule.pattern.test(raw)) throw inputInvalid(rule.name, raw, rule.patternText ?? 'It is not well formed');
  if (rule.maxBytes !== undefined && Buffer.byteLength(raw) > rule.maxBytes) {
    throw inputInvalid(rule.name, raw, `It must be at most ${rule.maxBytes} bytes; it has ${Buffer.byteLength(raw)}`);
  }
  return raw;
}

/** Validates the action's parameters and returns them typed; other parameters are ignored like the gateway does. */
export function readLiveMessageParams<A extends LiveMessageActionName>(action: A, params: ReadonlyMap<string, string>): LiveMessageActions[A]['request'] {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const rule of LIVE_RULES[action]) {
    if (rule.kind === 'list') {
      const items = readList(rule, params);
      if (items === undefined) {
        if (rule.required) throw missing(rule.name);
        continue;
      }
      if (items.length === 0 && rule.required) throw missing(rule.name);
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
        out[rule.name] = readString(rule, raw);
        break;
      case 'bool':
        if (raw !== 'true' && raw !== 'false') throw inputInvalid(rule.name, raw, 'It must be true or false');
        out[rule.name] = raw === 'true';
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
