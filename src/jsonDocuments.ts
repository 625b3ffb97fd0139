// Read-only virtual documents holding the raw API data of a node or a lookup ("Open as JSON").
import vscode = require('vscode');

export const JSON_SCHEME = 'imexplorer-json';

export class JsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This document is no longer available: open it again from the Interactive Messages view.\n';
  }

  /** Opens (or updates) the document `name`.json with `value` pretty-printed. */
  async open(name: string, value: unknown): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.json` });
    this.contents.set(uri.toString(), JSON.stringify(value, null, 2) + '\n');
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') {
      await vscode.languages.setTextDocumentLanguage(document, 'json');
    }
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
