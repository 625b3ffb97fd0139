// A message group (ListMessageGroup) of a user; its children are the group's members, page by page.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { pagerFor, type ListRequestFor } from '../api/requests';
import type { GetMessageGroupResult, GroupMember, MessageGroup } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, formatNumber, plural, statusText, tooltip } from './format';
import { MemberNode } from './memberNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';
import { pagedChildren } from './pagedChildren';
import type { UserNode } from './userNode';

export class GroupNode extends ExplorerNode {
  readonly kind = 'group';
  readonly contextValue = CONTEXT_VALUES.group;
  readonly id: string;

  constructor(
    readonly user: UserNode,
    services: TreeServices,
    readonly group: MessageGroup,
  ) {
    super(user, services);
    this.id = user.id + segment('group', group.GroupId);
  }

  private get memberTotal(): number | undefined {
    return this.services.lists.peek<GroupMember>(this.id)?.total;
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

  private get detail(): GetMessageGroupResult | undefined {
    return this.services.details.get(this.id) as GetMessageGroupResult | undefined;
  }

  override request(): ListRequestFor<'ListMessageGroupUser'> {
    return {
      action: 'ListMessageGroupUser',
      params: { AppId: this.group.AppId, GroupId: this.group.GroupId, SortType: this.services.session.settings.sortType },
    };
  }

  override pagedChildren(): PagedList<GroupMember> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => pagerFor(session.client, this.request(), session.settings.pageSize));
  }

  override children(): Promise<ExplorerNode[]> {
    return pagedChildren(
      this,
      this.services,
      () => this.pagedChildren(),
      (member) => this.reuse(new MemberNode(this, this.services, member)),
      'member',
      { level: 'member', text: SEARCH_TEXT.member, rowId: (member) => this.id + segment('member', member.UserId) },
      true,
    );
  }

  override ids(): NodeIds {
    return { appId: this.group.AppId, groupId: this.group.GroupId, userId: this.user.userId };
  }

  override ownId(): string {
    return this.group.GroupId;
  }

  override json(): unknown {
    return this.group;
  }
}
