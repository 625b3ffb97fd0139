// Switch Profile: the user picks the active profile (or signs in with another key).
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { Command } from '../registry';
import { importCredentials } from './importCredentials';
import { signIn } from './signIn';

export const switchProfile: Command = {
  id: 'switchProfile',
  async run(services): Promise<string | undefined> {
    const { profiles, session, input } = services;
    const active = profiles.activeName();
    type Item = vscode.QuickPickItem & { run: () => Promise<unknown> };
    const items: Item[] = profiles.list().map((profile) => ({
      label: `${profile.name === active ? '$(check)' : '$(account)'} ${profile.name}`,
      description: `${profile.keyHint}${profile.sts ? ' · STS' : ''}`,
      detail: l10n.t('from {0}', profile.source),
      run: async () => {
        await profiles.setActive(profile.name);
        await session.reload();
      },
    }));
    items.push(
      { label: `$(sign-in) ${l10n.t('Sign in with another AccessKey…')}`, run: async () => signIn.run(services, undefined) },
      { label: `$(cloud-download) ${l10n.t('Import credentials…')}`, run: async () => importCredentials.run(services, undefined) },
    );
    const choice = await input.showQuickPick(items, {
      title: l10n.t('Interactive Messages profile'),
      placeHolder: active ? l10n.t('Active: {0}', active) : l10n.t('Not signed in'),
    });
    await choice?.run();
    return profiles.activeName();
  },
};
