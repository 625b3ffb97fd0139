// Hovers over ids in any file: an AppId, GroupId or UserId the explorer has loaded shows what it is, with links to
// act on it; with imExplorer.hover.lookUpUnknownIds on, an unknown GroupId-like token is read once (IdLookups).
// A hover never throws: a failure means no hover, written to the log once.
import vscode = require('vscode');
import type { GetMessageGroupResult } from '../api/types';
import { describeError } from '../errors';
import type { ExplorerLog } from '../log';
import type { Session } from '../session';
import type { AppNode } from '../tree/appNode';
import type { ExplorerTreeProvider } from '../tree/provider';
import { lookedUpGroupHover, nodesHover } from './content';
import { IdLookups } from './lookup';
import { candidatesAt, looksLikeGroupId } from './tokens';

/** Text searched for the AppId a looked-up GroupId belongs to. */
const MAX_TEXT_SEARCHED = 200_000;

export class IdHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  readonly lookups: IdLookups<GetMessageGroupResult>;
  private readonly logged = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: Session,
    private readonly tree: ExplorerTreeProvider,
    private readonly log: ExplorerLog,
  ) {
    this.lookups = new IdLookups(
      async (appId, groupId) => (await session.client.getMessageGroup({ AppId: appId, GroupId: groupId })).Result,
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
    const appId = this.appFor(document, document.offsetAt(position));
    if (appId === undefined) return undefined;
    const group = await this.lookups.get(appId, unknown.text, () => token.isCancellationRequested);
    if (!group || token.isCancellationRequested) return undefined;
    return new vscode.Hover(lookedUpGroupHover(appId, group), range(unknown.start, unknown.end));
  }

  /** The loaded app whose AppId appears nearest to `offset` in the document, else the only app in the view. */
  private appFor(document: vscode.TextDocument, offset: number): string | undefined {
    const apps = this.tree.loadedNodes((node) => node.kind === 'app').map((node) => (node as AppNode).appId);
    const text = document.getText().slice(0, MAX_TEXT_SEARCHED);
    let best: { appId: string; distance: number } | undefined;
    for (const appId of apps) {
      for (let at = text.indexOf(appId); at >= 0; at = text.indexOf(appId, at + 1)) {
        const distance = Math.abs(at - offset);
        if (!best || distance < best.distance) best = { appId, distance };
      }
    }
    return best?.appId ?? (apps.length === 1 ? apps[0] : undefined);
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
