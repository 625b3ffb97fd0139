// Hovers over ids in any file: an AppId, GroupId or UserId the explorer has loaded shows what it is, with links to
// act on it; with imExplorer.hover.lookUpUnknownIds on, an unknown GroupId-like token is read once (IdLookups) by
// the loaded app it most likely belongs to, of either family. A hover never throws: a failure means no hover,
// written to the log once.
import vscode = require('vscode');
import { describeError } from '../errors';
import type { ExplorerLog } from '../log';
import type { Session } from '../session';
import { isKind, type AppRow, type GroupLookup } from '../tree/concepts';
import type { ExplorerTreeProvider } from '../tree/provider';
import { lookedUpGroupHover, nodesHover } from './content';
import { IdLookups } from './lookup';
import { candidatesAt, looksLikeGroupId } from './tokens';

/** Text searched for the AppId a looked-up GroupId belongs to. */
const MAX_TEXT_SEARCHED = 200_000;

export class IdHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  readonly lookups: IdLookups<GroupLookup>;
  private readonly logged = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: Session,
    private readonly tree: ExplorerTreeProvider,
    private readonly log: ExplorerLog,
  ) {
    // Answers are kept by the app row's id (which names its family and data center) and the GroupId.
    this.lookups = new IdLookups(
      async (appRowId, groupId) => {
        const app = this.loadedApps().find((row) => row.id === appRowId);
        if (!app) throw new Error(`the app ${appRowId} is no longer loaded`);
        return app.lookUpGroup(groupId);
      },
      (error) => this.logOnce('Hover lookup', error),
    );
    // Any reload may be a profile switch: the answers belonged to the previous account.
    this.subscription = session.onDidChange(() => this.lookups.clear());
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    try {
      return await this.hover(document, position, token);
    } catch (error) {
      this.logOnce('Hover', error);
      return undefined;
    }
  }

  private async hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.session.signedIn) return undefined;
    const line = document.lineAt(position.line).text;
    const candidates = candidatesAt(line, position.character);
    const range = (start: number, end: number) => new vscode.Range(position.line, start, position.line, end);
    for (const candidate of candidates) {
      const nodes = this.tree.nodesNamed(candidate.text);
      if (nodes.length > 0) return new vscode.Hover(nodesHover(nodes), range(candidate.start, candidate.end));
    }
    if (!this.session.settings.hoverLookUp) return undefined;
    const unknown = candidates.find((candidate) => looksLikeGroupId(candidate.text));
    if (!unknown) return undefined;
    const app = this.appFor(document, document.offsetAt(position));
    if (app === undefined) return undefined;
    const lookup = await this.lookups.get(app.id, unknown.text, () => token.isCancellationRequested);
    if (!lookup || token.isCancellationRequested) return undefined;
    return new vscode.Hover(lookedUpGroupHover(lookup, this.tree.offerPin(lookup.pin)), range(unknown.start, unknown.end));
  }

  private loadedApps(): AppRow[] {
    return this.tree.loadedNodes((node) => isKind(node, ['app'])) as AppRow[];
  }

  /** The loaded app (of either family) whose AppId appears nearest to `offset` in the document, else the only app in the view. */
  private appFor(document: vscode.TextDocument, offset: number): AppRow | undefined {
    const apps = this.loadedApps();
    const text = document.getText().slice(0, MAX_TEXT_SEARCHED);
    let best: { app: AppRow; distance: number } | undefined;
    for (const app of apps) {
      for (let at = text.indexOf(app.appId); at >= 0; at = text.indexOf(app.appId, at + 1)) {
        const distance = Math.abs(at - offset);
        if (!best || distance < best.distance) best = { app, distance };
      }
    }
    return best?.app ?? (apps.length === 1 ? apps[0] : undefined);
  }

  private logOnce(context: string, error: unknown): void {
    const message = `${context}: ${describeError(error)}`;
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.log.warn(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
