// A user configured for a legacy app (setting imExplorer.users); its children are the user's message groups.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { pagerOf, type ListRequestFor } from '../../api/requests';
import type { MessageGroup } from '../../api/types';
import { exportPlan, type ExportPlan } from '../../export/exportList';
import { groupRows } from '../../export/rows';
import type { AppWrites, RowContext, UserRow } from '../concepts';
import { formatNumber, plural, tooltip } from '../format';
import { ListOwner, LISTS } from '../listOwner';
import type { ExplorerNode, NodeIds, TreeServices } from '../node';
import { GroupNode } from './groupNode';
import { writeForms } from '../loadWriteForms';

export class UserNode extends ListOwner<MessageGroup> implements UserRow {
  readonly kind = 'user';
  override readonly family = 'legacy';
  protected readonly shape = LISTS.groups;
  private readonly childContext: RowContext;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    private readonly context: RowContext,
    readonly userId: string,
  ) {
    super(parent, services);
    this.childContext = { ...context, userId };
  }

  get appId(): string {
    return this.context.appId;
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
      ['AppId', this.appId],
      [l10n.t('Groups'), total !== undefined ? formatNumber(total) : l10n.t('expand to load')],
    ]);
  }

  listRequest(): ListRequestFor<'ListMessageGroup'> {
    return { action: 'ListMessageGroup', params: { AppId: this.appId, UserId: this.userId, SortType: this.services.session.settings.sortType } };
  }

  protected keyOf(group: MessageGroup): string {
    return group.GroupId;
  }

  protected toNode(group: MessageGroup): ExplorerNode {
    return this.reuse(new GroupNode(this, this.services, this.childId(group.GroupId), this.childContext, group));
  }

  /** Create Group… on a user: the user is the creator suggested. */
  get writes(): Pick<AppWrites, 'createGroup'> {
    return writeForms().legacyAppWrites(
      {
        appId: this.appId,
        client: () => this.services.session.client,
        userIds: () => this.services.session.settings.users[this.appId] ?? [],
        childId: (userId) => this.context.app.childId(userId),
      },
      this.userId,
    );
  }

  exportPlan(): ExportPlan {
    const { client, settings } = this.services.session;
    return exportPlan('groups', [this.appId, this.userId], [{ pager: pagerOf(client, this.listRequest(), settings.pageSize) }], groupRows(false));
  }

  override ids(): NodeIds {
    return { appId: this.appId, userId: this.userId };
  }

  override ownId(): string {
    return this.userId;
  }

  override json(): unknown {
    const list = this.services.lists.peek<MessageGroup>(this.id);
    return { AppId: this.appId, UserId: this.userId, Total: list?.total, GroupList: list?.items ?? [] };
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof UserNode && other.userId === this.userId;
  }
}
