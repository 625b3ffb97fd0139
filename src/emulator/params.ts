// Request parameters: decoding the query string / form body, and each action's documented parameters.
import type { ActionName, Actions, LegacyActionName } from '../api/types';
import { ApiFailure, invalidParameter, missing } from './errors';
import { LIVE_MESSAGE_ACTIONS, isLiveMessageActionName, readLiveMessageParams } from './liveParams';
import { readWireList } from './wireLists';

/**
 * Adds the pairs of an application/x-www-form-urlencoded string to `into`.
 * A raw '+' is a space (form semantics); a literal plus must arrive as %2B. A name given twice is
 * refused: a signature over one copy says nothing about the other.
 */
export function parseFormEncoded(raw: string, into: Map<string, string>): void {
  if (raw === '') {
    return;
  }
  for (const pair of raw.split('&')) {
    if (pair === '') {
      continue;
    }
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (into.has(name)) {
      throw new ApiFailure('InvalidParameter', `The parameter "${name}" is given more than once.`);
    }
    into.set(name, value);
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new ApiFailure('InvalidParameter', `The request contains a malformed percent-encoding: "${text}".`);
  }
}

interface IntRule {
  kind: 'int';
  name: string;
  required: boolean;
  default?: number;
  min: number;
  max: number;
  /** When only some values in [min, max] are valid (SortType). */
  allowed?: readonly number[];
}

interface StringRule {
  kind: 'string';
  name: string;
  required: boolean;
  /** The value must match (CreatorId: letters and digits). */
  pattern?: RegExp;
  patternText?: string;
}

/** Comma-joined or Key.1, Key.2...; empty items are dropped. */
interface ListRule {
  kind: 'list';
  name: string;
  required: boolean;
  max?: number;
}

/** true or false; JSON text (Data); a JSON object of strings (Extension). */
interface OtherRule {
  kind: 'bool' | 'json' | 'map';
  name: string;
  required: boolean;
}

type Rule = IntRule | StringRule | ListRule | OtherRule;

// The documented ranges, kept here on purpose instead of importing LIMITS from src/api/types.ts:
// a wrong shared constant must not make the client and the emulator agree.
const PAGE_NUM_MAX = 100000;
const PAGE_SIZE_MAX = 50;

const pageNum = (required: boolean): IntRule => ({
  kind: 'int',
  name: 'PageNum',
  required,
  default: required ? undefined : 1,
  min: 1,
  max: PAGE_NUM_MAX,
});
const pageSize = (required: boolean): IntRule => ({
  kind: 'int',
  name: 'PageSize',
  required,
  default: required ? undefined : 20,
  min: 1,
  max: PAGE_SIZE_MAX,
});
// Assumption: SortType defaults to 0 (ascending); the docs give no default.
const sortType: IntRule = { kind: 'int', name: 'SortType', required: false, default: 0, min: 0, max: 1, allowed: [0, 1] };
const str = (name: string): StringRule => ({ kind: 'string', name, required: true });
const optionalStr = (name: string): StringRule => ({ kind: 'string', name, required: false });
const bool = (name: string): OtherRule => ({ kind: 'bool', name, required: false });
const list = (name: string, required: boolean, max?: number): ListRule => ({ kind: 'list', name, required, ...(max ? { max } : {}) });
// Documented: 0 none, 1 the given users, 2 the group.
const broadCastType: IntRule = { kind: 'int', name: 'BroadCastType', required: false, min: 0, max: 2 };
// Assumption: a message Type is any non-negative int32 (up to 10000 a system message, above a custom one).
const messageType = (required: boolean): IntRule => ({ kind: 'int', name: 'Type', required, min: 0, max: 2147483647 });
const INT32_MAX = 2147483647;
// Documented: "up to 36 characters, letters and digits only".
const creatorId: StringRule = { kind: 'string', name: 'CreatorId', required: true, pattern: /^[A-Za-z0-9]{1,36}$/, patternText: 'up to 36 letters and digits' };
const message = (typeRequired: boolean): Rule[] => [
  str('AppId'),
  str('GroupId'),
  str('OperatorUserId'),
  { kind: 'json', name: 'Data', required: true },
  messageType(typeRequired),
  bool('SkipAudit'),
];

