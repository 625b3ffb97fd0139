// The signed-in state: the active profile, the settings, and the one API client built from them.
// Read again whenever the profile or a setting changes; listeners hear of every reload, and whether what the API
// answers may differ (another profile or key, endpoint, paging, configured apps and users, or the proxy the calls
// go through): only then is the client rebuilt and the tree reloaded. A setting of the hovers alone keeps
// everything the tree has loaded.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { InteractiveMessagesClient, type ClientOptions } from './api/client';
import type { ProxySettings } from './api/proxy';
import type { ExplorerSettings } from './config';
import { readProxySettings, readSettings } from './settings';
import { type ProfileStore, type ProfileSummary } from './credentials/profiles';
import type { AccessKeyCredential } from './credentials/sources';
import { describeError, UserInputError } from './errors';
import type { ExplorerLog } from './log';

export interface SessionChange {
  /** Whether lists loaded before may now answer otherwise (the tree and any load in progress start again). */
  readonly reloadsLists: boolean;
}

/** Everything the API's answers depend on, to tell a reload that changes them from one that does not. */
interface ListInputs {
  profile: string | undefined;
  credential: AccessKeyCredential | undefined;
  problem: string | undefined;
  settings: ExplorerSettings;
  proxy: ProxySettings;
}

function sameInputs(a: ListInputs | undefined, b: ListInputs): boolean {
  if (!a || a.profile !== b.profile || a.problem !== b.problem) return false;
  if (JSON.stringify(a.proxy) !== JSON.stringify(b.proxy)) return false;
  const [x, y] = [a.credential, b.credential];
  if (x?.accessKeyId !== y?.accessKeyId || x?.accessKeySecret !== y?.accessKeySecret || x?.securityToken !== y?.securityToken) return false;
  // The hovers' setting is read when a hover asks; the lists do not depend on it.
  const withoutHovers = (settings: ExplorerSettings) => JSON.stringify({ ...settings, hoverLookUp: undefined });
  return withoutHovers(a.settings) === withoutHovers(b.settings);
}

/** For the log: where the client's calls go, and why. */
function describeRoute(client: InteractiveMessagesClient, proxy: ProxySettings): string {
  const mode = `http.proxySupport: ${proxy.support}`;
  if (client.proxy) return `Calls to ${client.endpoint} go through the proxy ${client.proxy.label} (set in ${client.proxy.source}; ${mode})`;
  if (proxy.support === 'off') return `Calls to ${client.endpoint} go directly (${mode})`;
  return `Calls to ${client.endpoint} go directly: no proxy is configured, or http.noProxy / NO_PROXY exempts the host (${mode})`;
}

export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SessionChange>();
  readonly onDidChange = this.changed.event;
  private inputs: ListInputs | undefined;
  private current: InteractiveMessagesClient | undefined;
  private problem: string | undefined;
  private reported = new Set<string>();
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();
  settings: ExplorerSettings;
  /** VS Code's proxy settings as of the latest reload. */
  proxy: ProxySettings;
  profile: ProfileSummary | undefined;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly log: ExplorerLog,
  ) {
    this.settings = readSettings().settings;
    this.proxy = readProxySettings();
  }

  /** What every client of the session is built with: the credential, the settings' endpoint and limits, the proxy. */
  clientOptions(credential: AccessKeyCredential): ClientOptions {
    return {
      ...credential,
      endpoint: this.settings.endpoint,
      timeoutMs: this.settings.timeoutMs,
      callsPerSecond: this.settings.callsPerSecond,
      method: 'POST',
      proxy: this.proxy,
      onCall: (record) => this.log.request(record),
    };
  }

  get signedIn(): boolean {
    return this.profile !== undefined;
  }

  /** Why there is no client although a profile is active (an invalid endpoint, unreadable secret storage...). */
  get configurationProblem(): string | undefined {
    return this.problem;
  }

  /** The client of the active profile; throws a message saying what to do when there is none. */
  get client(): InteractiveMessagesClient {
    if (!this.profile) {
      throw new UserInputError(l10n.t('Not signed in. Run "Interactive Messages: Sign In with AccessKey…" first.'));
    }
    if (!this.current) {
      throw new UserInputError(this.problem ?? l10n.t('The AccessKey of this profile could not be loaded.'));
    }
    return this.current;
  }

  /**
   * Resolves after the next reload (or after `timeoutMs`, for a settings write that changed nothing).
   * Commands that write settings wait on it so that they end with the tree already showing the change.
   */
  nextReload(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        resolve();
      }, timeoutMs);
      const subscription = this.onDidChange(() => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  }

  /** Resolves when the latest reload has finished (activation does not wait for the first one). */
  ready(): Promise<void> {
    return this.loading;
  }

  /**
   * Re-reads settings and the active profile's credential, builds a new client and tells listeners; after
   * `prelude` when given (activation's demo sign-in), so that ready() already covers it.
   */
  reload(prelude?: Promise<unknown>): Promise<void> {
    this.loading = (prelude ?? Promise.resolve()).then(() => this.load());
    return this.loading;
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const { settings, problems } = readSettings();
    const proxy = readProxySettings();
    for (const problem of problems) {
      if (!this.reported.has(problem)) {
        this.reported.add(problem);
        this.log.info(`Setting ignored: ${problem}`);
        void vscode.window.showWarningMessage(problem);
      }
    }
    const profile = this.profiles.active();
    let credential: AccessKeyCredential | undefined;
    let problem: string | undefined;
    if (profile) {
      try {
        credential = await this.profiles.credential(profile.name);
        if (!credential) problem = l10n.t('The key of profile "{0}" is missing from secret storage. Sign in again.', profile.name);
      } catch (error) {
        problem = describeError(error);
        this.log.error(`Profile "${profile.name}" cannot be used: ${problem}`);
      }
    }
    if (generation !== this.generation) {
      return; // a newer reload started while this one waited for secret storage
    }
    const inputs: ListInputs = { profile: profile?.name, credential, problem, settings, proxy };
    const reloadsLists = !sameInputs(this.inputs, inputs);
    this.inputs = inputs;
    this.settings = settings;
    this.proxy = proxy;
    if (reloadsLists) {
      this.current = undefined;
      this.problem = problem;
      if (credential) {
        try {
          this.current = new InteractiveMessagesClient(this.clientOptions(credential));
          this.log.info(describeRoute(this.current, proxy));
        } catch (error) {
          this.problem = describeError(error); // an endpoint or a proxy the client refuses
          this.log.error(`Profile "${profile?.name}" cannot be used: ${this.problem}`);
        }
      }
    }
    this.profile = profile;
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'imExplorer.signedIn', profile !== undefined),
      vscode.commands.executeCommand('setContext', 'imExplorer.sortDescending', settings.sortType === 1),
    ]);
    this.changed.fire({ reloadsLists });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
