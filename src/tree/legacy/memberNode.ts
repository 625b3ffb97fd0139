// A member of a legacy message group: UserId and when they joined (ListMessageGroupUser), or, for a pinned member
// read by its UserId (ListMessageGroupUserById), its nick and mute state.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf, type ItemRequestFor } from '../../api/requests';
import type { GroupMember, MemberDetail } from '../../api/types';
import { UserInputError } from '../../errors';
import { bothTimes, formatNumber, localTime, tooltip } from '../format';
import { MemberRowBase } from '../memberRow';

export class MemberNode extends MemberRowBase<GroupMember | MemberDetail> {
  override readonly family = 'legacy';

  /** When the member joined, as the group's list says (a member read by its UserId does not say). */
  private get joinTime(): number | undefined {
    return 'JoinTime' in this.member ? this.member.JoinTime : undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.member.UserId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // Its details once read (Show Details, a write; a pinned member's are what was read): the mute state, and the nick
    // where the row has no join time to show.
    const joined = this.joinTime;
    const detail = this.services.details.get(this.id) as MemberDetail | undefined;
    item.description = [joined !== undefined ? l10n.t('joined {0}', localTime(joined)) : detail?.UserNick, detail?.IsMute ? l10n.t('muted') : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    // The member's own groups, when they were browsed as a user of the app.
    const ownGroups = this.services.lists.peek(this.context.app.childId(this.member.UserId))?.total;
    return tooltip(l10n.t('Member {0}', this.member.UserId), [
      ['UserId', this.member.UserId],
      ['JoinTime', this.joinTime !== undefined ? bothTimes(this.joinTime) : '—'],
      ['GroupId', this.context.groupId],
      ['AppId', this.context.appId],
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

  override request(): ItemRequestFor<'ListMessageGroupUserById'> {
    return { action: 'ListMessageGroupUserById', params: { AppId: this.context.appId, GroupId: this.context.groupId, UserIdList: [this.member.UserId] } };
  }

  async readDetails(): Promise<MemberDetail> {
    const found = (await callOf(this.services.session.client, this.request())).Result.UserList[0];
    if (!found) throw new UserInputError(l10n.t('{0} is no longer a member of group {1}.', this.member.UserId, this.context.groupId));
    this.services.details.set(this.id, found);
    return found;
  }
}
