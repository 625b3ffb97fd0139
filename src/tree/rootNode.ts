// The invisible root of one profile: the apps from ListMessageApp plus the AppIds configured in settings.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError } from '../api/errors';
import { pagerFor, type ListRequestFor } from '../api/requests';
import type { MessageApp } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import { keepsRow } from './filtering';
import { AppNode } from './appNode';
import { listRows } from './pagedChildren';
import { MessageNode } from './messageNode';
import { ExplorerNode, segment, type TreeServices } from './node';

export class RootNode extends ExplorerNode {
  readonly kind = 'root';
  readonly contextValue = undefined;
  readonly id: string;

  constructor(
    services: TreeServices,
    readonly profileName: string,
  ) {
    super(undefined, services);
    this.id = segment('profile', profileName);
  }

  treeItem(): vscode.TreeItem {
    return new vscode.TreeItem(this.profileName);
  }

  override request(): ListRequestFor<'ListMessageApp'> {
    return { action: 'ListMessageApp', params: { SortType: this.services.session.settings.sortType } };
  }

  override pagedChildren(): PagedList<MessageApp> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => pagerFor(session.client, this.request(), session.settings.pageSize));
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
    const denied = list.error instanceof ApiError && list.error.code === 'Forbidden.RAM';
    const filterAs = { level: 'app' as const, text: SEARCH_TEXT.app, rowId: (app: Pick<MessageApp, 'AppId'>) => this.id + segment('app', app.AppId) };
    const nodes = listRows(
      this,
      this.services,
      list,
      (app) => this.reuse(new AppNode(this, this.services, app.AppId, app, configured.includes(app.AppId))),
      'app',
      filterAs,
      {
        showError: !denied,
        showEmpty: false,
      },
    );
    const { filter } = this.services;
    const configuredOnly = configured
      .filter((appId) => !listed.has(appId))
      .filter((appId) => !filter || keepsRow(this.services.lists, filter, 'app', SEARCH_TEXT.app({ AppId: appId }), filterAs.rowId({ AppId: appId })));
    nodes.push(...configuredOnly.map((appId) => this.reuse(new AppNode(this, this.services, appId, undefined, true))));
    if (denied) {
      nodes.push(
        new MessageNode(
          this,
          this.services,
          'warning',
          l10n.t('This AccessKey may not list apps (live:ListMessageApp)'),
          l10n.t('Showing the apps configured by AppId. Use Add App… to add more.'),
        ),
      );
    }
    return nodes;
  }
}
