// Read-only virtual documents holding the raw API data of a node or a lookup ("Open as JSON").
import vscode = require('vscode');
import { l10n } from 'vscode';

export const JSON_SCHEME = 'imexplorer-json';

export class JsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? `// ${l10n.t('This document is no longer available: open it again from the Interactive Messages view.')}\n`;
  }

  /** Opens (or updates) the document `name`.json with `value` pretty-printed. */
  open(name: string, value: unknown): Promise<vscode.TextEditor> {
    return this.openText(name, JSON.stringify(value, null, 2) + '\n', 'json');
  }

  /** Opens (or updates) a read-only document `name` with `text` in `language` (json or markdown). */
  async openText(name: string, text: string, language: 'json' | 'markdown'): Promise<vscode.TextEditor> {
    const extension = language === 'json' ? 'json' : 'md';
    const uri = vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.${extension}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== language) {
      await vscode.languages.setTextDocumentLanguage(document, language);
    }
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
