// A LiveMessage app (ListLiveMessageApps, in one data center): its message groups are listed directly, by token
// pages, filtered by GroupStatus (a choice kept per app; "not deleted" unless the user picks another).
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { InteractiveMessagesClient } from '../../api/client';
import { callOf, pagerOf, type ListRequestFor } from '../../api/requests';
import type { DataCenter, DescribeLiveMessageAppResult, GroupStatusFilter, LiveMessageApp, LiveMessageGroup } from '../../api/types';
import { exportPlan, type ExportPlan } from '../../export/exportList';
import { LIVE_GROUP_ROWS } from '../../export/rows';
import type { AppRow, AppWrites, GroupLookup, RowContext } from '../concepts';
import type { Modifier } from '../contextValues';
import { bothTimes, tooltip } from '../format';
import { ListOwner, LISTS } from '../listOwner';
import type { ExplorerNode, NodeIds, TreeServices } from '../node';
import { GroupNode } from './groupNode';
import { writeForms } from '../loadWriteForms';

/** Groups that still exist: deleted ones are listed (and described) but their members and messages are gone. */
export const DEFAULT_GROUP_STATUS: GroupStatusFilter = 1;

/** Pages of an app's groups read to place a group found by id (20 a page). */
const GROUP_PAGES_TO_PLACE = 200;

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

export class AppNode extends ListOwner<LiveMessageGroup> implements AppRow {
  readonly kind = 'app';
  override readonly family = 'live';
  protected readonly shape = LISTS.groups;
  readonly listsGroupsPerUser = false;
  private readonly childContext: RowContext;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    readonly app: LiveMessageApp,
  ) {
    super(parent, services);
    this.childContext = { family: 'live', appId: app.AppId, dataCenter: this.dataCenter, app: this };
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

  get pickDetail(): string {
    return l10n.t('LiveMessage · {0}', this.dataCenter);
  }

  /** As DescribeLiveMessageApp said it last (after Show Details or a change), else as the list said it. */
  get disabled(): boolean {
    const described = (this.services.details.get(this.id) as { Disable?: boolean } | undefined)?.Disable;
    return described ?? String(this.app.Disable) === 'true';
  }

  protected override modifiers(): readonly Modifier[] {
    return this.disabled ? ['disabled'] : [];
  }

  get writes(): AppWrites {
    return writeForms().liveAppWrites(this);
  }

  client(): InteractiveMessagesClient {
    return this.services.session.client;
  }

  remember(detail: DescribeLiveMessageAppResult): void {
    this.services.details.set(this.id, detail);
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
      ['Disable', String(this.disabled)],
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

  listRequest(): ListRequestFor<'ListLiveMessageGroups'> {
    const { sortType } = this.services.session.settings;
    return {
      action: 'ListLiveMessageGroups',
      params: { AppId: this.appId, SortType: sortType === 0 ? 1 : 2, GroupStatus: this.groupStatus, DataCenter: this.dataCenter },
    };
  }

  protected keyOf(group: LiveMessageGroup): string {
    return group.GroupId;
  }

  protected toNode(group: LiveMessageGroup): ExplorerNode {
    return this.reuse(new GroupNode(this, this.services, this.childId(group.GroupId), this.childContext, group));
  }

  async readDetails(): Promise<unknown> {
    const detail = await callOf(this.services.session.client, { action: 'DescribeLiveMessageApp', params: { AppId: this.appId, DataCenter: this.dataCenter } });
    this.services.details.set(this.id, detail);
    return detail;
  }

  async lookUpGroup(groupId: string, signal?: AbortSignal): Promise<GroupLookup> {
    const group = await callOf(
      this.services.session.client,
      { action: 'DescribeLiveMessageGroup', params: { AppId: this.appId, GroupId: groupId, DataCenter: this.dataCenter } },
      { signal },
    );
    const hidden = (group.Delete && this.groupStatus === 1) || (!group.Delete && this.groupStatus === 2);
    return {
      groupId: group.GroupId,
      creatorId: group.CreatorId,
      group,
      action: 'DescribeLiveMessageGroup',
      title: l10n.t('LiveMessage group {0}', group.GroupId),
      facts: [
        ['GroupId', group.GroupId],
        ['GroupName', group.GroupName],
        ['AppId', this.appId],
        ['DataCenter', this.dataCenter],
        ['CreatorId', group.CreatorId],
        ['Createtime', bothTimes(group.Createtime)],
        ['Delete', String(group.Delete)],
        ['OnlineUserCounts', group.OnlineUserCounts.toLocaleString('en-US')],
        ['SuperLargeGroup', String(group.SuperLargeGroup)],
      ],
      sections: [['MsgAmount', Object.fromEntries(Object.entries(group.MsgAmount ?? {}).map(([type, count]) => [type, String(count)]))]],
      document: { AppId: this.appId, DataCenter: this.dataCenter, ...group },
      places: hidden ? [] : [this.childId(group.GroupId)],
      pagesPerPlace: GROUP_PAGES_TO_PLACE,
      pin: { family: 'live', dataCenter: this.dataCenter, appId: this.appId, groupId: group.GroupId, label: group.GroupName || group.GroupId },
      ...(hidden
        ? {
            hiddenBecause: l10n.t(
              'Group {0} is {1}: the GroupStatus choice of {2} hides it. Use Choose GroupStatus… on the app to list it.',
              group.GroupId,
              group.Delete ? l10n.t('deleted') : l10n.t('not deleted'),
              this.label,
            ),
          }
        : {}),
    };
  }

  exportPlan(): ExportPlan {
    const { client, settings } = this.services.session;
    return exportPlan('groups', [this.appId], [{ pager: pagerOf(client, this.listRequest(), settings.pageSize) }], LIVE_GROUP_ROWS);
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
