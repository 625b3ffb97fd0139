import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CredentialSourceError,
  defaultCredentialsFilePath,
  MAX_SOURCE_FILE_BYTES,
  readAliyunCliConfig,
  readCredentialsFile,
  readEnvironment,
} from '../../../src/credentials/sources';

const SECRET = 'sEcReT0123456789abcdefABCDEF12';
const TOKEN = 'CAIS-sts-token-value/with+chars=';

describe('credential sources', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ime-cred-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, text: string): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    return file;
  }

  async function rejectsWithout(promise: Promise<unknown>, pattern: RegExp, ...forbidden: string[]): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof CredentialSourceError, `expected CredentialSourceError, got ${String(error)}`);
      assert.match(error.message, pattern);
      for (const text of forbidden) {
        assert.ok(!error.message.includes(text), `message leaks ${text}: ${error.message}`);
      }
      return true;
    });
  }

  describe('environment variables', () => {
    it('returns nothing when no variable is set', () => {
      assert.equal(readEnvironment({}), undefined);
    });

    it('reads an AccessKey pair and names the profile after ALIBABA_CLOUD_PROFILE', () => {
      const candidate = readEnvironment({
        ALIBABA_CLOUD_ACCESS_KEY_ID: ' LTAIenvironment0000001 ',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
        ALIBABA_CLOUD_PROFILE: 'work',
      });
      assert.deepEqual(candidate?.credential, { accessKeyId: 'LTAIenvironment0000001', accessKeySecret: SECRET, securityToken: undefined });
      assert.equal(candidate?.suggestedName, 'work');
      assert.equal(candidate?.source, 'environment');
    });

    it('reads an STS token', () => {
      const candidate = readEnvironment({
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.abc',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
        ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
      });
      assert.equal(candidate?.credential?.securityToken, TOKEN);
      assert.match(candidate?.description ?? '', /STS/);
    });

    it('names the missing half of a pair without echoing the other', () => {
      assert.throws(
        () => readEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET }),
        (error: unknown) =>
          error instanceof CredentialSourceError && /ALIBABA_CLOUD_ACCESS_KEY_ID is not set/.test(error.message) && !error.message.includes(SECRET),
      );
    });

    it('takes the credentials file path from ALIBABA_CLOUD_CREDENTIALS_FILE', () => {
      assert.equal(defaultCredentialsFilePath({ ALIBABA_CLOUD_CREDENTIALS_FILE: '/x/creds' }, '/home/u'), '/x/creds');
      assert.equal(defaultCredentialsFilePath({}, '/home/u'), path.join('/home/u', '.alibabacloud', 'credentials'));
    });
  });

  describe('aliyun CLI config', () => {
    it('imports AK and StsToken profiles and lists other modes as unsupported', async () => {
      const file = await write(
        'config.json',
        JSON.stringify({
          current: 'default',
          profiles: [
            { name: 'default', mode: 'AK', access_key_id: 'LTAIcli', access_key_secret: SECRET, region_id: 'cn-shanghai' },
            { name: 'sts', mode: 'StsToken', access_key_id: 'STS.cli', access_key_secret: SECRET, sts_token: TOKEN },
            { name: 'role', mode: 'RamRoleArn', access_key_id: 'LTAIrole', access_key_secret: SECRET, ram_role_arn: 'acs:ram::1:role/x' },
          ],
        }),
      );
      const [ak, sts, role] = await readAliyunCliConfig(file);
      assert.deepEqual(ak.credential, { accessKeyId: 'LTAIcli', accessKeySecret: SECRET, securityToken: undefined });
      assert.deepEqual(sts.credential, { accessKeyId: 'STS.cli', accessKeySecret: SECRET, securityToken: TOKEN });
      assert.equal(role.credential, undefined);
      assert.match(role.unsupported ?? '', /RamRoleArn, which is not supported yet/);
    });

    it('flags an StsToken profile without a token', async () => {
      const file = await write(
        'config.json',
        JSON.stringify({ profiles: [{ name: 'half', mode: 'StsToken', access_key_id: 'STS.x', access_key_secret: SECRET }] }),
      );
      const [half] = await readAliyunCliConfig(file);
      assert.equal(half.credential, undefined);
      assert.match(half.unsupported ?? '', /no sts_token/);
    });

    it('reports broken JSON without quoting the file', async () => {
      const file = await write('config.json', `{"profiles":[{"access_key_secret":"${SECRET}"`);
      await rejectsWithout(readAliyunCliConfig(file), /is not valid JSON/, SECRET);
    });

    it('reports a config without profiles', async () => {
      const file = await write('config.json', '{"current":"x"}');
      await rejectsWithout(readAliyunCliConfig(file), /no "profiles" list/);
    });

    it('reports a missing file', async () => {
      await rejectsWithout(readAliyunCliConfig(path.join(dir, 'absent.json')), /does not exist/);
    });

    it('reports an unreadable file', async function () {
      if (process.getuid?.() === 0) {
        // root reads any file regardless of mode: prove the same message through a folder instead
        await rejectsWithout(readAliyunCliConfig(dir), /is a folder/);
        return;
      }
      const file = await write('config.json', '{}');
      await fs.chmod(file, 0o000);
      await rejectsWithout(readAliyunCliConfig(file), /permission denied/);
    });
  });

  describe('credentials file (INI)', () => {
    it('imports access_key and sts sections and lists other types as unsupported', async () => {
      const file = await write(
        'credentials',
        [
          '[default]',
          'type = access_key',
          'access_key_id = LTAIini',
          `access_key_secret = ${SECRET}`,
          '',
          '; a comment',
          '[temporary]',
          'type = sts',
          'access_key_id = STS.ini',
          `access_key_secret = ${SECRET}`,
          `security_token = ${TOKEN}`,
          '',
          '[ecs]',
          'type = ecs_ram_role',
          'role_name = x',
        ].join('\n'),
      );
      const candidates = await readCredentialsFile(file);
      assert.deepEqual(
        candidates.map((c) => c.suggestedName),
        ['default', 'temporary', 'ecs'],
      );
      assert.deepEqual(candidates[0].credential, { accessKeyId: 'LTAIini', accessKeySecret: SECRET, securityToken: undefined });
      assert.deepEqual(candidates[1].credential, { accessKeyId: 'STS.ini', accessKeySecret: SECRET, securityToken: TOKEN });
      assert.match(candidates[2].unsupported ?? '', /type ecs_ram_role, which is not supported yet/);
    });

    it('treats a section without type as an AccessKey and flags missing fields', async () => {
      const file = await write('credentials', `[a]\naccess_key_id = LTAIa\naccess_key_secret = ${SECRET}\n[b]\naccess_key_id = LTAIb\n`);
      const [a, b] = await readCredentialsFile(file);
      assert.equal(a.credential?.accessKeyId, 'LTAIa');
      assert.match(b.unsupported ?? '', /needs access_key_id and access_key_secret/);
      assert.ok(!(b.unsupported ?? '').includes(SECRET));
    });

    it('reports a file with no sections', async () => {
      const file = await write('credentials', `access_key_secret = ${SECRET}\n`);
      await rejectsWithout(readCredentialsFile(file), /has no profile sections/, SECRET);
    });

    it('reports binary garbage as a file with no sections', async () => {
      const file = path.join(dir, 'credentials');
      await fs.writeFile(file, Buffer.from([0, 159, 146, 150, 255, 10, 91]));
      await rejectsWithout(readCredentialsFile(file), /has no profile sections/);
    });
  });

  describe('a file that cannot be a credentials file', () => {
    it('one over 1 MiB is not parsed: the message says why, and names no value in it', async () => {
      const section = `[default]\ntype = access_key\naccess_key_id = LTAIexample\naccess_key_secret = ${SECRET}\n`;
      const file = await write('credentials', section + '#'.repeat(MAX_SOURCE_FILE_BYTES));
      await rejectsWithout(readCredentialsFile(file), /larger than 1 MiB.*Nothing was imported/, SECRET);
      const config = await write('config.json', JSON.stringify({ profiles: [], padding: 'x'.repeat(MAX_SOURCE_FILE_BYTES) }));
      await rejectsWithout(readAliyunCliConfig(config), /larger than 1 MiB/);
    });

    it('one of exactly 1 MiB is read', async () => {
      const section = `[default]\ntype = access_key\naccess_key_id = LTAIexample\naccess_key_secret = ${SECRET}\n`;
      const file = await write('credentials', section + '#'.repeat(MAX_SOURCE_FILE_BYTES - section.length));
      const [candidate] = await readCredentialsFile(file);
      assert.equal(candidate.credential?.accessKeyId, 'LTAIexample');
    });

    it('a device that never ends (as /dev/zero) stops at the bound', async function () {
      if (process.platform === 'win32') this.skip();
      await rejectsWithout(readCredentialsFile('/dev/zero'), /larger than 1 MiB/);
    });
  });
});
