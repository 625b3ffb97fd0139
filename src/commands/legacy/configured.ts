// The apps and users the tree shows besides what the API lists: imExplorer.apps and imExplorer.users.
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import { askId } from '../../input';
import type { Services } from '../../services';
import { updateSetting } from '../../settings';
import { targetNode, type Command } from '../registry';

/** Adds a UserId under an app (no prompt); used by Add User… and by lookups that offer "Add … as User". */
export async function addUserToApp(services: Services, appId: string, userId: string): Promise<void> {
  const users = { ...services.session.settings.users };
  const current = users[appId] ?? [];
  if (current.includes(userId)) return;
  users[appId] = [...current, userId];
  await updateSetting(services.session, 'users', users);
}

export const addApp: Command = {
  id: 'addApp',
  async run(services): Promise<string> {
    const appId = await askId(services.input, 'AppId', { title: l10n.t('Add app'), prompt: l10n.t('The AppId of an Interactive Messages app.') });
    const current = services.session.settings.apps;
    if (!current.includes(appId)) await updateSetting(services.session, 'apps', [...current, appId]);
    return appId;
  },
};

export const removeApp: Command = {
  id: 'removeApp',
  async run(services, node): Promise<string> {
    const app = await targetNode(services, node, { kinds: ['app'], noun: l10n.t('an app added by AppId') });
    if (!app.configured) throw new UserInputError(l10n.t('App {0} is listed by the API, not added by AppId: there is nothing to remove.', app.appId));
    await updateSetting(
      services.session,
      'apps',
      services.session.settings.apps.filter((id) => id !== app.appId),
    );
    return app.appId;
  },
};

export const addUser: Command = {
  id: 'addUser',
  async run(services, node): Promise<string> {
    const app = await targetNode(services, node, { kinds: ['app'], noun: l10n.t('an app') });
    const userId = await askId(services.input, 'UserId', {
      title: l10n.t('Add user to {0}', app.label),
      prompt: l10n.t('A UserId whose message groups you want to browse.'),
    });
    await addUserToApp(services, app.appId, userId);
    return userId;
  },
};

export const removeUser: Command = {
  id: 'removeUser',
  async run(services, node): Promise<string> {
    const user = await targetNode(services, node, { kinds: ['user'], noun: l10n.t('a user') });
    const users = { ...services.session.settings.users };
    const appId = user.app.appId;
    users[appId] = (users[appId] ?? []).filter((id) => id !== user.userId);
    if (users[appId].length === 0) delete users[appId];
    await updateSetting(services.session, 'users', users);
    return user.userId;
  },
};
