// The legacy apps and users the tree shows besides what the API lists: imExplorer.apps and imExplorer.users (the
// legacy family lists groups per user, so the users worth browsing are configured).
import { l10n } from 'vscode';
import { askId } from '../../input';
import type { Services } from '../../services';
import { updateSetting } from '../../settings';
import { onRow, type Command } from '../registry';

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

export const removeApp = onRow(
  'removeApp',
  { kinds: ['app'], families: ['legacy'], having: ['configured'], noun: () => l10n.t('an app added by AppId') },
  async (services, app): Promise<string> => {
    await updateSetting(
      services.session,
      'apps',
      services.session.settings.apps.filter((id) => id !== app.appId),
    );
    return app.appId;
  },
);

export const addUser = onRow('addUser', { kinds: ['app'], families: ['legacy'], noun: () => l10n.t('an app') }, async (services, app): Promise<string> => {
  const userId = await askId(services.input, 'UserId', {
    title: l10n.t('Add user to {0}', app.label),
    prompt: l10n.t('A UserId whose message groups you want to browse.'),
  });
  await addUserToApp(services, app.appId, userId);
  return userId;
});

export const removeUser = onRow(
  'removeUser',
  { kinds: ['user'], families: ['legacy'], noun: () => l10n.t('a user') },
  async (services, user): Promise<string> => {
    const users = { ...services.session.settings.users };
    const { appId } = user;
    users[appId] = (users[appId] ?? []).filter((id) => id !== user.userId);
    if (users[appId].length === 0) delete users[appId];
    await updateSetting(services.session, 'users', users);
    return user.userId;
  },
);
