// An Interactive Messages app: listed by ListMessageApp, or configured by AppId in imExplorer.apps.
// Its children are the users configured for it in imExplorer.users.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { ItemRequest } from '../api/requests';
import type { MessageApp } from '../api/types';
import { SEARCH_TEXT } from '../model/filter';
import { keepsRow } from './filtering';
import { CONTEXT_VALUES } from './contextValues';
import { bothTimes, plural, statusText, tooltip } from './format';
import { MessageNode } from './messageNode';
import { ExplorerNode, type NodeIds, segment, type TreeServices } from './node';
import { UserNode } from './userNode';

export class AppNode extends ExplorerNode {
  readonly kind = 'app';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly appId: string,
    /** Undefined for an app known only from the settings. */
    readonly app: MessageApp | undefined,
    /** Listed in imExplorer.apps (so it can be removed from there). */
    readonly configured: boolean,
  ) {
    super(parent, services);
    this.id = parent.id + segment('app', appId);
  }

  get contextValue() {
    return this.configured ? CONTEXT_VALUES.configuredApp : CONTEXT_VALUES.app;
  }

  get label(): string {
    return this.app?.AppName || this.appId;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const users = this.userIds().length;
    const parts = [
      this.app?.AppName ? this.appId : undefined,
      this.app && this.app.Status !== 1 ? statusText(this.app.Status) : undefined,
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
    if (this.app) {
      rows.push(
        ['AppName', this.app.AppName],
        ['Status', `${this.app.Status} (${statusText(this.app.Status)})`],
        ['CreateTime', bothTimes(this.app.CreateTime)],
      );
    } else {
      rows.push([l10n.t('Source'), l10n.t('imExplorer.apps setting (not listed by ListMessageApp)')]);
    }
    return tooltip(
      l10n.t('App {0}', this.label),
      rows,
      this.app
        ? [
            ['AppConfig', this.app.AppConfig],
            ['Extension', this.app.Extension],
          ]
        : [],
    );
  }

  userIds(): string[] {
    return this.services.session.settings.users[this.appId] ?? [];
  }

  override async children(): Promise<ExplorerNode[]> {
    const { filter, lists } = this.services;
    const userIds = this.userIds();
    const shown = filter ? userIds.filter((userId) => keepsRow(lists, filter, 'user', SEARCH_TEXT.user(userId), this.id + segment('user', userId))) : userIds;
    if (userIds.length > 0) {
      const users: ExplorerNode[] = shown.map((userId) => this.reuse(new UserNode(this, this.services, userId)));
      if (filter && users.length === 0)
        users.push(new MessageNode(this, this.services, 'info', l10n.t('No users match "{0}"', filter.text), { key: 'noMatch' }));
      return users;
    }
    return [
      new MessageNode(this, this.services, 'action', l10n.t('Add User…'), l10n.t('Message groups are listed per user'), {
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

  override request(): ItemRequest {
    return { action: 'GetMessageApp', params: { AppId: this.appId } };
  }

  protected override sameData(other: ExplorerNode): boolean {
    return other instanceof AppNode && other.configured === this.configured && JSON.stringify(other.app) === JSON.stringify(this.app);
  }
}
