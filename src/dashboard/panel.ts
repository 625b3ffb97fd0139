// One group's dashboard: a webview panel in the editor area that draws the group's members over time, its live
// figures sampled while the panel is visible, and its newest messages. The host computes everything (bins, counts)
// and sends small state messages, at most every UPDATE_MS and only when something changed; the webview draws with
// its bundled chart library (dist/dashboard.js) and asks for actions, each checked by parseWebviewMessage first.
// A webview is an untrusted surface: a strict Content-Security-Policy with a nonce, no remote resource, and a
// message that is not exactly one of ours changes nothing. This module is its own file beside the bundle
// (dist/dashboardPanel.js), required when the first dashboard opens (dashboards.ts): it imports no module of the
// extension's state; what it needs comes in DashboardServices.
import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import vscode = require('vscode');
import { l10n } from 'vscode';
import { joinBins } from '../model/dashboard/bins';
import { messageStats } from '../model/dashboard/messageStats';
import { parseWebviewMessage, savedBytes, type HostMessage, type MessagesState, type WebviewMessage } from '../model/dashboard/protocol';
import { Sampler, sampleShare } from '../model/dashboard/sampler';
import type { UserInput } from '../input';
import type { ExplorerLog } from '../log';
import type { Session } from '../session';
import type { GroupRow } from '../tree/concepts';
import type { ExplorerNode } from '../tree/node';
import type { ExplorerTreeProvider } from '../tree/provider';
import { dashboardStrings } from './strings';

