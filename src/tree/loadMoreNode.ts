// "Load more…" under a list the server has more of; shows "Loading…" while the page is in flight.
import vscode = require('vscode');
import type { PagedList } from '../model/pagedList';
import { plural } from './format';
import { ExplorerNode, TreeServices } from './node';

export class LoadMoreNode extends ExplorerNode {
  readonly kind = 'loadMore';
  readonly id: string;

  constructor(parent: ExplorerNode, services: TreeServices, readonly list: PagedList<unknown>, private readonly noun: string) {
    super(parent, services);
    this.id = `${parent.id}/more`;
  }

  treeItem(): vscode.TreeItem {
    const loading = this.list.isLoading;
    const item = new vscode.TreeItem(loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'fold-down');
    const loaded = this.list.items.length;
    item.description = this.list.total !== undefined ? `${loaded.toLocaleString('en-US')} of ${plural(this.list.total, this.noun)}` : `${plural(loaded, this.noun)} loaded`;
    item.tooltip = `Load the next ${this.list.pageSize} ${this.noun}s. Use Load All to load every one.`;
    item.contextValue = 'loadMore';
    item.command = loading ? undefined : { command: 'imExplorer.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}
