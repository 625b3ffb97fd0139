// `npm run bench:ui`: what the extension costs in the REAL VS Code (code-server, its Node extension host, the
// browser workbench in headless Chromium), measured on the PRODUCTION bundle. One module per measurement:
// activation.ts (activation_ms, activation_floor_ms), expand.ts (expand_to_visible_ms), rtt.ts (rtt_ms),
// bigGroup.ts (load_all_ratio_to_limit, exthost_heap_growth_mb, frame_gap_p95_ms, refresh_after_load_all_ms);
// dashboard.ts (dashboard_*); dayLong.ts (refresh_heap_growth_mb, reload_to_tree_ms);
// stage.ts builds the bundle (bundle_bytes); report.ts prints a table and, as the last line, one JSON object.
// Environment: see config.ts (IME_BENCH_UI_WINDOWS, _ROUNDS, _KEEP, _VERBOSE, _SRC, _TIMEOUT_MS).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium, newContext } from '../../harness/chromium';
import { copyServerLogs, NO_GALLERY, startCodeServer, writeUserSettings } from '../../harness/codeServer';
import { ensureCodeServer } from '../../harness/codeServerInstall';
import { demoSignInEnv } from '../../harness/demo';
import { demoApp, startEmulator } from '../../harness/emulator';
import { leftovers } from '../../harness/processTree';
import { NO_USER_ENV_ARGS, SMOKE_TEST_ARGS } from '../../harness/smokeTest';
import { sleep } from '../../harness/wait';
import { type ActivationRecord, activationWindow } from './activation';
import { HOST_ENTRY, KEEP, LATENCY_MS, note, OUTPUT_DIR, TIMEOUT_MS, WINDOWS } from './config';
import { startControl } from './control';
import type { BenchGroup } from './expand';
import { type BenchResult, report } from './report';
import { firstPageMembers, measureRtt } from './rtt';
import { EMPTY_EXTENSION_ID, stageEmptyExtension, stageExtension } from './stage';
import { fmt, median } from './stats';
import { uiWindow } from './ui';
import type { BenchEnv, RunningEnv } from './windows';

const GROUP_ROLES = ['oneMember', 'small', 'paged', 'thousand', 'big', 'muted', 'inactive'] as const;