export const DASHBOARD_VIEW_TYPE = 'imExplorer.dashboard';
/** The fastest the host sends a new state. */
export const UPDATE_MS = 250;
/** Messages read for the message charts (four pages of 50). */
export const MESSAGES_READ = 200;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a dashboard works with (the extension's services, of which it needs these, and its one error path). */
export interface DashboardServices {
  readonly context: vscode.ExtensionContext;
  readonly log: ExplorerLog;
  readonly input: UserInput;
  readonly session: Session;
  readonly tree: ExplorerTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  describeError(error: unknown): string;
  isCancellation(error: unknown): boolean;
}

export class DashboardPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly sampler: Sampler;
  /** Messages from the webview that were not ours, and were dropped (for the log, and tests). */
  dropped = 0;
  private messages: MessagesState;
  private reading: AbortController | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private lastSent = '';
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];

  constructor(
    private readonly services: DashboardServices,
    private group: GroupRow,
  ) {
    const { context } = services;
    const roots = [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')];
    this.panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      l10n.t('Dashboard: {0}', this.title),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      // Hidden, the webview is let go (retainContextWhenHidden off): the host keeps the state and sends it again.
      { enableScripts: true, localResourceRoots: roots },
    );
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'dashboard.svg');
    this.messages = { action: group.dashboard.messagesAction, read: 0, more: false, loading: false };
    this.sampler = new Sampler(
      (signal) => this.group.dashboard.sample(signal),
      () => this.update(),
    );
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      this.panel.onDidChangeViewState(() => this.visibilityChanged()),
      this.panel.onDidDispose(() => this.dispose()),
      services.session.onDidChange((change) => change.reloadsLists && this.panel.dispose()),
    );
    this.visibilityChanged();
    void this.readMessages();
    // The header's mute and online state come from the group's details: read them once, as Show Details does.
    void group.readDetails().then(
      () => this.update(),
      (error: unknown) => services.log.warn(`Dashboard ${group.groupId}: details: ${services.describeError(error)}`),
    );
  }

  get groupId(): string {
    return this.group.id;
  }

  private get title(): string {
    const label = this.group.treeItem().label;
    return typeof label === 'string' ? label : (label?.label ?? this.group.groupId);
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** The group row as the tree holds it now (a refresh replaces rows; the dashboard follows the new one). */
  private currentGroup(): GroupRow {
    const shown = this.services.tree.shownNode(this.group.id);
    if (shown && shown.kind === 'group' && shown !== this.group) this.group = shown as GroupRow;
    return this.group;
  }

  private visibilityChanged(): void {
    const visible = this.panel.visible;
    this.sampler.setVisible(visible);
    clearInterval(this.ticker);
    this.ticker = visible ? setInterval(() => this.update(), UPDATE_MS) : undefined;
    if (!visible) this.ready = false;
  }

  /** Acts on a message from the webview, if it is one of ours; anything else is dropped and changes nothing. */
  receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.dropped++;
      if (this.dropped <= 3) this.services.log.warn(`Dashboard ${this.group.groupId}: a message from the webview that is not one of ours was dropped`);
      return;
    }
    void this.act(message).catch((error: unknown) => {
      if (!this.services.isCancellation(error)) void this.services.input.showMessage('error', this.services.describeError(error));
    });
  }

  private async act(message: WebviewMessage): Promise<void> {
    const group = this.currentGroup();
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastSent = '';
        this.post({ type: 'init', locale: vscode.env.language, strings: dashboardStrings(), title: this.title });
        this.update();
        return;
      case 'loadAll':
        if (!this.services.tree.isLoadingAll(group.id)) await vscode.commands.executeCommand('imExplorer.loadAll', group);
        return;
      case 'cancelLoad':
        this.services.tree.cancelLoad(group.id);
        return;
      case 'pauseSampling':
        this.sampler.pause();
        this.update();
        return;
      case 'resumeSampling':
        this.sampler.resume();
        this.update();
        return;
      case 'refreshMessages':
        await this.readMessages();
        return;
      case 'revealSender':
        await this.revealSender(group, message.sender);
        return;
      case 'save':
        await this.save(message);
        return;
    }
  }

  private async revealSender(group: GroupRow, sender: string): Promise<void> {
    const member = await this.services.tree.findNode(group.childId(sender));
    if (!member) {
      void this.services.input.showMessage('info', l10n.t('{0} is not loaded in the tree: load the members of {1} to reveal it.', sender, group.groupId));
      return;
    }
    await this.services.treeView.reveal(member, { select: true, focus: true, expand: false });
  }

  private async save(message: Extract<WebviewMessage, { type: 'save' }>): Promise<void> {
    const bytes = savedBytes(message);
    if (message.format === 'png' && !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
      this.dropped++;
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${message.chart}-${this.group.groupId}.${message.format}`.replace(/[\\/:*?"<>|\s]+/g, '_');
    const uri = await this.services.input.showSaveDialog({
      title: l10n.t('Save the chart as {0}', message.format.toUpperCase()),
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: message.format === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] },
    });
    if (!uri) return;
    await fs.writeFile(uri.fsPath, bytes);
    this.services.log.info(`Dashboard ${this.group.groupId}: saved the ${message.chart} chart to ${uri.fsPath}`);
    this.post({ type: 'saved', chart: message.chart, file: uri.fsPath });
  }

  private async readMessages(): Promise<void> {
    this.reading?.abort();
    const controller = (this.reading = new AbortController());
    const group = this.currentGroup();
    this.messages = { ...this.messages, loading: true, error: undefined };
    this.update();
    try {
      const { messages, more } = await group.dashboard.recentMessages(MESSAGES_READ, controller.signal);
      if (controller.signal.aborted) return;
      this.messages = { action: group.dashboard.messagesAction, stats: messageStats(messages), read: messages.length, more, loading: false };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.messages = { ...this.messages, loading: false, error: this.services.describeError(error) };
    }
    this.update();
  }

  /** Sends the state when something changed (at most every UPDATE_MS: the ticker calls this). */
  private update(): void {
    if (!this.ready || !this.panel.visible) return;
    const group = this.currentGroup();
    const list = group.pagedChildren();
    const times = group.dashboard.joinTimes();
    const bins = times ? joinBins(times) : undefined;
    const latest = this.sampler.samples.at(-1);
    const state: HostMessage = {
      type: 'state',
      header: group.dashboard.header(latest),
      members: {
        available: times !== undefined,
        interval: bins?.interval.name,
        bins: bins?.bins ?? [],
        loaded: list?.items.length ?? 0,
        total: list?.total,
        loading: this.services.tree.isLoadingAll(group.id),
        complete: list !== undefined && !list.isUnloaded && !list.hasMore && list.error === undefined && list.incomplete === undefined,
      },
      sampling: {
        paused: this.sampler.isPaused,
        visible: this.panel.visible,
        everySeconds: this.sampler.intervalMs / 1000,
        share: sampleShare(group.dashboard.sampleCallsPerSecond(), this.sampler.intervalMs),
        action: group.dashboard.sampleAction,
        samples: this.sampler.samples,
        ...(this.sampler.error !== undefined ? { error: this.services.describeError(this.sampler.error) } : {}),
      },
      messages: this.messages,
    };
    const text = JSON.stringify(state);
    if (text === this.lastSent) return;
    this.lastSent = text;
    void this.panel.webview.postMessage(state);
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const { webview } = this.panel;
    const nonce = crypto.randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'dashboard.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      // Saving a chart as PNG draws its SVG onto a canvas from a blob: URL.
      `img-src ${webview.cspSource} blob: data:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
</head>
<body>
<main id="dashboard" aria-busy="true"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.sampler.dispose();
    this.reading?.abort();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}
