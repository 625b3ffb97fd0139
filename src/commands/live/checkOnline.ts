// Check Online…: whether given users are online in a LiveMessage group (CheckLiveMessageUsersInGroup, 1–10
// UserIds). On a group it asks for the UserIds; on a member it checks that member. Loaded member rows show the
// answer; a message sums it up.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf } from '../../api/requests';
import { LIMITS } from '../../api/types';
import { UserInputError } from '../../errors';
import { ask } from '../../input';
import { idProblem, splitIds } from '../../model/ids';
import { GroupNode } from '../../tree/live/groupNode';
import type { OnlineState } from '../../tree/live/memberNode';
import { onRow } from '../registry';

export interface OnlineAnswer {
  UserId: string;
  Online: boolean;
}

const { min, max } = LIMITS.liveMessage.userIds;

function userIdsProblem(text: string): string | undefined {
  const ids = splitIds(text);
  if (ids.length < min) return l10n.t('Type at least one UserId.');
  if (ids.length > max) return l10n.t('At most {0} UserIds at a time ({1} typed).', max, ids.length);
  for (const id of ids) {
    const problem = idProblem(id, 'UserId');
    if (problem) return problem;
  }
  return undefined;
}

export const checkOnline = onRow(
  'checkOnline',
  { kinds: ['group', 'member'], families: ['live'], without: ['deleted'], noun: () => l10n.t('a LiveMessage group or member') },
  async (services, target): Promise<OnlineAnswer[]> => {
    const group = target.kind === 'group' ? target : target.parent;
    if (!(group instanceof GroupNode)) throw new Error(`${target.id} is not in a LiveMessage group`);
    let userIds: string[];
    if (target.kind === 'member') {
      userIds = [target.userId];
    } else {
      const text = await ask(services.input, {
        title: l10n.t('Check online in {0}: UserIds', group.groupId),
        prompt: l10n.t('{0} to {1} UserIds, separated by commas.', min, max),
        validateInput: userIdsProblem,
      });
      const problem = userIdsProblem(text);
      if (problem) throw new UserInputError(problem);
      userIds = [...new Set(splitIds(text))];
    }
    const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Checking who is online…') }, () =>
      callOf(services.session.client, { action: 'CheckLiveMessageUsersInGroup', params: { ...group.where, UserIds: userIds } }),
    );
    const checkedAt = Date.now();
    const answers = response.Users.map(({ UserId, Online }) => ({ UserId, Online }));
    const loaded = new Set(group.pagedChildren().items.map((member) => member.UserId));
    for (const answer of answers) {
      if (loaded.has(answer.UserId)) services.tree.details.set(group.childId(answer.UserId), { Online: answer.Online, checkedAt } satisfies OnlineState);
    }
    services.tree.redraw(group);
    const online = answers.filter((answer) => answer.Online).map((answer) => answer.UserId);
    const offline = answers.filter((answer) => !answer.Online).map((answer) => answer.UserId);
    const summary = [
      online.length ? l10n.t('Online: {0}.', online.join(', ')) : undefined,
      offline.length ? l10n.t('Not online (or not in the group): {0}.', offline.join(', ')) : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    void services.input.showMessage('info', l10n.t('Group {0}: {1}', group.groupId, summary));
    return answers;
  },
);
