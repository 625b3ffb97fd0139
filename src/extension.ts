// Entry point: builds the services once, registers the tree and the commands. Nothing else happens here.
import * as apiL10n from '@vscode/l10n';
import vscode = require('vscode');
import { l10n } from 'vscode';
import { COMMANDS } from './commands';
import { registerCommands } from './commands/registry';
import { watchWriteGate } from './commands/write/gate';
import { demoSignIn } from './credentials/demo';
import { Dashboards } from './dashboard/dashboards';
import { ProfileStore } from './credentials/profiles';
import { IdHoverProvider } from './hover/provider';
import { SwappableInput } from './input';
import { JSON_SCHEME, JsonDocuments } from './jsonDocuments';
import { ExplorerLog } from './log';
import { setDisplayLocale } from './model/display';
import { ExpansionMemory } from './model/expansion';
import { PinStore } from './model/pins';
import type { Services } from './services';
import { Session } from './session';
import { ExplorerTreeProvider } from './tree/provider';
import { profileRowId } from './tree/rootNode';

/** Returned from activate() so that the integration tests can look at the tree the user sees. */
export interface ExplorerApi extends Services {
  /** The command ids registered, with their "imExplorer." prefix. */
  readonly commandIds: readonly string[];
}

export function activate(context: vscode.ExtensionContext): ExplorerApi {
  // The API layer and the model do not import vscode: they translate with @vscode/l10n, given the same bundle.
  if (vscode.l10n.bundle) apiL10n.config({ contents: vscode.l10n.bundle });
  setDisplayLocale(vscode.env.language);
  const log = new ExplorerLog();
  const pins = new PinStore(context.globalState);
  const expansion = new ExpansionMemory(context.workspaceState);
  const profiles = new ProfileStore(context.secrets, context.globalState, async (name) => {
    await Promise.all([pins.forget(name), expansion.forgetUnder(profileRowId(name))]);
  });
  const session = new Session(profiles, log);
  const tree = new ExplorerTreeProvider(session, log, pins, expansion);
  const treeView = vscode.window.createTreeView('imExplorer.apps', { treeDataProvider: tree, showCollapseAll: true });
  const jsonDocuments = new JsonDocuments();
  const statusBar = vscode.window.createStatusBarItem('imExplorer.profile', vscode.StatusBarAlignment.Left, 0);
  statusBar.name = l10n.t('Interactive Messages Profile');
  statusBar.command = 'imExplorer.switchProfile';

  const hovers = new IdHoverProvider(session, tree, log);
  const input = new SwappableInput();
  const dashboards = new Dashboards(() => services);
  const services: Services = { context, log, input, profiles, session, tree, treeView, jsonDocuments, dashboards };
  context.subscriptions.push(
    log,
    session,
    tree,
    treeView,
    treeView.onDidExpandElement(({ element }) => tree.expansion.expanded(element.id)),
    treeView.onDidCollapseElement(({ element }) => tree.expansion.collapsed(element.id)),
    jsonDocuments,
    dashboards,
    statusBar,
    tree.onDidChangeSummary((summary) => {
      treeView.message = summary;
    }),
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, jsonDocuments),
    hovers,
    vscode.languages.registerHoverProvider({ scheme: '*' }, hovers),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // http: VS Code's proxy settings, which decide the route of the calls.
      if (event.affectsConfiguration('imExplorer') || event.affectsConfiguration('http')) {
        void session.reload();
      }
    }),
    session.onDidChange(() => {
      const profile = session.profile;
      if (profile) {
        statusBar.text = `$(broadcast) ${profile.name}`;
        statusBar.tooltip = profile.sts
          ? l10n.t('Interactive Messages profile "{0}" ({1}, STS). Click to switch.', profile.name, profile.keyHint)
          : l10n.t('Interactive Messages profile "{0}" ({1}). Click to switch.', profile.name, profile.keyHint);
        statusBar.show();
      } else {
        statusBar.hide();
      }
    }),
  );
  const commandIds = registerCommands(services, COMMANDS);
  watchWriteGate(context);
  // Only with IME_DEMO_SIGN_IN=1 (set by `npm start`): store the launcher's emulator key as profile "demo".
  // Not awaited: the view waits for the session itself (Session.ready), activation does not.
  void session.reload(demoSignIn(process.env, profiles, (message) => log.info(message)));
  return { ...services, commandIds };
}

export function deactivate(): void {}
