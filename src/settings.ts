// VS Code's side of the settings: reading them through config.ts's checks (and VS Code's proxy settings), and
// writing one back.
import vscode = require('vscode');
import { proxySettingsOf, type ProxySettings } from './api/proxy';
import { type ExplorerSettings, parseSettings, SECTION } from './config';

export function readSettings(): { settings: ExplorerSettings; problems: string[] } {
  return parseSettings(vscode.workspace.getConfiguration(SECTION));
}

/**
 * VS Code's http.* proxy settings and the proxy environment variables, which decide the route of the API calls.
 * (VS Code keeps these settings at application or machine level: a workspace cannot change them.)
 */
export function readProxySettings(): ProxySettings {
  return proxySettingsOf(vscode.workspace.getConfiguration('http'), process.env);
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
