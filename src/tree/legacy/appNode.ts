// A legacy Interactive Messages app: listed by ListMessageApp, or configured by AppId in imExplorer.apps. The
// family lists groups per user, so its children are the users configured for it in imExplorer.users.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { InteractiveMessagesClient } from '../../api/client';
import { callOf, pagerOf, type ItemRequestFor } from '../../api/requests';
import type { GetMessageAppResult, MessageApp, MessageGroup } from '../../api/types';
import { exportPlan, type ExportPlan } from '../../export/exportList';
import { groupRows } from '../../export/rows';
import { UserInputError } from '../../errors';
import { SEARCH_TEXT } from '../../model/filter';
import type { AppRow, AppWrites, GroupLookup, RowContext } from '../concepts';
import type { Modifier } from '../contextValues';
import { keepsRow } from '../filtering';
import { bothTimes, plural, statusText, tooltip } from '../format';
import { ExplorerNode, segment, type NodeIds, type TreeServices } from '../node';
import { NoticeNode } from '../noticeNode';
import { UserNode } from './userNode';
import { writeForms } from '../loadWriteForms';

/** Pages of one user's groups read to place a group found by id; a user with more groups is not searched further. */
const PAGES_PER_USER = 20;

export class AppNode extends ExplorerNode implements AppRow {
  readonly kind = 'app';
  override readonly family = 'legacy';
  readonly listsGroupsPerUser = true;
  readonly childNoun = 'user';
  private readonly context: RowContext;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    readonly appId: string,
    /** Undefined for an app known only from the settings. */
    readonly app: MessageApp | undefined,
    /** Listed in imExplorer.apps (so it can be removed from there). */
    readonly configured: boolean,
  ) {
    super(parent, services);
    this.context = { family: 'legacy', appId, app: this };
  }

  protected override modifiers(): readonly Modifier[] {
    return this.configured ? ['configured'] : [];
  }

  /** What the API says of the app: from its listing, or read by Show Details (a configured app is not listed). */
  private get known(): MessageApp | undefined {
    return this.app ?? (this.services.details.get(this.id) as GetMessageAppResult | undefined);
  }

  get label(): string {
    return this.known?.AppName || this.appId;
  }

  get pickDetail(): string | undefined {
    return this.configured ? l10n.t('configured in settings') : undefined;
  }

  childId(userId: string): string {
    return this.id + segment('user', userId);
  }

  get writes(): AppWrites {
    return writeForms().legacyAppWrites(this);
  }

  client(): InteractiveMessagesClient {
    return this.services.session.client;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const users = this.userIds().length;
    const app = this.known;
    const parts = [
      app?.AppName ? this.appId : undefined,
      app && app.Status !== 1 ? statusText(app.Status) : undefined,
      this.configured && !this.app ? l10n.t('configured') : undefined,
      users > 0 ? plural(users, 'user') : undefined,
    ];
    item.description = parts.filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('broadcast');
    item.contextValue = this.contextValue;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const rows: [string, string][] = [['AppId', this.appId]];
    const app = this.known;
    if (app) {
      rows.push(['AppName', app.AppName], ['Status', `${app.Status} (${statusText(app.Status)})`], ['CreateTime', bothTimes(app.CreateTime)]);
    }
    if (!this.app) rows.push([l10n.t('Source'), l10n.t('imExplorer.apps setting (not listed by ListMessageApp)')]);
    return tooltip(
      l10n.t('App {0}', this.label),
      rows,
      app
        ? [
            ['AppConfig', app.AppConfig],
            ['Extension', app.Extension],
          ]
        : [],
    );
  }

  userIds(): string[] {
    return this.services.session.settings.users[this.appId] ?? [];
  }

  /** The row of a configured user (the one the tree shows, once it has been shown). */
  private userRow(userId: string): UserNode {
    return this.reuse(new UserNode(this, this.services, this.childId(userId), this.context, userId));
  }

  override async children(): Promise<ExplorerNode[]> {
    const { filter, lists } = this.services;
    const userIds = this.userIds();
    const shown = filter ? userIds.filter((userId) => keepsRow(lists, filter, 'user', SEARCH_TEXT.user(userId), this.childId(userId))) : userIds;
    if (userIds.length > 0) {
      const users: ExplorerNode[] = shown.map((userId) => this.userRow(userId));
      if (filter && users.length === 0)
        users.push(new NoticeNode(this, this.services, 'info', l10n.t('No users match "{0}"', filter.text), { key: 'noMatch' }));
      return users;
    }
    return [
      new NoticeNode(this, this.services, 'action', l10n.t('Add User…'), l10n.t('Message groups are listed per user'), {
        command: 'imExplorer.addUser',
        title: l10n.t('Add User…'),
        arguments: [this],
      }),
    ];
  }

  override ids(): NodeIds {
    return { appId: this.appId };
  }

  override ownId(): string {
    return this.appId;
  }

  override json(): unknown {
    return this.app ?? { AppId: this.appId, configuredUsers: this.userIds() };
  }

  override request(): ItemRequestFor<'GetMessageApp'> {
    return { action: 'GetMessageApp', params: { AppId: this.appId } };
  }

  async readDetails(): Promise<GetMessageAppResult> {
    const detail = (await callOf(this.services.session.client, this.request())).Result;
    this.services.details.set(this.id, detail);
    return detail;
  }

  async lookUpGroup(groupId: string, signal?: AbortSignal): Promise<GroupLookup> {
    const response = await callOf(this.services.session.client, { action: 'GetMessageGroup', params: { AppId: this.appId, GroupId: groupId } }, { signal });
    const group = response.Result;
    // The group is listed under each configured user who is a member; its creator most likely.
    const users = this.userIds();
    const ordered = users.includes(group.CreatorId) ? [group.CreatorId, ...users.filter((id) => id !== group.CreatorId)] : users;
    return {
      groupId: group.GroupId,
      creatorId: group.CreatorId,
      group,
      action: 'GetMessageGroup',
      title: l10n.t('Message group {0}', group.GroupId),
      facts: [
        ['GroupId', group.GroupId],
        ['AppId', this.appId],
        ['CreatorId', group.CreatorId],
        ['Status', `${group.Status} (${statusText(group.Status)})`],
        ['CreateTime', bothTimes(group.CreateTime)],
        ['IsMuteAll', String(group.IsMuteAll)],
      ],
      sections: [['Extension', group.Extension]],
      document: { AppId: this.appId, ...response },
      places: ordered.map((userId) => this.userRow(userId).childId(group.GroupId)),
      pagesPerPlace: PAGES_PER_USER,
      pin: { family: 'legacy', appId: this.appId, groupId: group.GroupId, label: group.GroupId },
    };
  }

  exportPlan(): ExportPlan {
    const { client, settings } = this.services.session;
    const users = this.userIds();
    if (users.length === 0) throw new UserInputError(l10n.t('App {0} has no configured users: add one with Add User… to export their groups.', this.appId));
    const parts = users.map((userId) => ({
      pager: pagerOf(client, this.userRow(userId).listRequest(), settings.pageSize),
      row: (group: MessageGroup) => ({ ...group, ListedByUserId: userId }),
    }));
    return exportPlan('groups', [this.appId], parts, groupRows(true));
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof AppNode && other.configured === this.configured && JSON.stringify(other.app) === JSON.stringify(this.app);
  }
}
