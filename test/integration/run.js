#!/usr/bin/env node
// Runs the integration tests (out/test/integration/**/*.test.js) with Mocha INSIDE a real VS Code
// extension host: code-server 4.139.1 (VS Code 1.139.1) on 127.0.0.1, its workbench opened in
// headless Chromium in smoke-test-driver mode, this repository loaded as the extension under
// development. The way @vscode/test-electron does it, only through the browser workbench.
//
// Build first (the npm script does): node esbuild.js && tsc -p .
//
// Environment:
//   IME_IT_TIMEOUT_MS   whole-run limit (default 900000 = 15 min)
//   IME_IT_GREP         only tests whose full title matches this regular expression
//   IME_IT_KEEP=1       keep the temp workspace, user data and logs
//   IME_IT_VERBOSE=1    relay the whole workbench log, not only the test run's output
//   IME_CODE_SERVER_DIR code-server cache folder (see scripts/code-server.js)
//   CHROMIUM_PATH       Chromium binary (default /usr/bin/chromium)
//
// Prints the tests' output, then one line `integration: N passed, N failed`; exit code 0 only when
// every test passed. On failure: test-output/integration/ gets a screenshot, code-server's log,
// the browser console and the workbench's logs.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { ensureCodeServer, startCodeServer, writeUserSettings } = require('../../scripts/code-server');
const { launchChromium, newContext } = require('../../scripts/chromium');

const REPO = path.resolve(__dirname, '..', '..');
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'integration', 'index');
const OUTPUT_DIR = path.join(REPO, 'test-output', 'integration');
const TIMEOUT_MS = Number(process.env.IME_IT_TIMEOUT_MS || 15 * 60 * 1000);
const KEEP = process.env.IME_IT_KEEP === '1';
const VERBOSE = process.env.IME_IT_VERBOSE === '1';

