// A LiveMessage message group: its children are a "Messages" row and its members, by token pages. A super group's
// members cannot be listed (a row says so, with its online count); a deleted group's are gone (a row says when
// and by whom). Both facts come from DescribeLiveMessageGroup, read once when the group is first opened.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { callOf, liveMessagePageSize, pagerOf, type ListRequestFor } from '../../api/requests';
import type { DataCenter, DescribeLiveMessageGroupBandResult, DescribeLiveMessageGroupResult, LiveMessageGroup, LiveMessageUser } from '../../api/types';
import { describeError } from '../../errors';
import { liveMessagePager } from '../../api/liveMessage';
import { exportPlan, type ExportPlan } from '../../export/exportList';
import type { DashboardMessage } from '../../model/dashboard/messageStats';
import type { HeaderField, Sample } from '../../model/dashboard/protocol';
import { LIVE_MEMBER_ROWS } from '../../export/rows';
import type { Pin } from '../../model/pins';
import type { PagedList } from '../../model/pagedList';
import { viewUserInfo } from '../../model/userInfo';
import type { InteractiveMessagesClient } from '../../api/client';
import type { DashboardSource, GroupRow, GroupWrites, MemberItem, RowContext } from '../concepts';
import type { Modifier } from '../contextValues';
import { bothTimes, formatNumber, localTime, tooltip } from '../format';
import { ListOwner, LISTS } from '../listOwner';
import { segment, type ExplorerNode, type NodeIds, type TreeServices } from '../node';
import { NoticeNode } from '../noticeNode';
import { MemberNode } from './memberNode';
import { MessagesNode } from './messagesNode';
import { writeForms } from '../loadWriteForms';

/** What Show Details (and the first opening) read about a group: DescribeLiveMessageGroup, and the band state once asked. */
export type LiveGroupDetail = DescribeLiveMessageGroupResult & { band?: DescribeLiveMessageGroupBandResult };

/** The parameters every call about a LiveMessage group carries. */
export interface GroupWhere {
  AppId: string;
  GroupId: string;
  DataCenter: DataCenter;
}

