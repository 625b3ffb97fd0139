// The extension's settings, read in one place and checked: an out-of-range value is reported and replaced
// by its default rather than sent to the API.
import vscode = require('vscode');

export const SECTION = 'imExplorer';

export interface ExplorerSettings {
  endpoint: string;
  pageSize: number;
  sortType: 0 | 1;
  timeoutMs: number;
  callsPerSecond: number;
  apps: string[];
  users: Record<string, string[]>;
}

export const DEFAULTS: ExplorerSettings = {
  endpoint: 'https://live.aliyuncs.com',
  pageSize: 50,
  sortType: 1,
  timeoutMs: 10_000,
  callsPerSecond: 100,
  apps: [],
  users: {},
};

/** Reads the settings; `problems` lists every value that was ignored and why. */
export function readSettings(): { settings: ExplorerSettings; problems: string[] } {
  const config = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];

  const integer = (key: string, min: number, max: number, fallback: number): number => {
    const value = config.get<unknown>(key);
    if (value === undefined) {
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`imExplorer.${key} must be a whole number from ${min} to ${max} (found ${JSON.stringify(value)}); using ${fallback}.`);
      return fallback;
    }
    return value;
  };

  const sortOrder = config.get<unknown>('sortOrder');
  let sortType = DEFAULTS.sortType;
  if (sortOrder === 'ascending' || sortOrder === 'descending') {
    sortType = sortOrder === 'ascending' ? 0 : 1;
  } else if (sortOrder !== undefined) {
    problems.push(`imExplorer.sortOrder must be "ascending" or "descending" (found ${JSON.stringify(sortOrder)}); using descending.`);
  }

  const timeoutSeconds = config.get<unknown>('requestTimeoutSeconds');
  let timeoutMs = DEFAULTS.timeoutMs;
  if (typeof timeoutSeconds === 'number' && timeoutSeconds >= 1 && timeoutSeconds <= 120) {
    timeoutMs = Math.round(timeoutSeconds * 1000);
  } else if (timeoutSeconds !== undefined) {
    problems.push(`imExplorer.requestTimeoutSeconds must be from 1 to 120 (found ${JSON.stringify(timeoutSeconds)}); using 10.`);
  }

  const endpoint = config.get<unknown>('endpoint');
  const apps = config.get<unknown>('apps');
  const users = config.get<unknown>('users');

  return {
    settings: {
      endpoint: typeof endpoint === 'string' && endpoint.trim() ? endpoint.trim() : DEFAULTS.endpoint,
      pageSize: integer('pageSize', 1, 50, DEFAULTS.pageSize),
      sortType,
      timeoutMs,
      callsPerSecond: integer('callsPerSecond', 1, 100, DEFAULTS.callsPerSecond),
      apps: stringList(apps, 'imExplorer.apps', problems),
      users: userMap(users, problems),
    },
    problems,
  };
}

function stringList(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(`${key} must be a list of ids; ignoring it.`);
    return [];
  }
  const ids = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
  if (ids.length !== value.length) {
    problems.push(`${key} has entries that are not ids; ignoring them.`);
  }
  return [...new Set(ids)];
}

function userMap(value: unknown, problems: string[]): Record<string, string[]> {
  if (value === undefined) {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('imExplorer.users must be an object like { "<AppId>": ["<UserId>"] }; ignoring it.');
    return {};
  }
  const result: Record<string, string[]> = {};
  for (const [appId, ids] of Object.entries(value)) {
    result[appId] = stringList(ids, `imExplorer.users["${appId}"]`, problems);
  }
  return result;
}

/**
 * Writes to the level the value already lives at (workspace or user), user level by default, and resolves once
 * the session has reloaded with it.
 */
export async function updateSetting(session: { nextReload(): Promise<void> }, key: 'apps' | 'users' | 'sortOrder' | 'pageSize', value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  if (JSON.stringify(config.get(key)) === JSON.stringify(value)) {
    return;
  }
  const reloaded = session.nextReload();
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
  await reloaded;
}
