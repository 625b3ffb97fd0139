// Runs every test suite and ends with one line "N passed, N failed" for all suites together:
//   unit         mocha in plain Node (out/test/unit)
//   integration  mocha inside the real VS Code extension host (code-server): out/test/integration/run.js
//   electron     the same suite in desktop VS Code through @vscode/test-electron; SKIP where none can be had
//   e2e          Playwright driving the real workbench as a user: out/test/e2e/run.js
// Expects `npm run build:tests` to have run (the npm "test" scripts do). Flags --unit, --integration, --electron,
// --e2e select suites (default: all).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaModule = require('mocha');
import { REPO } from './paths';
import { stackOf } from './wait';

// mocha 12 is an ES module: require() returns its namespace, whose default export is the Mocha class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('mocha') as typeof MochaModule & { default?: typeof MochaModule };
const Mocha = loaded.default ?? loaded;

interface SuiteResult {
  passed: number;
  failed: number;
  skipped?: boolean;
}

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTests(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

function runUnit(): Promise<SuiteResult> {
  const config = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'unit', '.mocharc.json'), 'utf8')) as { timeout?: number };
  const mocha = new Mocha({ timeout: config.timeout, reporter: 'spec', color: !process.env.CI });
  for (const file of findTests(path.join(REPO, 'out', 'test', 'unit'))) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
}

/**
 * Runs a suite's script, relaying its output, and reads its own "SUITE: N passed, N failed" line. A script that
 * prints a line starting with "SKIP:" and exits 0 counts as skipped.
 */
function runScript(suite: string, script: string): Promise<SuiteResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, script)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      if (code === 0 && /^SKIP:/m.test(output)) {
        resolve({ skipped: true, passed: 0, failed: 0 });
        return;
      }
      const name = suite.replace(/[()]/g, '\\$&');
      const match = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm').exec(output);
      if (!match) {
        console.error(`${suite}: the run ended (exit ${code}) without its summary line; counted as 1 failure`);
        resolve({ passed: 0, failed: 1 });
        return;
      }
      const failed = Number(match[2]);
      resolve({ passed: Number(match[1]), failed: failed + (code !== 0 && failed === 0 ? 1 : 0) });
    });
  });
}

async function main(flags: readonly string[]): Promise<number> {
  const wants = (suite: string) => flags.length === 0 || flags.includes(`--${suite}`);
  const results: [string, SuiteResult][] = [];
  if (wants('unit')) results.push(['unit', await runUnit()]);
  if (wants('integration')) results.push(['integration', await runScript('integration', 'out/test/integration/run.js')]);
  if (wants('electron')) {
    const suite = 'integration (VS Code desktop)';
    results.push([suite, await runScript(suite, 'out/test/integration/runElectron.js')]);
  }
  if (wants('e2e')) {
    results.push(['e2e', await runScript('e2e', 'out/test/e2e/run.js')]);
    results.push(['e2e (zh-cn)', await runScript('e2e (zh-cn)', 'out/test/e2e/zhCn.js')]);
  }
  let passed = 0;
  let failed = 0;
  for (const [suite, result] of results) {
    if (result.skipped) {
      console.log(`${suite}: skipped (see the SKIP line above)`);
      continue;
    }
    console.log(`${suite}: ${result.passed} passed, ${result.failed} failed`);
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(stackOf(error));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
