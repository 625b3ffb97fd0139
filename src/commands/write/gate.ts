// Write actions are off unless the user turned them on: `imExplorer.enableWriteActions` is an application-scoped
// setting (a workspace's or folder's value never counts), and a workspace that is not trusted keeps them off. The
// context key `imExplorer.writeActions` shows their menu entries; a write command run while they are off (from
// the palette, a keybinding, another extension) says how to turn them on and sends nothing.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { SECTION } from '../../config';
import type { Services } from '../../services';
import type { NodesByKind } from '../../tree/concepts';
import type { NodeKind } from '../../tree/node';
import { onRow, type Command, type NodeTarget } from '../registry';

export const WRITE_SETTING = 'enableWriteActions';
const CONTEXT_KEY = 'imExplorer.writeActions';

/** Whether writes may be sent: the user's own setting is on and the workspace is trusted. */
export function writesEnabled(): boolean {
  // Only the user (application) level counts, whatever a workspace writes into its settings.
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<boolean>(WRITE_SETTING);
  return inspected?.globalValue === true && vscode.workspace.isTrusted;
}

/** Keeps the context key that shows the write commands in step with the setting and the workspace's trust. */
export function watchWriteGate(context: vscode.ExtensionContext): void {
  const update = () => void vscode.commands.executeCommand('setContext', CONTEXT_KEY, writesEnabled());
  update();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.${WRITE_SETTING}`)) update();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
  );
}

async function explainOff(services: Services): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const manage = l10n.t('Manage Workspace Trust');
    const choice = await services.input.showMessage(
      'warning',
      l10n.t('Changes (sending, muting, creating, deleting) are off in Restricted Mode: trust this workspace to use them. Nothing was sent.'),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const open = l10n.t('Open Settings');
  const choice = await services.input.showMessage(
    'warning',
    l10n.t(
      'Changes (sending, muting, creating, deleting) are off. Turn on the user setting "{0}" to use them. Nothing was sent.',
      `${SECTION}.${WRITE_SETTING}`,
    ),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', `@id:${SECTION}.${WRITE_SETTING}`);
}

/** A write command on a row: while writes are off it explains and stops before anything is asked or sent. */
export function onWrite<K extends NodeKind>(id: string, target: NodeTarget<K>, run: (services: Services, node: NodesByKind[K]) => unknown): Command {
  const command = onRow(id, target, run);
  return {
    ...command,
    changes: true,
    run: async (services, given) => {
      if (!writesEnabled()) return explainOff(services);
      return command.run(services, given);
    },
  };
}
