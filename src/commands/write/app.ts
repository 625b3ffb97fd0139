// Disable App (type the AppId: every client of the app stops working) and Enable App, LiveMessage apps only.
import { l10n } from 'vscode';
import { onWrite } from './gate';
import { performWrite } from './perform';

function appDisable(id: string, disable: boolean) {
  return onWrite(
    id,
    {
      kinds: ['app'],
      families: ['live'],
      ...(disable ? { without: ['disabled'] as const } : { having: ['disabled'] as const }),
      noun: () => l10n.t('a LiveMessage app'),
    },
    (services, app) => {
      const setDisabled = app.writes.setDisabled;
      if (!setDisabled) throw new Error(`${app.id} cannot be disabled`);
      return performWrite(services, app, setDisabled(disable));
    },
  );
}

export const disableApp = appDisable('disableApp', true);
export const enableApp = appDisable('enableApp', false);
