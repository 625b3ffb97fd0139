#!/usr/bin/env node
// End-to-end tests: the real VS Code workbench (code-server 4.139.1 = VS Code 1.139.1) in headless
// Chromium, driven as a user drives it (activity bar, command palette, input boxes, tree, context menus,
// inline actions, modal dialogs, status bar, clipboard), against the emulator in a child process.
// Unlike test/integration (mocha inside the extension host, smoke-test-driver mode), nothing here calls
// the extension's API: toasts and modal dialogs are the real ones.
//
// Build first (npm run test:e2e does): node esbuild.js   (dist/extension.js and dist/emulator.js)
// Run:   node test/e2e/run.js
//
// Environment:
//   IME_E2E_TIMEOUT_MS   whole-run limit (default 600000 = 10 min)
//   IME_E2E_STEP_TIMEOUT_MS  limit of one step (default 120000)
//   IME_E2E_KEEP=1       keep the temp workspace, user data and logs
//   IME_CODE_SERVER_DIR  code-server cache folder (see scripts/code-server.js)
//   CHROMIUM_PATH        Chromium binary (default /usr/bin/chromium); IME_HEADED=1 shows it (needs a display)
//
// Writes test-output/e2e/NN-<step>.png after every step, readme-*.png (cropped candidates for the README),
// and on failure the screenshot, code-server's log, the server-side logs, the browser console, the
// emulator's output and what the UI showed (failure.txt). Ends with one line `e2e: N passed, N failed`;
// exit code 0 only when every step passed.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureCodeServer, startCodeServer } = require('../../scripts/code-server');
const { launchChromium, newContext } = require('../../scripts/chromium');
const { REPO, emulatorKeys, startEmulator, installExtensionCopy, writeUserSettings, descendants, commandLine } = require('./environment');
const { Workbench } = require('./workbench');
const { steps } = require('./steps');

const OUTPUT_DIR = path.join(REPO, 'test-output', 'e2e');
const TIMEOUT_MS = Number(process.env.IME_E2E_TIMEOUT_MS || 10 * 60 * 1000);
const STEP_TIMEOUT_MS = Number(process.env.IME_E2E_STEP_TIMEOUT_MS || 120000);
const KEEP = process.env.IME_E2E_KEEP === '1';
const PAGE_SIZE = 50;

const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function note(message) {
  process.stderr.write(`[e2e +${seconds(Date.now() - t0)}] ${message}\n`);
}

const world = {
  runDir: undefined,
  emulator: undefined,
  server: undefined,
  browser: undefined,
  page: undefined,
  wb: undefined,
  consoleLines: [],
};

let interrupted = false;
let summaryPrinted = false;
const progress = { passed: 0, failed: 0 };

