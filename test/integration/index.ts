// Entry point that VS Code's extension host loads as `extensionTestsPath`: runs every
// out/test/integration/**/*.test.js with Mocha inside the real extension host.
// Used by test/integration/run.ts (code-server) and test/integration/runElectron.ts (VS Code desktop).
//
// Environment (inherited by the extension host from the runner):
//   IME_TEST_RESULTS  where to write a JSON summary {passed, failed, pending, failures:[{title, error}]}
//   IME_IT_GREP       only run tests whose full title matches this regular expression
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Mocha = require('mocha');

interface Summary {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion?: string;
  nodeVersion: string;
  failures: { title: string; error: string }[];
}

function loadMocha(): typeof Mocha {
  // Mocha 12 is an ES module; require() of it (Node >= 20.19) returns its namespace object.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha') as typeof Mocha & { default?: typeof Mocha };
  return loaded.default ?? loaded;
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function vscodeVersion(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as { version: string }).version;
  } catch {
    return undefined;
  }
}

function writeSummary(summary: Summary): void {
  const target = process.env.IME_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(summary, null, 2)}\n`);
}

export function run(): Promise<void> {
  const MochaClass = loadMocha();
  const mocha = new MochaClass({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    ...(process.env.IME_IT_GREP ? { grep: new RegExp(process.env.IME_IT_GREP) } : {}),
  });
  const files = findTests(__dirname);
  for (const file of files) mocha.addFile(file);

  const summary: Summary = {
    passed: 0,
    failed: 0,
    pending: 0,
    durationMs: 0,
    vscodeVersion: vscodeVersion(),
    nodeVersion: process.version,
    failures: [],
  };
  // run.ts measures the time to this line ("first test about to run").
  console.log(`[ime-it] mocha starting: ${files.length} file(s), VS Code ${summary.vscodeVersion}, Node ${process.version}`);
  const started = Date.now();

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        summary.durationMs = Date.now() - started;
        // A failing hook is reported once through 'fail' but may leave tests unrun; trust the larger count.
        summary.failed = Math.max(summary.failed, failures);
        try {
          writeSummary(summary);
        } catch (error) {
          console.error(`[ime-it] could not write ${process.env.IME_TEST_RESULTS}: ${String(error)}`);
        }
        console.log(`[ime-it] mocha finished: ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending`);
        if (summary.failed > 0) reject(new Error(`${summary.failed} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => {
        summary.passed++;
      });
      runner.on('pending', () => {
        summary.pending++;
      });
      runner.on('fail', (test, error: unknown) => {
        summary.failed++;
        const err = error as { stack?: string; message?: string } | undefined;
        summary.failures.push({ title: test.fullTitle(), error: err?.stack ?? err?.message ?? String(error) });
      });
    } catch (error) {
      summary.failed = Math.max(summary.failed, 1);
      summary.failures.push({ title: '(loading the integration tests)', error: String((error as Error)?.stack ?? error) });
      writeSummary(summary);
      reject(error);
    }
  });
}
