// The apps of the tree, of both families, for lookups that start from an app; and revealing a row found by id.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { askId, pick } from '../../input';
import type { Services } from '../../services';
import { isKind, type AppRow } from '../../tree/concepts';
import type { Family } from '../../api/types';

/** The app rows at the root of the tree (of `family`, or of both). */
export async function appRows(services: Services, family?: Family): Promise<AppRow[]> {
  const children = await services.tree.getChildren();
  return children.filter((node): node is AppRow => isKind(node, ['app']) && (family === undefined || node.family === family));
}

/** An app picked among the apps in the tree (of `family`, or of both), or an AppId typed in (a legacy app). */
export async function chooseApp(services: Services, title: string, family?: Family): Promise<AppRow> {
  const apps = await appRows(services, family);
  type Item = vscode.QuickPickItem & { app?: AppRow };
  const items: Item[] = apps.map((app) => ({ label: app.label, description: [app.appId, app.pickDetail].filter(Boolean).join(' · '), app }));
  items.push({ label: `$(edit) ${l10n.t('Enter an AppId…')}` });
  const chosen = items.length === 1 ? items[0] : await pick(services.input, items, { title, placeHolder: l10n.t('App'), matchOnDescription: true });
  if (chosen.app) return chosen.app;
  const appId = await askId(services.input, 'AppId', { title });
  const root = services.tree.rootNode();
  if (!root) throw new vscode.CancellationError();
  return root.appNotInTree(appId);
}

/** Reveals a node found by findNode: selected and focused, its parents expanded. */
export async function revealNode(services: Services, node: Parameters<Services['treeView']['reveal']>[0], expand = false): Promise<void> {
  await services.treeView.reveal(node, { select: true, focus: true, expand });
}
