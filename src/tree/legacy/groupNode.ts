// A legacy message group (ListMessageGroup) of a user; its children are the group's members, page by page.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf, pagerOf, type ListRequestFor } from '../../api/requests';
import type { GetMessageGroupResult, GroupMember, MemberDetail, MessageGroup } from '../../api/types';
import { messagePager } from '../../api/pager';
import { exportPlan, type ExportPlan } from '../../export/exportList';
import type { DashboardMessage } from '../../model/dashboard/messageStats';
import type { HeaderField, Sample } from '../../model/dashboard/protocol';
import { MEMBER_ROWS } from '../../export/rows';
import type { Pin } from '../../model/pins';
import type { InteractiveMessagesClient } from '../../api/client';
import type { DashboardSource, GroupRow, GroupWrites, MemberHit, MemberItem, RowContext } from '../concepts';
import { bothTimes, formatNumber, localTime, plural, statusText, tooltip } from '../format';
import { ListOwner, LISTS } from '../listOwner';
import type { ExplorerNode, NodeIds, TreeServices } from '../node';
import { MemberNode } from './memberNode';
import { writeForms } from '../loadWriteForms';

/** UserIds per ListMessageGroupUserById call. The API documents no limit; 50, its page size, is our bound. */
export const USER_IDS_PER_LOOKUP = 50;

