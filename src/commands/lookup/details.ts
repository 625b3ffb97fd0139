// Details on demand: a group's (GetMessageGroup: IsMuteAll, Status, Extension) or a member's
// (ListMessageGroupUserById: nick, avatar, UserExtension, IsMute, MuteBy), shown in a detail document and, once
// fetched, in the row's tooltip; and a group's recent messages (ListMessage) as a readable document.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { formatNumber } from '../../model/display';
import { pagerFor } from '../../api/requests';
import type { Message } from '../../api/types';
import { UserInputError } from '../../errors';
import { messagesDocument } from '../../model/messages';
import { liveDetails } from '../live/liveDetails';
import { targetNode, type Command } from '../registry';

/** Messages read for the document: four pages of 50. */
const MAX_MESSAGES = 200;

export const showDetails: Command = {
  id: 'showDetails',
  async run(services, node): Promise<unknown> {
    const target = await targetNode(services, node, { kinds: ['group', 'member', 'liveApp', 'liveGroup'], noun: l10n.t('a group or member') });
    if (target.kind === 'liveApp' || target.kind === 'liveGroup') return liveDetails(services, target);
    const { client } = services.session;
    const detail = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Reading details…') }, async () => {
      if (target.kind === 'group') {
        return (await client.getMessageGroup({ AppId: target.group.AppId, GroupId: target.group.GroupId })).Result;
      }
      const { AppId, GroupId } = target.group.group;
      const found = (await client.listMessageGroupUserById({ AppId, GroupId, UserIdList: [target.member.UserId] })).Result.UserList[0];
      if (!found) throw new UserInputError(l10n.t('{0} is no longer a member of group {1}.', target.member.UserId, GroupId));
      return found;
    });
    services.tree.details.set(target.id, detail);
    services.tree.redraw(target);
    await services.jsonDocuments.open(`${target.kind}-detail-${target.ownId()}`, detail);
    return detail;
  },
};

export const showMessages: Command = {
  id: 'showMessages',
  async run(services, node): Promise<Message[]> {
    const group = await targetNode(services, node, { kinds: ['group'], noun: l10n.t('a group') });
    const { client, settings } = services.session;
    const request = { action: 'ListMessage' as const, params: { AppId: group.group.AppId, GroupId: group.group.GroupId, SortType: settings.sortType } };
    const messages: Message[] = [];
    let more = false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Reading messages of {0}', group.group.GroupId), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        for await (const page of pagerFor(client, request, 50).pages({ signal: controller.signal })) {
          messages.push(...page.items);
          more = !page.stoppedBecause;
          if (messages.length >= MAX_MESSAGES) break;
        }
      },
    );
    const order = settings.sortType === 1 ? l10n.t('newest first') : l10n.t('oldest first');
    const note = more ? l10n.t('{0}; the first {1} (there are more)', order, formatNumber(messages.length)) : order;
    await services.jsonDocuments.openText(
      `messages-${group.group.GroupId}`,
      messagesDocument(group.group.AppId, group.group.GroupId, messages, note),
      'markdown',
    );
    return messages;
  },
};