/** Checked in this order; the first problem is the one reported. */
const RULES: Record<LegacyActionName, readonly Rule[]> = {
  ListMessageApp: [pageNum(true), pageSize(true), sortType],
  // AppId and UserId are "optional" in the docs but "must be filled in to query normally".
  ListMessageGroup: [pageNum(true), pageSize(true), sortType, str('AppId'), str('UserId')],
  ListMessageGroupUser: [str('AppId'), str('GroupId'), pageNum(false), pageSize(false), sortType],
  GetMessageApp: [str('AppId')],
  GetMessageGroup: [str('AppId'), str('GroupId')],
  ListMessageGroupUserById: [str('AppId'), str('GroupId'), { kind: 'list', name: 'UserIdList', required: true }],
  ListMessage: [
    str('AppId'),
    str('GroupId'),
    pageNum(true),
    pageSize(true),
    sortType,
    // Assumption: any non-negative 32-bit message type is accepted as a filter.
    { kind: 'int', name: 'Type', required: false, min: 0, max: 2147483647 },
  ],
  ListMuteGroupUser: [str('AppId'), str('GroupId'), pageNum(true), pageSize(true), optionalStr('OperatorUserId')],
  // Documented: at most 20 user ids, comma-joined.
  BatchGetOnlineUsers: [str('AppId'), str('GroupId'), list('UserIds', true, 20)],
  SendMessageToGroup: message(false),
  SendMessageToGroupUsers: [...message(true), list('ReceiverIdList', false)],
  MuteAllGroupUser: [str('AppId'), str('GroupId'), str('OperatorUserId'), broadCastType],
  CancelMuteAllGroupUser: [str('AppId'), str('GroupId'), str('OperatorUserId'), broadCastType],
  MuteGroupUser: [
    str('AppId'),
    str('GroupId'),
    list('MuteUserList', true),
    { kind: 'int', name: 'MuteTime', required: false, min: 0, max: INT32_MAX },
    optionalStr('OperatorUserId'),
    broadCastType,
  ],
  CancelMuteGroupUser: [str('AppId'), str('GroupId'), list('CancelMuteUserList', true), optionalStr('OperatorUserId'), broadCastType],
  CreateMessageGroup: [str('AppId'), creatorId, { kind: 'map', name: 'Extension', required: false }],
  UpdateMessageGroup: [str('AppId'), str('GroupId'), { kind: 'map', name: 'Extension', required: false }],
  JoinMessageGroup: [str('AppId'), str('GroupId'), str('UserId'), broadCastType, bool('BroadCastStatistics')],
  LeaveMessageGroup: [str('AppId'), str('GroupId'), str('UserId'), broadCastType, bool('BroadCastStatistics')],
};

export const ACTIONS: ActionName[] = [...(Object.keys(RULES) as LegacyActionName[]), ...LIVE_MESSAGE_ACTIONS];

/** Both families. */
export function isAction(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(RULES, name) || isLiveMessageActionName(name);
}

function ruleText(rule: IntRule): string {
  if (rule.allowed) {
    return `${rule.name} must be one of ${rule.allowed.join(', ')}.`;
  }
  return `${rule.name} must be an integer from ${rule.min} to ${rule.max}.`;
}

function parseInteger(rule: IntRule, raw: string): number {
  // Digits only (an optional minus so "-1" is reported as out of range rather than as garbage).
  if (!/^-?[0-9]{1,12}$/.test(raw)) {
    throw invalidParameter(rule.name, raw, ruleText(rule));
  }
  const value = Number(raw);
  if (value < rule.min || value > rule.max || (rule.allowed && !rule.allowed.includes(value))) {
    throw invalidParameter(rule.name, raw, ruleText(rule));
  }
  return value;
}

function readOther(rule: OtherRule, raw: string): boolean | string | Record<string, string> {
  if (rule.kind === 'bool') {
    if (raw !== 'true' && raw !== 'false') throw invalidParameter(rule.name, raw, `${rule.name} must be true or false.`);
    return raw === 'true';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(rule.name, raw, `${rule.name} must be JSON text.`);
  }
  if (rule.kind === 'json') return raw;
  const isMap = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string');
  if (!isMap) throw invalidParameter(rule.name, raw, `${rule.name} must be a JSON object whose values are strings.`);
  return parsed as Record<string, string>;
}

/** Validates the action's parameters and returns them typed; other parameters are ignored like the gateway does. */
export function readActionParams<A extends ActionName>(action: A, params: ReadonlyMap<string, string>): Actions[A]['request'] {
  if (isLiveMessageActionName(action)) return readLiveMessageParams(action, params) as Actions[A]['request'];
  const out: Record<string, unknown> = {};
  for (const rule of RULES[action as LegacyActionName]) {
    if (rule.kind === 'list') {
      const items = readWireList(params, rule.name, 'InvalidParameter')?.filter((item) => item !== '');
      if (items === undefined || items.length === 0) {
        if (rule.required) {
          throw missing(rule.name);
        }
        continue;
      }
      if (rule.max !== undefined && items.length > rule.max) {
        throw invalidParameter(rule.name, items.join(','), `${rule.name} holds at most ${rule.max} ids.`);
      }
      out[rule.name] = items;
      continue;
    }
    const raw = params.get(rule.name);
    if (rule.kind === 'int') {
      if (raw === undefined) {
        if (rule.required) {
          throw missing(rule.name);
        }
        if (rule.default !== undefined) {
          out[rule.name] = rule.default;
        }
        continue;
      }
      // An empty integer is reported as invalid, not missing (it was sent).
      out[rule.name] = parseInteger(rule, raw);
      continue;
    }
    if (raw === undefined || raw === '') {
      if (rule.required) {
        throw missing(rule.name);
      }
      continue;
    }
    if (rule.kind === 'string') {
      if (rule.pattern && !rule.pattern.test(raw)) {
        throw invalidParameter(rule.name, raw, `${rule.name} must be ${rule.patternText ?? 'well formed'}.`);
      }
      out[rule.name] = raw;
      continue;
    }
    out[rule.name] = readOther(rule, raw);
  }
  return out as unknown as Actions[A]['request'];
}
