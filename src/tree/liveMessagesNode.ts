// The "Messages" row of a LiveMessage group: its messages newest first (SortType 2), by token pages, filtered by
// a time range and MsgType chosen with Filter Messages… (kept per row). Each message is a LiveMessageRowNode.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { liveMessagePageSize, tokenPagerFor, type LiveMessageListRequest } from '../api/requests';
import type { LiveMessage } from '../api/types';
import { readableBody } from '../model/messages';
import type { PagedList } from '../model/pagedList';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, localTime, tooltip } from './format';
import type { LiveGroupNode } from './liveGroupNode';
import { ExplorerNode, type NodeIds, type TreeServices } from './node';
import { pagedChildren } from './pagedChildren';

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

export class LiveMessagesNode extends ExplorerNode {
  readonly kind = 'liveMessages';
  readonly contextValue = CONTEXT_VALUES.liveMessages;
  readonly id: string;

  constructor(
    readonly group: LiveGroupNode,
    services: TreeServices,
  ) {
    super(group, services);
    this.id = `${group.id}/messages/list`;
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
    return tooltip(l10n.t('Messages of {0}', this.group.group.GroupId), [
      ['SortType', l10n.t('2 (newest first)')],
      ['MsgType', msgType !== undefined ? String(msgType) : l10n.t('all')],
      ['BeginTime', beginTime !== undefined ? bothTimes(beginTime) : l10n.t('the earliest')],
      ['EndTime', endTime !== undefined ? bothTimes(endTime) : l10n.t('the latest')],
      ['PageSize', String(liveMessagePageSize(this.services.session.settings.pageSize))],
      [l10n.t('Filter'), l10n.t('use Filter Messages…')],
    ]);
  }

  override request(): LiveMessageListRequest & { action: 'ListLiveMessageGroupMessages' } {
    const { msgType, beginTime, endTime } = this.filters;
    return {
      action: 'ListLiveMessageGroupMessages',
      params: {
        ...this.group.where,
        SortType: 2,
        ...(msgType !== undefined ? { MsgType: msgType } : {}),
        ...(beginTime !== undefined ? { BeginTime: beginTime } : {}),
        ...(endTime !== undefined ? { EndTime: endTime } : {}),
      },
    };
  }

  override pagedChildren(): PagedList<LiveMessage> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => tokenPagerFor(session.client, this.request(), session.settings.pageSize));
  }

  override children(): Promise<ExplorerNode[]> {
    return pagedChildren(
      this,
      this.services,
      () => this.pagedChildren(),
      (message) => this.reuse(new LiveMessageRowNode(this, this.services, message)),
      'message',
      // The view's filter keeps the messages whose sender matches (as a member row would).
      { level: 'member', text: (message) => message.Sender.UserId, rowId: (message) => `${this.id}/msg/${encodeURIComponent(message.MsgTid)}` },
    );
  }

  override ids(): NodeIds {
    return this.group.ids();
  }

  override json(): unknown {
    const list = this.services.lists.peek<LiveMessage>(this.id);
    return { ...this.request().params, MessageList: list?.items ?? [] };
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof LiveMessagesNode && other.id === this.id;
  }
}

export class LiveMessageRowNode extends ExplorerNode {
  readonly kind = 'liveMessage';
  readonly contextValue = CONTEXT_VALUES.liveMessage;
  readonly id: string;

  constructor(
    readonly messages: LiveMessagesNode,
    services: TreeServices,
    readonly message: LiveMessage,
  ) {
    super(messages, services);
    this.id = `${messages.id}/msg/${encodeURIComponent(message.MsgTid)}`;
  }

  treeItem(): vscode.TreeItem {
    const body = readableBody(this.message.Body).text.replace(/\s+/g, ' ').slice(0, 80);
    const item = new vscode.TreeItem(body || this.message.MsgTid, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = l10n.t(
      '#{0} · type {1} · {2} · {3}',
      this.message.SeqNumber,
      this.message.MsgType,
      this.message.Sender.UserId,
      localTime(this.message.Timestamp),
    );
    item.iconPath = new vscode.ThemeIcon('mail');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const body = readableBody(this.message.Body);
    return tooltip(l10n.t('Message {0}', this.message.MsgTid), [
      ['MsgTid', this.message.MsgTid],
      ['MsgType', String(this.message.MsgType)],
      ['SeqNumber', String(this.message.SeqNumber)],
      ['Timestamp', bothTimes(this.message.Timestamp)],
      ['Sender.UserId', this.message.Sender.UserId],
      ['Sender.UserInfo', this.message.Sender.UserInfo || '—'],
      ['TotalMessages', this.message.TotalMessages.toLocaleString('en-US')],
      [l10n.t('Body ({0})', body.form), body.text.slice(0, 500)],
    ]);
  }

  override ids(): NodeIds {
    return { ...this.messages.group.ids(), userId: this.message.Sender.UserId };
  }

  override ownId(): string {
    return this.message.MsgTid;
  }

  override json(): unknown {
    return this.message;
  }
}
