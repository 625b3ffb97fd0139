// Find Group: AppId + GroupId → GetMessageGroup, then reveal the group under whichever configured user lists it
// (its creator first), loading those users' pages as needed. Not listed anywhere: its data in a document, and
// an offer to add its creator as a user.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { GetMessageGroupResult } from '../../api/types';
import { askId } from '../../input';
import type { Services } from '../../services';
import { segment } from '../../tree/node';
import { type Command } from '../registry';
import { addUserToApp } from '../view/configured';
import { findLiveGroup, type FindLiveGroupOutcome } from '../live/findLiveGroup';
import { appNodes, chooseApp, revealNode } from './apps';

export interface FindGroupOutcome {
  group: GetMessageGroupResult;
  /** The tree id the group was revealed at, if it was. */
  revealedAt?: string;
}

/** Pages of one user's groups read to place the group; a user with more groups than this is not searched further. */
const MAX_PAGES_PER_USER = 20;

async function revealGroup(services: Services, appId: string, group: GetMessageGroupResult): Promise<string | undefined> {
  const app = (await appNodes(services)).find((node) => node.appId === appId);
  if (!app) return undefined;
  const users = app.userIds();
  const ordered = users.includes(group.CreatorId) ? [group.CreatorId, ...users.filter((id) => id !== group.CreatorId)] : users;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Finding {0} in the tree', group.GroupId), cancellable: true },
    async (progress, token) => {
      for (const userId of ordered) {
        progress.report({ message: l10n.t('groups of {0}', userId) });
        const id = app.id + segment('user', userId) + segment('group', group.GroupId);
        const node = await services.tree.findNode(id, { loadMore: true, maxPagesPerList: MAX_PAGES_PER_USER, token });
        if (node) {
          await revealNode(services, node);
          return id;
        }
      }
      return undefined;
    },
  );
}

/** Find Group's prompts and lookup; `prefilled` fills the GroupId box (Find in Explorer passes the selected text). */
export async function findGroupFlow(services: Services, prefilled?: string): Promise<FindGroupOutcome | FindLiveGroupOutcome> {
  const { session, input } = services;
  const chosen = await chooseApp(services, l10n.t('Find group: app'), true);
  if (typeof chosen !== 'string') return findLiveGroup(services, chosen, prefilled);
  const appId = chosen;
  const groupId = await askId(input, 'GroupId', { title: l10n.t('Find group: GroupId'), value: prefilled });
  const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Finding group…') }, () =>
    session.client.getMessageGroup({ AppId: appId, GroupId: groupId }),
  );
  const group = response.Result;
  const revealedAt = await revealGroup(services, appId, group);
  if (revealedAt) return { group, revealedAt };
  await services.jsonDocuments.open(`group-${group.GroupId}`, { AppId: appId, ...response });
  const inTree = (await appNodes(services)).some((node) => node.appId === appId);
  if (inTree) {
    const addCreator = l10n.t('Add Creator as User');
    void input
      .showMessage(
        'info',
        l10n.t('Group {0} is not listed under any configured user of {1}. Its creator is {2}.', group.GroupId, appId, group.CreatorId),
        addCreator,
      )
      .then(async (choice) => {
        if (choice !== addCreator) return;
        await addUserToApp(services, appId, group.CreatorId);
        await revealGroup(services, appId, group);
      });
  }
  return { group };
}

export const findGroup: Command = {
  id: 'findGroup',
  run: (services) => findGroupFlow(services),
};