export class GroupNode extends ListOwner<GroupMember> implements GroupRow {
  readonly kind = 'group';
  override readonly family = 'legacy';
  protected readonly shape = LISTS.members;
  protected override readonly showTotal = true;
  private readonly childContext: RowContext & { groupId: string };

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly context: RowContext,
    readonly group: MessageGroup,
  ) {
    super(parent, services);
    this.childContext = { ...context, groupId: group.GroupId, groupRowId: id };
  }

  get appId(): string {
    return this.group.AppId;
  }

  get groupId(): string {
    return this.group.GroupId;
  }

  get creatorId(): string {
    return this.group.CreatorId;
  }

  /** The configured user whose list holds the group. */
  get userId(): string | undefined {
    return this.context.userId;
  }

  private get memberTotal(): number | undefined {
    return this.services.lists.peek<GroupMember>(this.id)?.total;
  }

  private get detail(): GetMessageGroupResult | undefined {
    return this.services.details.get(this.id) as GetMessageGroupResult | undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.GroupId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const total = this.memberTotal;
    const parts = [
      total !== undefined ? plural(total, 'member') : undefined,
      l10n.t('by {0}', this.group.CreatorId),
      this.group.Status !== 1 ? statusText(this.group.Status) : undefined,
    ];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.group.Status === 1 ? 'comment-discussion' : 'comment-unresolved');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const total = this.memberTotal;
    return tooltip(
      l10n.t('Message group {0}', this.group.GroupId),
      [
        ['GroupId', this.group.GroupId],
        ['AppId', this.group.AppId],
        ['CreatorId', this.group.CreatorId],
        ['Status', `${this.group.Status} (${statusText(this.group.Status)})`],
        ['CreateTime', bothTimes(this.group.CreateTime)],
        [l10n.t('Members'), total !== undefined ? formatNumber(total) : l10n.t('expand to load')],
        ['IsMuteAll', this.detail ? String(this.detail.IsMuteAll) : l10n.t('use Show Details')],
      ],
      [['Extension', this.group.Extension]],
    );
  }

  listRequest(): ListRequestFor<'ListMessageGroupUser'> {
    return {
      action: 'ListMessageGroupUser',
      params: { AppId: this.group.AppId, GroupId: this.group.GroupId, SortType: this.services.session.settings.sortType },
    };
  }

  protected keyOf(member: GroupMember): string {
    return member.UserId;
  }

  protected toNode(member: GroupMember): ExplorerNode {
    return this.reuse(new MemberNode(this, this.services, this.childId(member.UserId), this.childContext, member));
  }

  memberList(): ReturnType<GroupNode['pagedChildren']> {
    return this.pagedChildren();
  }

  memberDescription(member: MemberItem): string {
    const joined = (member as Partial<GroupMember>).JoinTime;
    return joined !== undefined ? l10n.t('joined {0}', localTime(joined)) : '';
  }

  private async membersById(userIds: string[], signal?: AbortSignal): Promise<MemberDetail[]> {
    const found: MemberDetail[] = [];
    for (let start = 0; start < userIds.length && !signal?.aborted; start += USER_IDS_PER_LOOKUP) {
      const UserIdList = userIds.slice(start, start + USER_IDS_PER_LOOKUP);
      const response = await callOf(
        this.services.session.client,
        { action: 'ListMessageGroupUserById', params: { AppId: this.appId, GroupId: this.groupId, UserIdList } },
        { signal },
      );
      found.push(...response.Result.UserList);
    }
    return found;
  }

  readonly lookUpMembers = async (userIds: string[], signal: AbortSignal): Promise<MemberHit[]> =>
    (await this.membersById(userIds, signal)).map((detail) => ({
      userId: detail.UserId,
      description: [detail.UserNick, detail.IsMute ? l10n.t('muted') : undefined].filter(Boolean).join(' · '),
      data: detail,
    }));

  async memberDocument(member: MemberItem | MemberHit): Promise<unknown> {
    const detail = 'data' in member ? member.data : (await this.membersById([member.UserId]))[0];
    return { AppId: this.appId, GroupId: this.groupId, ...(detail as object) };
  }

  async readDetails(): Promise<GetMessageGroupResult> {
    const detail = (await callOf(this.services.session.client, { action: 'GetMessageGroup', params: { AppId: this.appId, GroupId: this.groupId } })).Result;
    this.services.details.set(this.id, detail);
    return detail;
  }

  exportPlan(): ExportPlan {
    const { client, settings } = this.services.session;
    return exportPlan('members', [this.appId, this.groupId], [{ pager: pagerOf(client, this.listRequest(), settings.pageSize) }], MEMBER_ROWS);
  }

  get writes(): GroupWrites {
    return writeForms().legacyGroupWrites(this);
  }

  client(): InteractiveMessagesClient {
    return this.services.session.client;
  }

  forgetMemberDetails(): void {
    const prefix = this.childId('');
    for (const id of [...this.services.details.keys()]) if (id.startsWith(prefix)) this.services.details.delete(id);
  }

  /** Reads the details of these members again (their mute state changed), for their rows. */
  async rereadMembers(userIds: readonly string[], signal?: AbortSignal): Promise<void> {
    for (const userId of userIds) this.services.details.delete(this.childId(userId));
    const found = await this.membersById(userIds.slice(0, USER_IDS_PER_LOOKUP), signal);
    for (const detail of found) this.services.details.set(this.childId(detail.UserId), detail);
  }

  readonly dashboard: DashboardSource = {
    header: (latest) => this.dashboardHeader(latest),
    joinTimes: () => (this.services.lists.peek<GroupMember>(this.id)?.items ?? []).map((member) => member.JoinTime),
    // The member Total, from a one-member page: the family has no online count of a group.
    sampleAction: 'ListMessageGroupUser',
    sampleCallsPerSecond: () => this.services.session.client.callsPerSecondOf('ListMessageGroupUser'),
    sample: async (signal) => {
      const { Result } = await this.services.session.client.listMessageGroupUser(
        { AppId: this.appId, GroupId: this.groupId, PageNum: 1, PageSize: 1 },
        { signal },
      );
      return { time: Date.now(), members: Result.Total };
    },
    messagesAction: 'ListMessage',
    recentMessages: async (max, signal) => {
      const messages: DashboardMessage[] = [];
      let more = false;
      // Newest first; ListMessage gives no send time.
      for await (const page of messagePager(this.services.session.client, { AppId: this.appId, GroupId: this.groupId, SortType: 1 }, 50).pages({ signal })) {
        messages.push(...page.items.map((message) => ({ type: message.Type, sender: message.SenderId })));
        more = !page.stoppedBecause;
        if (messages.length >= max) break;
      }
      return { messages: messages.slice(0, max), more: more || messages.length > max };
    },
  };

  private dashboardHeader(latest: Sample | undefined): HeaderField[] {
    const detail = this.detail;
    const total = latest?.members ?? this.memberTotal;
    return [
      { label: 'GroupId', value: this.groupId },
      { label: l10n.t('Family'), value: l10n.t('Interactive Messages (legacy)') },
      { label: 'AppId', value: this.appId },
      { label: 'CreatorId', value: this.creatorId },
      { label: 'CreateTime', value: bothTimes(this.group.CreateTime) },
      { label: 'Status', value: `${this.group.Status} (${statusText(this.group.Status)})` },
      { label: 'IsMuteAll', value: detail ? String(detail.IsMuteAll) : l10n.t('use Show Details') },
      { label: l10n.t('Members'), value: total !== undefined ? formatNumber(total) : l10n.t('expand to load') },
    ];
  }

  override ids(): NodeIds {
    return { appId: this.appId, groupId: this.groupId, userId: this.userId };
  }

  asPin(): Pin {
    return { family: 'legacy', appId: this.appId, groupId: this.groupId, label: this.groupId };
  }

  override ownId(): string {
    return this.groupId;
  }

  override json(): unknown {
    return this.group;
  }
}
