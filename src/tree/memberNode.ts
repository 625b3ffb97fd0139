// A member of a message group (ListMessageGroupUser): UserId and when they joined.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { ItemRequest } from '../api/requests';
import type { GroupMember, MemberDetail } from '../api/types';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, formatNumber, localTime, tooltip } from './format';
import type { GroupNode } from './groupNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';

export class MemberNode extends ExplorerNode {
  readonly kind = 'member';
  readonly contextValue = CONTEXT_VALUES.member;
  readonly id: string;

  constructor(
    readonly group: GroupNode,
    services: TreeServices,
    readonly member: GroupMember,
  ) {
    super(group, services);
    this.id = group.id + segment('member', member.UserId);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.member.UserId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = l10n.t('joined {0}', localTime(this.member.JoinTime));
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const app = this.group.user.app;
    const ownGroups = this.services.lists.peek(app.id + segment('user', this.member.UserId))?.total;
    return tooltip(l10n.t('Member {0}', this.member.UserId), [
      ['UserId', this.member.UserId],
      ['JoinTime', bothTimes(this.member.JoinTime)],
      ['GroupId', this.group.group.GroupId],
      ['AppId', this.group.group.AppId],
      [l10n.t('Own groups'), ownGroups !== undefined ? formatNumber(ownGroups) : l10n.t('use Browse Groups of This User')],
      ...this.detailRows(),
    ]);
  }

  private detailRows(): [string, string][] {
    const detail = this.services.details.get(this.id) as MemberDetail | undefined;
    if (!detail) return [[l10n.t('Nick, avatar, mute'), l10n.t('use Show Details')]];
    return [
      ['UserNick', detail.UserNick],
      ['UserAvatar', detail.UserAvatar],
      ['IsMute', detail.MuteBy.length ? l10n.t('{0} (by {1})', String(detail.IsMute), detail.MuteBy.join(', ')) : String(detail.IsMute)],
      ['UserExtension', detail.UserExtension],
    ];
  }

  override ids(): NodeIds {
    return { appId: this.group.group.AppId, groupId: this.group.group.GroupId, userId: this.member.UserId };
  }

  override ownId(): string {
    return this.member.UserId;
  }

  override json(): unknown {
    return this.member;
  }

  override request(): ItemRequest {
    return {
      action: 'ListMessageGroupUserById',
      params: { AppId: this.group.group.AppId, GroupId: this.group.group.GroupId, UserIdList: [this.member.UserId] },
    };
  }
}
