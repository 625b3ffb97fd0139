// Switch Profile: the user picks the active profile (or signs in with another key).
import vscode = require('vscode');
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
      detail: `from ${profile.source}`,
      run: async () => {
        await profiles.setActive(profile.name);
        await session.reload();
      },
    }));
    items.push(
      { label: '$(sign-in) Sign in with another AccessKey…', run: async () => signIn.run(services, undefined) },
      { label: '$(cloud-download) Import credentials…', run: async () => importCredentials.run(services, undefined) },
    );
    const choice = await input.showQuickPick(items, { title: 'Interactive Messages profile', placeHolder: active ? `Active: ${active}` : 'Not signed in' });
    await choice?.run();
    return profiles.activeName();
  },
};
