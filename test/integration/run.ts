// Runs the integration tests (out/test/integration/**/*.test.js) with Mocha INSIDE a real VS Code extension host:
// code-server 4.139.1 (VS Code 1.139.1) on 127.0.0.1, its workbench opened in headless Chromium in smoke-test-driver
// mode, this repository loaded as the extension under development (the @vscode/test-electron way, through the
// browser workbench). The in-host entry is out/test/integration/index.js.
//
// Environment:
//   IME_IT_TIMEOUT_MS   whole-run limit (default 900000 = 15 min)
//   IME_IT_GREP         only tests whose full title matches this regular expression (read by index.ts)
//   IME_IT_KEEP=1       keep the temp workspace, user data and logs
//   IME_IT_VERBOSE=1    relay the whole workbench log, not only the test run's output
//   IME_CODE_SERVER_DIR code-server cache folder; CHROMIUM_PATH Chromium binary (default /usr/bin/chromium)
//
// Prints the tests' output, then one line `integration: N passed, N failed`; exit code 0 only when every test passed.
// On failure: test-output/integration/ gets a screenshot, code-server's log, the browser console and the workbench's logs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../harness/chromium';
import { type CodeServer, copyServerLogs, NO_GALLERY, startCodeServer, writeUserSettings } from '../harness/codeServer';
import { ensureCodeServer } from '../harness/codeServerInstall';
import { EXTENSION_BUNDLE, INTEGRATION_TESTS_ENTRY, REPO, requireBuilt } from '../harness/paths';
import { memoryOfTree } from '../harness/processTree';
import { type AutomationExit, developmentUrl, exposeAutomation, NO_USER_ENV_ARGS, SMOKE_TEST_ARGS, type WorkbenchLogFile } from '../harness/smokeTest';
import { firstLine, messageOf, stackOf } from '../harness/wait';

const OUTPUT_DIR = path.join(REPO, 'test-output', 'integration');
const TIMEOUT_MS = Number(process.env.IME_IT_TIMEOUT_MS || 15 * 60 * 1000);
const KEEP = process.env.IME_IT_KEEP === '1';
const VERBOSE = process.env.IME_IT_VERBOSE === '1';
// Workbench chatter that is not about the tests, kept out of stdout.
const CHATTER = /^(\[(AccountPolicyGate|AgentHost[^\]]*|ChatModelSelection)\]|Ignoring fetching additional builtin extensions)/;

