// One message of a LiveMessage group (ListLiveMessageGroupMessages): its body made readable, its sender and time.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { LiveMessage } from '../../api/types';
import { readableBody } from '../../model/messages';
import type { MessageRow, RowContext } from '../concepts';
import { bothTimes, localTime, tooltip } from '../format';
import { ExplorerNode, type NodeIds, type TreeServices } from '../node';

export class MessageNode extends ExplorerNode implements MessageRow {
  readonly kind = 'message';
  override readonly family = 'live';

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly context: RowContext & { groupId: string },
    readonly message: LiveMessage,
  ) {
    super(parent, services);
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

  get messageId(): string {
    return this.message.MsgTid;
  }

  get sentAt(): number {
    return this.message.Timestamp;
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
    return { appId: this.context.appId, groupId: this.context.groupId, userId: this.message.Sender.UserId };
  }

  override ownId(): string {
    return this.message.MsgTid;
  }

  override json(): unknown {
    return this.message;
  }
}
