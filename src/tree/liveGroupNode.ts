// A LiveMessage message group: its children are a "Messages" row and its members, by token pages. A super group's
// members cannot be listed (a row says so, with its online count); a deleted group's are gone (a row says when
// and by whom). Both facts come from DescribeLiveMessageGroup, read once when the group is first opened.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { liveMessagePageSize, tokenPagerFor, type LiveMessageListRequest } from '../api/requests';
import type { DescribeLiveMessageGroupBandResult, DescribeLiveMessageGroupResult, LiveMessageGroup, LiveMessageUser } from '../api/types';
import { describeError } from '../errors';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, localTime, tooltip } from './format';
import type { LiveAppNode } from './liveAppNode';
import { LiveMemberNode } from './liveMemberNode';
import { LiveMessagesNode } from './liveMessagesNode';
import { MessageNode } from './messageNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';
import { pagedChildren } from './pagedChildren';

/** What Show Details (and the first opening) read about a group: DescribeLiveMessageGroup, and the band state once asked. */
export type LiveGroupDetail = DescribeLiveMessageGroupResult & { band?: DescribeLiveMessageGroupBandResult };

export class LiveGroupNode extends ExplorerNode {
  readonly kind = 'liveGroup';
  readonly id: string;

  constructor(
    readonly app: LiveAppNode,
    services: TreeServices,
    readonly group: LiveMessageGroup,
  ) {
    super(app, services);
    this.id = app.id + segment('group', group.GroupId);
  }

  get contextValue() {
    return this.group.Delete ? CONTEXT_VALUES.liveGroupDeleted : CONTEXT_VALUES.liveGroup;
  }

  get detail(): LiveGroupDetail | undefined {
    return this.services.details.get(this.id) as LiveGroupDetail | undefined;
  }

  /** The request parameters every call about this group carries. */
  get where(): { AppId: string; GroupId: string; DataCenter: LiveAppNode['dataCenter'] } {
    return { AppId: this.app.appId, GroupId: this.group.GroupId, DataCenter: this.app.dataCenter };
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
      ['AppId', this.app.appId],
      ['DataCenter', this.app.dataCenter],
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

  override request(): LiveMessageListRequest & { action: 'ListLiveMessageGroupUsers' } {
    const { sortType } = this.services.session.settings;
    return { action: 'ListLiveMessageGroupUsers', params: { ...this.where, SortType: sortType === 0 ? 1 : 2 } };
  }

  override pagedChildren(): PagedList<LiveMessageUser> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => tokenPagerFor(session.client, this.request(), session.settings.pageSize));
  }

  /** DescribeLiveMessageGroup, read once and kept for the tooltip; undefined when it cannot be read. */
  async describe(): Promise<LiveGroupDetail | undefined> {
    if (this.detail) return this.detail;
    try {
      const described = await this.services.session.client.describeLiveMessageGroup(this.where);
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
        new MessageNode(this, this.services, 'info', l10n.t('Deleted {0} by {1}: its members and messages are gone', when, detail?.Deletor ?? '?'), {
          key: 'deleted',
          detail: l10n.t(
            'ListLiveMessageGroups still lists a deleted group and DescribeLiveMessageGroup describes it; its members and messages cannot be read.',
          ),
        }),
      ];
    }
    const messages = this.reuse(new LiveMessagesNode(this, this.services));
    if (detail?.SuperLargeGroup) {
      return [
        messages,
        new MessageNode(
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
    const members = await pagedChildren(
      this,
      this.services,
      () => this.pagedChildren(),
      (member) => this.reuse(new LiveMemberNode(this, this.services, member)),
      'member',
      { level: 'member', text: SEARCH_TEXT.member, rowId: (member) => this.id + segment('member', member.UserId) },
    );
    return [messages, ...members];
  }

  override ids(): NodeIds {
    return { appId: this.app.appId, groupId: this.group.GroupId };
  }

  override ownId(): string {
    return this.group.GroupId;
  }

  override json(): unknown {
    return this.group;
  }
}
