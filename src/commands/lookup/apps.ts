// The apps of the tree, for lookups that start from an app.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { askId, pick } from '../../input';
import type { Services } from '../../services';
import type { AppNode } from '../../tree/appNode';
import type { LiveAppNode } from '../../tree/liveAppNode';
import { isKind } from '../registry';

export async function appNodes(services: Services): Promise<AppNode[]> {
  const children = await services.tree.getChildren();
  return children.filter((node): node is AppNode => isKind(node, ['app']));
}

/** The LiveMessage apps at the root of the tree, of every data center. */
export async function liveAppNodes(services: Services): Promise<LiveAppNode[]> {
  const children = await services.tree.getChildren();
  return children.filter((node): node is LiveAppNode => isKind(node, ['liveApp']));
}

/** An AppId picked among the apps in the tree, or typed in. */
export async function chooseAppId(services: Services, title: string): Promise<string> {
  const chosen = await chooseApp(services, title, false);
  return typeof chosen === 'string' ? chosen : chosen.appId;
}

/**
 * An app picked among the apps in the tree (with `withLive`, the LiveMessage apps too: then the node is returned),
 * or an AppId typed in (a legacy app).
 */
export async function chooseApp(services: Services, title: string, withLive: boolean): Promise<string | LiveAppNode> {
  const apps = await appNodes(services);
  const live = withLive ? await liveAppNodes(services) : [];
  type Item = vscode.QuickPickItem & { appId?: string; live?: LiveAppNode };
  const items: Item[] = apps.map((app) => ({ label: app.label, description: app.appId, appId: app.appId }));
  items.push(...live.map((app) => ({ label: app.label, description: `${app.appId} · LiveMessage · ${app.dataCenter}`, live: app })));
  items.push({ label: `$(edit) ${l10n.t('Enter an AppId…')}` });
  const chosen = items.length === 1 ? items[0] : await pick(services.input, items, { title, placeHolder: l10n.t('App'), matchOnDescription: true });
  return chosen.live ?? chosen.appId ?? askId(services.input, 'AppId', { title });
}

/** Reveals a node found by findNode: selected and focused, its parents expanded. */
export async function revealNode(services: Services, node: Parameters<Services['treeView']['reveal']>[0], expand = false): Promise<void> {
  await services.treeView.reveal(node, { select: true, focus: true, expand });
}
