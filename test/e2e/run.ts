// End-to-end tests: the real VS Code workbench (code-server 4.139.1 = VS Code 1.139.1) in headless Chromium, driven
// as a user drives it (activity bar, command palette, input boxes, tree, context menus, inline actions, modal
// dialogs, status bar, clipboard), against the emulator in a child process. Unlike test/integration (mocha inside the
// extension host, smoke-test-driver mode), nothing here calls the extension's API: toasts and dialogs are the real ones.
//
// Environment:
//   IME_E2E_TIMEOUT_MS       whole-run limit (default 600000 = 10 min)
//   IME_E2E_STEP_TIMEOUT_MS  limit of one step (default 120000)
//   IME_E2E_KEEP=1           keep the temp workspace, user data and logs
//   IME_E2E_EXTENSION=DIR    install this build of the extension instead of the repository's
//   IME_E2E_STEPS=PATTERN    only the steps whose id matches this regular expression, and the steps they need
//   IME_CODE_SERVER_DIR, CHROMIUM_PATH, IME_HEADED=1 (see the harness)
//
// Writes test-output/e2e/NN-<step>.png after every step, readme-*.png (cropped candidates for the README), and on
// failure the screenshot, code-server's log, the server-side logs, the browser console, the emulator's output and
// what the UI showed (failure.txt). Ends with one line `e2e: N passed, N failed`; exit code 0 only when all passed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../harness/chromium';
import { type CodeServer, copyServerLogs, NO_GALLERY, startCodeServer } from '../harness/codeServer';
import { ensureCodeServer } from '../harness/codeServerInstall';
import { demoApp, type EmulatorProcess, startEmulator } from '../harness/emulator';
import { EMULATOR_CLI, EXTENSION_BUNDLE, REPO, requireBuilt } from '../harness/paths';
import { commandLine, descendants, signal } from '../harness/processTree';
import { NO_USER_ENV_ARGS } from '../harness/smokeTest';
import { seconds } from '../harness/text';
import { firstLine, messageOf, stackOf, withTimeout } from '../harness/wait';
import { Workbench } from '../harness/workbench';
import { installExtensionCopy, writeUserSettings } from './environment';
import { type ReadmeShot, type Step, type StepContext, steps, type SuiteState } from './steps';

const OUTPUT_DIR = path.join(REPO, 'test-output', 'e2e');
const TIMEOUT_MS = Number(process.env.IME_E2E_TIMEOUT_MS || 10 * 60 * 1000);
const STEP_TIMEOUT_MS = Number(process.env.IME_E2E_STEP_TIMEOUT_MS || 120_000);
const KEEP = process.env.IME_E2E_KEEP === '1';
const ONLY_STEPS = process.env.IME_E2E_STEPS ? new RegExp(process.env.IME_E2E_STEPS) : undefined;
const PAGE_SIZE = 50;

const t0 = Date.now();
function note(message: string): void {
  process.stderr.write(`[e2e +${seconds(Date.now() - t0)}] ${message}\n`);
}

const world: { runDir?: string; emulator?: EmulatorProcess; server?: CodeServer; browser?: Browser; page?: Page; wb?: Workbench; consoleLines: string[] } = {
  consoleLines: [],
};
let interrupted = false;
let summaryPrinted = false;
const progress = { passed: 0, failed: 0 };

function removeTempFolders(): void {
  if (KEEP || !world.runDir) return;
  fs.rmSync(world.runDir, { recursive: true, force: true });
  if (world.server) fs.rmSync(world.server.tempDir, { recursive: true, force: true });
}

