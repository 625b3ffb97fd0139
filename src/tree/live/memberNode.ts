// A member of a LiveMessage group (ListLiveMessageGroupUsers): UserId and what its UserInfo says of them (the
// nick, a level or role; every field in the tooltip); online state once checked, mute state once the group's band
// state was read. A pinned member is read by CheckLiveMessageUsersInGroup: its online state, no UserInfo.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { ItemRequestFor } from '../../api/requests';
import type { CheckLiveMessageUsersInGroupResult, DataCenter, DescribeLiveMessageGroupBandResult, LiveMessageUser } from '../../api/types';
import { viewUserInfo } from '../../model/userInfo';
import type { RowContext } from '../concepts';
import { tooltip } from '../format';
import { MemberRowBase } from '../memberRow';

/** What Check Online… found for a member, kept in the tree's details by node id. */
export interface OnlineState {
  Online: boolean;
  /** Unix ms of the check. */
  checkedAt: number;
}

type GroupContext = RowContext & { groupId: string; groupRowId: string; dataCenter: DataCenter };

/** A member as CheckLiveMessageUsersInGroup answers about them. */
export type CheckedUser = CheckLiveMessageUsersInGroupResult['Users'][number];

export class MemberNode extends MemberRowBase<LiveMessageUser | CheckedUser> {
  override readonly family = 'live';
  declare protected readonly context: GroupContext;

  private get userInfo(): string | undefined {
    return 'UserInfo' in this.member ? this.member.UserInfo : undefined;
  }

  get online(): OnlineState | undefined {
    return this.services.details.get(this.id) as OnlineState | undefined;
  }

  private get banned(): boolean | undefined {
    const band = (this.services.details.get(this.context.groupRowId) as { band?: DescribeLiveMessageGroupBandResult } | undefined)?.band;
    if (!band) return undefined;
    return band.IsbannedAll ? !band.UnbannedUserList.includes(this.member.UserId) : band.BannedUserList.includes(this.member.UserId);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.member.UserId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const online = this.online;
    const parts = [
      viewUserInfo(this.userInfo).short,
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
    const info = viewUserInfo(this.userInfo);
    return tooltip(
      l10n.t('LiveMessage member {0}', this.member.UserId),
      [
        ['UserId', this.member.UserId],
        ['UserInfo', this.userInfo || '—'],
        ['GroupId', this.context.groupId],
        ['AppId', this.context.appId],
        ['DataCenter', this.context.dataCenter],
        ['Online', online ? l10n.t('{0} (checked {1})', String(online.Online), new Date(online.checkedAt).toLocaleTimeString()) : l10n.t('use Check Online…')],
        [l10n.t('Muted'), banned === undefined ? l10n.t('use Show Details on the group') : String(banned)],
      ],
      info.fields ? [['UserInfo', info.fields]] : [],
    );
  }

  override request(): ItemRequestFor<'CheckLiveMessageUsersInGroup'> {
    return {
      action: 'CheckLiveMessageUsersInGroup',
      params: { AppId: this.context.appId, GroupId: this.context.groupId, DataCenter: this.context.dataCenter, UserIds: [this.member.UserId] },
    };
  }
}
