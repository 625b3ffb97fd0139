// Show Recent Messages (legacy groups): a group's latest messages (ListMessage) as a readable document. A
// LiveMessage group lists its messages in the tree (its Messages row).
import vscode = require('vscode');
import { l10n } from 'vscode';
import { messagePager } from '../../api/pager';
import type { Message } from '../../api/types';
import { formatNumber } from '../../model/display';
import { messagesDocument } from '../../model/messages';
import { onRow } from '../registry';

/** Messages read for the document: four pages of 50. */
const MAX_MESSAGES = 200;

export const showMessages = onRow(
  'showMessages',
  { kinds: ['group'], families: ['legacy'], noun: () => l10n.t('a group') },
  async (services, group): Promise<Message[]> => {
    const { client, settings } = services.session;
    const pager = messagePager(client, { AppId: group.appId, GroupId: group.groupId, SortType: settings.sortType }, 50);
    const messages: Message[] = [];
    let more = false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Reading messages of {0}', group.groupId), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        for await (const page of pager.pages({ signal: controller.signal })) {
          messages.push(...page.items);
          more = !page.stoppedBecause;
          if (messages.length >= MAX_MESSAGES) break;
        }
      },
    );
    const order = settings.sortType === 1 ? l10n.t('newest first') : l10n.t('oldest first');
    const note = more ? l10n.t('{0}; the first {1} (there are more)', order, formatNumber(messages.length)) : order;
    await services.jsonDocuments.openText(`messages-${group.groupId}`, messagesDocument(group.appId, group.groupId, messages, note), 'markdown');
    return messages;
  },
);
