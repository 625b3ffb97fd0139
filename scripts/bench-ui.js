#!/usr/bin/env node
// `npm run bench:ui`: what the extension costs in the REAL VS Code (code-server 4.139.1 = VS Code 1.139.1, its Node
// extension host, the browser workbench in headless Chromium), measured on the PRODUCTION bundle:
//
//   activation_ms         load (require) + activate() of dist/extension.js until its promise resolves, in fresh
//                         extension hosts where the extension is not active yet (VS Code's own "activation time":
//                         code loading + activate call); median over several windows of a returning (signed-in) user.
//                         Also shown: the same signed out, the main thread's CPU time, and what a caller of
//                         getExtension().activate() waits in all (VS Code's context/storage work added)
//   expand_to_visible_ms  from the click on a message group's twistie (the click event's timestamp) to the first
//                         animation frame in which its first member row is in the DOM with a box (≈ the first paint
//                         showing it), timed inside the page; the emulator answers after 30 ms; median over every
//                         group of the demo user, several rounds (a refresh between rounds, so every expansion calls
//                         ListMessageGroupUser once; checked against the emulator's request log)
//   rtt_ms                one signed ListMessageGroupUser through the extension's API client, from Node: median of 20
//   bundle_bytes          size of the production dist/extension.js
//
// Figures are printed, never asserted (these machines are noisy): a readable table on stdout, then, as the last
// line, one JSON object {activation_ms, expand_to_visible_ms, rtt_ms, bundle_bytes}. Progress goes to stderr.
//
// Needs `npm run build:tests` first (out/test/bench/ui/host.js, out/src/api/client.js). The production bundle is
// built here by the repository's own esbuild.js --production, into a private staging folder (src/ symlinked), so
// the repository's dist/ is left alone and a concurrent dev build cannot swap the bundle mid-run.
//
// Environment:
//   IME_BENCH_UI_WINDOWS=5   fresh windows per activation series (signed out, then signed in)
//   IME_BENCH_UI_ROUNDS=3    expansion rounds over the demo user's groups
//   IME_BENCH_UI_PROFILE=1   always profile one activation and one expansion (otherwise only the one missing its target)
//   IME_BENCH_UI_KEEP=1      keep the temp folders; IME_BENCH_UI_VERBOSE=1 echo the workbench's log
//   IME_BENCH_UI_SRC=DIR     build the measured bundle from DIR instead of src/ (to A/B a change: a copy of src/
//                            whose parent also has a node_modules link to this repository's)
// Output files: test-output/bench-ui/ (samples.json; activation.cpuprofile, expand-renderer.cpuprofile when profiled).
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const util = require('node:util');
const { ensureCodeServer, startCodeServer, writeUserSettings } = require('./code-server');
const { launchChromium, newContext } = require('./chromium');

const REPO = path.resolve(__dirname, '..');
const HOST_ENTRY = path.join(REPO, 'out', 'test', 'bench', 'ui', 'host.js');
const CLIENT_MODULE = path.join(REPO, 'out', 'src', 'api', 'client.js');
const OUTPUT_DIR = path.join(REPO, 'test-output', 'bench-ui');
const LATENCY_MS = 30;
const RTT_CALLS = 20;
const WINDOWS = positive(process.env.IME_BENCH_UI_WINDOWS, 5);
const ROUNDS = positive(process.env.IME_BENCH_UI_ROUNDS, 3);
const KEEP = process.env.IME_BENCH_UI_KEEP === '1';
// A/B a change without touching the tree: a copy of src/ (next to a node_modules link) to build the bundle from.
const SRC_DIR = process.env.IME_BENCH_UI_SRC ? path.resolve(process.env.IME_BENCH_UI_SRC) : path.join(REPO, 'src');
const VERBOSE = process.env.IME_BENCH_UI_VERBOSE === '1';
const TIMEOUT_MS = Number(process.env.IME_BENCH_UI_TIMEOUT_MS || 15 * 60 * 1000);
const TARGETS = { activationMs: 30, expandOverRttMs: 150, bundleBytes: 150 * 1024 };

const t0 = Date.now();
function note(message) {
  process.stderr.write(`[bench:ui +${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
}

function positive(text, fallback) {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const min = (values) => Math.min(...values.filter(Number.isFinite));
const max = (values) => Math.max(...values.filter(Number.isFinite));
const round = (value, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

// ---------------------------------------------------------------------------------------------------------------
// The production bundle, built by esbuild.js --production in a staging folder that also serves as the extension
// under development (package.json, media/, dist/) and holds the in-host entry.

function stageExtension(runDir) {
  const stage = path.join(runDir, 'extension');
  fs.mkdirSync(stage, { recursive: true });
  fs.symlinkSync(SRC_DIR, path.join(stage, 'src'), 'dir');
  fs.symlinkSync(path.join(REPO, 'media'), path.join(stage, 'media'), 'dir');
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(stage, 'package.json'));
  const started = Date.now();
  const build = childProcess.spawnSync(process.execPath, [path.join(REPO, 'esbuild.js'), '--production'], {
    cwd: stage,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`node esbuild.js --production failed (${build.signal || `exit ${build.status}`}):\n${build.stderr}${build.stdout}`);
  }
  const bundle = path.join(stage, 'dist', 'extension.js');
  const text = fs.readFileSync(bundle, 'utf8');
  // The bundle must not need anything outside itself at run time (the staging folder has no node_modules).
  const requires = [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))];
  const external = requires.filter((name) => name !== 'vscode' && !name.startsWith('node:') && !require('node:module').isBuiltin(name));
  if (external.length) throw new Error(`the production bundle requires modules it does not contain: ${external.join(', ')}`);
  fs.mkdirSync(path.join(stage, 'bench'), { recursive: true });
  const entry = path.join(stage, 'bench', 'host.js');
  fs.copyFileSync(HOST_ENTRY, entry);
  return {
    stage,
    bundle,
    bundleBytes: fs.statSync(bundle).size,
    mapBytes: fs.existsSync(`${bundle}.map`) ? fs.statSync(`${bundle}.map`).size : undefined,
    emulatorCli: path.join(stage, 'dist', 'emulator.js'),
    entry: path.join(stage, 'bench', 'host'),
    buildMs: Date.now() - started,
    builtins: requires.filter((name) => name !== 'vscode'),
    vscodeRequires: (text.match(/require\("vscode"\)/g) || []).length,
    // esbuild turns each file's `import * as vscode from 'vscode'` into its own __toESM(require("vscode")) copy
    // (`import vscode = require('vscode')` stays a plain require).
    vscodeImports: (text.match(/[\w$]+\(require\("vscode"\)\)/g) || []).length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The emulator, in its own process (as the real API is remote), with its request log (arrival times).

function startEmulator(cli) {
  const child = childProcess.spawn(process.execPath, [cli, '--port', '0', '--latency-ms', String(LATENCY_MS), '--verbose'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never left behind, even when this script ends early.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  const requests = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const found = {};
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within 15 s${stderr ? `: ${stderr}` : ''}`)), 15000);
    const early = (code, signal) => reject(new Error(`the emulator exited early (${signal || `exit ${code}`}): ${stderr}`));
    child.once('exit', early);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      // "2026-11-23T10:00:00.123Z POST ListMessageGroupUser 200 OK +30ms"
      const request = /^(\d{4}-\d\d-\d\dT\S+Z) (\S+) (\S+) (\S+) (\S+) \+(\d+)ms$/.exec(line);
      if (request) {
        requests.push({ at: Date.parse(request[1]), method: request[2], action: request[3], status: request[4], code: request[5] });
        return;
      }
      const match = /^listening (\S+)$|^access key id: (\S+)$|^access key secret: (\S+)$/.exec(line.trim());
      if (!match) return;
      found.url ??= match[1];
      found.accessKeyId ??= match[2];
      found.accessKeySecret ??= match[3];
      if (found.url && found.accessKeyId && found.accessKeySecret && !found.ready) {
        found.ready = true;
        clearTimeout(timer);
        child.removeListener('exit', early);
        resolve({ ...found, process: child, requests });
      }
    });
  });
}

