// The "Messages" row of a LiveMessage group: its messages newest first (SortType 2), by token pages, filtered by
// a time range and MsgType chosen with Filter Messages… (kept per row). Each message is a MessageNode.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { liveMessagePageSize, type ListRequestFor } from '../../api/requests';
import type { DataCenter, LiveMessage } from '../../api/types';
import type { MessagesRow, RowContext } from '../concepts';
import { bothTimes, localTime, tooltip } from '../format';
import { ListOwner, type ListShape } from '../listOwner';
import type { ExplorerNode, NodeIds, TreeServices } from '../node';
import { MessageNode } from './messageNode';

/** The filters of ListLiveMessageGroupMessages: MsgType, and BeginTime / EndTime in Unix seconds (inclusive). */
export interface MessageFilters {
  msgType?: number;
  beginTime?: number;
  endTime?: number;
}

/** "type 1 · from … · until …", or undefined without filters. */
export function messageFiltersText(filters: MessageFilters): string | undefined {
  const parts = [
    filters.msgType !== undefined ? l10n.t('type {0}', filters.msgType) : undefined,
    filters.beginTime !== undefined ? l10n.t('from {0}', localTime(filters.beginTime)) : undefined,
    filters.endTime !== undefined ? l10n.t('until {0}', localTime(filters.endTime)) : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

type GroupContext = RowContext & { groupId: string; groupRowId: string; dataCenter: DataCenter };

export class MessagesNode extends ListOwner<LiveMessage> implements MessagesRow {
  readonly kind = 'messages';
  override readonly family = 'live';
  // The view's filter keeps the messages whose sender matches (as a member row would); the summary counts members only.
  protected readonly shape: ListShape<LiveMessage> = {
    noun: 'message',
    segment: 'msg',
    filterAs: { level: 'member', text: (message) => message.Sender.UserId },
    counted: false,
  };

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly context: GroupContext,
  ) {
    super(parent, services);
  }

  get filters(): MessageFilters {
    return (this.services.listOptions.get(this.id) as MessageFilters | undefined) ?? {};
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(l10n.t('Messages'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const filters = messageFiltersText(this.filters);
    item.description = filters ? l10n.t('newest first · {0}', filters) : l10n.t('newest first');
    item.iconPath = new vscode.ThemeIcon('comment');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const { msgType, beginTime, endTime } = this.filters;
    return tooltip(l10n.t('Messages of {0}', this.context.groupId), [
      ['SortType', l10n.t('2 (newest first)')],
      ['MsgType', msgType !== undefined ? String(msgType) : l10n.t('all')],
      ['BeginTime', beginTime !== undefined ? bothTimes(beginTime) : l10n.t('the earliest')],
      ['EndTime', endTime !== undefined ? bothTimes(endTime) : l10n.t('the latest')],
      ['PageSize', String(liveMessagePageSize(this.services.session.settings.pageSize))],
      [l10n.t('Filter'), l10n.t('use Filter Messages…')],
    ]);
  }

  listRequest(): ListRequestFor<'ListLiveMessageGroupMessages'> {
    const { msgType, beginTime, endTime } = this.filters;
    return {
      action: 'ListLiveMessageGroupMessages',
      params: {
        AppId: this.context.appId,
        GroupId: this.context.groupId,
        DataCenter: this.context.dataCenter,
        SortType: 2,
        ...(msgType !== undefined ? { MsgType: msgType } : {}),
        ...(beginTime !== undefined ? { BeginTime: beginTime } : {}),
        ...(endTime !== undefined ? { EndTime: endTime } : {}),
      },
    };
  }

  protected keyOf(message: LiveMessage): string {
    return message.MsgTid;
  }

  protected toNode(message: LiveMessage): ExplorerNode {
    return this.reuse(new MessageNode(this, this.services, this.childId(message.MsgTid), this.context, message));
  }

  override ids(): NodeIds {
    return { appId: this.context.appId, groupId: this.context.groupId };
  }

  override json(): unknown {
    const list = this.services.lists.peek<LiveMessage>(this.id);
    return { ...this.listRequest().params, MessageList: list?.items ?? [] };
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof MessagesNode && other.id === this.id;
  }
}
