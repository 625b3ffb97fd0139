// VS Code's side of the settings: reading them through config.ts's checks, and writing one back.
import vscode = require('vscode');
import { type ExplorerSettings, parseSettings, SECTION } from './config';

export function readSettings(): { settings: ExplorerSettings; problems: string[] } {
  return parseSettings(vscode.workspace.getConfiguration(SECTION));
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