async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------------------
// The control server the in-host entry talks to: GET /task, POST /event, GET /command (long poll).

function startControl() {
  const state = { task: undefined, events: [], eventWaiters: [], commands: [], commandWaiter: undefined };
  const server = http.createServer((req, res) => {
    const reply = (status, value) => {
      const body = value === undefined ? '' : JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/task') return reply(200, state.task ?? { mode: 'none' });
    if (req.method === 'GET' && req.url === '/command') {
      if (state.commands.length) return reply(200, state.commands.shift());
      state.commandWaiter = (command) => reply(200, command);
      return undefined;
    }
    if (req.method === 'POST' && req.url === '/event') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const event = { ...JSON.parse(Buffer.concat(chunks).toString('utf8')), receivedAt: Date.now(), taskId: state.task?.id };
        state.events.push(event);
        for (const waiter of [...state.eventWaiters]) waiter(event);
        reply(204);
      });
      return undefined;
    }
    return reply(404, { error: 'unknown' });
  });
  const control = {
    server,
    state,
    setTask(task) {
      state.task = task;
      state.commands.length = 0;
      state.commandWaiter = undefined;
    },
    /** The next event of `type` for the current task (or an error event), within `timeoutMs`. */
    nextEvent(type, timeoutMs = 60000) {
      const taskId = state.task?.id;
      const seen = state.events.find((event) => event.taskId === taskId && (event.type === type || event.type === 'error') && !event.consumed);
      if (seen) {
        seen.consumed = true;
        return seen.type === 'error' ? Promise.reject(new Error(`in the extension host: ${seen.data.message}`)) : Promise.resolve(seen.data);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          state.eventWaiters = state.eventWaiters.filter((each) => each !== waiter);
          reject(new Error(`no "${type}" from the extension host within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event) => {
          if (event.taskId !== taskId || (event.type !== type && event.type !== 'error')) return;
          event.consumed = true;
          clearTimeout(timer);
          state.eventWaiters = state.eventWaiters.filter((each) => each !== waiter);
          if (event.type === 'error') reject(new Error(`in the extension host: ${event.data.message}`));
          else resolve(event.data);
        };
        state.eventWaiters.push(waiter);
      });
    },
    command(cmd) {
      const command = { cmd };
      if (state.commandWaiter) {
        const waiter = state.commandWaiter;
        state.commandWaiter = undefined;
        waiter(command);
      } else {
        state.commands.push(command);
      }
    },
  };
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ ...control, url: `http://127.0.0.1:${server.address().port}` })));
}

// ---------------------------------------------------------------------------------------------------------------
// Windows of the workbench: each page load is a new window with a new extension host process.

async function openWindow(env, task, folder) {
  env.control.setTask(task);
  const page = await env.context.newPage();
  let resolveExit;
  const exited = new Promise((resolve) => {
    resolveExit = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args);
    env.workbenchLines.push(`[window ${task.id}] [${type}] ${text}`);
    if (VERBOSE) process.stderr.write(`[window ${task.id}] ${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit({ code }));
  page.on('console', (message) => env.consoleLines.push(`[window ${task.id}] [${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => env.consoleLines.push(`[window ${task.id}] [pageerror] ${error.message}`));
  page.on('crash', () => resolveExit({ code: 'crash' }));
  const authority = `127.0.0.1:${env.server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${env.staged.stage}`],
    ['extensionTestsPath', `vscode-remote://${authority}${env.staged.entry}`],
  ];
  const url = `${env.server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const opened = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  return { page, exited, opened };
}

async function closeWindow(env, window) {
  const outcome = await Promise.race([window.exited, sleep(30000).then(() => ({ code: 'timeout' }))]);
  await window.page.close().catch(() => {});
  // The server ends a closed window's extension host; let it go before the next window is measured.
  const started = Date.now();
  const left = await waitForExtensionHosts(env, 0, 10000);
  if (left > 0) note(`closed window ${env.control.state.task?.id}: ${left} extension host(s) still running after ${Date.now() - started} ms`);
  return outcome;
}

/** Extension host processes of our code-server (each window has its own). */
function extensionHosts(env) {
  const hosts = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('extensionHostProcess') || cmdline.includes('--type=extensionHost')) {
        const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
        if (environ.includes(`IME_BENCH_UI_CONTROL=${env.control.url}`)) hosts.push(Number(entry));
      }
    } catch {
      // ended meanwhile, or not ours
    }
  }
  return hosts;
}

async function waitForExtensionHosts(env, count, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && extensionHosts(env).length > count) await sleep(100);
  return extensionHosts(env).length;
}

async function activationWindow(env, label, folder, mode = 'activation', extra = {}) {
  const task = { id: ++env.taskCounter, mode, settleMs: 2000, ...extra };
  const window = await openWindow(env, task, folder);
  const sample = await env.control.nextEvent('activation', 120000);
  let probe;
  if (mode === 'profile') probe = await env.control.nextEvent('probe', 60000);
  const outcome = await closeWindow(env, window);
  if (outcome.code !== 0) note(`window ${task.id} (${label}) ended with ${outcome.code}`);
  const record = { label, window: task.id, openToResultMs: Date.now() - window.opened, ...sample, probe };
  note(
    `window ${task.id} ${label}: load ${fmt(sample.loadMs)} + activate() ${fmt(sample.activateCallMs)} ms ` +
      `(CPU ${fmt(sample.loadCpuMs)} + ${fmt(sample.activateCpuMs)}; caller sees ${fmt(sample.totalMs)} ms)` +
      `${sample.wasActive ? ' INVALID: already active' : ''}, signed in ${sample.signedIn}`,
  );
  return record;
}

// ---------------------------------------------------------------------------------------------------------------
// The UI part: expand every group of the demo user, several rounds, timed inside the page.

const ROW = '.monaco-list-row[role="treeitem"]';

function sidebarRow(page, label, level) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator(`[id="workbench.parts.sidebar"] ${ROW}${level ? `[aria-level="${level}"]` : ''}`)
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** What the view shows and what the extension host and the emulator did since `requestsBefore`, for errors. */
async function diagnose(env, page, requestsBefore = 0) {
  const rows = await page
    .evaluate(() =>
      [...document.querySelectorAll('[id="workbench.parts.sidebar"] .monaco-list-row[role="treeitem"]')].map(
        (row) => `${row.getAttribute('aria-level')}:${row.querySelector('.label-name')?.textContent}${row.getAttribute('aria-expanded') === 'true' ? ' (expanded)' : ''}`,
      ),
    )
    .catch(() => []);
  env.control.command('timings');
  const calls = await env.control.nextEvent('timings', 10000).catch(() => []);
  const requests = env.emulator.requests.slice(requestsBefore).map((request) => `${request.action} ${request.code}`);
  return (
    `  rows in the view: ${rows.join(' | ') || 'none'}\n` +
    `  getChildren calls in the extension host: ${calls.map((call) => `${call.kind} "${call.label}" -> ${call.count} children`).join('; ') || 'none'}\n` +
    `  API requests: ${requests.join(', ') || 'none'}`
  );
}

/**
 * Expands the row `label` (tree level `level`) until a row `childLabel` shows under it. A node whose parent is
 * refreshed while its children load can stay expanded and empty in VS Code: then it is collapsed and expanded again.
 */
async function expandRow(env, page, label, level, childLabel) {
  const row = sidebarRow(page, label, level);
  for (let attempt = 1; ; attempt++) {
    try {
      await row.waitFor({ state: 'visible', timeout: 60000 });
    } catch (error) {
      throw new Error(`no row "${label}" at level ${level} in the view within 60 s (${error.message.split('\n')[0]}).\n${await diagnose(env, page)}`);
    }
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    try {
      await sidebarRow(page, childLabel, level + 1).waitFor({ state: 'visible', timeout: 15000 });
      return attempt;
    } catch (error) {
      const details = await diagnose(env, page);
      if (attempt >= 3) throw new Error(`"${label}" is expanded but "${childLabel}" never showed under it (${attempt} attempts).\n${details}`);
      // Collapsing and expanding again does not help (the view keeps its empty list and asks the extension
      // nothing): refresh the whole view, which makes it ask again.
      note(`"${label}" stayed expanded without its children (attempt ${attempt}); refreshing the view and expanding again.\n${details}`);
      env.control.command('refresh');
      await env.control.nextEvent('done', 30000);
      await sleep(1000);
      await emulatorQuiet(env);
      if ((await row.getAttribute('aria-expanded').catch(() => null)) === 'true') {
        await row.locator('.monaco-tl-twistie').click();
        await sleep(500);
      }
    }
  }
}

/**
 * Arms the in-page watcher: the click's timestamp, the moment a member row (tree level `level`, label in `expected`)
 * is in the DOM, and the first animation frame after it in which that row has a box (≈ the first paint showing it).
 * The DOM is only read in the mutation callbacks (no layout is forced there: that would thrash while VS Code renders
 * rows); the box is read once per frame, in requestAnimationFrame, where the frame's layout is due anyway.
 */
function armWatcher(page, expected, level) {
  return page.evaluate(
    ({ expected, level }) => {
      const sidebar = document.getElementById('workbench.parts.sidebar');
      const state = { click: undefined, down: undefined, attached: undefined, frame: undefined, label: undefined, frames: 0, timeOrigin: performance.timeOrigin };
      const find = () => {
        for (const row of sidebar.querySelectorAll(`.monaco-list-row[role="treeitem"][aria-level="${level}"]`)) {
          const name = row.querySelector('.label-name')?.textContent;
          if (name && expected.includes(name)) return row;
        }
        return undefined;
      };
      state.preexisting = find()?.querySelector('.label-name')?.textContent;
      const onDown = (event) => {
        state.down ??= event.timeStamp;
      };
      const onClick = (event) => {
        state.click ??= event.timeStamp;
      };
      window.addEventListener('mousedown', onDown, true);
      window.addEventListener('click', onClick, true);
      const onFrame = (now) => {
        state.frames++;
        const row = find();
        const box = row?.getBoundingClientRect();
        if (row && box.width > 0 && box.height > 0) {
          state.frame = performance.now();
          state.frameTime = now;
          state.label = row.querySelector('.label-name')?.textContent;
          return;
        }
        requestAnimationFrame(onFrame);
      };
      const observer = new MutationObserver(() => {
        if (state.click === undefined || state.attached !== undefined) return;
        const row = find();
        if (!row) return;
        state.attached = performance.now();
        observer.disconnect();
        window.removeEventListener('mousedown', onDown, true);
        window.removeEventListener('click', onClick, true);
        requestAnimationFrame(onFrame);
      });
      observer.observe(sidebar, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-level'] });
      window.__imeBench = state;
      return state.preexisting;
    },
    { expected, level },
  );
}

async function measureExpansion(env, page, group, round) {
  const groupRow = sidebarRow(page, group.GroupId, 3);
  await groupRow.waitFor({ state: 'visible', timeout: 30000 });
  await groupRow.scrollIntoViewIfNeeded();
  if ((await groupRow.getAttribute('aria-expanded')) === 'true') throw new Error(`group ${group.GroupId} is already expanded`);
  const preexisting = await armWatcher(page, group.expected, 4);
  if (preexisting) throw new Error(`a member row (${preexisting}) is in the DOM before the click`);
  const requestsBefore = env.emulator.requests.length;
  await groupRow.locator('.monaco-tl-twistie').click();
  try {
    await page.waitForFunction(() => window.__imeBench.frame !== undefined, null, { timeout: 15000, polling: 50 });
  } catch {
    return { round, group: group.role, groupId: group.GroupId, lost: true, details: await diagnose(env, page, requestsBefore) };
  }
  const state = await page.evaluate(() => window.__imeBench);
  const clickWall = state.timeOrigin + state.click;
  const attachedWall = state.timeOrigin + state.attached;
  const calls = env.emulator.requests
    .slice(requestsBefore)
    .filter((request) => request.action === 'ListMessageGroupUser' && request.at >= Math.floor(clickWall) - 1 && request.at <= attachedWall + 1);
  const sample = {
    round,
    group: group.role,
    groupId: group.GroupId,
    members: group.members,
    firstRow: state.label,
    expandMs: state.attached - state.click,
    frameMs: state.frame - state.click,
    downToClickMs: state.click - state.down,
    clickWall,
    attachedWall,
    apiCalls: calls.length,
    emulatorArrival: calls[0]?.at,
  };
  // Collapse again, so that the next group's rows are where the view shows them.
  await groupRow.locator('.monaco-tl-twistie').click();
  await page.waitForFunction((el) => el.getAttribute('aria-expanded') !== 'true', await groupRow.elementHandle(), { timeout: 30000 });
  return sample;
}

/** Waits until the emulator saw no request for `quietMs`. */
async function emulatorQuiet(env, quietMs = 400, maxMs = 10000) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const last = env.emulator.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs || Date.now() > deadline) return;
    await sleep(50);
  }
}

async function uiWindow(env, folder, groups, fixtures) {
  const task = {
    id: ++env.taskCounter,
    mode: 'ui',
    settleMs: 500,
    endpoint: env.emulator.url,
    users: { [fixtures.appId]: [fixtures.userId] },
    accessKeyId: env.emulator.accessKeyId,
    accessKeySecret: env.emulator.accessKeySecret,
    profile: 'bench',
  };
  const window = await openWindow(env, task, folder);
  env.uiPage = window.page;
  const activation = await env.control.nextEvent('activation', 120000);
  const ready = await env.control.nextEvent('ready', 60000);
  note(`window ${task.id} (ui): signed in as profile ${ready.signedIn}; expanding ${fixtures.appName} > ${fixtures.userId}`);
  const page = window.page;
  // Sign-in and settings changes refresh the whole tree a few times: let that finish before the first click.
  await sleep(1000);
  await emulatorQuiet(env);
  const retries = [];
  const appAttempts = await expandRow(env, page, fixtures.appName, 1, fixtures.userId);
  if (appAttempts > 1) retries.push(`app ${fixtures.appName}: ${appAttempts} attempts`);
  const userAttempts = await expandRow(env, page, fixtures.userId, 2, groups[0].GroupId);
  if (userAttempts > 1) retries.push(`user ${fixtures.userId}: ${userAttempts} attempts`);
  await sleep(500);
  await emulatorQuiet(env);
  const samples = [];
  const lost = [];
  const hostCalls = [];
  for (let round = 1; round <= ROUNDS; round++) {
    if (round > 1) {
      env.control.command('refresh');
      await env.control.nextEvent('done', 30000);
    }
    // After a refresh the view reloads the apps and the user's groups: wait for the rows and a quiet emulator.
    await sidebarRow(page, groups[0].GroupId, 3).waitFor({ state: 'visible', timeout: 60000 });
    await emulatorQuiet(env);
    for (const group of groups) {
      await sleep(150);
      const sample = await measureExpansion(env, page, group, round);
      if (sample.lost) {
        // Counted apart (a real finding: the user sees an expanded, empty group), then the group is collapsed.
        lost.push(sample);
        note(`  round ${round} ${group.role.padEnd(9)} ${group.GroupId}: NO member row within 15 s\n${sample.details}`);
        await sidebarRow(page, group.GroupId, 3).locator('.monaco-tl-twistie').click().catch(() => {});
        await sleep(1000);
        continue;
      }
      samples.push(sample);
      note(
        `  round ${round} ${group.role.padEnd(9)} ${group.GroupId}: ${fmt(sample.frameMs)} ms to the frame showing "${sample.firstRow}" ` +
          `(in the DOM at ${fmt(sample.expandMs)} ms, ${sample.apiCalls} API call${sample.apiCalls === 1 ? '' : 's'})`,
      );
    }
    env.control.command('timings');
    hostCalls.push(...(await env.control.nextEvent('timings', 30000)));
  }
  // One more expansion (not counted) under the renderer's CPU profiler, to show where the time goes.
  let rendererProfile;
  const expandMedian = median(samples.map((sample) => sample.frameMs));
  if (process.env.IME_BENCH_UI_PROFILE === '1' || expandMedian > median(env.rttTimes) + TARGETS.expandOverRttMs) {
    env.control.command('refresh');
    await env.control.nextEvent('done', 30000);
    const group = groups.find((each) => each.role === 'thousand') ?? groups[0];
    await sidebarRow(page, group.GroupId, 3).waitFor({ state: 'visible', timeout: 60000 });
    await emulatorQuiet(env);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const sample = await measureExpansion(env, page, group, 'profiled');
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach().catch(() => {});
    if (sample.lost) {
      lost.push(sample);
      note(`profiled expansion of ${group.role}: NO member row within 15 s\n${sample.details}`);
    }
    const file = path.join(OUTPUT_DIR, 'expand-renderer.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(profile));
    rendererProfile = sample.lost ? undefined : {
      sample,
      file,
      summary: summariseProfile(profile, {
        shorten: (url) => url.replace(/^https?:\/\/[^/]+\/(?:[^/]+\/)*?static\//, '<workbench>/'),
        // Event plumbing (fire, _deliver, splice...) is on every stack: leave it out of the inclusive list.
        inclusiveOf: (frame) => Boolean(frame.url) && !/^(fire|_deliver|_deliverQueue|bufferEvents|splice|_splice|spliceSimple|setChildren|_setChildren|render|\(anonymous\)|evaluate|i|_event) /.test(frame.key),
      }),
    };
    if (!sample.lost) note(`profiled expansion of ${group.role}: ${fmt(sample.frameMs)} ms under the renderer's profiler`);
    env.control.command('timings');
    hostCalls.push(...(await env.control.nextEvent('timings', 30000)));
  }
  // Attach the extension host's view of each expansion: when getChildren(group) started and ended.
  for (const sample of samples) {
    const call = hostCalls.find((each) => each.kind === 'group' && each.label === sample.groupId && each.start >= sample.clickWall - 5 && each.start <= sample.attachedWall);
    if (!call) continue;
    sample.host = {
      clickToGetChildren: call.start - sample.clickWall,
      getChildrenToRequest: sample.emulatorArrival !== undefined ? sample.emulatorArrival - call.start : undefined,
      getChildrenMs: call.end - call.start,
      requestToChildren: sample.emulatorArrival !== undefined ? call.end - sample.emulatorArrival : undefined,
      treeItemMs: call.treeItemMs,
      treeItemCalls: call.treeItemCalls,
      childrenToAttached: sample.attachedWall - call.end,
      children: call.count,
      // getTreeItem calls beyond one per child: the view asked again for rows it already had (a redraw event).
      extraTreeItems: call.treeItemCalls - call.count,
      lastTreeItemAfterChildren: call.treeItemEnd !== undefined ? call.treeItemEnd - call.end : undefined,
    };
  }
  for (const sample of [...samples, ...(rendererProfile ? [rendererProfile.sample] : [])]) {
    // Everything the view asked the extension for around this expansion (a second getChildren would show here).
    sample.hostCalls = hostCalls
      .filter((each) => each.start >= sample.clickWall - 5 && each.start <= sample.attachedWall + 300)
      .map((each) => ({ ...each, start: round(each.start - sample.clickWall), end: round(each.end - sample.clickWall), treeItemEnd: round((each.treeItemEnd ?? NaN) - sample.clickWall) }));
  }
  env.control.command('finish');
  const outcome = await closeWindow(env, window);
  env.uiPage = undefined;
  if (outcome.code !== 0) note(`window ${task.id} (ui) ended with ${outcome.code}`);
  return { samples, activation, rendererProfile, lost, retries };
}

// ---------------------------------------------------------------------------------------------------------------
// The emulator round trip from Node, through the extension's own client (signed, POST, keep-alive).

async function measureRtt(emulator, fixtures) {
  const { InteractiveMessagesClient } = require(CLIENT_MODULE);
  const client = new InteractiveMessagesClient({
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    endpoint: emulator.url,
    method: 'POST',
  });
  const request = { AppId: fixtures.appId, GroupId: fixtures.smallGroupId, PageNum: 1, PageSize: 50, SortType: 1 };
  for (let i = 0; i < 3; i++) await client.listMessageGroupUser(request);
  const times = [];
  for (let i = 0; i < RTT_CALLS; i++) {
    const started = performance.now();
    await client.listMessageGroupUser(request);
    times.push(performance.now() - started);
    await sleep(20);
  }
  return { client, times };
}

/** The first page of members in both sort orders: the first member row the view shows is one of these. */
async function expectedMembers(client, appId, groupId) {
  const ids = new Set();
  for (const SortType of [1, 0]) {
    const page = await client.listMessageGroupUser({ AppId: appId, GroupId: groupId, PageNum: 1, PageSize: 50, SortType });
    for (const member of page.Result.UserList) ids.add(member.UserId);
  }
  return [...ids];
}

// ---------------------------------------------------------------------------------------------------------------
// CPU profiles (the extension host's around activate(), the renderer's around one expansion), summarised. Frames of
// the production bundle are mapped back to their sources through dist/extension.js.map.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A lookup (generated line, column) -> original source, from a source map's VLQ mappings. */
function sourceMapLookup(mapFile) {
  let map;
  try {
    map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  } catch {
    return () => undefined;
  }
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const text of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        sourceLine += values[2];
        sourceColumn += values[3];
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) return undefined;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    // Before the first mapped code of the line: esbuild's own runtime helpers (__toESM, __copyProps, ...).
    if (segments[lo][0] > column) return undefined;
    const [, index, sourceLineOf] = segments[lo];
    const absolute = path.resolve(path.dirname(mapFile), map.sources[index] || '?');
    const file = absolute.startsWith(`${REPO}/`) ? path.relative(REPO, absolute) : absolute;
    return { file, line: sourceLineOf + 1 };
  };
}

/** Where in the original code a bundle frame is: "src/x.ts:12" or a package name for node_modules. */
function originOf(lookup, callFrame, bundleLines) {
  const found = lookup(callFrame.lineNumber, callFrame.columnNumber);
  if (!found) {
    // Unmapped: show the code itself, e.g. `pn=(t,e,r,n)=>{if(e&&typeof e=="object"...` is esbuild's __copyProps.
    const line = bundleLines?.[callFrame.lineNumber] ?? '';
    const code = line.slice(Math.max(0, callFrame.columnNumber - 3), callFrame.columnNumber + 60).replace(/\s+/g, ' ');
    return { where: `bundle ${callFrame.lineNumber + 1}:${callFrame.columnNumber} \`${code}…\``, module: 'esbuild runtime helpers (unmapped)' };
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(found.file);
  return { where: `${found.file.replace(/^.*node_modules\//, '')}:${found.line}`, module: pkg ? pkg[1] : found.file };
}

function summariseProfile(profile, { bundle, lookup = () => undefined, shorten = (text) => text, inclusiveOf = (frame) => frame.inBundle }) {
  const bundleLines = bundle && fs.existsSync(bundle) ? fs.readFileSync(bundle, 'utf8').split('\n') : undefined;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const describe = (callFrame) => {
    const inBundle = bundle && callFrame.url.includes(bundle);
    const origin = inBundle ? originOf(lookup, callFrame, bundleLines) : undefined;
    const where = origin ? origin.where : callFrame.url ? `${shorten(callFrame.url.replace(/^file:\/\//, ''))}:${callFrame.lineNumber + 1}` : '';
    const category = !callFrame.url
      ? callFrame.functionName || '(native)'
      : inBundle
        ? `extension: ${origin ? origin.module : 'dist/extension.js'}`
        : /extensionHostProcess|workbench\.js|\/vs\//.test(callFrame.url)
          ? 'VS Code'
          : callFrame.url.startsWith('node:')
            ? 'Node.js internals'
            : shorten(callFrame.url);
    return { key: `${callFrame.functionName || '(anonymous)'} ${where}`.trim(), category, inBundle, url: callFrame.url };
  };
  const self = new Map();
  const categories = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const info = describe(byId.get(id).callFrame);
    self.set(info.key, (self.get(info.key) ?? 0) + us);
    categories.set(info.category, (categories.get(info.category) ?? 0) + us);
    // Inclusive time of the extension's own frames: each sample counts once per distinct frame on its stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = describe(byId.get(at).callFrame);
      if (!inclusiveOf(frame) || seen.has(frame.key)) continue;
      seen.add(frame.key);
      inclusive.set(frame.key, (inclusive.get(frame.key) ?? 0) + us);
    }
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, us]) => ({ key, ms: us / 1000 }));
  return { totalMs: total / 1000, byCategory: top(categories, 10), topSelf: top(self, 12), topInclusive: top(inclusive, 12) };
}