// Last resort when something ends the process early (Playwright's own SIGINT handler exits after closing
// Chromium): no emulator, no temp folders and a summary line all the same. code-server's process group is
// killed by scripts/code-server.js's own exit hook.
process.on('exit', () => {
  if (world.emulator && world.emulator.child.exitCode === null) world.emulator.child.kill('SIGKILL');
  if (!KEEP && world.runDir) {
    fs.rmSync(world.runDir, { recursive: true, force: true });
    if (world.server) fs.rmSync(world.server.tempDir, { recursive: true, force: true });
  }
  if (!summaryPrinted) process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (the run ended early)\n`);
});

let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    await world.browser?.close().catch((error) => note(`closing Chromium: ${error.message}`));
    await world.server?.stop().catch((error) => note(`stopping code-server: ${error.message}`));
    await world.emulator?.stop().catch((error) => note(`stopping the emulator: ${error.message}`));
    if (world.runDir) {
      if (KEEP) note(`kept: ${world.runDir}${world.server ? ` and ${world.server.tempDir}` : ''}`);
      else {
        fs.rmSync(world.runDir, { recursive: true, force: true });
        if (world.server) fs.rmSync(world.server.tempDir, { recursive: true, force: true });
      }
    }
    const left = descendants(process.pid).filter((pid) => fs.existsSync(`/proc/${pid}`));
    if (left.length) {
      note(`processes still running after cleanup: ${left.map((pid) => `${pid} ${commandLine(pid).slice(0, 80)}`).join('; ')}`);
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
  })();
  return cleaningUp;
}

function slug(text) {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}

async function screenshot(file) {
  if (!world.page) return;
  await world.page.screenshot({ path: path.join(OUTPUT_DIR, file), timeout: 10000 }).catch((error) => note(`no screenshot ${file}: ${error.message}`));
}

/**
 * A cropped screenshot for the README: the smallest rectangle holding the given locators (plus `margin`),
 * at most `maxWidth` wide, optionally ending `bottomAt.extra` px below `bottomAt.locator`.
 */
async function readme(name, { include = [], margin = 0, maxWidth = Infinity, bottomAt } = {}) {
  const page = world.page;
  const boxes = (await Promise.all(include.map((locator) => locator.boundingBox().catch(() => null)))).filter(Boolean);
  const viewport = page.viewportSize();
  let clip;
  if (boxes.length) {
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
    const right = Math.min(viewport.width, x + maxWidth, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    let bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
    // `bottomAt`: end the picture below this locator instead (e.g. a hover, plus a few rows for context).
    const end = bottomAt && (await bottomAt.locator.boundingBox().catch(() => null));
    if (end) bottom = Math.min(bottom, end.y + end.height + (bottomAt.extra ?? 0));
    clip = { x, y, width: right - x, height: bottom - y };
  }
  await page.screenshot({ path: path.join(OUTPUT_DIR, `readme-${name}.png`), clip, timeout: 10000 }).catch((error) => note(`no readme-${name}.png: ${error.message}`));
}

async function saveFailureArtifacts(prefix, reason) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await screenshot(`${prefix}-FAILED.png`);
  let shown = '';
  if (world.wb) shown = JSON.stringify(await world.wb.describe().catch((error) => ({ error: error.message })), null, 2);
  fs.appendFileSync(path.join(OUTPUT_DIR, 'failure.txt'), `== ${prefix}\n${reason}\n\nThe UI showed:\n${shown}\n\n`);
  if (world.server && fs.existsSync(world.server.logFile)) fs.copyFileSync(world.server.logFile, path.join(OUTPUT_DIR, 'code-server.log'));
  if (world.server) {
    const serverLogs = path.join(world.server.userDataDir, 'logs');
    if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(OUTPUT_DIR, 'server-logs'), { recursive: true });
  }
  fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), `${world.consoleLines.join('\n')}\n`);
  if (world.emulator) {
    const stats = await world.emulator.control('GET', 'stats').catch((error) => ({ error: error.message }));
    fs.writeFileSync(path.join(OUTPUT_DIR, 'emulator.log'), `${world.emulator.output.join('\n')}\n\nstats: ${JSON.stringify(stats, null, 2)}\n`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function setUp() {
  for (const file of ['dist/extension.js', 'dist/emulator.js']) {
    if (!fs.existsSync(path.join(REPO, file))) throw new Error(`${file} is missing: build first (node esbuild.js)`);
  }
  const timings = {};
  let mark = Date.now();
  const installed = await ensureCodeServer();
  timings.ensure = Date.now() - mark;

  world.runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-e2e-'));
  const workspace = path.join(world.runDir, 'workspace');
  const userDataDir = path.join(world.runDir, 'user-data');
  const extensionsDir = path.join(world.runDir, 'extensions');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# End-to-end test workspace\n');

  mark = Date.now();
  world.emulator = await startEmulator({ latencyMs: 30 });
  const dataset = await world.emulator.control('GET', 'dataset');
  const fixtures = dataset.fixtures;
  const liveClassroom = dataset.apps.find((app) => app.AppId === fixtures.appId);
  if (!liveClassroom) throw new Error(`the emulator's dataset has no app ${fixtures.appId}`);
  timings.emulator = Date.now() - mark;
  note(`emulator on ${world.emulator.url}; app "${liveClassroom.AppName}" (${fixtures.appId}), user ${fixtures.userId}, group ${fixtures.pagedGroupId} (${fixtures.pagedGroupTotal} members)`);

  const extension = installExtensionCopy(extensionsDir);
  writeUserSettings(userDataDir, {
    'imExplorer.endpoint': world.emulator.url,
    'imExplorer.users': { [fixtures.appId]: [fixtures.userId] },
    'imExplorer.pageSize': PAGE_SIZE,
  });

  mark = Date.now();
  world.server = await startCodeServer({
    installed,
    port: 0,
    folder: workspace,
    userDataDir,
    extensionsDir,
    logFile: path.join(world.runDir, 'code-server.log'),
    extraArgs: ['--vscode-option', 'force-disable-user-env'],
    // No extension Marketplace (Open VSX): nothing to fetch, no network errors.
    env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  });
  timings.codeServer = Date.now() - mark;
  note(`code-server ${installed.version} on ${world.server.url} (${seconds(timings.codeServer)}); extension ${extension.id} ${extension.version} installed from ${extension.from}`);

  mark = Date.now();
  world.browser = await launchChromium();
  const context = await newContext(world.browser, world.server.url, { viewport: { width: 1400, height: 900 } });
  world.page = await context.newPage();
  world.page.on('console', (message) => world.consoleLines.push(`[${message.type()}] ${message.text()}`));
  world.page.on('pageerror', (error) => world.consoleLines.push(`[pageerror] ${error.stack || error.message}`));
  world.wb = new Workbench(world.page, { log: note });
  await world.page.goto(`${world.server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await world.wb.waitReady(120000);
  timings.workbench = Date.now() - mark;
  note(`workbench ready with the extension's view container (${seconds(timings.workbench)})`);

  return { fixtures, liveClassroom, dataset, timings };
}

async function main() {
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const results = [];
  const all = steps();
  const state = { completed: new Set(), profiles: new Set(), faultsBefore: undefined };
  let setupTimings = {};

  const work = (async () => {
    let context;
    try {
      context = await setUp();
      setupTimings = context.timings;
    } catch (error) {
      note(`set-up failed: ${error.stack || error.message}`);
      await saveFailureArtifacts('00-setup', error.stack || error.message);
      results.push({ title: 'set up the emulator, code-server and the workbench', ok: false, error });
      return;
    }
    const keys = emulatorKeys();
    const ctx = {
      ...context,
      wb: world.wb,
      page: world.page,
      emulator: world.emulator,
      keys,
      state,
      readme,
    };
    for (const [index, step] of all.entries()) {
      if (interrupted) break;
      const number = String(index + 1).padStart(2, '0');
      const prefix = `${number}-${step.id}`;
      const missing = (step.needs || []).filter((id) => !state.completed.has(id));
      if (missing.length) {
        results.push({ title: step.title, ok: false, skipped: true, error: new Error(`not run: ${missing.join(', ')} failed`) });
        process.stdout.write(`  - ${number} ${step.title}: SKIPPED (needs ${missing.join(', ')})\n`);
        continue;
      }
      const started = Date.now();
      try {
        await withTimeout(step.run(ctx), STEP_TIMEOUT_MS, `step ${number}`);
        state.completed.add(step.id);
        results.push({ title: step.title, ok: true, ms: Date.now() - started });
        progress.passed++;
        process.stdout.write(`  ✓ ${number} ${step.title} (${seconds(Date.now() - started)})\n`);
        await screenshot(`${prefix}.png`);
      } catch (error) {
        if (interrupted) break;
        results.push({ title: step.title, ok: false, ms: Date.now() - started, error });
        progress.failed++;
        process.stdout.write(`  ✗ ${number} ${step.title} (${seconds(Date.now() - started)})\n      ${String(error.message).split('\n').join('\n      ')}\n`);
        await saveFailureArtifacts(prefix, error.stack || error.message);
        // Leave the UI in a state the next step can start from.
        if (state.faultsBefore) await world.emulator.control('PUT', 'faults', state.faultsBefore).catch(() => {});
        await world.page.keyboard.press('Escape').catch(() => {});
        await world.wb.closeQuickInput().catch(() => {});
      }
    }
  })();

  const outcome = await Promise.race([
    work.then(() => 'done'),
    new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref()),
  ]);
  if (outcome === 'timeout') {
    note(`the whole run took longer than ${TIMEOUT_MS} ms (IME_E2E_TIMEOUT_MS)`);
    await saveFailureArtifacts('timeout', `run timed out after ${TIMEOUT_MS} ms`);
    results.push({ title: 'the run ends within IME_E2E_TIMEOUT_MS', ok: false, error: new Error('timeout') });
  }
  await cleanup();

  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  const skipped = results.filter((result) => result.skipped).length;
  if (failed) {
    process.stdout.write('\nFailed end-to-end steps:\n');
    results.filter((result) => !result.ok).forEach((result, index) => {
      process.stdout.write(`  ${index + 1}) ${result.title}: ${String(result.error?.message ?? result.error).split('\n')[0]}\n`);
    });
    note(`artifacts in ${path.relative(process.cwd(), OUTPUT_DIR) || OUTPUT_DIR}/`);
  }
  const t = setupTimings;
  note(
    `timings: code-server ready ${t.codeServer !== undefined ? seconds(t.codeServer) : '-'}, workbench + extension ${t.workbench !== undefined ? seconds(t.workbench) : '-'}, ` +
      `steps ${seconds(results.reduce((sum, result) => sum + (result.ms || 0), 0))}, whole run ${seconds(Date.now() - t0)}`,
  );
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped after a failure)` : ''}\n`);
  summaryPrinted = true;
  return failed > 0 || outcome === 'timeout' ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    note(`${signal}: stopping`);
    cleanup().finally(() => {
      process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (interrupted by ${signal})\n`);
      summaryPrinted = true;
      process.exit(130);
    });
  });
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`${error.stack || error.message}\n`);
    await cleanup().catch(() => {});
    process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (${String(error.message).split('\n')[0]})\n`);
    summaryPrinted = true;
    process.exit(1);
  },
);
