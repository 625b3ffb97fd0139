// A member of a LiveMessage group (ListLiveMessageGroupUsers): UserId and UserInfo; online state once checked.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { LiveMessageItemRequest } from '../api/requests';
import type { LiveMessageUser } from '../api/types';
import { CONTEXT_VALUES } from './contextValues';
import { tooltip } from './format';
import type { LiveGroupNode } from './liveGroupNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';

/** What Check Online… found for a member, kept in the tree's details by node id. */
export interface OnlineState {
  Online: boolean;
  /** Unix ms of the check. */
  checkedAt: number;
}

export class LiveMemberNode extends ExplorerNode {
  readonly kind = 'liveMember';
  readonly contextValue = CONTEXT_VALUES.liveMember;
  readonly id: string;

  constructor(
    readonly group: LiveGroupNode,
    services: TreeServices,
    readonly member: LiveMessageUser,
  ) {
    super(group, services);
    this.id = group.id + segment('member', member.UserId);
  }

  get online(): OnlineState | undefined {
    return this.services.details.get(this.id) as OnlineState | undefined;
  }

  private get banned(): boolean | undefined {
    const band = this.group.detail?.band;
    if (!band) return undefined;
    return band.IsbannedAll ? !band.UnbannedUserList.includes(this.member.UserId) : band.BannedUserList.includes(this.member.UserId);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.member.UserId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const online = this.online;
    const parts = [
      this.member.UserInfo ? this.member.UserInfo.slice(0, 60) : undefined,
      online ? (online.Online ? l10n.t('online') : l10n.t('offline')) : undefined,
      this.banned ? l10n.t('muted') : undefined,
    ];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(online?.Online ? 'pass-filled' : 'person');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const online = this.online;
    const banned = this.banned;
    return tooltip(l10n.t('LiveMessage member {0}', this.member.UserId), [
      ['UserId', this.member.UserId],
      ['UserInfo', this.member.UserInfo || '—'],
      ['GroupId', this.group.group.GroupId],
      ['AppId', this.group.app.appId],
      ['DataCenter', this.group.app.dataCenter],
      ['Online', online ? l10n.t('{0} (checked {1})', String(online.Online), new Date(online.checkedAt).toLocaleTimeString()) : l10n.t('use Check Online…')],
      [l10n.t('Muted'), banned === undefined ? l10n.t('use Show Details on the group') : String(banned)],
    ]);
  }

  override ids(): NodeIds {
    return { appId: this.group.app.appId, groupId: this.group.group.GroupId, userId: this.member.UserId };
  }

  override ownId(): string {
    return this.member.UserId;
  }

  override json(): unknown {
    return this.member;
  }

  override request(): LiveMessageItemRequest {
    return { action: 'CheckLiveMessageUsersInGroup', params: { ...this.group.where, UserIds: [this.member.UserId] } };
  }
}
