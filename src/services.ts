// Everything the commands work with, built once in activate().
import type * as vscode from 'vscode';
import type { ProfileStore } from './credentials/profiles';
import type { Dashboards } from './dashboard/dashboards';
import type { SwappableInput } from './input';
import type { JsonDocuments } from './jsonDocuments';
import type { ExplorerLog } from './log';
import type { Session } from './session';
import type { ExplorerNode } from './tree/node';
import type { ExplorerTreeProvider } from './tree/provider';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: ExplorerLog;
  /** Every prompt and message goes through it; tests put a scripted input in its place. */
  readonly input: SwappableInput;
  readonly profiles: ProfileStore;
  readonly session: Session;
  readonly tree: ExplorerTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly jsonDocuments: JsonDocuments;
  /** The groups' dashboards that are open. */
  readonly dashboards: Dashboards;
}