async function work(env: BenchEnv): Promise<BenchResult> {
  const loadStart = os.loadavg();
  note('building the production bundle (node esbuild.js --production) in a staging folder');
  const staged = stageExtension(env.runDir);
  env.staged = staged;
  env.emptyExtension = stageEmptyExtension(env.runDir);
  note(
    `bundle ${staged.bundleBytes} bytes (built in ${staged.buildMs} ms); requires only vscode (${staged.vscodeRequires} times), ${staged.chunks.join(', ')} and ${staged.builtins.join(', ')}`,
  );

  // verbose: the request log, which the expansions are checked against and emulatorQuiet() watches.
  const emulator = await startEmulator({ cli: staged.emulatorCli, latencyMs: LATENCY_MS, verbose: true });
  env.emulator = emulator;
  const dataset = await emulator.dataset();
  const fixtures = { ...dataset.fixtures, appName: demoApp(dataset).appName };
  note(`emulator ${emulator.url} (latency ${LATENCY_MS} ms); demo app ${fixtures.appId}, user ${fixtures.userId}`);
  const rtt = await measureRtt(emulator, fixtures);
  env.rttTimes = rtt.times;
  note(`rtt: median ${fmt(median(rtt.times))} ms over ${rtt.times.length} ListMessageGroupUser calls`);
  const groups: BenchGroup[] = [];
  for (const role of GROUP_ROLES) {
    const groupId = fixtures[`${role}GroupId`];
    if (!groupId) continue;
    groups.push({ role, groupId, members: fixtures[`${role}GroupTotal`], expected: await firstPageMembers(rtt.client, fixtures.appId, groupId) });
  }

  env.control = await startControl();
  const installed = await ensureCodeServer();
  const userDataDir = path.join(env.runDir, 'user-data');
  writeUserSettings(userDataDir);
  const folders = { activation: path.join(env.runDir, 'workspace-activation'), ui: path.join(env.runDir, 'workspace-ui') };
  for (const folder of Object.values(folders)) {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'README.md'), '# bench:ui workspace\n');
  }
  env.server = await startCodeServer({
    installed,
    port: 0,
    folder: folders.activation,
    userDataDir,
    extensionsDir: path.join(env.runDir, 'extensions'),
    extraArgs: [...SMOKE_TEST_ARGS, ...NO_USER_ENV_ARGS],
    // The extension signs in by itself with the emulator's demo key (no key is ever passed to a command).
    env: { IME_BENCH_UI_CONTROL: env.control.url, EXTENSIONS_GALLERY: NO_GALLERY, ...demoSignInEnv(emulator) },
  });
  note(`code-server ${installed.version} on ${env.server.url} (ready in ${env.server.startMs} ms)`);
  env.browser = await launchChromium();
  env.context = await newContext(env.browser, env.server.url);
  const running = env as RunningEnv;

  const floor: ActivationRecord[] = [];
  const floorOptions = { extensionId: EMPTY_EXTENSION_ID, extensionPath: running.emptyExtension };
  await activationWindow(running, 'warm-up (not counted)', folders.activation);
  await activationWindow(running, 'warm-up empty (not counted)', folders.activation, floorOptions);
  const ui = await uiWindow(running, folders.ui, groups, fixtures);
  const activations: ActivationRecord[] = [];
  // Interleaved, so that the floor and ours see the same machine load.
  for (let i = 0; i < WINDOWS; i++) {
    activations.push(await activationWindow(running, 'signed in', folders.activation));
    floor.push(await activationWindow(running, 'empty extension', folders.activation, floorOptions));
  }
  return { rttTimes: rtt.times, ui, activations, floor, loadStart };
}

function saveFailureLogs(env: BenchEnv): void {
  fs.writeFileSync(path.join(OUTPUT_DIR, 'workbench-log.txt'), `${env.workbenchLines.join('\n')}\n`);
  fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), `${env.consoleLines.join('\n')}\n`);
  copyServerLogs(env.server, OUTPUT_DIR);
}

async function cleanup(env: BenchEnv): Promise<void> {
  await env.browser?.close().catch(() => undefined);
  await env.server?.stop().catch(() => undefined);
  await env.emulator?.stop().catch(() => undefined);
  await env.control?.close();
  if (KEEP) return note(`kept: ${env.runDir}${env.server ? ` and ${env.server.tempDir}` : ''}`);
  for (const dir of [env.runDir, env.server?.tempDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!fs.existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: run \`npm run build:tests\` first`);
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const env: BenchEnv = { runDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ime-bench-ui-')), taskCounter: 0, workbenchLines: [], consoleLines: [] };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms (IME_BENCH_UI_TIMEOUT_MS)`)), TIMEOUT_MS);
  });
  let result: BenchResult | undefined;
  let failure: unknown;
  try {
    result = await Promise.race([work(env), timeout]);
  } catch (error) {
    failure = error;
    if (env.uiPage) await env.uiPage.screenshot({ path: path.join(OUTPUT_DIR, 'failure.png') }).catch(() => undefined);
    saveFailureLogs(env);
  } finally {
    clearTimeout(timer);
  }
  const roots = [env.runDir, env.server?.tempDir].filter((dir): dir is string => Boolean(dir));
  await cleanup(env);
  await sleep(300);
  const left = leftovers(roots);
  if (failure !== undefined || !result || !env.staged) {
    if (left.length) note(`processes left behind:\n  ${left.join('\n  ')}`);
    throw failure ?? new Error('no result');
  }
  report(result, env.staged, left);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:ui failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