// ---------------------------------------------------------------------------------------------------------------

function leftovers(roots) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid || roots.some((root) => root && cmdline.includes(root))) found.push(`${entry} ${cmdline.slice(0, 160)}`);
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

async function main() {
  for (const required of [HOST_ENTRY, CLIENT_MODULE]) {
    if (!fs.existsSync(required)) throw new Error(`${path.relative(REPO, required)} is missing: run \`npm run build:tests\` first`);
  }
  fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-bench-ui-'));
  const env = { taskCounter: 0, workbenchLines: [], consoleLines: [], runDir };
  // Interrupted (Ctrl-C): the temp folders go too (the processes are ended by their own exit hooks).
  process.once('exit', () => {
    if (KEEP) return;
    for (const dir of [runDir, env.server?.tempDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const cleanup = async () => {
    await env.browser?.close().catch(() => {});
    await env.server?.stop().catch(() => {});
    await stopProcess(env.emulator?.process);
    env.control?.server.closeAllConnections?.();
    await new Promise((resolve) => (env.control ? env.control.server.close(resolve) : resolve()));
    if (!KEEP) {
      fs.rmSync(runDir, { recursive: true, force: true });
      if (env.server) fs.rmSync(env.server.tempDir, { recursive: true, force: true });
    } else {
      note(`kept: ${runDir}${env.server ? ` and ${env.server.tempDir}` : ''}`);
    }
  };

  const work = async () => {
    const load = { start: os.loadavg() };
    note('building the production bundle (node esbuild.js --production) in a staging folder');
    env.staged = stageExtension(runDir);
    note(`bundle ${env.staged.bundleBytes} bytes (built in ${env.staged.buildMs} ms); requires only vscode (${env.staged.vscodeRequires} times) and ${env.staged.builtins.join(', ')}`);

    env.emulator = await startEmulator(env.staged.emulatorCli);
    const dataset = await getJson(`${env.emulator.url}/__emulator/dataset`);
    const fixtures = { ...dataset.fixtures };
    fixtures.appName = dataset.apps.find((app) => app.AppId === fixtures.appId).AppName;
    note(`emulator ${env.emulator.url} (latency ${LATENCY_MS} ms); demo app ${fixtures.appId}, user ${fixtures.userId}`);

    const rtt = await measureRtt(env.emulator, fixtures);
    env.rttTimes = rtt.times;
    note(`rtt: median ${fmt(median(rtt.times))} ms over ${rtt.times.length} ListMessageGroupUser calls`);
    const roles = ['oneMember', 'small', 'paged', 'thousand', 'big', 'muted', 'inactive'];
    const groups = [];
    for (const role of roles) {
      const GroupId = fixtures[`${role}GroupId`];
      if (!GroupId) continue;
      groups.push({ role, GroupId, members: fixtures[`${role}GroupTotal`], expected: await expectedMembers(rtt.client, fixtures.appId, GroupId) });
    }

    env.control = await startControl();
    const installed = await ensureCodeServer();
    const userDataDir = path.join(runDir, 'user-data');
    writeUserSettings(userDataDir);
    const folders = { activation: path.join(runDir, 'workspace-activation'), ui: path.join(runDir, 'workspace-ui') };
    for (const folder of Object.values(folders)) {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'README.md'), '# bench:ui workspace\n');
    }
    env.server = await startCodeServer({
      installed,
      port: 0,
      folder: folders.activation,
      userDataDir,
      extensionsDir: path.join(runDir, 'extensions'),
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver', '--vscode-option', 'force-disable-user-env'],
      env: { IME_BENCH_UI_CONTROL: env.control.url, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
    });
    note(`code-server ${installed.version} on ${env.server.url} (ready in ${env.server.startMs} ms)`);
    env.browser = await launchChromium();
    env.context = await newContext(env.browser, env.server.url);

    const activations = [];
    activations.push(await activationWindow(env, 'warm-up (not counted)', folders.activation));
    for (let i = 0; i < WINDOWS; i++) activations.push(await activationWindow(env, 'signed out', folders.activation));
    const ui = await uiWindow(env, folders.ui, groups, fixtures);
    for (let i = 0; i < WINDOWS; i++) activations.push(await activationWindow(env, 'signed in', folders.activation));

    const signedIn = activations.filter((sample) => sample.label === 'signed in' && !sample.wasActive);
    const signedOut = activations.filter((sample) => sample.label === 'signed out' && !sample.wasActive);
    let profile;
    if (process.env.IME_BENCH_UI_PROFILE === '1' || median(signedIn.map(activationOf)) > TARGETS.activationMs) {
      const profileFile = path.join(OUTPUT_DIR, 'activation.cpuprofile');
      const sample = await activationWindow(env, 'profiled', folders.activation, 'profile', { profileFile, vscodeImports: env.staged.vscodeImports });
      const summary = summariseProfile(JSON.parse(fs.readFileSync(profileFile, 'utf8')), {
        bundle: env.staged.bundle,
        lookup: sourceMapLookup(`${env.staged.bundle}.map`),
        shorten: (url) => url.replace(/^.*\/lib\/vscode\//, '<vscode>/'),
      });
      profile = { sample, summary, file: profileFile };
    }
    return { rtt, ui, activations, signedIn, signedOut, profile, groups, load };
  };

  let result;
  let failure;
  const timeout = new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms (IME_BENCH_UI_TIMEOUT_MS)`)), TIMEOUT_MS);
    timer.unref();
  });
  try {
    result = await Promise.race([work(), timeout]);
  } catch (error) {
    failure = error;
    if (env.uiPage) await env.uiPage.screenshot({ path: path.join(OUTPUT_DIR, 'failure.png') }).catch(() => {});
    fs.writeFileSync(path.join(OUTPUT_DIR, 'workbench-log.txt'), `${env.workbenchLines.join('\n')}\n`);
    fs.writeFileSync(path.join(OUTPUT_DIR, 'browser-console.log'), `${env.consoleLines.join('\n')}\n`);
    if (env.server && fs.existsSync(env.server.logFile)) fs.copyFileSync(env.server.logFile, path.join(OUTPUT_DIR, 'code-server.log'));
    // The server side's logs, the remote extension host's among them.
    const serverLogs = env.server && path.join(env.server.userDataDir, 'logs');
    if (serverLogs && fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(OUTPUT_DIR, 'server-logs'), { recursive: true });
  }
  const roots = [runDir, env.server?.tempDir].filter(Boolean);
  await cleanup();
  await sleep(300);
  const left = leftovers(roots);
  if (failure) {
    if (left.length) note(`processes left behind:\n  ${left.join('\n  ')}`);
    throw failure;
  }
  report(result, env.staged, left);
}

/** load + activate(): what VS Code's "Running Extensions" calls activation time (code loading + activate call). */
const activationOf = (sample) => (sample.loadMs ?? NaN) + (sample.activateCallMs ?? NaN);

function report(result, staged, left) {
  const { rtt, ui, signedIn, signedOut, profile } = result;
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const activationMs = median(signedIn.map(activationOf));
  const expandMs = median(ui.samples.map((sample) => sample.frameMs));
  const rttMs = median(rtt.times);
  const series = (samples, key) => samples.map((sample) => (typeof key === 'function' ? key(sample) : sample[key]));
  const row = (name, values, extra = '') =>
    out(`  ${name.padEnd(40)} ${fmt(median(values)).padStart(8)} ${fmt(min(values)).padStart(8)} ${fmt(max(values)).padStart(8)}  ${extra}`);

  out('');
  out(`bench:ui — real VS Code 1.139.1 (code-server 4.139.1), headless Chromium, production bundle of ${path.relative(REPO, SRC_DIR) || SRC_DIR}`);
  out(`  machine: ${os.cpus().length} CPUs, load average ${result.load.start.map((v) => v.toFixed(1)).join(' ')} at start, ${os.loadavg().map((v) => v.toFixed(1)).join(' ')} at end`);
  out(`  ${'(ms)'.padEnd(40)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  out('Activation, each in a fresh window/extension host (activation_ms = signed in: load + activate)');
  for (const [name, samples] of [
    ['signed in', signedIn],
    ['signed out', signedOut],
  ]) {
    row(`${name}: load + activate()`, series(samples, activationOf), `n=${samples.length}`);
    row(`  module load (require of the bundle)`, series(samples, 'loadMs'), `CPU ${fmt(median(series(samples, 'loadCpuMs')))}`);
    row(`  activate() until its promise resolved`, series(samples, 'activateCallMs'), `CPU ${fmt(median(series(samples, 'activateCpuMs')))} (the rest waits on the workbench)`);
    row(`    of which synchronous`, series(samples, 'activateSyncMs'));
    row(`  CPU time of load + activate()`, series(samples, (sample) => sample.loadCpuMs + sample.activateCpuMs), '(extension host main thread)');
    row(`  getExtension().activate() as a caller sees it`, series(samples, 'totalMs'), '(adds VS Code\'s own work: context, storage, l10n)');
  }
  out(`Expand a group to its first member row (emulator latency ${LATENCY_MS} ms)`);
  row('click -> first frame showing the member row', series(ui.samples, 'frameMs'), `n=${ui.samples.length} (expand_to_visible_ms), API calls per expansion: ${[...new Set(ui.samples.map((s) => s.apiCalls))].join('/')}`);
  row('click -> member row attached to the DOM', series(ui.samples, 'expandMs'), '(before that frame\'s style, layout, paint)');
  const hosts = ui.samples.filter((sample) => sample.host);
  if (hosts.length) {
    const part = (key) => hosts.map((sample) => sample.host[key]);
    row('  click -> getChildren(group) in the host', part('clickToGetChildren'), '(renderer + server + IPC)');
    row('  getChildren -> request at the emulator', part('getChildrenToRequest'), '(extension: pager, limiter, signing, HTTP)');
    row('  request at the emulator -> children', part('requestToChildren'), `(the ${LATENCY_MS} ms latency, response, parsing, nodes)`);
    row('  getChildren(group) in total', part('getChildrenMs'));
    row('  getTreeItem() for the children', part('treeItemMs'));
    row('  children handed over -> row in DOM', part('childrenToAttached'), '(VS Code: host -> renderer, tree render)');
    const redrawn = hosts.filter((sample) => sample.host.extraTreeItems > 0);
    if (redrawn.length) {
      row(
        '  redraw: last getTreeItem after children',
        redrawn.map((sample) => sample.host.lastTreeItemAfterChildren),
        `(${redrawn.length} of ${hosts.length} expansions re-requested ${[...new Set(redrawn.map((s) => s.host.extraTreeItems))].join('/')} row(s) after the children)`,
      );
    }
  }
  if (ui.lost.length || ui.retries.length) {
    out(
      `  !! expanded but EMPTY (no member row within 15 s, not in the figures): ${ui.lost.length} of ${ui.lost.length + ui.samples.length} expansions` +
        `${ui.lost.length ? ` (${ui.lost.map((sample) => `round ${sample.round} ${sample.group}`).join(', ')})` : ''}` +
        `${ui.retries.length ? `; setup rows that had to be expanded again: ${ui.retries.join(', ')}` : ''}`,
    );
  }
  const perGroup = new Map();
  for (const sample of ui.samples) perGroup.set(sample.group, [...(perGroup.get(sample.group) ?? []), sample.frameMs]);
  out(`  median per group: ${[...perGroup.entries()].map(([group, values]) => `${group} ${fmt(median(values))}`).join(', ')}`);
  out('Emulator round trip from Node (the extension\'s client, signed POST ListMessageGroupUser)');
  row('rtt', rtt.times, `n=${rtt.times.length}`);
  out(
    `Bundle: dist/extension.js ${staged.bundleBytes} bytes (${fmt(staged.bundleBytes / 1024)} KiB)${staged.mapBytes ? `, map ${staged.mapBytes} bytes` : ''}; ` +
      `require("vscode") ${staged.vscodeRequires} times, ${staged.vscodeImports} of them wrapped in esbuild's __toESM (a copy of the API object each)`,
  );
  const printProfile = (title, summary) => {
    out(title);
    out('  by origin (self time):');
    for (const entry of summary.byCategory) out(`  ${fmt(entry.ms).padStart(7)} ms  ${entry.key}`);
    out('  top functions (self time):');
    for (const entry of summary.topSelf) out(`  ${fmt(entry.ms).padStart(7)} ms  ${entry.key}`);
    out('  top functions (inclusive):');
    for (const entry of summary.topInclusive) out(`  ${fmt(entry.ms).padStart(7)} ms  ${entry.key}`);
  };
  if (profile) {
    printProfile(
      `CPU profile of one activation (${path.relative(REPO, profile.file)}): load ${fmt(profile.sample.loadMs)} + activate() ${fmt(profile.sample.activateCallMs)} ms under the profiler, ${fmt(profile.summary.totalMs)} ms sampled`,
      profile.summary,
    );
    const probe = profile.sample.probe;
    if (probe) {
      out('  round trips to the workbench that activate() can wait on (median of 10, measured after activation):');
      for (const name of ['setContext', 'secretRead', 'sessionReload']) if (probe[name]) out(`  ${fmt(median(probe[name])).padStart(7)} ms  ${name}`);
      if (probe.toEsmVscode) {
        out(
          `  the vscode API object has ${probe.vscodeApiOwnProperties[0]} own properties; the bundle copies it ${probe.vscodeImports[0]} times ` +
            `(esbuild __toESM per \`import * as vscode\`): ${fmt(median(probe.toEsmVscode))} ms here (median of 5)`,
        );
      }
    }
  }
  if (ui.rendererProfile) {
    printProfile(
      `CPU profile of the renderer during one expansion of ${ui.rendererProfile.sample.group} (${path.relative(REPO, ui.rendererProfile.file)}): ${fmt(ui.rendererProfile.sample.frameMs)} ms click -> frame, ${fmt(ui.rendererProfile.summary.totalMs)} ms sampled`,
      ui.rendererProfile.summary,
    );
  }
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  out('Targets');
  out(`  activation_ms ${fmt(activationMs)} <= ${TARGETS.activationMs}: ${verdict(activationMs <= TARGETS.activationMs)}`);
  out(`  expand_to_visible_ms ${fmt(expandMs)} <= rtt_ms + ${TARGETS.expandOverRttMs} = ${fmt(rttMs + TARGETS.expandOverRttMs)}: ${verdict(expandMs <= rttMs + TARGETS.expandOverRttMs)}`);
  out(`  bundle_bytes ${staged.bundleBytes} <= ${TARGETS.bundleBytes}: ${verdict(staged.bundleBytes <= TARGETS.bundleBytes)}`);
  out(`Processes left behind: ${left.length ? left.join('; ') : 'none'}`);
  out(`Samples: ${path.relative(REPO, path.join(OUTPUT_DIR, 'samples.json'))}`);
  fs.writeFileSync(
    path.join(OUTPUT_DIR, 'samples.json'),
    `${JSON.stringify({ activations: result.activations, ui: ui.samples, lost: ui.lost, retries: ui.retries, profiledExpansion: ui.rendererProfile?.sample, rtt: rtt.times, bundleBytes: staged.bundleBytes }, null, 2)}\n`,
  );
  out(
    JSON.stringify({
      activation_ms: round(activationMs, 2),
      expand_to_visible_ms: round(expandMs, 2),
      rtt_ms: round(rttMs, 2),
      bundle_bytes: staged.bundleBytes,
    }),
  );
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  // The 'exit' hooks (code-server's, the emulator's) end what this script started.
  process.once(signal, () => process.exit(130));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:ui failed: ${error.stack || error.message}\n`);
    process.exit(1);
  },
);
