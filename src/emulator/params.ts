// Request parameters: decoding the query string / form body, and each action's documented parameters.
import type { ActionName, Actions, LegacyActionName } from '../api/types';
import { ApiFailure, invalidParameter, missing } from './errors';
import { LIVE_MESSAGE_ACTIONS, isLiveMessageActionName, readLiveMessageParams } from './liveParams';

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
  kind: 'string' | 'list';
  name: string;
  required: boolean;
}

type Rule = IntRule | StringRule;

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

/** Validates the action's parameters and returns them typed; other parameters are ignored like the gateway does. */
export function readActionParams<A extends ActionName>(action: A, params: ReadonlyMap<string, string>): Actions[A]['request'] {
  if (isLiveMessageActionName(action)) return readLiveMessageParams(action, params) as Actions[A]['request'];
  const out: Record<string, string | number | string[]> = {};
  for (const rule of RULES[action as LegacyActionName]) {
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
    if (rule.kind === 'list') {
      const items = raw.split(',').filter((item) => item !== '');
      if (items.length === 0) {
        throw missing(rule.name);
      }
      out[rule.name] = items;
    } else {
      out[rule.name] = raw;
    }
  }
  return out as unknown as Actions[A]['request'];
}
