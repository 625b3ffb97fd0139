// The apps of the tree, for lookups that start from an app.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { askId, pick } from '../../input';
import type { Services } from '../../services';
import type { AppNode } from '../../tree/appNode';
import { isKind } from '../registry';

export async function appNodes(services: Services): Promise<AppNode[]> {
  const children = await services.tree.getChildren();
  return children.filter((node): node is AppNode => isKind(node, ['app']));
}

/** An AppId picked among the apps in the tree, or typed in. */
export async function chooseAppId(services: Services, title: string): Promise<string> {
  const apps = await appNodes(services);
  type Item = vscode.QuickPickItem & { appId?: string };
  const items: Item[] = apps.map((app) => ({ label: app.label, description: app.appId, appId: app.appId }));
  items.push({ label: `$(edit) ${l10n.t('Enter an AppId…')}` });
  const chosen = items.length === 1 ? items[0] : await pick(services.input, items, { title, placeHolder: l10n.t('App'), matchOnDescription: true });
  return chosen.appId ?? askId(services.input, 'AppId', { title });
}

/** Reveals a node found by findNode: selected and focused, its parents expanded. */
export async function revealNode(services: Services, node: Parameters<Services['treeView']['reveal']>[0], expand = false): Promise<void> {
  await services.treeView.reveal(node, { select: true, focus: true, expand });
}
