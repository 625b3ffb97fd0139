// From a member (or a group's creator) to that user's own groups: the user is added under the app and revealed,
// expanded. This is how the UserIds worth browsing are found without knowing them beforehand.
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import type { Services } from '../../services';
import type { ExplorerNode } from '../../tree/node';
import { segment } from '../../tree/node';
import { targetNode, type Command } from '../registry';
import { addUserToApp } from '../view/configured';
import { revealNode } from './apps';

/** The app row a node belongs to. */
function appRowOf(node: ExplorerNode): ExplorerNode {
  let current: ExplorerNode | undefined = node;
  while (current && current.kind !== 'app') current = current.parent;
  if (!current) throw new Error(`${node.id} is not under an app`);
  return current;
}

async function browseGroupsOf(services: Services, from: ExplorerNode, userId: string): Promise<string> {
  const app = appRowOf(from);
  const appId = from.ids().appId;
  if (appId === undefined) throw new UserInputError(l10n.t('This row belongs to no app.'));
  await addUserToApp(services, appId, userId);
  const id = app.id + segment('user', userId);
  const user = await services.tree.findNode(id);
  if (!user) throw new UserInputError(l10n.t('User {0} could not be shown under app {1}.', userId, appId));
  await revealNode(services, user, true);
  return id;
}

export const browseUserGroups: Command = {
  id: 'browseUserGroups',
  async run(services, node): Promise<string> {
    const member = await targetNode(services, node, { kinds: ['member'], noun: l10n.t('a member') });
    return browseGroupsOf(services, member, member.member.UserId);
  },
};

export const browseCreatorGroups: Command = {
  id: 'browseCreatorGroups',
  async run(services, node): Promise<string> {
    const group = await targetNode(services, node, { kinds: ['group'], noun: l10n.t('a group') });
    return browseGroupsOf(services, group, group.group.CreatorId);
  },
};
