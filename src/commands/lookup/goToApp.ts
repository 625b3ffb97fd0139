// Go to App: pick an app of the tree and reveal it, expanded.
import vscode = require('vscode');
import { UserInputError } from '../../errors';
import { pick } from '../../input';
import type { Command } from '../registry';
import { appNodes, liveAppNodes, revealNode } from './apps';

export const goToApp: Command = {
  id: 'goToApp',
  async run(services): Promise<string> {
    const apps = await appNodes(services);
    const live = await liveAppNodes(services);
    if (apps.length === 0 && live.length === 0) throw new UserInputError('No apps are loaded. Use "Add App…" to add one by AppId.');
    const items = [
      ...apps.map((node) => ({ label: node.label, description: node.appId, detail: node.configured ? 'configured in settings' : undefined, id: node.id })),
      ...live.map((node) => ({ label: node.label, description: node.appId, detail: vscode.l10n.t('LiveMessage · {0}', node.dataCenter), id: node.id })),
    ];
    const chosen = await pick(services.input, items, { title: 'Go to app', matchOnDescription: true });
    const app = await services.tree.findNode(chosen.id);
    if (!app) throw new UserInputError(`App ${chosen.description} is no longer in the tree.`);
    await revealNode(services, app, true);
    return chosen.description;
  },
};
