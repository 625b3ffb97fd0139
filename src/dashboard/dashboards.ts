// The dashboards that are open, one per group: opening one again shows it. The panel's code (panel.ts, with the
// model it draws from) is its own file beside the bundle, required when the first dashboard opens.
import type * as vscode from 'vscode';
import { describeError, isCancellation } from '../errors';
import type { GroupRow } from '../tree/concepts';
import type * as PanelModule from './panel';
import type { DashboardPanel, DashboardServices } from './panel';

export class Dashboards implements vscode.Disposable {
  private readonly open = new Map<string, DashboardPanel>();

  constructor(private readonly services: () => Omit<DashboardServices, 'describeError' | 'isCancellation'>) {}

  show(group: GroupRow): DashboardPanel {
    const existing = this.open.get(group.id);
    if (existing) {
      existing.reveal();
      return existing;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from its own file (esbuild.js: lazy modules)
    const { DashboardPanel } = require('./panel') as typeof PanelModule;
    const panel = new DashboardPanel({ ...this.services(), describeError, isCancellation }, group);
    this.open.set(group.id, panel);
    panel.onDidDispose(() => this.open.delete(group.id));
    return panel;
  }

  /** The open dashboards, by group row id. */
  get panels(): ReadonlyMap<string, DashboardPanel> {
    return this.open;
  }

  dispose(): void {
    for (const panel of [...this.open.values()]) panel.dispose();
  }
}