// Last resort when something ends the process early (Playwright's own SIGINT handler exits after closing Chromium): no
// temp folders and a summary line all the same (the emulator's and code-server's exit hooks end their processes).
process.on('exit', () => {
  removeTempFolders();
  if (!summaryPrinted) process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (the run ended early)\n`);
});

let cleaningUp: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    await world.browser?.close().catch((error: unknown) => note(`closing Chromium: ${messageOf(error)}`));
    await world.server?.stop().catch((error: unknown) => note(`stopping code-server: ${messageOf(error)}`));
    await world.emulator?.stop().catch((error: unknown) => note(`stopping the emulator: ${messageOf(error)}`));
    if (KEEP && world.runDir) note(`kept: ${world.runDir}${world.server ? ` and ${world.server.tempDir}` : ''}`);
    removeTempFolders();
    const left = descendants(process.pid).filter((pid) => fs.existsSync(`/proc/${pid}`));
    if (left.length) {
      note(`processes still running after cleanup: ${left.map((pid) => `${pid} ${commandLine(pid).slice(0, 80)}`).join('; ')}`);
      for (const pid of left) signal(pid, 'SIGKILL');
    }
  })();
  return cleaningUp;
}

async function screenshot(file: string): Promise<void> {
  await world.page
    ?.screenshot({ path: path.join(OUTPUT_DIR, file), timeout: 10_000 })
    .catch((error: unknown) => note(`no screenshot ${file}: ${messageOf(error)}`));
}

/**
 * A cropped screenshot for the README: the smallest rectangle holding the given locators (plus `margin`), at most
 * `maxWidth` wide, optionally ending `bottomAt.extra` px below `bottomAt.locator`.
 */
const readme: ReadmeShot = async (name, { include = [], margin = 0, maxWidth = Infinity, bottomAt } = {}) => {
  const page = world.page;
  if (!page) return;
  const boxes = (await Promise.all(include.map((locator) => locator.boundingBox().catch(() => null)))).filter((box) => box !== null);
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  let clip;
  if (boxes.length) {
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
    const right = Math.min(viewport.width, x + maxWidth, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    let bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
    const end = bottomAt && (await bottomAt.locator.boundingBox().catch(() => null));
    if (end) bottom = Math.min(bottom, end.y + end.height + (bottomAt.extra ?? 0));
    clip = { x, y, width: right - x, height: bottom - y };
  }
  await page
    .screenshot({ path: path.join(OUTPUT_DIR, `readme-${name}.png`), clip, timeout: 10_000 })
    .catch((error: unknown) => note(`no readme-${name}.png: ${messageOf(error)}`));
};

async function saveFailureArtifacts(prefix: string, reason: string): Promise<void> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  await screenshot(`${prefix}-FAILED.png`);
  const shown = world.wb ? JSON.stringify(await world.wb.describe().catch((error: unknown) => ({ error: messageOf(error) })), null, 2) : '';
  fs.appendFileSync(path.join(OUTPUT_DIR, 'failure.txt'), `== ${prefix}\n${reason}\n\nThe UI showed:\n${shown}\n\n`);
  copyServerLogs(world.server, OUTPUT_DIR);
  fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), `${world.consoleLines.join('\n')}\n`);
  if (world.emulator) {
    const stats = await world.emulator.stats().catch((error: unknown) => ({ error: messageOf(error) }));
    fs.writeFileSync(path.join(OUTPUT_DIR, 'emulator.log'), `${world.emulator.output.join('\n')}\n\nstats: ${JSON.stringify(stats, null, 2)}\n`);
  }
}

async function setUp(state: SuiteState): Promise<{ context: StepContext; timings: Record<string, number> }> {
  requireBuilt([EXTENSION_BUNDLE, EMULATOR_CLI], 'node esbuild.js');
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const installed = await ensureCodeServer();
  timings.ensure = Date.now() - mark;

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-e2e-'));
  world.runDir = runDir;
  const workspace = path.join(runDir, 'workspace');
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# End-to-end test workspace\n');

  mark = Date.now();
  const emulator = await startEmulator({ latencyMs: 30 });
  world.emulator = emulator;
  const dataset = await emulator.dataset();
  const fixtures = dataset.fixtures;
  const liveClassroom = dataset.apps.find((app) => app.AppId === demoApp(dataset).appId)!;
  timings.emulator = Date.now() - mark;
  note(
    `emulator on ${emulator.url}; app "${liveClassroom.AppName}" (${fixtures.appId}), user ${fixtures.userId}, group ${fixtures.pagedGroupId} (${fixtures.pagedGroupTotal} members)`,
  );

  const extension = installExtensionCopy(extensionsDir);
  writeUserSettings(userDataDir, {
    'imExplorer.endpoint': emulator.url,
    'imExplorer.users': { [fixtures.appId]: [fixtures.userId] },
    'imExplorer.pageSize': PAGE_SIZE,
  });

  mark = Date.now();
  const server = await startCodeServer({
    installed,
    folder: workspace,
    userDataDir,
    extensionsDir,
    logFile: path.join(runDir, 'code-server.log'),
    extraArgs: [...NO_USER_ENV_ARGS],
    env: { EXTENSIONS_GALLERY: NO_GALLERY },
  });
  world.server = server;
  timings.codeServer = Date.now() - mark;
  note(
    `code-server ${installed.version} on ${server.url} (${seconds(timings.codeServer)}); extension ${extension.id} ${extension.version} installed from ${extension.from}`,
  );

  mark = Date.now();
  world.browser = await launchChromium();
  const page = await (await newContext(world.browser, server.url)).newPage();
  world.page = page;
  page.on('console', (message) => world.consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => world.consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
  const wb = new Workbench(page, note);
  world.wb = wb;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await wb.waitReady(120_000);
  timings.workbench = Date.now() - mark;
  note(`workbench ready with the extension's view container (${seconds(timings.workbench)})`);
  return { context: { wb, page, emulator, dataset, fixtures, liveClassroom, state, readme, workspace }, timings };
}

interface StepResult {
  title: string;
  ok: boolean;
  skipped?: boolean;
  ms?: number;
  error?: unknown;
}

/** The ids of the steps to run: every step, or with IME_E2E_STEPS those matching and, transitively, what they need. */
function chosenSteps(all: Step[]): Set<string> {
  if (!ONLY_STEPS) return new Set(all.map((step) => step.id));
  const chosen = new Set<string>();
  const add = (id: string) => {
    if (chosen.has(id)) return;
    chosen.add(id);
    for (const need of all.find((step) => step.id === id)?.needs ?? []) add(need);
  };
  for (const step of all) if (ONLY_STEPS.test(step.id)) add(step.id);
  if (chosen.size === 0) throw new Error(`IME_E2E_STEPS=${process.env.IME_E2E_STEPS} matches no step id: ${all.map((step) => step.id).join(', ')}`);
  return chosen;
}

async function runSteps(results: StepResult[], state: SuiteState): Promise<Record<string, number>> {
  const chosen = chosenSteps(steps());
  let setup;
  try {
    setup = await setUp(state);
  } catch (error) {
    note(`set-up failed: ${stackOf(error)}`);
    await saveFailureArtifacts('00-setup', stackOf(error));
    results.push({ title: 'set up the emulator, code-server and the workbench', ok: false, error });
    return {};
  }
  const { context } = setup;
  for (const [index, step] of steps().entries()) {
    if (interrupted) break;
    if (!chosen.has(step.id)) continue;
    const number = String(index + 1).padStart(2, '0');
    const prefix = `${number}-${step.id}`;
    const missing = (step.needs ?? []).filter((id) => !state.completed.has(id));
    if (missing.length) {
      results.push({ title: step.title, ok: false, skipped: true, error: new Error(`not run: ${missing.join(', ')} failed`) });
      process.stdout.write(`  - ${number} ${step.title}: SKIPPED (needs ${missing.join(', ')})\n`);
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(step.run(context), STEP_TIMEOUT_MS, `step ${number}`);
      state.completed.add(step.id);
      results.push({ title: step.title, ok: true, ms: Date.now() - started });
      progress.passed++;
      process.stdout.write(`  ✓ ${number} ${step.title} (${seconds(Date.now() - started)})\n`);
      await screenshot(`${prefix}.png`);
    } catch (error) {
      if (interrupted) break;
      results.push({ title: step.title, ok: false, ms: Date.now() - started, error });
      progress.failed++;
      process.stdout.write(`  ✗ ${number} ${step.title} (${seconds(Date.now() - started)})\n      ${messageOf(error).split('\n').join('\n      ')}\n`);
      await saveFailureArtifacts(prefix, stackOf(error));
      // Leave the UI in a state the next step can start from.
      if (state.faultsBefore) await context.emulator.control('PUT', 'faults', state.faultsBefore).catch(() => undefined);
      await context.page.keyboard.press('Escape').catch(() => undefined);
      await context.wb.closeQuickInput().catch(() => undefined);
    }
  }
  return setup.timings;
}

async function main(): Promise<number> {
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const results: StepResult[] = [];
  const state: SuiteState = { completed: new Set(), profiles: new Set() };
  let setupTimings: Record<string, number> = {};
  const work = runSteps(results, state).then((timings) => {
    setupTimings = timings;
    return 'done' as const;
  });
  const outcome = await Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref())]);
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
    results
      .filter((result) => !result.ok)
      .forEach((result, index) => process.stdout.write(`  ${index + 1}) ${result.title}: ${firstLine(messageOf(result.error))}\n`));
    note(`artifacts in ${path.relative(process.cwd(), OUTPUT_DIR) || OUTPUT_DIR}/`);
  }
  const t = setupTimings;
  const maybe = (ms: number | undefined) => (ms !== undefined ? seconds(ms) : '-');
  note(
    `timings: code-server ready ${maybe(t.codeServer)}, workbench + extension ${maybe(t.workbench)}, ` +
      `steps ${seconds(results.reduce((sum, result) => sum + (result.ms ?? 0), 0))}, whole run ${seconds(Date.now() - t0)}`,
  );
  process.stdout.write(`e2e: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped after a failure)` : ''}\n`);
  summaryPrinted = true;
  return failed > 0 || outcome === 'timeout' ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    interrupted = true;
    note(`${sig}: stopping`);
    void cleanup().finally(() => {
      process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (interrupted by ${sig})\n`);
      summaryPrinted = true;
      process.exit(130);
    });
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(`${stackOf(error)}\n`);
    await cleanup().catch(() => undefined);
    process.stdout.write(`e2e: ${progress.passed} passed, ${progress.failed + 1} failed (${firstLine(messageOf(error))})\n`);
    summaryPrinted = true;
    process.exit(1);
  },
);
