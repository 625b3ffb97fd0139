// Saving a profile: the key is checked with one cheap call first, and nothing is stored when it does not work.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { InteractiveMessagesClient } from '../../api/client';
import { ApiError, ClientErrorCode, isCredentialError } from '../../api/errors';
import { validateProfileName } from '../../credentials/profiles';
import type { AccessKeyCredential } from '../../credentials/sources';
import { describeError, UserInputError } from '../../errors';
import type { Services } from '../../services';

/** One cheap call with the new key; throws the ApiError that says which problem it is. */
async function verify(services: Services, credential: AccessKeyCredential): Promise<string | undefined> {
  const client = new InteractiveMessagesClient({ ...services.session.clientOptions(credential), maxAttempts: 2 });
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Checking the AccessKey…'), cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const signal = controller.signal;
      try {
        await client.listMessageApp({ PageNum: 1, PageSize: 1 }, { signal });
        return undefined;
      } catch (legacy) {
        if (!(legacy instanceof ApiError) || legacy.status === undefined || isCredentialError(legacy)) throw legacy;
        // The key authenticated; the legacy family is closed to new customers, whose accounts have only the
        // LiveMessage family: a key that lists those apps works.
        try {
          await client.listLiveMessageApps({ SortType: 2, DataCenter: 'cn-shanghai' }, { signal });
          return undefined;
        } catch (live) {
          if (live instanceof ApiError && isCredentialError(live)) throw live;
        }
        if (legacy.code === 'Forbidden.RAM') {
          // Authentication passed; only listing apps is not allowed.
          return l10n.t('This AccessKey may not list apps (live:ListMessageApp): add apps by AppId with "Add App…".');
        }
        throw legacy;
      }
    },
  );
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== undefined) return false;
  return error.code === ClientErrorCode.NetworkError || error.code === ClientErrorCode.RequestTimeout || /^E[A-Z]+$/.test(error.code);
}

/** Verifies, then stores the profile and makes it active. Nothing is stored when the key does not work. */
export async function verifyAndSave(services: Services, name: string, credential: AccessKeyCredential, source: string): Promise<string> {
  const { profiles, log, input } = services;
  let note: string | undefined;
  try {
    note = await verify(services, credential);
  } catch (error) {
    if (!isUnreachable(error)) {
      throw new UserInputError(l10n.t('Nothing was saved. {0}', describeError(error)));
    }
    const saveAnyway = l10n.t('Save Anyway');
    const choice = await input.confirm(l10n.t('The endpoint could not be reached, so the key was not checked.'), describeError(error), saveAnyway);
    if (choice !== saveAnyway) {
      throw new UserInputError(l10n.t('Nothing was saved. {0}', describeError(error)));
    }
  }
  await profiles.save(name, credential, source);
  await services.session.reload();
  log.info(`Signed in: profile "${name}" (${profiles.active()?.keyHint ?? ''}) from ${source}`);
  const signedIn = l10n.t('Signed in to Interactive Messages as profile "{0}".', name);
  void input.showMessage('info', note ? `${signedIn} ${note}` : signedIn);
  return name;
}

/** Asks for a profile name; an existing name is allowed with a warning (its key is replaced). */
export async function askProfileName(services: Services, suggested: string): Promise<string> {
  const existing = new Set(services.profiles.list().map((profile) => profile.name));
  const name = await services.input.showInputBox({
    title: l10n.t('Profile name'),
    prompt: l10n.t('A name for this AccessKey, e.g. "production" or "test account".'),
    value: suggested,
    validateInput: (value) =>
      validateProfileName(value) ??
      (existing.has(value)
        ? { message: l10n.t('Profile "{0}" exists: its key will be replaced.', value), severity: vscode.InputBoxValidationSeverity.Warning }
        : undefined),
  });
  if (name === undefined) throw new vscode.CancellationError();
  const invalid = validateProfileName(name);
  if (invalid) throw new UserInputError(l10n.t('Profile name "{0}" is not valid. {1}', name, invalid));
  return name;
}

/** `base`, or `base-2`, `base-3`… when a profile of that name exists. */
export function suggestProfileName(services: Services, base: string): string {
  const existing = new Set(services.profiles.list().map((profile) => profile.name));
  if (!existing.has(base)) return base;
  for (let n = 2; ; n++) if (!existing.has(`${base}-${n}`)) return `${base}-${n}`;
}
