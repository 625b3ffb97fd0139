// Sign Out: deletes the active profile and its key, always after the user confirms in a modal dialog.
import { l10n } from 'vscode';
import type { Command } from '../registry';
import { UserInputError } from '../../errors';

export const signOut: Command = {
  id: 'signOut',
  async run(services): Promise<boolean> {
    const { profiles, session, log, input } = services;
    const name = profiles.activeName();
    if (!name) throw new UserInputError(l10n.t('Not signed in.'));
    const signOutAction = l10n.t('Sign Out');
    const choice = await input.confirm(
      l10n.t('Sign out of profile "{0}"?', name),
      l10n.t('Its AccessKey is deleted from VS Code secret storage.'),
      signOutAction,
    );
    if (choice !== signOutAction) return false;
    await profiles.remove(name);
    await session.reload();
    log.info(`Signed out: profile "${name}" and its key were removed`);
    void input.showMessage('info', l10n.t('Signed out of profile "{0}".', name));
    return true;
  },
};
