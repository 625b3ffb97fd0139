// A LiveMessage app (ListLiveMessageApps, in one data center): its message groups are listed directly, by token
// pages, filtered by GroupStatus (a choice kept per app; "not deleted" unless the user picks another).
import vscode = require('vscode');
import { l10n } from 'vscode';
import { tokenPagerFor, type LiveMessageListRequest } from '../api/requests';
import type { DataCenter, GroupStatusFilter, LiveMessageApp, LiveMessageGroup } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import type { PagedList } from '../model/pagedList';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, tooltip } from './format';
import { LiveGroupNode } from './liveGroupNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';
import { pagedChildren } from './pagedChildren';

/** Groups that still exist: deleted ones are listed (and described) but their members and messages are gone. */
export const DEFAULT_GROUP_STATUS: GroupStatusFilter = 1;

/** The GroupStatus values, as the tree and the choice name them. */
export function groupStatusText(status: GroupStatusFilter): string {
  switch (status) {
    case 0:
      return l10n.t('all groups');
    case 1:
      return l10n.t('groups not deleted');
    case 2:
      return l10n.t('deleted groups');
  }
}

/** MsgLifeCycle: how long messages are kept. */
function lifeCycleText(value: number): string {
  const days: Record<number, number> = { 0: 30, 1: 90, 2: 180 };
  return days[value] !== undefined ? l10n.t('{0} ({1} days)', value, days[value]) : String(value);
}

export class LiveAppNode extends ExplorerNode {
  readonly kind = 'liveApp';
  readonly contextValue = CONTEXT_VALUES.liveApp;
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly app: LiveMessageApp,
  ) {
    super(parent, services);
    this.id = parent.id + segment('app', app.AppId);
  }

  get appId(): string {
    return this.app.AppId;
  }

  get label(): string {
    return this.app.AppName || this.app.AppId;
  }

  get dataCenter(): DataCenter {
    return this.app.DataCenter as DataCenter;
  }

  get disabled(): boolean {
    return String(this.app.Disable) === 'true';
  }

  get groupStatus(): GroupStatusFilter {
    return (this.services.listOptions.get(this.id) as GroupStatusFilter | undefined) ?? DEFAULT_GROUP_STATUS;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const parts = [
      this.app.AppName ? this.appId : undefined,
      l10n.t('LiveMessage · {0}', this.app.DataCenter),
      this.disabled ? l10n.t('disabled') : undefined,
      this.groupStatus !== DEFAULT_GROUP_STATUS ? groupStatusText(this.groupStatus) : undefined,
    ];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.disabled ? 'circle-slash' : 'radio-tower');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const detail = this.services.details.get(this.id) as Record<string, unknown> | undefined;
    const rows: [string, string][] = [
      ['AppId', this.appId],
      ['AppName', this.app.AppName],
      [l10n.t('Family'), l10n.t('LiveMessage (ListLiveMessageApps)')],
      ['DataCenter', this.app.DataCenter],
      ['AppKey', this.app.AppKey],
      ['Disable', String(this.app.Disable)],
      ['MsgLifeCycle', lifeCycleText(this.app.MsgLifeCycle)],
      ['CreateTime', bothTimes(this.app.CreateTime)],
      ['ModifyTime', bothTimes(this.app.ModifyTime)],
      ['GroupStatus', `${this.groupStatus} (${groupStatusText(this.groupStatus)})`],
    ];
    if (detail) {
      rows.push(
        ['AuditType', String(detail.AuditType)],
        ['AuditUrl', String(detail.AuditUrl ?? '')],
        ['EventCallbackUrl', String(detail.EventCallbackUrl ?? '')],
      );
    } else {
      rows.push([l10n.t('Audit, callback'), l10n.t('use Show Details')]);
    }
    return tooltip(l10n.t('LiveMessage app {0}', this.label), rows);
  }

  override request(): LiveMessageListRequest & { action: 'ListLiveMessageGroups' } {
    const { sortType } = this.services.session.settings;
    return {
      action: 'ListLiveMessageGroups',
      params: { AppId: this.appId, SortType: sortType === 0 ? 1 : 2, GroupStatus: this.groupStatus, DataCenter: this.dataCenter },
    };
  }

  override pagedChildren(): PagedList<LiveMessageGroup> {
    const { session, lists } = this.services;
    return lists.get(this.id, () => tokenPagerFor(session.client, this.request(), session.settings.pageSize));
  }

  override children(): Promise<ExplorerNode[]> {
    return pagedChildren(
      this,
      this.services,
      () => this.pagedChildren(),
      (group) => this.reuse(new LiveGroupNode(this, this.services, group)),
      'group',
      { level: 'group', text: SEARCH_TEXT.group, rowId: (group) => this.id + segment('group', group.GroupId) },
    );
  }

  override ids(): NodeIds {
    return { appId: this.appId };
  }

  override ownId(): string {
    return this.appId;
  }

  override json(): unknown {
    return this.app;
  }
}
