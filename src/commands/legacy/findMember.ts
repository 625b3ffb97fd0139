// Find Member in Group (legacy apps): AppId + GroupId + UserIds → ListMessageGroupUserById (nickname, avatar, mute
// state); the LiveMessage family has no lookup of members by UserId.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { MemberDetail } from '../../api/types';
import { UserInputError } from '../../errors';
import { askId } from '../../input';
import { idProblem, splitIds } from '../../model/ids';
import type { Command } from '../registry';
import { chooseApp, revealNode } from '../lookup/apps';

export interface FindMemberOutcome {
  members: MemberDetail[];
  missing: string[];
  revealed: boolean;
}

export const findMember: Command = {
  id: 'findMember',
  async run(services): Promise<FindMemberOutcome | undefined> {
    const { session, input, tree } = services;
    const { appId } = await chooseApp(services, l10n.t('Find member: app'), 'legacy');
    const groupId = await askId(input, 'GroupId', { title: l10n.t('Find member: GroupId') });
    const typed = await input.showInputBox({
      title: l10n.t('Find member: UserId'),
      prompt: l10n.t('One UserId, or several separated by commas.'),
      validateInput: (value) =>
        splitIds(value)
          .map((id) => idProblem(id, 'UserId'))
          .find(Boolean) ?? (splitIds(value).length ? undefined : l10n.t('{0} is required.', 'UserId')),
    });
    if (typed === undefined) return undefined;
    const userIds = splitIds(typed);
    if (userIds.length === 0) throw new UserInputError(l10n.t('{0} is required.', 'UserId'));
    const problem = userIds.map((id) => idProblem(id, 'UserId')).find(Boolean);
    if (problem) throw new UserInputError(problem);
    const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Finding member…') }, () =>
      session.client.listMessageGroupUserById({ AppId: appId, GroupId: groupId, UserIdList: userIds }),
    );
    const found = response.Result.UserList;
    if (found.length === 0) {
      throw new UserInputError(
        userIds.length === 1
          ? l10n.t('{0} is not a member of group {1} in app {2}.', userIds[0], groupId, appId)
          : l10n.t('{0} are not members of group {1} in app {2}.', userIds.join(', '), groupId, appId),
      );
    }
    const missing = userIds.filter((id) => !found.some((member) => member.UserId === id));
    if (missing.length) void input.showMessage('warning', l10n.t('Not members of group {0}: {1}.', groupId, missing.join(', ')));
    const [loaded] = tree.loadedNodes((node) => {
      const ids = node.ids();
      return node.kind === 'member' && node.family === 'legacy' && ids.appId === appId && ids.groupId === groupId && ids.userId === found[0].UserId;
    });
    if (loaded) await revealNode(services, loaded);
    await services.jsonDocuments.open(`members-${groupId}`, { AppId: appId, GroupId: groupId, ...response });
    return { members: found, missing, revealed: loaded !== undefined };
  },
};
