// The invisible root of one profile: the apps from ListMessageApp plus the AppIds configured in settings, then the
// LiveMessage apps of each data center (ListLiveMessageApps). A family the account does not use shows nothing; a
// family the AccessKey may not list shows one quiet warning row, and never hides the other family.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError } from '../api/errors';
import { pagerFor, tokenPagerFor, type ListRequestFor } from '../api/requests';
import { LIMITS, type DataCenter, type LiveMessageApp, type MessageApp } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import { keepsRow } from './filtering';
import { AppNode } from './appNode';
import { LiveAppNode } from './liveAppNode';
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

  /** The LiveMessage apps of one data center: a token list, loaded whole when the root is first shown (accounts have few apps). */
  liveAppList(dataCenter: DataCenter): PagedList<LiveMessageApp> {
    const { session, lists } = this.services;
    const request = {
      action: 'ListLiveMessageApps' as const,
      params: { SortType: session.settings.sortType === 0 ? (1 as const) : (2 as const), DataCenter: dataCenter },
    };
    return lists.get(this.id + segment('datacenter', dataCenter), () => tokenPagerFor(session.client, request, session.settings.pageSize));
  }

  /** The first load of each LiveMessage app list; every caller (the view asks several times) joins the same one. */
  private readonly wholeLoads = new WeakMap<PagedList<LiveMessageApp>, Promise<unknown>>();

  private loadWhole(list: PagedList<LiveMessageApp>): Promise<unknown> {
    let load = this.wholeLoads.get(list);
    if (!load) {
      load = list.loadAll(new AbortController().signal, () => undefined);
      this.wholeLoads.set(list, load);
    }
    return load;
  }

  /** Forgets the LiveMessage app lists that failed, so that the next look loads them again (Retry on their row). */
  forgetFailedLiveApps(): void {
    for (const dataCenter of LIMITS.liveMessage.dataCenters) {
      const list = this.services.lists.peek(this.id + segment('datacenter', dataCenter));
      if (list && (list.error !== undefined || list.incomplete)) this.services.lists.drop(this.id + segment('datacenter', dataCenter));
    }
  }

  override async children(): Promise<ExplorerNode[]> {
    const { session } = this.services;
    if (session.configurationProblem) {
      return [new MessageNode(this, this.services, 'error', session.configurationProblem)];
    }
    const [legacy, live] = await Promise.all([this.legacyChildren(), this.liveChildren()]);
    return [...legacy, ...live];
  }

  private async liveChildren(): Promise<ExplorerNode[]> {
    const centers = LIMITS.liveMessage.dataCenters;
    const lists = centers.map((dataCenter) => this.liveAppList(dataCenter));
    await Promise.all(lists.map((list) => this.loadWhole(list)));
    const { filter } = this.services;
    const nodes: ExplorerNode[] = [];
    const denied: string[] = [];
    lists.forEach((list, index) => {
      const failure = list.error ?? (list.incomplete?.status === 'stopped' ? list.incomplete.error : undefined);
      const apps = filter
        ? list.items.filter((app) => keepsRow(this.services.lists, filter, 'app', SEARCH_TEXT.app(app), this.id + segment('app', app.AppId)))
        : list.items;
      nodes.push(...apps.map((app) => this.reuse(new LiveAppNode(this, this.services, app))));
      if (failure === undefined) return;
      if (failure instanceof ApiError && (failure.code === 'Forbidden.RAM' || failure.code === 'NoAuth')) {
        denied.push(centers[index]);
      } else {
        const row = MessageNode.failure(this, this.services, failure);
        nodes.push(
          new MessageNode(this, this.services, 'error', l10n.t('LiveMessage apps in {0}: {1}', centers[index], row.label), {
            key: `liveError-${centers[index]}`,
            detail: row.detail,
            contextValue: row.contextValue,
          }),
        );
      }
    });
    if (denied.length > 0) {
      nodes.push(
        new MessageNode(this, this.services, 'warning', l10n.t('This AccessKey may not list LiveMessage apps (live:ListLiveMessageApps)'), {
          key: 'liveDenied',
          detail: l10n.t(
            'Denied in {0}. The other apps are shown as usual; ask an administrator for live:ListLiveMessageApps to see these.',
            denied.join(', '),
          ),
        }),
      );
    }
    return nodes;
  }

  private async legacyChildren(): Promise<ExplorerNode[]> {
    const { session } = this.services;
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
