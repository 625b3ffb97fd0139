// The extension's settings, read in one place and checked: an out-of-range value is reported and replaced
// by its default rather than sent to the API. Plain Node: the reader of VS Code's configuration is passed in
// (settings.ts), so this is unit-tested without VS Code.
import * as l10n from '@vscode/l10n';
import { DEFAULT_TIMEOUT_MS } from './api/client';
import { DEFAULT_ENDPOINT, LIMITS } from './api/types';

export const SECTION = 'imExplorer';

export interface ExplorerSettings {
  endpoint: string;
  pageSize: number;
  sortType: 0 | 1;
  timeoutMs: number;
  callsPerSecond: number;
  apps: string[];
  users: Record<string, string[]>;
  /** imExplorer.hover.lookUpUnknownIds: hovers may read a GroupId the explorer has not loaded (GetMessageGroup). */
  hoverLookUp: boolean;
}

export const DEFAULTS: ExplorerSettings = {
  endpoint: DEFAULT_ENDPOINT,
  pageSize: LIMITS.pageSize.max,
  sortType: 1,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  callsPerSecond: LIMITS.callsPerSecond,
  apps: [],
  users: {},
  hoverLookUp: false,
};

/** The request timeout setting's range, in seconds. */
export const TIMEOUT_SECONDS = { min: 1, max: 120 } as const;

/** Why `input` is not a page size, or undefined when it is one. */
export function pageSizeProblem(input: string): string | undefined {
  const value = Number(input.trim());
  const { min, max } = LIMITS.pageSize;
  return input.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : l10n.t('PageSize must be a whole number from {0} to {1}.', min, max);
}

export interface SettingsSource {
  get<T>(key: string): T | undefined;
}

/** Reads the settings; `problems` lists every value that was ignored and why. */
export function parseSettings(config: SettingsSource): { settings: ExplorerSettings; problems: string[] } {
  const problems: string[] = [];

  const integer = (key: string, min: number, max: number, fallback: number): number => {
    const value = config.get<unknown>(key);
    if (value === undefined) {
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(
        l10n.t('imExplorer.{0} must be a whole number from {1} to {2} (found {3}); using {4}.', key, min, max, JSON.stringify(value) ?? 'undefined', fallback),
      );
      return fallback;
    }
    return value;
  };

  const sortOrder = config.get<unknown>('sortOrder');
  let sortType = DEFAULTS.sortType;
  if (sortOrder === 'ascending' || sortOrder === 'descending') {
    sortType = sortOrder === 'ascending' ? 0 : 1;
  } else if (sortOrder !== undefined) {
    problems.push(l10n.t('imExplorer.sortOrder must be "ascending" or "descending" (found {0}); using descending.', JSON.stringify(sortOrder) ?? 'undefined'));
  }

  const timeoutSeconds = config.get<unknown>('requestTimeoutSeconds');
  let timeoutMs = DEFAULTS.timeoutMs;
  if (typeof timeoutSeconds === 'number' && timeoutSeconds >= TIMEOUT_SECONDS.min && timeoutSeconds <= TIMEOUT_SECONDS.max) {
    timeoutMs = Math.round(timeoutSeconds * 1000);
  } else if (timeoutSeconds !== undefined) {
    problems.push(
      l10n.t(
        'imExplorer.requestTimeoutSeconds must be from {0} to {1} (found {2}); using {3}.',
        TIMEOUT_SECONDS.min,
        TIMEOUT_SECONDS.max,
        JSON.stringify(timeoutSeconds) ?? 'undefined',
        DEFAULTS.timeoutMs / 1000,
      ),
    );
  }

  const endpoint = config.get<unknown>('endpoint');
  const apps = config.get<unknown>('apps');
  const users = config.get<unknown>('users');
  const hoverLookUp = config.get<unknown>('hover.lookUpUnknownIds');
  if (hoverLookUp !== undefined && typeof hoverLookUp !== 'boolean') {
    problems.push(`imExplorer.hover.lookUpUnknownIds must be true or false (found ${JSON.stringify(hoverLookUp)}); using false.`);
  }

  return {
    settings: {
      endpoint: typeof endpoint === 'string' && endpoint.trim() ? endpoint.trim() : DEFAULTS.endpoint,
      pageSize: integer('pageSize', LIMITS.pageSize.min, LIMITS.pageSize.max, DEFAULTS.pageSize),
      sortType,
      timeoutMs,
      callsPerSecond: integer('callsPerSecond', 1, LIMITS.callsPerSecond, DEFAULTS.callsPerSecond),
      apps: stringList(apps, 'imExplorer.apps', problems),
      users: userMap(users, problems),
      hoverLookUp: hoverLookUp === true,
    },
    problems,
  };
}

function stringList(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(l10n.t('{0} must be a list of ids; ignoring it.', key));
    return [];
  }
  const ids = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
  if (ids.length !== value.length) {
    problems.push(l10n.t('{0} has entries that are not ids; ignoring them.', key));
  }
  return [...new Set(ids)];
}

function userMap(value: unknown, problems: string[]): Record<string, string[]> {
  if (value === undefined) {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(l10n.t('imExplorer.users must be an object like {0}; ignoring it.', '{ "<AppId>": ["<UserId>"] }'));
    return {};
  }
  const result: Record<string, string[]> = {};
  for (const [appId, ids] of Object.entries(value)) {
    result[appId] = stringList(ids, `imExplorer.users["${appId}"]`, problems);
  }
  return result;
}
