// The signed-in state: the active profile, the settings, and the one API client built from them.
// Rebuilt whenever the profile or a setting changes; the tree listens to onDidChange.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { InteractiveMessagesClient } from './api/client';
import type { ExplorerSettings } from './config';
import { readSettings } from './settings';
import { type ProfileStore, type ProfileSummary } from './credentials/profiles';
import { describeError, UserInputError } from './errors';
import type { ExplorerLog } from './log';

export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: InteractiveMessagesClient | undefined;
  private problem: string | undefined;
  private reported = new Set<string>();
  private generation = 0;
  private loading: Promise<void> = Promise.resolve();
  settings: ExplorerSettings;
  profile: ProfileSummary | undefined;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly log: ExplorerLog,
  ) {
    this.settings = readSettings().settings;
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
    for (const problem of problems) {
      if (!this.reported.has(problem)) {
        this.reported.add(problem);
        this.log.info(`Setting ignored: ${problem}`);
        void vscode.window.showWarningMessage(problem);
      }
    }
    const profile = this.profiles.active();
    let client: InteractiveMessagesClient | undefined;
    let problem: string | undefined;
    if (profile) {
      try {
        const credential = await this.profiles.credential(profile.name);
        if (!credential) {
          problem = l10n.t('The key of profile "{0}" is missing from secret storage. Sign in again.', profile.name);
        } else {
          client = new InteractiveMessagesClient({
            ...credential,
            endpoint: settings.endpoint,
            timeoutMs: settings.timeoutMs,
            callsPerSecond: settings.callsPerSecond,
            method: 'POST',
            onCall: (record) => this.log.request(record),
          });
        }
      } catch (error) {
        problem = describeError(error);
        this.log.error(`Profile "${profile.name}" cannot be used: ${problem}`);
      }
    }
    if (generation !== this.generation) {
      return; // a newer reload started while this one waited for secret storage
    }
    this.settings = settings;
    this.profile = profile;
    this.current = client;
    this.problem = problem;
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'imExplorer.signedIn', profile !== undefined),
      vscode.commands.executeCommand('setContext', 'imExplorer.sortDescending', settings.sortType === 1),
    ]);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
