// Import Credentials: pick among the credentials found in the environment, the aliyun CLI config and the
// credentials file. Only on this command, and the user picks: nothing is imported by a caller's arguments.
import { existsSync } from 'node:fs';
import vscode = require('vscode');
import { l10n } from 'vscode';
import {
  CredentialSourceError,
  defaultAliyunConfigPath,
  defaultCredentialsFilePath,
  type ImportCandidate,
  readAliyunCliConfig,
  readCredentialsFile,
  readEnvironment,
} from '../../credentials/sources';
import { describeError, UserInputError } from '../../errors';
import type { Command } from '../registry';
import { askProfileName, suggestProfileName, verifyAndSave } from './verify';

interface Found {
  candidates: ImportCandidate[];
  problems: { source: ImportCandidate['source']; error: Error }[];
}

async function findCandidates(): Promise<Found> {
  const found: Found = { candidates: [], problems: [] };
  try {
    const fromEnvironment = readEnvironment();
    if (fromEnvironment) found.candidates.push(fromEnvironment);
  } catch (error) {
    found.problems.push({ source: 'environment', error: error as Error });
  }
  const files: [ImportCandidate['source'], string, (file: string) => Promise<ImportCandidate[]>][] = [
    ['aliyun-cli', defaultAliyunConfigPath(), readAliyunCliConfig],
    ['credentials-file', defaultCredentialsFilePath(), readCredentialsFile],
  ];
  for (const [source, file, read] of files) {
    if (!existsSync(file)) continue;
    try {
      found.candidates.push(...(await read(file)));
    } catch (error) {
      found.problems.push({ source, error: error instanceof CredentialSourceError ? error : new CredentialSourceError(describeError(error)) });
    }
  }
  return found;
}

export const importCredentials: Command = {
  id: 'importCredentials',
  async run(services): Promise<string | undefined> {
    const { candidates, problems } = await findCandidates();
    if (candidates.length === 0 && problems.length === 0) {
      throw new UserInputError(
        l10n.t(
          'No credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the aliyun CLI, or create ~/.alibabacloud/credentials; or use "Sign In with AccessKey…".',
        ),
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
      ...problems.map(({ error }) => ({ label: `$(error) ${l10n.t('Cannot read')}`, detail: describeError(error), problem: error })),
    ];
    const choice = await services.input.showQuickPick(items, {
      title: l10n.t('Import credentials'),
      placeHolder: l10n.t('Pick the credentials to import'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!choice) return undefined;
    if (choice.problem) throw choice.problem;
    const picked = choice.candidate;
    if (!picked?.credential) {
      throw new UserInputError(picked?.unsupported ?? l10n.t('These credentials cannot be used.'));
    }
    const name = await askProfileName(services, suggestProfileName(services, picked.suggestedName));
    return verifyAndSave(services, name, picked.credential, picked.source);
  },
};
