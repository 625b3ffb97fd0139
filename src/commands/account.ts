// Sign in, import credentials, switch profile, sign out.
import { existsSync } from 'node:fs';
import vscode = require('vscode');
import { InteractiveMessagesClient } from '../api/client';
import { ApiError, ClientErrorCode } from '../api/errors';
import { validateProfileName } from '../credentials/profiles';
import {
  AccessKeyCredential,
  CredentialSourceError,
  defaultAliyunConfigPath,
  defaultCredentialsFilePath,
  ImportCandidate,
  readAliyunCliConfig,
  readCredentialsFile,
  readEnvironment,
} from '../credentials/sources';
import { describeError, UserInputError } from '../errors';
import type { Services } from '../services';
import type { CommandHandlers } from './index';

export interface SignInArgs {
  profile?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

export interface ImportArgs {
  /** Pick this candidate without asking: its source and suggested name. */
  source?: ImportCandidate['source'];
  entry?: string;
  /** Name of the profile to create. */
  profile?: string;
}

const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9.]{6,128}$/;

export function accountCommands(services: Services): CommandHandlers {
  const { profiles, log } = services;

  /** One cheap call with the new key; throws the ApiError that says which problem it is. */
  async function verify(credential: AccessKeyCredential): Promise<string | undefined> {
    const { settings } = services.session;
    const client = new InteractiveMessagesClient({
      ...credential,
      endpoint: settings.endpoint,
      timeoutMs: settings.timeoutMs,
      callsPerSecond: settings.callsPerSecond,
      method: 'POST',
      maxAttempts: 2,
      onCall: (record) => log.request(record),
    });
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking the AccessKey…', cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        try {
          await client.listMessageApp({ PageNum: 1, PageSize: 1 }, { signal: controller.signal });
          return undefined;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'Forbidden.RAM') {
            // Authentication passed; only listing apps is not allowed.
            return 'This AccessKey may not list apps (live:ListMessageApp): add apps by AppId with "Add App…".';
          }
          throw error;
        }
      },
    );
  }

  /** Verifies, then stores the profile and makes it active. Nothing is stored when the key does not work. */
  async function verifyAndSave(name: string, credential: AccessKeyCredential, source: string): Promise<string> {
    let note: string | undefined;
    try {
      note = await verify(credential);
    } catch (error) {
      if (!isUnreachable(error)) {
        throw new UserInputError(`Nothing was saved. ${describeError(error)}`);
      }
      const choice = await vscode.window.showWarningMessage(
        `The endpoint could not be reached, so the key was not checked. ${describeError(error)}`,
        { modal: true },
        'Save Anyway',
      );
      if (choice !== 'Save Anyway') {
        throw new UserInputError(`Nothing was saved. ${describeError(error)}`);
      }
    }
    await profiles.save(name, credential, source);
    await services.session.reload();
    log.info(`Signed in: profile "${name}" (${profiles.active()?.keyHint ?? ''}) from ${source}`);
    void vscode.window.showInformationMessage(`Signed in to Interactive Messages as profile "${name}".${note ? ' ' + note : ''}`);
    return name;
  }

  async function askProfileName(suggested: string): Promise<string> {
    const existing = new Set(profiles.list().map((profile) => profile.name));
    const name = await vscode.window.showInputBox({
      title: 'Profile name',
      prompt: 'A name for this AccessKey, e.g. "production" or "test account".',
      value: suggested,
      ignoreFocusOut: true,
      validateInput: (value) =>
        validateProfileName(value) ??
        (existing.has(value) ? { message: `Profile "${value}" exists: its key will be replaced.`, severity: vscode.InputBoxValidationSeverity.Warning } : undefined),
    });
    if (name === undefined) {
      throw new vscode.CancellationError();
    }
    return name;
  }

  function suggestName(base: string): string {
    const existing = new Set(profiles.list().map((profile) => profile.name));
    if (!existing.has(base)) return base;
    for (let n = 2; ; n++) if (!existing.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  async function ask(options: vscode.InputBoxOptions): Promise<string> {
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    if (value === undefined) {
      throw new vscode.CancellationError();
    }
    return value.trim();
  }

  return {
    async signIn(args: SignInArgs = {}): Promise<string> {
      const name = args.profile ?? (await askProfileName(suggestName('default')));
      const invalidName = validateProfileName(name);
      if (invalidName) throw new UserInputError(`Profile name "${name}" is not valid. ${invalidName}`);
      const accessKeyId =
        args.accessKeyId ??
        (await ask({
          title: 'AccessKey ID',
          prompt: 'The AccessKey ID (LTAI… for a RAM user, STS.… for a temporary key).',
          validateInput: (value) => (ACCESS_KEY_ID_PATTERN.test(value.trim()) ? undefined : 'An AccessKey ID has 6–128 letters, digits or dots.'),
        }));
      if (!ACCESS_KEY_ID_PATTERN.test(accessKeyId)) throw new UserInputError('An AccessKey ID has 6–128 letters, digits or dots.');
      const accessKeySecret =
        args.accessKeySecret ??
        (await ask({
          title: 'AccessKey secret',
          prompt: 'The AccessKey secret. It is kept only in VS Code secret storage.',
          password: true,
          validateInput: (value) => (value.trim() && !/\s/.test(value.trim()) ? undefined : 'Paste the AccessKey secret (no spaces).'),
        }));
      if (!accessKeySecret || /\s/.test(accessKeySecret)) throw new UserInputError('The AccessKey secret is empty or has spaces.');
      const securityToken =
        args.accessKeyId !== undefined
          ? args.securityToken
          : (await ask({
              title: 'STS security token (optional)',
              prompt: 'For a temporary STS key, its security token. Leave empty for a permanent AccessKey.',
              password: true,
              validateInput: (value) =>
                accessKeyId.startsWith('STS.') && !value.trim()
                  ? { message: 'STS.… AccessKey IDs need their security token.', severity: vscode.InputBoxValidationSeverity.Warning }
                  : undefined,
            })) || undefined;
      return verifyAndSave(name, { accessKeyId, accessKeySecret, securityToken }, 'entered');
    },

    async importCredentials(args: ImportArgs = {}): Promise<string | undefined> {
      const { candidates, problems } = await findCandidates();
      let picked: ImportCandidate | undefined;
      if (args.source) {
        picked = candidates.find((candidate) => candidate.source === args.source && (args.entry === undefined || candidate.suggestedName === args.entry));
        if (!picked) {
          const problem = problems.find((p) => p.source === args.source);
          throw problem?.error ?? new UserInputError(`No credentials found in ${args.source}${args.entry ? ` named "${args.entry}"` : ''}.`);
        }
      } else {
        if (candidates.length === 0 && problems.length === 0) {
          throw new UserInputError(
            'No credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the aliyun CLI, or create ~/.alibabacloud/credentials; or use "Sign In with AccessKey…".',
          );
        }
        type Item = vscode.QuickPickItem & { candidate?: ImportCandidate; problem?: Error };
        const items: Item[] = [
          ...candidates.map((candidate) => ({
            label: `${candidate.credential ? '$(key)' : '$(circle-slash)'} ${candidate.suggestedName}`,
            description: candidate.description,
            detail: candidate.unsupported,
            candidate,
          })),
          ...problems.map(({ error }) => ({ label: '$(error) Cannot read', detail: describeError(error), problem: error })),
        ];
        const choice = await vscode.window.showQuickPick(items, { title: 'Import credentials', placeHolder: 'Pick the credentials to import', matchOnDescription: true, ignoreFocusOut: true });
        if (!choice) {
          return undefined;
        }
        if (choice.problem) {
          throw choice.problem;
        }
        picked = choice.candidate;
      }
      if (!picked?.credential) {
        throw new UserInputError(picked?.unsupported ?? 'These credentials cannot be used.');
      }
      const name = args.profile ?? (await askProfileName(suggestName(picked.suggestedName)));
      return verifyAndSave(name, picked.credential, picked.source);
    },

    async switchProfile(name?: string): Promise<string | undefined> {
      if (typeof name === 'string') {
        await profiles.setActive(name);
        await services.session.reload();
        return name;
      }
      const active = profiles.activeName();
      type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> };
      const items: Item[] = profiles.list().map((profile) => ({
        label: `${profile.name === active ? '$(check)' : '$(account)'} ${profile.name}`,
        description: `${profile.keyHint}${profile.sts ? ' · STS' : ''}`,
        detail: `from ${profile.source}`,
        run: async () => {
          await profiles.setActive(profile.name);
          await services.session.reload();
        },
      }));
      items.push(
        { label: '$(sign-in) Sign in with another AccessKey…', run: () => vscode.commands.executeCommand('imExplorer.signIn') },
        { label: '$(cloud-download) Import credentials…', run: () => vscode.commands.executeCommand('imExplorer.importCredentials') },
      );
      const choice = await vscode.window.showQuickPick(items, { title: 'Interactive Messages profile', placeHolder: active ? `Active: ${active}` : 'Not signed in' });
      await choice?.run();
      return profiles.activeName();
    },

    async signOut(args: { profile?: string; confirmed?: boolean } = {}): Promise<boolean> {
      const name = args.profile ?? profiles.activeName();
      if (!name) {
        throw new UserInputError('Not signed in.');
      }
      if (!profiles.list().some((profile) => profile.name === name)) {
        throw new UserInputError(`There is no profile named "${name}".`);
      }
      if (!args.confirmed) {
        const choice = await vscode.window.showWarningMessage(`Sign out of profile "${name}"? Its AccessKey is deleted from VS Code secret storage.`, { modal: true }, 'Sign Out');
        if (choice !== 'Sign Out') {
          return false;
        }
      }
      await profiles.remove(name);
      await services.session.reload();
      log.info(`Signed out: profile "${name}" and its key were removed`);
      void vscode.window.showInformationMessage(`Signed out of profile "${name}".`);
      return true;
    },
  };
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== undefined) return false;
  return error.code === ClientErrorCode.NetworkError || error.code === ClientErrorCode.RequestTimeout || /^E[A-Z]+$/.test(error.code);
}

async function findCandidates(): Promise<{ candidates: ImportCandidate[]; problems: { source: ImportCandidate['source']; error: Error }[] }> {
  const candidates: ImportCandidate[] = [];
  const problems: { source: ImportCandidate['source']; error: Error }[] = [];
  try {
    const fromEnvironment = readEnvironment();
    if (fromEnvironment) candidates.push(fromEnvironment);
  } catch (error) {
    problems.push({ source: 'environment', error: error as Error });
  }
  const files: [ImportCandidate['source'], string, (file: string) => Promise<ImportCandidate[]>][] = [
    ['aliyun-cli', defaultAliyunConfigPath(), readAliyunCliConfig],
    ['credentials-file', defaultCredentialsFilePath(), readCredentialsFile],
  ];
  for (const [source, file, read] of files) {
    if (!existsSync(file)) continue;
    try {
      candidates.push(...(await read(file)));
    } catch (error) {
      problems.push({ source, error: error instanceof CredentialSourceError ? error : new CredentialSourceError(describeError(error)) });
    }
  }
  return { candidates, problems };
}
