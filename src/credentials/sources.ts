// Where existing Alibaba Cloud credentials can be imported from, on the user's command only:
// environment variables, an aliyun CLI profile, and the Alibaba Cloud credentials file.
// Plain Node (no `vscode`), so every parser is unit-tested without VS Code.
import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Ini from 'ini';

export interface AccessKeyCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** Present for STS credentials. */
  securityToken?: string;
}

export type CredentialSourceKind = 'environment' | 'aliyun-cli' | 'credentials-file';

/** One importable (or recognisably unsupported) set of credentials found in a source. */
export interface ImportCandidate {
  source: CredentialSourceKind;
  /** Name the profile would get, e.g. the section or profile name. */
  suggestedName: string;
  /** Where it was found, for the picker: "Environment variables", "~/.aliyun/config.json: default". */
  description: string;
  credential?: AccessKeyCredential;
  /** Set instead of `credential` when the entry uses a mode this extension cannot use yet. */
  unsupported?: string;
}

/** A problem with a credentials source, phrased as what to do. Never carries file contents or secrets. */
export class CredentialSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialSourceError';
  }
}

export const ENV = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
  profile: 'ALIBABA_CLOUD_PROFILE',
  credentialsFile: 'ALIBABA_CLOUD_CREDENTIALS_FILE',
} as const;

type Environment = Record<string, string | undefined>;

/** Credentials from ALIBABA_CLOUD_* variables, or undefined when none are set. */
export function readEnvironment(env: Environment = process.env): ImportCandidate | undefined {
  const accessKeyId = env[ENV.accessKeyId]?.trim();
  const accessKeySecret = env[ENV.accessKeySecret]?.trim();
  const securityToken = env[ENV.securityToken]?.trim() || undefined;
  if (!accessKeyId && !accessKeySecret) {
    return undefined;
  }
  if (!accessKeyId || !accessKeySecret) {
    const missing = accessKeyId ? ENV.accessKeySecret : ENV.accessKeyId;
    throw new CredentialSourceError(l10n.t('{0} is not set: set both {1} and {2}, then try again.', missing, ENV.accessKeyId, ENV.accessKeySecret));
  }
  return {
    source: 'environment',
    suggestedName: env[ENV.profile]?.trim() || 'environment',
    description: securityToken ? l10n.t('Environment variables (STS)') : l10n.t('Environment variables'),
    credential: { accessKeyId, accessKeySecret, securityToken },
  };
}

export function defaultAliyunConfigPath(home = os.homedir()): string {
  return path.join(home, '.aliyun', 'config.json');
}

export function defaultCredentialsFilePath(env: Environment = process.env, home = os.homedir()): string {
  return env[ENV.credentialsFile]?.trim() || path.join(home, '.alibabacloud', 'credentials');
}

/** Profiles of the aliyun CLI (`~/.aliyun/config.json`): modes AK and StsToken are usable, others are listed as unsupported. */
export async function readAliyunCliConfig(file = defaultAliyunConfigPath()): Promise<ImportCandidate[]> {
  const text = await readSourceFile(file);
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    // The parser's own message quotes the file's text, which may hold a secret: say only where.
    throw new CredentialSourceError(l10n.t('{0} is not valid JSON. Fix it (or run "aliyun configure" again), then import again.', file));
  }
  const profiles = isRecord(config) && Array.isArray(config.profiles) ? config.profiles : undefined;
  if (!profiles) {
    throw new CredentialSourceError(l10n.t('{0} has no "profiles" list. Run "aliyun configure" to create a profile, then import again.', file));
  }
  return profiles.filter(isRecord).map((profile, index) => {
    const name = stringField(profile, 'name') || `profile-${index + 1}`;
    const mode = stringField(profile, 'mode') || 'AK';
    const base = { source: 'aliyun-cli' as const, suggestedName: name, description: `${file}: ${name} (${mode})` };
    if (mode !== 'AK' && mode !== 'StsToken') {
      return { ...base, unsupported: l10n.t('aliyun CLI profile "{0}" uses mode {1}, which is not supported yet: use an AK or StsToken profile.', name, mode) };
    }
    const accessKeyId = stringField(profile, 'access_key_id');
    const accessKeySecret = stringField(profile, 'access_key_secret');
    const securityToken = stringField(profile, 'sts_token');
    if (!accessKeyId || !accessKeySecret) {
      return { ...base, unsupported: l10n.t('aliyun CLI profile "{0}" has no access_key_id or access_key_secret.', name) };
    }
    if (mode === 'StsToken' && !securityToken) {
      return { ...base, unsupported: l10n.t('aliyun CLI profile "{0}" is in StsToken mode but has no sts_token.', name) };
    }
    return { ...base, credential: { accessKeyId, accessKeySecret, securityToken: mode === 'StsToken' ? securityToken : undefined } };
  });
}

