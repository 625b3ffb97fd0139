// The invisible root of one profile: the apps from ListMessageApp plus the AppIds configured in settings.
import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { appPager } from '../api/pager';
import type { MessageApp } from '../api/types';
import type { PagedList } from '../model/pagedList';
import { AppNode } from './appNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { ExplorerNode, segment, TreeServices } from './node';

export class RootNode extends ExplorerNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(services: TreeServices, readonly profileName: string) {
    super(undefined, services);
    this.id = segment('profile', profileName);
  }

  treeItem(): vscode.TreeItem {
    return new vscode.TreeItem(this.profileName);
  }

  override pagedChildren(): PagedList<MessageApp> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => appPager(session.client, { SortType: session.settings.sortType }, session.settings.pageSize));
  }

  override async children(): Promise<ExplorerNode[]> {
    const { session } = this.services;
    if (session.configurationProblem) {
      return [new MessageNode(this, this.services, 'error', session.configurationProblem)];
    }
    const list = this.pagedChildren();
    try {
      await list.ensureFirstPage();
    } catch {
      // kept in list.error, shown below
    }
    const configured = session.settings.apps;
    const listed = new Set(list.items.map((app) => app.AppId));
    const nodes: ExplorerNode[] = list.items.map((app) => this.reuse(new AppNode(this, this.services, app.AppId, app, configured.includes(app.AppId))));
    if (list.hasMore && list.error === undefined) {
      nodes.push(new LoadMoreNode(this, this.services, list as PagedList<unknown>, 'app'));
    }
    nodes.push(...configured.filter((appId) => !listed.has(appId)).map((appId) => this.reuse(new AppNode(this, this.services, appId, undefined, true))));
    if (list.error instanceof ApiError && list.error.code === 'Forbidden.RAM') {
      nodes.push(new MessageNode(this, this.services, 'warning', 'This AccessKey may not list apps (live:ListMessageApp)', 'Showing the apps configured by AppId. Use Add App… to add more.'));
    } else if (list.error !== undefined) {
      nodes.push(MessageNode.failure(this, this.services, list.error));
    }
    return nodes;
  }
}