const t0 = Date.now();
function note(message) {
  process.stderr.write(`[integration +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
}

// Memory of a process tree: the sum of PSS (shared pages split between their users, so
// Chromium's many processes are not counted several times); RSS where smaps_rollup is unreadable.
function memoryOfTree(rootPid, { exclude = new Set() } = {}) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  let totalKb = 0;
  const queue = [rootPid];
  const seen = new Set();
  while (queue.length) {
    const pid = queue.shift();
    if (seen.has(pid) || exclude.has(pid)) continue;
    seen.add(pid);
    if (pid !== process.pid) {
      try {
        const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        totalKb += Number((/^Pss:\s+(\d+)/m.exec(rollup) || [0, 0])[1]);
      } catch {
        try {
          totalKb += Number((/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8')) || [0, 0])[1]);
        } catch {
          // ended meanwhile
        }
      }
    }
    queue.push(...(children.get(pid) || []));
  }
  return { mb: Math.round(totalKb / 1024), pids: seen };
}

function readSummary(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  for (const required of [`${TESTS_ENTRY}.js`, path.join(REPO, 'dist', 'extension.js')]) {
    if (!fs.existsSync(required)) {
      throw new Error(`${path.relative(REPO, required)} is missing: build first (node esbuild.js && npx tsc -p .)`);
    }
  }
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-it-'));
  const workspace = path.join(runDir, 'workspace');
  const resultsFile = path.join(runDir, 'results.json');
  const userDataDir = path.join(runDir, 'user-data');
  fs.mkdirSync(workspace, { recursive: true });
  writeUserSettings(userDataDir);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Integration test workspace\n');

  const state = { server: undefined, browser: undefined, page: undefined, consoleLines: [], workbenchLines: [], hostLogs: undefined };
  const timings = {};
  let peak = { codeServerMb: 0, chromiumMb: 0 };
  let sampler;

  const cleanup = async () => {
    clearInterval(sampler);
    await state.browser?.close().catch(() => {});
    await state.server?.stop().catch(() => {});
    if (!KEEP) {
      fs.rmSync(runDir, { recursive: true, force: true });
      if (state.server) fs.rmSync(state.server.tempDir, { recursive: true, force: true });
    } else {
      note(`kept: ${runDir}${state.server ? ` and ${state.server.tempDir}` : ''}`);
    }
  };

  const saveArtifacts = async (reason) => {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'reason.txt'), `${reason}\n`);
    if (state.page) {
      await state.page
        .screenshot({ path: path.join(OUTPUT_DIR, 'screenshot.png'), timeout: 10000 })
        .catch((error) => note(`no screenshot: ${error.message}`));
    }
    if (state.server && fs.existsSync(state.server.logFile)) {
      fs.copyFileSync(state.server.logFile, path.join(OUTPUT_DIR, 'code-server.log'));
    }
    fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), state.consoleLines.join('\n') + '\n');
    fs.writeFileSync(path.join(OUTPUT_DIR, 'workbench-log.txt'), state.workbenchLines.join('\n') + '\n');
    if (fs.existsSync(resultsFile)) fs.copyFileSync(resultsFile, path.join(OUTPUT_DIR, 'results.json'));
    // The workbench hands its logs (window, extension host, ...) to codeAutomationExit.
    for (const entry of state.hostLogs || []) {
      if (!entry || typeof entry.relativePath !== 'string') continue;
      const target = path.join(OUTPUT_DIR, 'workbench-logs', entry.relativePath.replace(/\.\.(\/|\\)/g, ''));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, entry.contents ?? '');
    }
    // The server side's own logs (remote extension host output among them).
    if (state.server) {
      const serverLogs = path.join(state.server.userDataDir, 'logs');
      if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(OUTPUT_DIR, 'server-logs'), { recursive: true });
    }
    note(`failure artifacts in ${path.relative(process.cwd(), OUTPUT_DIR) || OUTPUT_DIR}/`);
  };

  let outcome;
  const timeout = new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), TIMEOUT_MS);
    timer.unref();
  });

  const work = (async () => {
    let mark = Date.now();
    const installed = await ensureCodeServer();
    timings.ensureMs = Date.now() - mark;

    mark = Date.now();
    const codeServerStarted = Date.now();
    state.server = await startCodeServer({
      installed,
      port: 0,
      folder: workspace,
      userDataDir,
      extensionsDir: path.join(runDir, 'extensions'),
      // enable-smoke-test-driver: the workbench reports the tests' exit code and console to the page
      // (codeAutomationExit / codeAutomationLog). force-disable-user-env: the extension host gets exactly
      // this environment, as when desktop VS Code is started from a terminal, without a login shell's
      // rewrite (and ~3 s faster).
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver', '--vscode-option', 'force-disable-user-env'],
      env: {
        IME_INTEGRATION: '1',
        IME_TEST_RESULTS: resultsFile,
        IME_EXPECT_VSCODE_VERSION: '1.139.',
        IME_IT_WORKSPACE: workspace,
        // No extension Marketplace (Open VSX): nothing to fetch, no network errors in the logs.
        EXTENSIONS_GALLERY: process.env.IME_IT_GALLERY || '{"serviceUrl":""}',
      },
    });
    timings.codeServerReadyMs = Date.now() - mark;
    note(`code-server ${installed.version} up on ${state.server.url} in ${timings.codeServerReadyMs} ms (log ${state.server.logFile})`);
    sampler = setInterval(() => {
      const server = memoryOfTree(state.server.process.pid);
      const browser = memoryOfTree(process.pid, { exclude: server.pids });
      peak = {
        codeServerMb: Math.max(peak.codeServerMb, server.mb),
        chromiumMb: Math.max(peak.chromiumMb, browser.mb),
      };
    }, 1000);

    mark = Date.now();
    state.browser = await launchChromium();
    const context = await newContext(state.browser, state.server.url);
    const page = await context.newPage();
    state.page = page;
    timings.chromiumMs = Date.now() - mark;

    let resolveExit;
    const exited = new Promise((resolve) => {
      resolveExit = resolve;
    });
    let firstTestAt;
    // The workbench's log and the extension host's console both arrive here. Only the test run's
    // part (between index.ts's start and finish lines) goes to stdout unless IME_IT_VERBOSE=1;
    // everything is kept for the failure artifacts.
    let inTests = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      state.workbenchLines.push(`[${type}] ${text}`);
      if (text.includes('[ime-it] mocha starting')) {
        inTests = true;
        firstTestAt = firstTestAt || Date.now();
      }
      const workbenchChatter = /^(\[(AccountPolicyGate|AgentHost[^\]]*|ChatModelSelection)\]|Ignoring fetching additional builtin extensions)/.test(text);
      if (VERBOSE || (inTests && !workbenchChatter)) {
        (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
      }
      if (text.includes('[ime-it] mocha finished')) inTests = false;
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      state.hostLogs = logs;
      resolveExit({ kind: 'exit', code });
    });
    page.on('console', (message) => state.consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => state.consoleLines.push(`[pageerror] ${error.stack || error.message}`));
    page.on('crash', () => resolveExit({ kind: 'error', message: 'the workbench page crashed' }));
    state.server.process.on('exit', (code, sig) =>
      resolveExit({ kind: 'error', message: `code-server ended early (${sig || `exit ${code}`})` }),
    );

    const authority = `127.0.0.1:${state.server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${REPO}`],
      ['extensionTestsPath', `vscode-remote://${authority}${TESTS_ENTRY}`],
    ];
    const url = `${state.server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    mark = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    note(`workbench loading (${Date.now() - mark} ms); waiting for the tests in the extension host`);
    const result = await exited;
    if (firstTestAt) timings.codeServerStartToFirstTestMs = firstTestAt - codeServerStarted;
    timings.codeServerStartToExitMs = Date.now() - codeServerStarted;
    return result;
  })().catch((error) => ({ kind: 'error', message: error.stack || error.message }));

  outcome = await Promise.race([work, timeout]);
  const measured = { ...timings }; // the work may still finish while we clean up after a timeout
  const summary = readSummary(resultsFile);

  let failedReason;
  if (outcome.kind === 'timeout') failedReason = `timed out after ${TIMEOUT_MS} ms (IME_IT_TIMEOUT_MS)`;
  else if (outcome.kind === 'error') failedReason = outcome.message;
  else if (outcome.code !== 0) failedReason = `the extension host's tests ended with exit code ${outcome.code}`;
  else if (!summary) failedReason = `the tests wrote no summary to ${resultsFile}`;
  else if (summary.failed > 0) failedReason = `${summary.failed} test(s) failed`;

  if (summary && summary.failures && summary.failures.length) {
    process.stdout.write('\nFailed integration tests:\n');
    summary.failures.forEach((failure, index) => {
      process.stdout.write(`  ${index + 1}) ${failure.title}: ${String(failure.error).split('\n')[0]}\n`);
    });
  }
  if (failedReason) {
    note(`FAILED: ${failedReason}`);
    await saveArtifacts(failedReason).catch((error) => note(`could not save artifacts: ${error.message}`));
  }
  const memory = `peak memory (PSS): code-server tree ${peak.codeServerMb} MB, chromium ${peak.chromiumMb} MB`;
  await cleanup();
  measured.totalMs = Date.now() - t0;
  const ms = (value) => (value === undefined ? '-' : `${value} ms`);
  note(
    `timings: ensure ${ms(measured.ensureMs)}, code-server ready ${ms(measured.codeServerReadyMs)}, ` +
      `chromium ${ms(measured.chromiumMs)}, code-server start -> first test ${ms(measured.codeServerStartToFirstTestMs)}, ` +
      `-> tests done ${ms(measured.codeServerStartToExitMs)}, whole run ${ms(measured.totalMs)}; ${memory}`,
  );

  const passed = summary ? summary.passed : 0;
  const failed = summary ? summary.failed : 0;
  const shownFailed = failedReason && failed === 0 ? 1 : failed;
  process.stdout.write(
    `integration: ${passed} passed, ${shownFailed} failed${failedReason && failed === 0 ? ` (${failedReason.split('\n')[0]})` : ''}\n`,
  );
  return failedReason ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.stack || error.message}\n`);
    process.stdout.write(`integration: 0 passed, 1 failed (${error.message.split('\n')[0]})\n`);
    process.exit(1);
  },
);
