// A user configured for an app (setting imExplorer.users); its children are the user's message groups.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { pagerFor, type ListRequestFor } from '../api/requests';
import type { MessageGroup } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import type { AppNode } from './appNode';
import { CONTEXT_VALUES } from './contextValues';
import { formatNumber, plural, tooltip } from './format';
import { GroupNode } from './groupNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';
import { pagedChildren } from './pagedChildren';

export class UserNode extends ExplorerNode {
  readonly kind = 'user';
  readonly contextValue = CONTEXT_VALUES.user;
  readonly id: string;

  constructor(
    readonly app: AppNode,
    services: TreeServices,
    readonly userId: string,
  ) {
    super(app, services);
    this.id = app.id + segment('user', userId);
  }

  private get groupTotal(): number | undefined {
    return this.services.lists.peek<MessageGroup>(this.id)?.total;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.userId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const total = this.groupTotal;
    item.description = total !== undefined ? plural(total, 'group') : undefined;
    item.iconPath = new vscode.ThemeIcon('account');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const total = this.groupTotal;
    return tooltip(l10n.t('User {0}', this.userId), [
      ['UserId', this.userId],
      ['AppId', this.app.appId],
      [l10n.t('Groups'), total !== undefined ? formatNumber(total) : l10n.t('expand to load')],
    ]);
  }

  override request(): ListRequestFor<'ListMessageGroup'> {
    return { action: 'ListMessageGroup', params: { AppId: this.app.appId, UserId: this.userId, SortType: this.services.session.settings.sortType } };
  }

  override pagedChildren(): PagedList<MessageGroup> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => pagerFor(session.client, this.request(), session.settings.pageSize));
  }

  override children(): Promise<ExplorerNode[]> {
    return pagedChildren(
      this,
      this.services,
      () => this.pagedChildren(),
      (group) => this.reuse(new GroupNode(this, this.services, group)),
      'group',
      {
        level: 'group',
        text: SEARCH_TEXT.group,
        rowId: (group) => this.id + segment('group', group.GroupId),
      },
    );
  }

  override ids(): NodeIds {
    return { appId: this.app.appId, userId: this.userId };
  }

  override ownId(): string {
    return this.userId;
  }

  override json(): unknown {
    const list = this.services.lists.peek<MessageGroup>(this.id);
    return { AppId: this.app.appId, UserId: this.userId, Total: list?.total, GroupList: list?.items ?? [] };
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof UserNode && other.userId === this.userId;
  }
}
