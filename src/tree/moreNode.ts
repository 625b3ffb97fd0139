// "Load more…" under a list the server has more of; shows "Loading…" while the page is in flight.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { PagedList } from '../model/pagedList';
import { formatNumber, plural, pluralNoun } from './format';
import { ExplorerNode, type TreeServices } from './node';

export class MoreNode extends ExplorerNode {
  readonly kind = 'more';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly list: PagedList<unknown>,
    private readonly noun: string,
  ) {
    super(parent, services);
    this.id = `${parent.id}/more`;
  }

  override listOwner(): ExplorerNode {
    return this.parent ?? this;
  }

  treeItem(): vscode.TreeItem {
    const loading = this.list.isLoading;
    const item = new vscode.TreeItem(loading ? l10n.t('Loading…') : l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'fold-down');
    const loaded = this.list.items.length;
    item.description =
      this.list.total !== undefined
        ? l10n.t('{0} of {1}', formatNumber(loaded), plural(this.list.total, this.noun))
        : l10n.t('{0} loaded', plural(loaded, this.noun));
    item.contextValue = this.contextValue;
    item.command = loading ? undefined : { command: 'imExplorer.loadMore', title: l10n.t('Load More'), arguments: [this] };
    return item;
  }

  override tooltip(): string {
    return l10n.t('Load the next {0} {1}. Use Load All to load every one.', formatNumber(this.list.pageSize), pluralNoun(this.noun));
  }
}
