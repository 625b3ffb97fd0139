// The emulator's command line, run from the tsc output (out/src/emulator/cli.js) as a child process.
import * as assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import RPCClient = require('@alicloud/pop-core/lib/rpc');
import { DEMO_KEY } from '../../../src/emulator';
import { parseArgs } from '../../../src/emulator/cli';

const CLI = path.resolve(__dirname, '../../../src/emulator/cli.js');

/** Starts the CLI and resolves with the first `count` stdout lines. */
function start(args: string[], count: number): Promise<{ child: ChildProcessWithoutNullStreams; lines: string[] }> {
  const child = spawn(process.execPath, [CLI, ...args]);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no output in time; got: ${out}`));
    }, 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      if (lines.length > count) {
        clearTimeout(timer);
        resolve({ child, lines: lines.slice(0, count) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing; stdout: ${out}`));
    });
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (error && code === null) {
        reject(error);
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('emulator: CLI', () => {
  it('prints the URL and the demo key first, serves signed calls, and exits 0 on SIGTERM', async () => {
    const { child, lines } = await start(['--port', '0', '--seed', '7'], 3);
    try {
      assert.match(lines[0], /^listening http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(lines[1], `access key id: ${DEMO_KEY.accessKeyId}`);
      assert.equal(lines[2], `access key secret: ${DEMO_KEY.accessKeySecret}`);
      const endpoint = lines[0].slice('listening '.length);
      const client = new RPCClient({ endpoint, apiVersion: '2016-11-01', ...DEMO_KEY });
      const reply = await client.request<{ Result: { Total: number } }>('ListMessageApp', { PageNum: 1, PageSize: 10 });
      assert.ok(reply.Result.Total >= 4);
    } finally {
      const exited = exitCode(child);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('applies fault flags (visible in behaviour and at /__emulator/faults), and exits 0 on SIGINT', async () => {
    const { child, lines } = await start(['--port=0', '--error-rate', '1', '--error-codes', 'ServiceUnavailable', '--latency-ms', '5-10', '--qps', '7'], 1);
    try {
      const endpoint = lines[0].slice('listening '.length);
      const client = new RPCClient({ endpoint, apiVersion: '2016-11-01', ...DEMO_KEY });
      await assert.rejects(client.request('ListMessageApp', { PageNum: 1, PageSize: 10 }), (error: Error & { code: string }) => {
        assert.equal(error.code, 'ServiceUnavailable');
        return true;
      });
      const faults = await (await fetch(`${endpoint}/__emulator/faults`)).json();
      assert.deepEqual(faults, { latencyMs: { min: 5, max: 10 }, errorRate: 1, errorCodes: ['ServiceUnavailable'] });
    } finally {
      const exited = exitCode(child);
      child.kill('SIGINT');
      assert.equal(await exited, 0);
    }
  });

  it('refuses a bad flag with a message on stderr and exit code 2', async () => {
    const result = await run(['--bogus']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^emulator: unknown option --bogus\n/);
    assert.equal(result.stdout, '');
  });

  it('parses every flag, and names the flag in each refusal', () => {
    const parsed = parseArgs([
      '--port',
      '8910',
      '--seed',
      'demo',
      '--qps=50',
      '--livemessage-qps',
      '20',
      '--latency-ms',
      '30',
      '--error-rate',
      '0.1',
      '--error-codes',
      'Throttling.User,InternalError',
      '--html502-rate',
      '0.05',
      '--malformed-rate',
      '0.05',
      '--hang-rate',
      '0.01',
      '--reset-rate',
      '0.01',
      '--lying-has-more',
      '--repeat-token',
      '--lying-total',
      '1.5',
      '--churn-per-page',
      '3',
      '--leave-per-page',
      '2',
      '--join-per-page=4',
      '--leave-burst',
      '2000@150',
      '--fault-actions',
      'ListMessageGroupUser',
      '--verbose',
    ]);
    assert.deepEqual(parsed, {
      port: 8910,
      seed: 'demo',
      qps: 50,
      liveMessageQps: 20,
      verbose: true,
      faults: {
        latencyMs: 30,
        errorRate: 0.1,
        errorCodes: ['Throttling.User', 'InternalError'],
        html502Rate: 0.05,
        malformedJsonRate: 0.05,
        hangRate: 0.01,
        resetRate: 0.01,
        lyingHasMore: true,
        repeatToken: true,
        lyingTotal: 1.5,
        churnPerPage: 3,
        leavePerPage: 2,
        joinPerPage: 4,
        leaveBurst: { members: 2000, afterPage: 150 },
        actions: ['ListMessageGroupUser'],
      },
    });
    const cases = [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--qps', '-1'],
      ['--livemessage-qps', '1.5'],
      ['--error-rate', '2'],
      ['--error-codes', 'NoSuchCode'],
      ['--latency-ms', 'soon'],
      ['--churn-per-page', '1.5'],
      ['--leave-per-page', '-1'],
      ['--join-per-page', 'x'],
      ['--join-per-page', '100001'],
      ['--leave-burst', '2000'],
      ['--leave-burst', '2000@0'],
      ['--leave-burst', '0@5'],
      ['--leave-burst', '2000@1.5'],
      ['--lying-has-more=yes'],
      ['--seed'],
    ];
    for (const args of cases) {
      assert.throws(
        () => parseArgs(args),
        (error: Error) => error.message.includes(args[0].split('=')[0]),
        args.join(' '),
      );
    }
    assert.throws(() => parseArgs(['--fault-actions', 'Nope']), /actions/);
    assert.throws(() => parseArgs(['stray']), /stray/);
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: emulator/);
    assert.match(result.stdout, /--churn-per-page/);
    assert.match(result.stdout, /--leave-per-page N/);
    assert.match(result.stdout, /--join-per-page N/);
    assert.match(result.stdout, /--leave-burst N@P/);
  });
});
