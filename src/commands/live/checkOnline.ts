// Check Online…: whether given users are online in a LiveMessage group (CheckLiveMessageUsersInGroup, 1–10
// UserIds). On a group it asks for the UserIds; on a member it checks that member. Loaded member rows show the
// answer; a message sums it up.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf, type ItemRequestFor } from '../../api/requests';
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
    // What to check, and the rows that show the answer: a member's own request (a pinned member is shown under
    // Pinned, not under its group), or the UserIds asked for on a group, shown on its loaded members.
    let params: ItemRequestFor<'CheckLiveMessageUsersInGroup'>['params'];
    let rows: Map<string, string>;
    if (target.kind === 'member') {
      const request = target.request();
      if (request?.action !== 'CheckLiveMessageUsersInGroup') throw new Error(`${target.id} is not a LiveMessage member`);
      params = request.params;
      rows = new Map([[target.userId, target.id]]);
    } else {
      if (!(target instanceof GroupNode)) throw new Error(`${target.id} is not a LiveMessage group`);
      const text = await ask(services.input, {
        title: l10n.t('Check online in {0}: UserIds', target.groupId),
        prompt: l10n.t('{0} to {1} UserIds, separated by commas.', min, max),
        validateInput: userIdsProblem,
      });
      const problem = userIdsProblem(text);
      if (problem) throw new UserInputError(problem);
      params = { ...target.where, UserIds: [...new Set(splitIds(text))] };
      rows = new Map(target.pagedChildren().items.map((member) => [member.UserId, target.childId(member.UserId)]));
    }
    const response = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Checking who is online…') }, () =>
      callOf(services.session.client, { action: 'CheckLiveMessageUsersInGroup', params }),
    );
    const checkedAt = Date.now();
    const answers = response.Users.map(({ UserId, Online }) => ({ UserId, Online }));
    for (const answer of answers) {
      const rowId = rows.get(answer.UserId);
      if (rowId !== undefined) services.tree.details.set(rowId, { Online: answer.Online, checkedAt } satisfies OnlineState);
    }
    services.tree.redraw(target);
    const online = answers.filter((answer) => answer.Online).map((answer) => answer.UserId);
    const offline = answers.filter((answer) => !answer.Online).map((answer) => answer.UserId);
    const summary = [
      online.length ? l10n.t('Online: {0}.', online.join(', ')) : undefined,
      offline.length ? l10n.t('Not online (or not in the group): {0}.', offline.join(', ')) : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    void services.input.showMessage('info', l10n.t('Group {0}: {1}', params.GroupId, summary));
    return answers;
  },
);
