// From a legacy member (or a group's creator) to that user's own groups: the user is added under the app and
// revealed, expanded. This is how the UserIds worth browsing are found without knowing them beforehand (the legacy
// family lists groups per user).
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import type { Services } from '../../services';
import type { ExplorerNode } from '../../tree/node';
import { onRow } from '../registry';
import { revealNode } from '../lookup/apps';
import { addUserToApp } from './configured';

async function browseGroupsOf(services: Services, from: ExplorerNode, userId: string): Promise<string> {
  // The app by its AppId, not by walking up: a pinned row is shown under Pinned, not under its app.
  const { appId } = from.ids();
  const app = appId !== undefined ? services.tree.rootNode()?.appNotInTree(appId) : undefined;
  if (!app) throw new UserInputError(l10n.t('This row belongs to no app.'));
  await addUserToApp(services, app.appId, userId);
  const id = app.childId(userId);
  const user = await services.tree.findNode(id);
  if (!user) throw new UserInputError(l10n.t('User {0} could not be shown under app {1}.', userId, app.appId));
  await revealNode(services, user, true);
  return id;
}

export const browseUserGroups = onRow('browseUserGroups', { kinds: ['member'], families: ['legacy'], noun: () => l10n.t('a member') }, (services, member) =>
  browseGroupsOf(services, member, member.userId),
);

export const browseCreatorGroups = onRow('browseCreatorGroups', { kinds: ['group'], families: ['legacy'], noun: () => l10n.t('a group') }, (services, group) =>
  browseGroupsOf(services, group, group.creatorId),
);
