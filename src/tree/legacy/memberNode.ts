// A member of a legacy message group (ListMessageGroupUser): UserId and when they joined.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf, type ItemRequestFor } from '../../api/requests';
import type { GroupMember, MemberDetail } from '../../api/types';
import { UserInputError } from '../../errors';
import { bothTimes, formatNumber, localTime, tooltip } from '../format';
import { MemberRowBase } from '../memberRow';

export class MemberNode extends MemberRowBase<GroupMember> {
  override readonly family = 'legacy';

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.member.UserId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const detail = this.services.details.get(this.id) as MemberDetail | undefined;
    item.description = [l10n.t('joined {0}', localTime(this.member.JoinTime)), detail?.IsMute ? l10n.t('muted') : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    // The member's own groups, when they were browsed as a user of the app.
    const ownGroups = this.services.lists.peek(this.context.app.childId(this.member.UserId))?.total;
    return tooltip(l10n.t('Member {0}', this.member.UserId), [
      ['UserId', this.member.UserId],
      ['JoinTime', bothTimes(this.member.JoinTime)],
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
