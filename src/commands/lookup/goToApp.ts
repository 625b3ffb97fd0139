// Go to App: pick an app of the tree (either family) and reveal it, expanded.
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import { pick } from '../../input';
import type { Command } from '../registry';
import { appRows, revealNode } from './apps';

export const goToApp: Command = {
  id: 'goToApp',
  async run(services): Promise<string> {
    const apps = await appRows(services);
    if (apps.length === 0) throw new UserInputError(l10n.t('No apps are loaded. Use "Add App…" to add one by AppId.'));
    const items = apps.map((node) => ({ label: node.label, description: node.appId, detail: node.pickDetail, id: node.id }));
    const chosen = await pick(services.input, items, { title: l10n.t('Go to app'), matchOnDescription: true });
    const app = await services.tree.findNode(chosen.id);
    if (!app) throw new UserInputError(l10n.t('App {0} is no longer in the tree.', chosen.description));
    await revealNode(services, app, true);
    return chosen.description;
  },
};