const t0 = Date.now();
function note(message: string): void {
  process.stderr.write(`[integration +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
}

/** What index.ts writes to IME_TEST_RESULTS. */
interface ResultsSummary {
  passed: number;
  failed: number;
  failures?: { title: string; error: unknown }[];
}

type Outcome = AutomationExit | { kind: 'timeout' };

function readSummary(file: string): ResultsSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsSummary;
  } catch {
    return undefined;
  }
}

interface RunState {
  server?: CodeServer;
  browser?: Browser;
  page?: Page;
  consoleLines: string[];
  workbenchLines: string[];
  hostLogs: WorkbenchLogFile[];
}

async function saveArtifacts(state: RunState, reason: string, resultsFile: string): Promise<void> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUTPUT_DIR, 'reason.txt'), `${reason}\n`);
  await state.page
    ?.screenshot({ path: path.join(OUTPUT_DIR, 'screenshot.png'), timeout: 10_000 })
    .catch((error: unknown) => note(`no screenshot: ${messageOf(error)}`));
  fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), `${state.consoleLines.join('\n')}\n`);
  fs.writeFileSync(path.join(OUTPUT_DIR, 'workbench-log.txt'), `${state.workbenchLines.join('\n')}\n`);
  if (fs.existsSync(resultsFile)) fs.copyFileSync(resultsFile, path.join(OUTPUT_DIR, 'results.json'));
  for (const entry of state.hostLogs) {
    if (typeof entry?.relativePath !== 'string') continue;
    const target = path.join(OUTPUT_DIR, 'workbench-logs', entry.relativePath.replace(/\.\.(\/|\\)/g, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.contents ?? '');
  }
  copyServerLogs(state.server, OUTPUT_DIR);
  note(`failure artifacts in ${path.relative(process.cwd(), OUTPUT_DIR) || OUTPUT_DIR}/`);
}

async function main(): Promise<number> {
  requireBuilt([`${INTEGRATION_TESTS_ENTRY}.js`, EXTENSION_BUNDLE]);
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-it-'));
  const workspace = path.join(runDir, 'workspace');
  const resultsFile = path.join(runDir, 'results.json');
  const userDataDir = path.join(runDir, 'user-data');
  fs.mkdirSync(workspace, { recursive: true });
  writeUserSettings(userDataDir);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');

  const state: RunState = { consoleLines: [], workbenchLines: [], hostLogs: [] };
  const timings: Record<string, number> = {};
  const peak = { codeServerMb: 0, chromiumMb: 0 };
  let sampler: NodeJS.Timeout | undefined;

  const work = (async (): Promise<Outcome> => {
    let mark = Date.now();
    const installed = await ensureCodeServer();
    timings.ensureMs = Date.now() - mark;
    mark = Date.now();
    const codeServerStarted = Date.now();
    state.server = await startCodeServer({
      installed,
      folder: workspace,
      userDataDir,
      extensionsDir: path.join(runDir, 'extensions'),
      extraArgs: [...SMOKE_TEST_ARGS, ...NO_USER_ENV_ARGS],
      env: {
        IME_INTEGRATION: '1',
        IME_TEST_RESULTS: resultsFile,
        IME_EXPECT_VSCODE_VERSION: '1.139.',
        IME_IT_WORKSPACE: workspace,
        EXTENSIONS_GALLERY: process.env.IME_IT_GALLERY || NO_GALLERY,
      },
    });
    const server = state.server;
    timings.codeServerReadyMs = Date.now() - mark;
    note(`code-server ${installed.version} up on ${server.url} in ${timings.codeServerReadyMs} ms (log ${server.logFile})`);
    sampler = setInterval(() => {
      const serverTree = memoryOfTree(server.process.pid!);
      const browserTree = memoryOfTree(process.pid, serverTree.pids);
      peak.codeServerMb = Math.max(peak.codeServerMb, serverTree.mb);
      peak.chromiumMb = Math.max(peak.chromiumMb, browserTree.mb);
    }, 1000);

    mark = Date.now();
    state.browser = await launchChromium();
    const page = await (await newContext(state.browser, server.url)).newPage();
    state.page = page;
    timings.chromiumMs = Date.now() - mark;

    let firstTestAt: number | undefined;
    // Only the test run's part of the log (between index.ts's start and finish lines) goes to stdout unless
    // IME_IT_VERBOSE=1; everything is kept for the failure artifacts.
    let inTests = false;
    const { exited } = await exposeAutomation(page, (type, text) => {
      state.workbenchLines.push(`[${type}] ${text}`);
      if (text.includes('[ime-it] mocha starting')) {
        inTests = true;
        firstTestAt ??= Date.now();
      }
      if (VERBOSE || (inTests && !CHATTER.test(text))) (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
      if (text.includes('[ime-it] mocha finished')) inTests = false;
    });
    page.on('console', (message) => state.consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => state.consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
    const serverEnded = new Promise<Outcome>((resolve) =>
      server.process.once('exit', (code, sig) => resolve({ kind: 'error', message: `code-server ended early (${sig ?? `exit ${code}`})` })),
    );
    mark = Date.now();
    await page.goto(developmentUrl(server, workspace, REPO, INTEGRATION_TESTS_ENTRY), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    note(`workbench loading (${Date.now() - mark} ms); waiting for the tests in the extension host`);
    const result = await Promise.race([exited, serverEnded]);
    if (result.kind === 'exit') state.hostLogs = result.logs;
    if (firstTestAt) timings.codeServerStartToFirstTestMs = firstTestAt - codeServerStarted;
    timings.codeServerStartToExitMs = Date.now() - codeServerStarted;
    return result;
  })().catch((error: unknown): Outcome => ({ kind: 'error', message: stackOf(error) }));

  const timeout = new Promise<Outcome>((resolve) => setTimeout(() => resolve({ kind: 'timeout' }), TIMEOUT_MS).unref());
  const outcome = await Promise.race([work, timeout]);
  const measured = { ...timings }; // the work may still finish while we clean up after a timeout
  const summary = readSummary(resultsFile);

  let failedReason: string | undefined;
  if (outcome.kind === 'timeout') failedReason = `timed out after ${TIMEOUT_MS} ms (IME_IT_TIMEOUT_MS)`;
  else if (outcome.kind === 'error') failedReason = outcome.message;
  else if (outcome.code !== 0) failedReason = `the extension host's tests ended with exit code ${outcome.code}`;
  else if (!summary) failedReason = `the tests wrote no summary to ${resultsFile}`;
  else if (summary.failed > 0) failedReason = `${summary.failed} test(s) failed`;

  if (summary?.failures?.length) {
    process.stdout.write('\nFailed integration tests:\n');
    summary.failures.forEach((failure, index) => process.stdout.write(`  ${index + 1}) ${failure.title}: ${firstLine(String(failure.error))}\n`));
  }
  if (failedReason) {
    note(`FAILED: ${failedReason}`);
    await saveArtifacts(state, failedReason, resultsFile).catch((error: unknown) => note(`could not save artifacts: ${messageOf(error)}`));
  }
  clearInterval(sampler);
  await state.browser?.close().catch(() => undefined);
  await state.server?.stop().catch(() => undefined);
  if (KEEP) note(`kept: ${runDir}${state.server ? ` and ${state.server.tempDir}` : ''}`);
  else {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (state.server) fs.rmSync(state.server.tempDir, { recursive: true, force: true });
  }
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${value} ms`);
  note(
    `timings: ensure ${ms(measured.ensureMs)}, code-server ready ${ms(measured.codeServerReadyMs)}, chromium ${ms(measured.chromiumMs)}, ` +
      `code-server start -> first test ${ms(measured.codeServerStartToFirstTestMs)}, -> tests done ${ms(measured.codeServerStartToExitMs)}, ` +
      `whole run ${ms(Date.now() - t0)}; peak memory (PSS): code-server tree ${peak.codeServerMb} MB, chromium ${peak.chromiumMb} MB`,
  );
  const passed = summary?.passed ?? 0;
  const failed = summary?.failed ?? 0;
  const shownFailed = failedReason && failed === 0 ? 1 : failed;
  process.stdout.write(`integration: ${passed} passed, ${shownFailed} failed${failedReason && failed === 0 ? ` (${firstLine(failedReason)})` : ''}\n`);
  return failedReason ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${stackOf(error)}\n`);
    process.stdout.write(`integration: 0 passed, 1 failed (${firstLine(messageOf(error))})\n`);
    process.exit(1);
  },
);
