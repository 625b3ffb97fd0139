// Sign Out: deletes the active profile and its key, always after the user confirms in a modal dialog.
import type { Command } from '../registry';
import { UserInputError } from '../../errors';

export const signOut: Command = {
  id: 'signOut',
  async run(services): Promise<boolean> {
    const { profiles, session, log, input } = services;
    const name = profiles.activeName();
    if (!name) throw new UserInputError('Not signed in.');
    const choice = await input.confirm(`Sign out of profile "${name}"?`, 'Its AccessKey is deleted from VS Code secret storage.', 'Sign Out');
    if (choice !== 'Sign Out') return false;
    await profiles.remove(name);
    await session.reload();
    log.info(`Signed out: profile "${name}" and its key were removed`);
    void input.showMessage('info', `Signed out of profile "${name}".`);
    return true;
  },
};
