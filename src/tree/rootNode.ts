// The invisible root of one profile: the Pinned section when the profile has pins, then the legacy apps from
// ListMessageApp plus the AppIds configured in settings, then the LiveMessage apps of each data center
// (ListLiveMessageApps). A family the account does not use shows nothing; a family the AccessKey may not list shows
// one quiet warning row, and never hides the other family.
// Legacy apps are /profile/P/app/A; a LiveMessage app's id names its data center: /profile/P/dc/D/app/A.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError } from '../api/errors';
import { pagerOf, type ListRequestFor } from '../api/requests';
import { LIMITS, type DataCenter, type LiveMessageApp, type MessageApp } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import type { PinTarget } from '../model/pins';
import type { AppRow, IdScope, RootRow } from './concepts';
import { keepsRow } from './filtering';
import { AppNode } from './legacy/appNode';
import { childIdOf, ListOwner, LISTS } from './listOwner';
import { AppNode as LiveAppNode } from './live/appNode';
import { segment, type ExplorerNode, type TreeServices } from './node';
import { NoticeNode } from './noticeNode';
import { listRows } from './pagedChildren';
import { PinnedSection } from './pinnedSection';

/** The id of a profile's root: every row of the profile's tree is under it. */
export function profileRowId(profileName: string): string {
  return segment('profile', profileName);
}

export class RootNode extends ListOwner<MessageApp> implements RootRow {
  readonly kind = 'root';
  readonly id: string;
  protected readonly shape = LISTS.apps;
  /** The profile's Pinned section, shown first when it has pins. */
  readonly pinned: PinnedSection;
  /** Whether the rows last listed began with the Pinned section. */
  listsPinned = false;

  constructor(
    services: TreeServices,
    readonly profileName: string,
  ) {
    super(undefined, services);
    this.id = profileRowId(profileName);
    this.pinned = new PinnedSection(this, services, profileName, (pin) => this.appScope(pin));
  }

  treeItem(): vscode.TreeItem {
    return new vscode.TreeItem(this.profileName);
  }

  listRequest(): ListRequestFor<'ListMessageApp'> {
    return { action: 'ListMessageApp', params: { SortType: this.services.session.settings.sortType } };
  }

  protected keyOf(app: MessageApp): string {
    return app.AppId;
  }

  protected toNode(app: MessageApp): ExplorerNode {
    return this.reuse(new AppNode(this, this.services, this.childId(app.AppId), app.AppId, app, this.services.session.settings.apps.includes(app.AppId)));
  }

  appNotInTree(appId: string): AppRow {
    return new AppNode(this, this.services, this.childId(appId), appId, undefined, false);
  }

  /** Where the rows of a pin's app are: the legacy app row (the users browsed under it), the LiveMessage app's in its data center. */
  private appScope(pin: PinTarget): IdScope {
    if (pin.family === 'legacy' || pin.dataCenter === undefined) return this.appNotInTree(pin.appId);
    const id = this.liveAppId(pin.dataCenter, pin.appId);
    return { id, childId: (groupId) => childIdOf(id, LISTS.groups, groupId) };
  }

  /** The id of the LiveMessage apps of one data center (the list they are in), and of one of them. */
  private dataCenterId(dataCenter: DataCenter): string {
    return this.id + segment('dc', dataCenter);
  }

  private liveAppId(dataCenter: DataCenter, appId: string): string {
    return this.dataCenterId(dataCenter) + segment('app', appId);
  }