const CREDENTIALS_FILE_TYPES: Record<string, { token: boolean }> = {
  access_key: { token: false },
  sts: { token: true },
};

/** Sections of the Alibaba Cloud credentials file (INI): types access_key and sts are usable. */
export async function readCredentialsFile(file = defaultCredentialsFilePath()): Promise<ImportCandidate[]> {
  const text = await readSourceFile(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, from its own file (esbuild.js: lazy chunks), to keep activation cheap
  const ini = require('ini') as typeof Ini;
  const sections = ini.parse(text);
  const candidates: ImportCandidate[] = [];
  for (const [name, section] of Object.entries(sections)) {
    if (!isRecord(section)) {
      continue; // a key outside any section
    }
    const type = stringField(section, 'type') || 'access_key';
    const base = { source: 'credentials-file' as const, suggestedName: name, description: `${file}: [${name}] (${type})` };
    const kind = CREDENTIALS_FILE_TYPES[type];
    if (!kind) {
      candidates.push({ ...base, unsupported: l10n.t('[{0}] in {1} has type {2}, which is not supported yet: use type access_key or sts.', name, file, type) });
      continue;
    }
    const accessKeyId = stringField(section, 'access_key_id');
    const accessKeySecret = stringField(section, 'access_key_secret');
    const securityToken = stringField(section, 'security_token');
    if (!accessKeyId || !accessKeySecret || (kind.token && !securityToken)) {
      const unsupported = kind.token
        ? l10n.t('[{0}] in {1} needs access_key_id, access_key_secret and security_token.', name, file)
        : l10n.t('[{0}] in {1} needs access_key_id and access_key_secret.', name, file);
      candidates.push({ ...base, unsupported });
      continue;
    }
    candidates.push({ ...base, credential: { accessKeyId, accessKeySecret, securityToken: kind.token ? securityToken : undefined } });
  }
  if (candidates.length === 0) {
    throw new CredentialSourceError(
      l10n.t('{0} has no profile sections. Add one like [default] with type = access_key, access_key_id and access_key_secret.', file),
    );
  }
  return candidates;
}

/** The most a credentials file is read: real ones are a few hundred bytes; a huge one is the wrong file. */
export const MAX_SOURCE_FILE_BYTES = 1024 * 1024;

async function readSourceFile(file: string): Promise<string> {
  try {
    // Read at most one byte more than the bound (a file may grow, or not say its size, like a device).
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_SOURCE_FILE_BYTES + 1);
      let length = 0;
      for (let read = -1; read !== 0 && length < buffer.length; length += read) {
        read = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
      }
      if (length > MAX_SOURCE_FILE_BYTES) {
        throw new CredentialSourceError(
          l10n.t('{0} is larger than {1} MiB: a credentials file is a few hundred bytes. Nothing was imported; check that this is the right file.', file, 1),
        );
      }
      return buffer.subarray(0, length).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CredentialSourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CredentialSourceError(l10n.t('{0} does not exist.', file));
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new CredentialSourceError(l10n.t('{0} cannot be read (permission denied). Check its owner and permissions.', file));
    }
    if (code === 'EISDIR') {
      throw new CredentialSourceError(l10n.t('{0} is a folder, not a file.', file));
    }
    throw new CredentialSourceError(l10n.t('{0} cannot be read ({1}).', file, code ?? l10n.t('unknown error')));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value.trim() : '';
}
