// A leaf that is not an API object: an error with its cause (Retry / Show Log), an empty-list note, or a
// clickable hint such as "Add User…".
import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { describeError } from '../errors';
import { ExplorerNode, TreeServices } from './node';

export type MessageSeverity = 'error' | 'warning' | 'info' | 'action';

const ICONS: Record<MessageSeverity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
  action: new vscode.ThemeIcon('add'),
};

export class MessageNode extends ExplorerNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly severity: MessageSeverity,
    readonly label: string,
    readonly detail?: string,
    private readonly command?: vscode.Command,
    key: string = severity,
    /** The whole explanation for the tooltip when the label is its short form. */
    private readonly explanation: string = label,
  ) {
    super(parent, services);
    this.id = `${parent.id}/message/${key}`;
  }

  /** The error node for a failed load of `parent`'s children; Retry loads the failed page again. */
  static failure(parent: ExplorerNode, services: TreeServices, error: unknown): MessageNode {
    const text = describeError(error);
    const facts =
      error instanceof ApiError
        ? [`Code: ${error.code}`, error.status ? `HTTP ${error.status}` : '', error.requestId ? `RequestId: ${error.requestId}` : ''].filter(Boolean).join(' · ')
        : '';
    // The row shows the sentence that says what went wrong; the server's own message goes to the tooltip.
    const short = text.split(' Server message: ')[0];
    return new MessageNode(parent, services, 'error', short, facts || undefined, undefined, 'error', text);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = ICONS[this.severity];
    item.contextValue = this.severity === 'error' ? 'error' : 'message';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(this.explanation);
    if (this.detail) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(this.detail);
    }
    if (this.severity === 'error') {
      tooltip.appendMarkdown('\n\nUse **Retry** to try again, or **Show Log** for the details.');
    }
    item.tooltip = tooltip;
    item.description = this.severity === 'error' ? this.detail : undefined;
    item.command = this.command;
    return item;
  }
}
