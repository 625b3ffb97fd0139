// Find anything by id: a group (GetMessageGroup), members of a group (ListMessageGroupUserById), an app.
import vscode = require('vscode');
import type { GetMessageGroupResult } from '../api/types';
import { UserInputError } from '../errors';
import type { Services } from '../services';
import { AppNode } from '../tree/appNode';
import { GroupNode } from '../tree/groupNode';
import type { ExplorerNode } from '../tree/node';
import { UserNode } from '../tree/userNode';
import type { CommandHandlers } from './index';
import { askId, idProblem } from './input';

/** How many pages of a user's groups "Find Group" reads to place the group in the tree. */
const MAX_PAGES_TO_REVEAL = 20;

export interface FindGroupArgs {
  appId?: string;
  groupId?: string;
}

export interface FindMemberArgs extends FindGroupArgs {
  userIds?: string[];
}

export interface FindGroupOutcome {
  group: GetMessageGroupResult;
  revealed: boolean;
}

export function lookupCommands(services: Services): CommandHandlers {
  const { session, tree, treeView } = services;

  async function appNodes(): Promise<AppNode[]> {
    const children = await tree.getChildren();
    return children.filter((node): node is AppNode => node instanceof AppNode);
  }

  /** An AppId from the argument, a pick among the apps in the tree, or typed in. */
  async function chooseAppId(given: string | undefined, title: string): Promise<string | undefined> {
    if (given !== undefined) return checkedId(given, 'AppId');
    const apps = await appNodes();
    type Item = vscode.QuickPickItem & { appId?: string };
    const items: Item[] = apps.map((app) => ({ label: app.app?.AppName || app.appId, description: app.appId, appId: app.appId }));
    items.push({ label: '$(edit) Enter an AppId…' });
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title, placeHolder: 'App', matchOnDescription: true });
    if (!pick) return undefined;
    return pick.appId ?? askId('AppId', { title });
  }

  async function revealGroup(appId: string, group: GetMessageGroupResult): Promise<boolean> {
    const app = (await appNodes()).find((node) => node.appId === appId);
    if (!app || !app.userIds().includes(group.CreatorId)) return false;
    const user = (await app.children()).find((node): node is UserNode => node instanceof UserNode && node.userId === group.CreatorId);
    if (!user) return false;
    const list = user.pagedChildren();
    for (let page = 0; page < MAX_PAGES_TO_REVEAL; page++) {
      const nodes = await user.children();
      const found = nodes.find((node): node is GroupNode => node instanceof GroupNode && node.group.GroupId === group.GroupId);
      if (found) {
        tree.redraw(user);
        await treeView.reveal(found, { select: true, focus: true, expand: false });
        return true;
      }
      if (!list.hasMore || list.error !== undefined) break;
      await list.loadMore();
    }
    return false;
  }

  return {
    async findGroup(args: FindGroupArgs = {}): Promise<FindGroupOutcome | undefined> {
      const appId = await chooseAppId(args.appId, 'Find group: app');
      if (appId === undefined) return undefined;
      const groupId = args.groupId !== undefined ? checkedId(args.groupId, 'GroupId') : await askId('GroupId', { title: 'Find group: GroupId' });
      if (groupId === undefined) return undefined;
      const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: 'Finding group…' }, () =>
        session.client.getMessageGroup({ AppId: appId, GroupId: groupId }),
      );
      const group = response.Result;
      if (await revealGroup(appId, group)) {
        return { group, revealed: true };
      }
      await services.jsonDocuments.open(`group-${group.GroupId}`, { AppId: appId, ...response });
      const appNode = (await appNodes()).find((node) => node.appId === appId);
      void vscode.window
        .showInformationMessage(`Group ${group.GroupId} was created by ${group.CreatorId}, who is not a configured user of ${appId}.`, 'Add Creator as User')
        .then(async (choice) => {
          if (choice && appNode) {
            await vscode.commands.executeCommand('imExplorer.addUser', appNode, group.CreatorId);
            await vscode.commands.executeCommand('imExplorer.findGroup', { appId, groupId });
          }
        });
      return { group, revealed: false };
    },

    async findMember(args: FindMemberArgs = {}) {
      const appId = await chooseAppId(args.appId, 'Find member: app');
      if (appId === undefined) return undefined;
      const groupId = args.groupId !== undefined ? checkedId(args.groupId, 'GroupId') : await askId('GroupId', { title: 'Find member: GroupId' });
      if (groupId === undefined) return undefined;
      let userIds = args.userIds;
      if (!userIds) {
        const typed = await vscode.window.showInputBox({
          title: 'Find member: UserId',
          prompt: 'One UserId, or several separated by commas.',
          ignoreFocusOut: true,
          validateInput: (value) => splitUserIds(value).map((id) => idProblem(id, 'UserId')).find(Boolean) ?? (splitUserIds(value).length ? undefined : 'UserId is required.'),
        });
        if (typed === undefined) return undefined;
        userIds = splitUserIds(typed);
      }
      if (userIds.length === 0) throw new UserInputError('UserId is required.');
      userIds.forEach((id) => checkedId(id, 'UserId'));
      const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: 'Finding member…' }, () =>
        session.client.listMessageGroupUserById({ AppId: appId, GroupId: groupId, UserIdList: userIds! }),
      );
      const found = response.Result.UserList;
      if (found.length === 0) {
        throw new UserInputError(`${userIds.join(', ')} ${userIds.length === 1 ? 'is not a member' : 'are not members'} of group ${groupId} in app ${appId}.`);
      }
      const missing = userIds.filter((id) => !found.some((member) => member.UserId === id));
      if (missing.length) {
        void vscode.window.showWarningMessage(`Not members of group ${groupId}: ${missing.join(', ')}.`);
      }
      const loaded = tree.findLoaded((node) => node.kind === 'member' && node.ids().appId === appId && node.ids().groupId === groupId && node.ids().userId === found[0].UserId);
      if (loaded) {
        await treeView.reveal(loaded, { select: true, focus: false });
      }
      await services.jsonDocuments.open(`members-${groupId}`, { AppId: appId, GroupId: groupId, ...response });
      return { members: found, missing, revealed: loaded !== undefined };
    },

    async goToApp(appId?: unknown): Promise<string | undefined> {
      const apps = await appNodes();
      if (apps.length === 0) throw new UserInputError('No apps are loaded. Use "Add App…" to add one by AppId.');
      let app: AppNode | undefined;
      if (typeof appId === 'string') {
        app = apps.find((node) => node.appId === appId);
        if (!app) throw new UserInputError(`App ${appId} is not in the tree. Use "Add App…" to add it by AppId.`);
      } else {
        const pick = await vscode.window.showQuickPick(
          apps.map((node) => ({ label: node.app?.AppName || node.appId, description: node.appId, detail: node.configured ? 'configured in settings' : undefined, node })),
          { title: 'Go to app', matchOnDescription: true },
        );
        app = pick?.node;
      }
      if (!app) return undefined;
      await treeView.reveal(app as ExplorerNode, { select: true, focus: true, expand: true });
      return app.appId;
    },
  };
}

function checkedId(value: string, name: string): string {
  const problem = idProblem(value, name);
  if (problem) throw new UserInputError(problem);
  return value;
}

function splitUserIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}
