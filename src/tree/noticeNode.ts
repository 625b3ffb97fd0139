// A row that is not an API object: an error with its cause (Retry / Show Log), a load-all that did not get
// everything (Resume / Refresh), an empty-list note, or a clickable hint such as "Add User…".
import vscode = require('vscode');
import { l10n } from 'vscode';
import { ApiError, serverMessageSeparator } from '../api/errors';
import { describeError, logFailureOnce } from '../errors';
import type { Modifier } from './contextValues';
import { ExplorerNode, type TreeServices } from './node';

export type NoticeSeverity = 'error' | 'warning' | 'info' | 'action';

const ICONS: Record<NoticeSeverity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
  action: new vscode.ThemeIcon('add'),
};

export interface NoticeOptions {
  /** Shown in the tooltip (and as the description of an error row). */
  detail?: string;
  command?: vscode.Command;
  /** The last segment of the row's id; rows of one parent need different keys. */
  key?: string;
  /** The whole explanation for the tooltip when the label is its short form. */
  explanation?: string;
  /** What menus offer on the row: an error row's Retry (the default for errors), Resume, Refresh. */
  modifier?: Extract<Modifier, 'error' | 'stopped' | 'changed'>;
}

export class NoticeNode extends ExplorerNode {
  readonly kind = 'notice';
  readonly id: string;
  readonly detail: string | undefined;
  private readonly options: NoticeOptions;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly severity: NoticeSeverity,
    readonly label: string,
    detailOrOptions?: string | NoticeOptions,
    command?: vscode.Command,
  ) {
    super(parent, services);
    this.options = typeof detailOrOptions === 'string' ? { detail: detailOrOptions, command } : { command, ...detailOrOptions };
    this.detail = this.options.detail;
    this.id = `${parent.id}/notice/${this.options.key ?? severity}`;
  }

  /** The error row for a failed load of `parent`'s children; logged once through the one error path. */
  static failure(parent: ExplorerNode, services: TreeServices, error: unknown, options: { key?: string; label?: (text: string) => string } = {}): NoticeNode {
    logFailureOnce(services.log, l10n.t('Loading {0}', parent.id), error);
    const text = describeError(error);
    const facts =
      error instanceof ApiError
        ? [l10n.t('Code: {0}', error.code), error.status ? `HTTP ${error.status}` : '', error.requestId ? `RequestId: ${error.requestId}` : '']
            .filter(Boolean)
            .join(' · ')
        : '';
    // The row shows the sentence that says what went wrong; the server's own message goes to the tooltip.
    const short = text.split(serverMessageSeparator())[0];
    return new NoticeNode(parent, services, 'error', options.label ? options.label(short) : short, {
      detail: facts || undefined,
      key: options.key ?? 'error',
      explanation: text,
    });
  }

  protected override modifiers(): readonly Modifier[] {
    const modifier = this.options.modifier ?? (this.severity === 'error' ? 'error' : undefined);
    return modifier ? [modifier] : [];
  }

  override listOwner(): ExplorerNode {
    return this.parent ?? this;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = ICONS[this.severity];
    item.contextValue = this.contextValue;
    item.description = this.severity === 'error' ? this.detail : undefined;
    item.command = this.options.command;
    return item;
  }

  override tooltip(): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(this.options.explanation ?? this.label);
    if (this.detail) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(this.detail);
    }
    if (this.modifiers().includes('error')) {
      tooltip.appendMarkdown('\n\n' + l10n.t('Use **Retry** to try again, or **Show Log** for the details.'));
    }
    return tooltip;
  }
}
