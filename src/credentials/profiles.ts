// Named credential profiles. Secrets live only in VS Code SecretStorage; the list of profile names,
// which one is active and a masked key hint live in globalState. Nothing here touches settings or process.env.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { type AccessKeyCredential, CredentialSourceError } from './sources';

export interface ProfileSummary {
  name: string;
  /** e.g. "LTAI…0001": enough to recognise a key, not enough to use it. */
  keyHint: string;
  sts: boolean;
  /** Where the credential came from: "entered", "environment", "aliyun-cli", "credentials-file". */
  source: string;
}

interface StoredProfiles {
  active?: string;
  profiles: ProfileSummary[];
}

const STATE_KEY = 'imExplorer.profiles';
const SECRET_PREFIX = 'imExplorer.profile.';
export const PROFILE_NAME_PATTERN = /^[\w.@-][\w .@-]{0,63}$/;

export function maskAccessKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '…' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

export function validateProfileName(name: string): string | undefined {
  return PROFILE_NAME_PATTERN.test(name) ? undefined : l10n.t('Use 1–64 letters, digits, spaces, or . _ @ - (not starting with a space).');
}

export class ProfileStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    /** Drops what is kept per profile elsewhere (its pins) when a profile is deleted; remove() waits for it. */
    private readonly onRemove: (name: string) => Thenable<void> = async () => undefined,
  ) {}

  list(): ProfileSummary[] {
    return this.read().profiles;
  }

  activeName(): string | undefined {
    const stored = this.read();
    return stored.profiles.some((profile) => profile.name === stored.active) ? stored.active : undefined;
  }

  active(): ProfileSummary | undefined {
    const name = this.activeName();
    return this.list().find((profile) => profile.name === name);
  }

  async credential(name: string): Promise<AccessKeyCredential | undefined> {
    let text: string | undefined;
    try {
      text = await this.secrets.get(SECRET_PREFIX + name);
    } catch (error) {
      throw secretStorageError('read', error);
    }
    if (!text) {
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as AccessKeyCredential;
      if (typeof parsed.accessKeyId === 'string' && typeof parsed.accessKeySecret === 'string') {
        return { accessKeyId: parsed.accessKeyId, accessKeySecret: parsed.accessKeySecret, securityToken: parsed.securityToken || undefined };
      }
    } catch {
      // fall through: a damaged entry is reported below without quoting it
    }
    throw new CredentialSourceError(`The stored key of profile "${name}" is damaged. Sign in again to replace it.`);
  }

  /** Stores (or replaces) a profile and makes it active. */
  async save(name: string, credential: AccessKeyCredential, source: string): Promise<void> {
    const invalid = validateProfileName(name);
    if (invalid) {
      throw new CredentialSourceError(`Profile name "${name}" is not valid. ${invalid}`);
    }
    const stored: AccessKeyCredential = {
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      ...(credential.securityToken ? { securityToken: credential.securityToken } : {}),
    };
    try {
      await this.secrets.store(SECRET_PREFIX + name, JSON.stringify(stored));
    } catch (error) {
      throw secretStorageError('save', error);
    }
    const summary: ProfileSummary = { name, keyHint: maskAccessKeyId(credential.accessKeyId), sts: Boolean(credential.securityToken), source };
    const current = this.read();
    const profiles = [...current.profiles.filter((profile) => profile.name !== name), summary].sort((a, b) => a.name.localeCompare(b.name));
    await this.write({ active: name, profiles });
  }

  async setActive(name: string): Promise<void> {
    const current = this.read();
    if (!current.profiles.some((profile) => profile.name === name)) {
      throw new CredentialSourceError(`There is no profile named "${name}". Sign in to create it.`);
    }
    await this.write({ ...current, active: name });
  }

  /** Deletes the profile's secret and forgets the profile (and what is kept for it); another profile becomes active if there is one. */
  async remove(name: string): Promise<void> {
    try {
      await this.secrets.delete(SECRET_PREFIX + name);
    } catch (error) {
      throw secretStorageError('delete', error);
    }
    const current = this.read();
    const profiles = current.profiles.filter((profile) => profile.name !== name);
    const active = current.active === name ? profiles[0]?.name : current.active;
    await this.write({ active, profiles });
    await this.onRemove(name);
  }

  private read(): StoredProfiles {
    const stored = this.state.get<StoredProfiles>(STATE_KEY);
    return stored && Array.isArray(stored.profiles) ? stored : { profiles: [] };
  }

  private async write(value: StoredProfiles): Promise<void> {
    await this.state.update(STATE_KEY, value);
  }
}

function secretStorageError(operation: 'read' | 'save' | 'delete', cause: unknown): CredentialSourceError {
  const detail = cause instanceof Error ? cause.name : l10n.t('unknown error');
  const failed =
    operation === 'read'
      ? l10n.t('VS Code could not read the key in its secret storage ({0}).', detail)
      : operation === 'save'
        ? l10n.t('VS Code could not save the key in its secret storage ({0}).', detail)
        : l10n.t('VS Code could not delete the key in its secret storage ({0}).', detail);
  const advice = l10n.t(
    'On Linux this usually means no keyring is available: install and unlock one (GNOME Keyring or KWallet), or start VS Code with --password-store="gnome-libsecret". Nothing else was changed.',
  );
  return new CredentialSourceError(`${failed} ${advice}`);
}