  /** The LiveMessage apps of one data center: a token list, loaded whole when the root is first shown (accounts have few apps). */
  liveAppList(dataCenter: DataCenter): PagedList<LiveMessageApp> {
    const { session, lists } = this.services;
    const request: ListRequestFor<'ListLiveMessageApps'> = {
      action: 'ListLiveMessageApps',
      params: { SortType: session.settings.sortType === 0 ? 1 : 2, DataCenter: dataCenter },
    };
    return lists.get(this.dataCenterId(dataCenter), () => pagerOf(session.client, request, session.settings.pageSize), LISTS.apps.filterAs);
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
  forgetFailedLists(): void {
    for (const dataCenter of LIMITS.liveMessage.dataCenters) {
      const list = this.services.lists.peek(this.dataCenterId(dataCenter));
      if (list && (list.error !== undefined || list.incomplete)) this.services.lists.drop(this.dataCenterId(dataCenter));
    }
  }

  override async children(): Promise<ExplorerNode[]> {
    const { session } = this.services;
    if (session.configurationProblem) {
      this.listsPinned = false;
      return [new NoticeNode(this, this.services, 'error', session.configurationProblem)];
    }
    const [legacy, live] = await Promise.all([this.legacyChildren(), this.liveChildren()]);
    this.listsPinned = this.pinned.pins().length > 0;
    return [...(this.listsPinned ? [this.pinned] : []), ...legacy, ...live];
  }

  override forgetChildren(): void {
    super.forgetChildren();
    this.pinned.forgetChildren();
  }

  private async liveChildren(): Promise<ExplorerNode[]> {
    const centers = LIMITS.liveMessage.dataCenters;
    let lists: PagedList<LiveMessageApp>[];
    try {
      lists = centers.map((dataCenter) => this.liveAppList(dataCenter));
    } catch {
      return []; // no client: the legacy side shows why
    }
    await Promise.all(lists.map((list) => this.loadWhole(list)));
    const { filter } = this.services;
    const nodes: ExplorerNode[] = [];
    const denied: string[] = [];
    lists.forEach((list, index) => {
      const dataCenter = centers[index];
      const failure = list.error ?? (list.incomplete?.status === 'stopped' ? list.incomplete.error : undefined);
      const id = (app: LiveMessageApp) => this.liveAppId(dataCenter, app.AppId);
      const apps = filter ? list.items.filter((app) => keepsRow(this.services.lists, filter, 'app', SEARCH_TEXT.app(app), id(app))) : list.items;
      nodes.push(...apps.map((app) => this.reuse(new LiveAppNode(this, this.services, id(app), app))));
      if (failure === undefined) return;
      if (failure instanceof ApiError && (failure.code === 'Forbidden.RAM' || failure.code === 'NoAuth')) {
        denied.push(dataCenter);
      } else {
        nodes.push(
          NoticeNode.failure(this, this.services, failure, {
            key: `liveError-${dataCenter}`,
            label: (text) => l10n.t('LiveMessage apps in {0}: {1}', dataCenter, text),
          }),
        );
      }
    });
    if (denied.length > 0) {
      nodes.push(
        new NoticeNode(this, this.services, 'warning', l10n.t('This AccessKey may not list LiveMessage apps (live:ListLiveMessageApps)'), {
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
    let rows;
    try {
      rows = this.rows();
    } catch (error) {
      return [NoticeNode.failure(this, this.services, error)]; // no client (e.g. the profile's key is unreadable)
    }
    const { list } = rows;
    try {
      await list.ensureFirstPage();
    } catch {
      // kept in list.error, shown below
    }
    const configured = session.settings.apps;
    const listed = new Set(list.items.map((app) => app.AppId));
    const denied = list.error instanceof ApiError && list.error.code === 'Forbidden.RAM';
    const nodes = listRows(rows, this.services, { showError: !denied, showEmpty: false });
    const { filter } = this.services;
    const configuredOnly = configured
      .filter((appId) => !listed.has(appId))
      .filter((appId) => !filter || keepsRow(this.services.lists, filter, 'app', SEARCH_TEXT.app({ AppId: appId }), this.childId(appId)));
    nodes.push(...configuredOnly.map((appId) => this.reuse(new AppNode(this, this.services, this.childId(appId), appId, undefined, true))));
    if (denied) {
      nodes.push(
        new NoticeNode(
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
