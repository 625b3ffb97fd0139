// Sign In with AccessKey: profile name, AccessKey ID, secret and optional STS token, all typed by the user.
// The command takes no arguments: a key passed by another extension would be planted without the user seeing it.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import { ask } from '../../input';
import type { Command } from '../registry';
import { askProfileName, suggestProfileName, verifyAndSave } from './verify';

const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9.]{6,128}$/;
const accessKeyIdRule = () => l10n.t('An AccessKey ID has 6–128 letters, digits or dots.');

export const signIn: Command = {
  id: 'signIn',
  async run(services): Promise<string> {
    const { input } = services;
    const name = await askProfileName(services, suggestProfileName(services, 'default'));
    const accessKeyId = await ask(input, {
      title: 'AccessKey ID',
      prompt: l10n.t('The AccessKey ID (LTAI… for a RAM user, STS.… for a temporary key).'),
      validateInput: (value) => (ACCESS_KEY_ID_PATTERN.test(value.trim()) ? undefined : accessKeyIdRule()),
    });
    if (!ACCESS_KEY_ID_PATTERN.test(accessKeyId)) throw new UserInputError(accessKeyIdRule());
    const accessKeySecret = await ask(input, {
      title: l10n.t('AccessKey secret'),
      prompt: l10n.t('The AccessKey secret. It is kept only in VS Code secret storage.'),
      password: true,
      validateInput: (value) => (value.trim() && !/\s/.test(value.trim()) ? undefined : l10n.t('Paste the AccessKey secret (no spaces).')),
    });
    if (!accessKeySecret || /\s/.test(accessKeySecret)) throw new UserInputError(l10n.t('The AccessKey secret is empty or has spaces.'));
    const securityToken = await ask(input, {
      title: l10n.t('STS security token (optional)'),
      prompt: l10n.t('For a temporary STS key, its security token. Leave empty for a permanent AccessKey.'),
      password: true,
      validateInput: (value) =>
        accessKeyId.startsWith('STS.') && !value.trim()
          ? { message: l10n.t('STS.… AccessKey IDs need their security token.'), severity: vscode.InputBoxValidationSeverity.Warning }
          : undefined,
    });
    return verifyAndSave(services, name, { accessKeyId, accessKeySecret, securityToken: securityToken || undefined }, 'entered');
  },
};
