import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { buildSnippet, shellQuote, SNIPPET_LANGUAGES, type SnippetRequest } from '../../src/snippets';
import { DEMO_KEY, STS_KEY, startEmulator, type RunningEmulator } from '../../src/emulator';
import { toWireParams } from '../../src/api/validation';

const TRICKY_ID = `grp 'quoted' $HOME "x" ü*~/+=&%`;

describe('copy as code snippets', () => {
  const request: SnippetRequest = {
    action: 'ListMessageGroupUser',
    params: { AppId: 'app-1', GroupId: TRICKY_ID, PageNum: 1, PageSize: 50, SortType: 1 },
    endpoint: 'https://live.aliyuncs.com',
    sts: false,
  };

  it('never inlines a key and reads it from the environment in every language', () => {
    for (const { language } of SNIPPET_LANGUAGES) {
      const text = buildSnippet(language, { ...request, sts: true });
      assert.ok(!text.includes(DEMO_KEY.accessKeySecret) && !text.includes(STS_KEY.accessKeySecret), language);
      assert.match(text, /ALIBABA_CLOUD_ACCESS_KEY_(ID|SECRET)/, language);
      assert.match(text, /ALIBABA_CLOUD_SECURITY_TOKEN/, language);
      assert.match(text, /ListMessageGroupUser/, language);
    }
  });

  it('quotes ids for the shell so that they reach the CLI unchanged', () => {
    const text = buildSnippet('shell', request);
    const quoted = shellQuote(TRICKY_ID);
    assert.ok(text.includes(`--GroupId ${quoted}`));
    const echoed = execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
    assert.equal(echoed, TRICKY_ID);
    assert.match(text, /--endpoint live\.aliyuncs\.com$/m);
  });

  it('writes Python string literals that evaluate to the ids', function () {
    const text = buildSnippet('python', request);
    const line = text.split('\n').find((l) => l.includes('"GroupId"'));
    assert.ok(line, 'GroupId parameter line');
    let python: string;
    try {
      python = execFileSync('python3', ['-c', `import sys\nv = ${line!.replace(/^request\.add_query_param\(/, '(')}\nsys.stdout.write(v[1])`], {
        encoding: 'utf8',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.skip();
      }
      throw error;
    }
    assert.equal(python, TRICKY_ID);
    assert.match(text, /request\.set_domain\("live\.aliyuncs\.com"\)/);
  });

  it("uses each LiveMessage action's method: POST, and GET for ListLiveMessageGroupByPage", () => {
    const lm = (action: string) => ({ ...request, action, params: { AppId: 'app-1', SortType: 1 } });
    assert.match(buildSnippet('typescript', lm('ListLiveMessageGroups')), /\{ method: 'POST' \}\);/);
    assert.match(buildSnippet('python', lm('ListLiveMessageGroups')), /request\.set_method\('POST'\)/);
    assert.match(buildSnippet('typescript', lm('ListLiveMessageGroupByPage')), /\{ method: 'GET' \}\);/);
    assert.match(buildSnippet('python', lm('ListLiveMessageGroupByPage')), /request\.set_method\('GET'\)/);
    assert.match(buildSnippet('shell', lm('ListLiveMessageGroupByPage')), /^aliyun live ListLiveMessageGroupByPage \\$/m);
  });

  it('passes UserIds comma-joined as the SDKs send them, quoted for the shell', () => {
    const params = toWireParams('CheckLiveMessageUsersInGroup', { AppId: 'app-1', GroupId: 'g', UserIds: ["o'brien", 'b c'] });
    const text = buildSnippet('shell', { ...request, action: 'CheckLiveMessageUsersInGroup', params });
    const quoted = shellQuote(`o'brien,b c`);
    assert.ok(text.includes(`--UserIds ${quoted}`), text);
    assert.equal(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' }), `o'brien,b c`);
  });

  describe('the TypeScript snippet, run against the emulator', () => {
    let emulator: RunningEmulator;
    let dir: string;

    before(async () => {
      emulator = await startEmulator({ port: 0 });
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ime-snippet-'));
    });

    after(async () => {
      await emulator.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    for (const key of [DEMO_KEY, STS_KEY]) {
      it(`returns the group's members (${key.securityToken ? 'STS' : 'AccessKey'})`, async () => {
        const { appId, smallGroupId } = emulator.dataset.fixtures;
        const snippet = buildSnippet('typescript', {
          action: 'ListMessageGroupUser',
          params: { AppId: appId, GroupId: smallGroupId, PageNum: 1, PageSize: 50, SortType: 0 },
          endpoint: emulator.url,
          sts: Boolean(key.securityToken),
        });
        const body = ts.transpileModule(`(async () => {\n${snippet.replace(/^import .*$/m, '')}\n})();`, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        const file = path.join(dir, `snippet-${key.accessKeyId.slice(0, 3)}.js`);
        const popCore = require.resolve('@alicloud/pop-core/lib/rpc');
        await fs.writeFile(file, `const RPCClient = require(${JSON.stringify(popCore)});\n${body}`);
        const output = await runNode(file, {
          ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret,
          ...(key.securityToken ? { ALIBABA_CLOUD_SECURITY_TOKEN: key.securityToken } : {}),
        });
        const response = JSON.parse(output);
        assert.equal(response.Result.UserList.length, emulator.dataset.fixtures.smallGroupTotal);
        assert.equal(typeof response.RequestId, 'string');
      });
    }

    it("returns a LiveMessage group's members (flat body, POST)", async () => {
      const { appId, pagedGroupId } = emulator.liveMessage.fixtures;
      const params = toWireParams('ListLiveMessageGroupUsers', { AppId: appId, GroupId: pagedGroupId, PageSize: 20, SortType: 2 });
      const response = JSON.parse(
        await runSnippet(buildSnippet('typescript', { action: 'ListLiveMessageGroupUsers', params, endpoint: emulator.url, sts: false })),
      );
      assert.equal(response.UserList.length, 20);
      assert.equal(response.Hasmore, true);
    });

    async function runSnippet(snippet: string): Promise<string> {
      const body = ts.transpileModule(`(async () => {\n${snippet.replace(/^import .*$/m, '')}\n})();`, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const file = path.join(dir, 'snippet-lm.js');
      await fs.writeFile(file, `const RPCClient = require(${JSON.stringify(require.resolve('@alicloud/pop-core/lib/rpc'))});\n${body}`);
      return runNode(file, { ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_KEY.accessKeySecret });
    }
  });
});

function runNode(file: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`snippet failed: ${stderr || error.message}`));
      } else {
        resolve(stdout);
      }
    });
  });
}