export class GroupNode extends ListOwner<LiveMessageUser> implements GroupRow {
  readonly kind = 'group';
  override readonly family = 'live';
  protected readonly shape = LISTS.members;
  private readonly childContext: RowContext & { groupId: string; groupRowId: string; dataCenter: DataCenter };

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly context: RowContext,
    readonly group: LiveMessageGroup,
  ) {
    super(parent, services);
    this.childContext = { ...context, dataCenter: this.where.DataCenter, groupId: group.GroupId, groupRowId: id };
  }

  get appId(): string {
    return this.context.appId;
  }

  get groupId(): string {
    return this.group.GroupId;
  }

  get creatorId(): string {
    return this.group.CreatorId;
  }

  get dataCenter(): DataCenter {
    return this.context.dataCenter as DataCenter;
  }

  protected override modifiers(): readonly Modifier[] {
    return this.group.Delete ? ['deleted'] : [];
  }

  get detail(): LiveGroupDetail | undefined {
    return this.services.details.get(this.id) as LiveGroupDetail | undefined;
  }

  /** The request parameters every call about this group carries. */
  get where(): GroupWhere {
    return { AppId: this.context.appId, GroupId: this.group.GroupId, DataCenter: this.context.dataCenter as DataCenter };
  }

  /** The id of the group's Messages row. */
  get messagesId(): string {
    return this.id + segment('messages', 'list');
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.GroupName || this.group.GroupId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const detail = this.detail;
    const parts = [
      this.group.GroupName ? this.group.GroupId : undefined,
      l10n.t('by {0}', this.group.CreatorId),
      this.group.Delete
        ? detail?.Deletatime !== undefined
          ? l10n.t('deleted {0} by {1}', localTime(detail.Deletatime), detail.Deletor ?? '?')
          : l10n.t('deleted')
        : undefined,
      detail?.SuperLargeGroup ? l10n.t('super group') : undefined,
      detail && !this.group.Delete ? l10n.t('{0} online', detail.OnlineUserCounts.toLocaleString('en-US')) : undefined,
      detail?.band?.IsbannedAll ? l10n.t('all muted') : undefined,
    ];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.group.Delete ? 'trash' : detail?.SuperLargeGroup ? 'organization' : 'comment-discussion');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const detail = this.detail;
    const pageSize = liveMessagePageSize(this.services.session.settings.pageSize);
    const rows: [string, string][] = [
      ['GroupId', this.group.GroupId],
      ['GroupName', this.group.GroupName],
      ['AppId', this.appId],
      ['DataCenter', this.dataCenter],
      ['CreatorId', this.group.CreatorId],
      ['AdminList', this.group.AdminList.join(', ') || '—'],
      ['Createtime', bothTimes(this.group.Createtime)],
      ['Delete', String(this.group.Delete)],
      ['GroupInfo', this.group.GroupInfo || '—'],
    ];
    if (detail) {
      if (detail.Delete) rows.push(['Deletor', detail.Deletor ?? '—'], ['Deletatime', detail.Deletatime !== undefined ? bothTimes(detail.Deletatime) : '—']);
      rows.push(
        ['SuperLargeGroup', String(detail.SuperLargeGroup)],
        ['OnlineUserCounts', detail.OnlineUserCounts.toLocaleString('en-US')],
        ['TotalTimes', detail.TotalTimes.toLocaleString('en-US')],
      );
      if (detail.band) {
        rows.push(
          ['IsbannedAll', String(detail.band.IsbannedAll)],
          ['BannedUserList', detail.band.BannedUserList.join(', ') || '—'],
          ['UnbannedUserList', detail.band.UnbannedUserList.join(', ') || '—'],
        );
      } else {
        rows.push([l10n.t('Mute state'), l10n.t('use Show Details')]);
      }
    } else {
      rows.push([l10n.t('Online, mute state'), l10n.t('expand, or use Show Details')]);
    }
    rows.push([l10n.t('Members per page'), l10n.t('{0} (the page-size setting kept within 10–50, the range of ListLiveMessageGroupUsers)', pageSize)]);
    const sections: [string, Record<string, string> | undefined][] = detail
      ? [['MsgAmount', Object.fromEntries(Object.entries(detail.MsgAmount).map(([type, count]) => [type, String(count)]))]]
      : [];
    return tooltip(l10n.t('LiveMessage group {0}', this.group.GroupId), rows, sections);
  }

  listRequest(): ListRequestFor<'ListLiveMessageGroupUsers'> {
    const { sortType } = this.services.session.settings;
    return { action: 'ListLiveMessageGroupUsers', params: { ...this.where, SortType: sortType === 0 ? 1 : 2 } };
  }

  protected keyOf(member: LiveMessageUser): string {
    return member.UserId;
  }

  protected toNode(member: LiveMessageUser): ExplorerNode {
    return this.reuse(new MemberNode(this, this.services, this.childId(member.UserId), this.childContext, member));
  }

  get writes(): GroupWrites {
    return writeForms().liveGroupWrites(this);
  }

  get appRowId(): string {
    return this.context.app.id;
  }

  client(): InteractiveMessagesClient {
    return this.services.session.client;
  }

  /** Keeps what a write read back about the group: its description, its band (the mute state its rows show). */
  remember({ describe, band }: { describe?: DescribeLiveMessageGroupResult; band?: DescribeLiveMessageGroupBandResult }): void {
    const current = this.detail;
    if (describe) this.services.details.set(this.id, { ...describe, band: band ?? current?.band });
    else if (band && current) this.services.details.set(this.id, { ...current, band });
  }

  /** DescribeLiveMessageGroup, read once and kept for the tooltip; undefined when it cannot be read. */
  async describe(): Promise<LiveGroupDetail | undefined> {
    if (this.detail) return this.detail;
    try {
      const described = await callOf(this.services.session.client, { action: 'DescribeLiveMessageGroup', params: this.where });
      this.services.details.set(this.id, described);
      return described;
    } catch (error) {
      this.services.log.warn(`DescribeLiveMessageGroup ${this.group.GroupId}: ${describeError(error)}`);
      return undefined;
    }
  }

  override async children(): Promise<ExplorerNode[]> {
    const firstTime = this.detail === undefined;
    const detail = await this.describe();
    if (firstTime && detail) setTimeout(() => this.services.redraw(this), 0);
    if (this.group.Delete) {
      const when = detail?.Deletatime !== undefined ? localTime(detail.Deletatime) : '?';
      return [
        new NoticeNode(this, this.services, 'info', l10n.t('Deleted {0} by {1}: its members and messages are gone', when, detail?.Deletor ?? '?'), {
          key: 'deleted',
          detail: l10n.t(
            'ListLiveMessageGroups still lists a deleted group and DescribeLiveMessageGroup describes it; its members and messages cannot be read.',
          ),
        }),
      ];
    }
    const messages = this.reuse(new MessagesNode(this, this.services, this.messagesId, this.childContext));
    if (detail?.SuperLargeGroup) {
      return [
        messages,
        new NoticeNode(
          this,
          this.services,
          'info',
          l10n.t('Members of a super group cannot be listed · {0} online', detail.OnlineUserCounts.toLocaleString('en-US')),
          {
            key: 'superGroup',
            detail: l10n.t(
              'A super group (more than {0} members) has no member list: ListLiveMessageGroupUsers refuses it. The online count is from DescribeLiveMessageGroup. Use Check Online… to ask about given users.',
              '2,000',
            ),
          },
        ),
      ];
    }
    return [messages, ...(await super.children())];
  }

  memberList(): PagedList<LiveMessageUser> | undefined {
    if (this.group.Delete || this.detail?.SuperLargeGroup) return undefined;
    return this.pagedChildren();
  }

  memberDescription(member: MemberItem): string {
    return viewUserInfo((member as Partial<LiveMessageUser>).UserInfo).short ?? '';
  }

  async memberDocument(member: MemberItem): Promise<unknown> {
    return { ...this.where, ...member };
  }

  async readDetails(): Promise<LiveGroupDetail> {
    const { client } = this.services.session;
    const [described, band] = await Promise.all([
      callOf(client, { action: 'DescribeLiveMessageGroup', params: this.where }),
      callOf(client, { action: 'DescribeLiveMessageGroupBand', params: this.where }).catch((error: unknown) => error),
    ]);
    // A deleted group is described, but its band state is gone (404): the details say so instead of failing.
    let detail: LiveGroupDetail;
    if (band instanceof Error) {
      this.services.log.warn(`DescribeLiveMessageGroupBand ${this.group.GroupId}: ${band.message}`);
      detail = { ...described, band: undefined };
    } else {
      detail = { ...described, band: band as DescribeLiveMessageGroupBandResult };
    }
    this.services.details.set(this.id, detail);
    return detail;
  }

  exportPlan(): ExportPlan {
    const { client, settings } = this.services.session;
    return exportPlan('members', [this.appId, this.groupId], [{ pager: pagerOf(client, this.listRequest(), settings.pageSize) }], LIVE_MEMBER_ROWS);
  }

  readonly dashboard: DashboardSource = {
    header: (latest) => this.dashboardHeader(latest),
    joinTimes: () => undefined, // ListLiveMessageGroupUsers says who is a member, not since when
    sampleAction: 'DescribeLiveMessageGroup',
    sampleCallsPerSecond: () => this.services.session.client.callsPerSecondOf('DescribeLiveMessageGroup'),
    sample: async (signal) => {
      const described = await callOf(this.services.session.client, { action: 'DescribeLiveMessageGroup', params: this.where }, { signal });
      const messages = Object.values(described.MsgAmount ?? {}).reduce((sum, count) => sum + (Number(count) || 0), 0);
      return { time: Date.now(), online: described.OnlineUserCounts, messages, totalTimes: described.TotalTimes };
    },
    messagesAction: 'ListLiveMessageGroupMessages',
    recentMessages: async (max, signal) => {
      const messages: DashboardMessage[] = [];
      const pager = liveMessagePager(this.services.session.client, { ...this.where, SortType: 2 }, 50);
      let more = false;
      for await (const page of pager.pages({ signal })) {
        messages.push(...page.items.map((message) => ({ type: message.MsgType, sender: message.Sender.UserId, time: message.Timestamp })));
        more = !page.stoppedBecause;
        if (messages.length >= max) break;
      }
      return { messages: messages.slice(0, max), more: more || messages.length > max };
    },
  };

  private dashboardHeader(latest: Sample | undefined): HeaderField[] {
    const detail = this.detail;
    const online = latest?.online ?? (this.group.Delete ? undefined : detail?.OnlineUserCounts);
    const status = [
      this.group.Delete ? l10n.t('deleted') : l10n.t('not deleted'),
      detail?.band ? (detail.band.IsbannedAll ? l10n.t('all muted') : l10n.t('{0} muted', detail.band.BannedUserList.length)) : undefined,
      detail?.SuperLargeGroup ? l10n.t('super group') : undefined,
    ];
    const members = this.services.lists.peek<LiveMessageUser>(this.id);
    return [
      { label: 'GroupId', value: this.groupId },
      { label: 'GroupName', value: this.group.GroupName || '—' },
      { label: l10n.t('Family'), value: l10n.t('LiveMessage · {0}', this.dataCenter) },
      { label: 'AppId', value: this.appId },
      { label: 'CreatorId', value: this.creatorId },
      { label: 'Createtime', value: bothTimes(this.group.Createtime) },
      { label: 'Status', value: status.filter(Boolean).join(' · ') },
      { label: l10n.t('Members'), value: members ? l10n.t('{0} loaded', formatNumber(members.items.length)) : l10n.t('expand to load') },
      { label: 'OnlineUserCounts', value: online !== undefined ? formatNumber(online) : l10n.t('expand, or use Show Details') },
    ];
  }

  override ids(): NodeIds {
    return { appId: this.appId, groupId: this.groupId };
  }

  asPin(): Pin {
    return { family: 'live', dataCenter: this.dataCenter, appId: this.appId, groupId: this.groupId, label: this.group.GroupName || this.groupId };
  }

  override ownId(): string {
    return this.groupId;
  }

  override json(): unknown {
    return this.group;
  }
}
