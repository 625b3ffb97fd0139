// In-host half of `npm run bench:ui` (test/bench/ui/run.ts): loaded by the real VS Code extension host (code-server,
// smoke-test-driver mode) as `extensionTestsPath`. One window = one task, fetched from the driver's control server
// (IME_BENCH_UI_CONTROL), results posted back to it. Self-contained on purpose (only `vscode` and Node built-ins, and
// types from protocol.ts): the driver copies this file next to the production bundle it measures, so a concurrent
// `rm -rf out` elsewhere in the tree cannot pull it away mid-run.
//
// Tasks:
//   activation  measure loading + activating an extension (ours, or the empty one of the floor) in this fresh host
//   profile     the same under the V8 CPU profiler, plus the cost of the IPC round trips activate() waits on
//   ui          activate, point the settings at the emulator, show the view, wait for the driver to sign in through
//               the UI, then run the driver's commands until it says finish (load all, reveal, refresh, open a
//               dashboard, close the editors, heap); getChildren/getTreeItem are timed meanwhile
// Nothing here signs in by passing a key to a command: public commands do not take secrets.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { ActivationSample, ChildrenCall, Command, GroupPath, HeapSample, LoadAllSample, Probe, RefreshRowsSample, Task } from './protocol';

const EXTENSION_ID = 'imexplorer.interactive-messages-explorer';

/** CPU time of the extension host's main thread, in ms (Node >= 23.9 has threadCpuUsage; else the whole process). */
function cpuNow(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with the page's and the emulator's clocks). */
function wall(): number {
  return performance.timeOrigin + performance.now();
}

function request(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
  const base = process.env.IME_BENCH_UI_CONTROL;
  if (!base) throw new Error('IME_BENCH_UI_CONTROL is not set: run this through test/bench/ui/run.ts');
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${route}`,
      { method, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve(text ? JSON.parse(text) : undefined);
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const post = (type: string, data: unknown) => request('POST', '/event', { type, data });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the extension host's event loop has been quiet for `quietMs` (no timer late by more than 4 ms), at
 * most `maxMs`: built-in extensions activating at startup share this thread and would inflate what is measured.
 */
async function settle(minMs: number, quietMs = 600, maxMs = 15_000): Promise<number> {
  const start = performance.now();
  await sleep(minMs);
  let quietSince = performance.now();
  while (performance.now() - start < maxMs) {
    const before = performance.now();
    await sleep(20);
    const late = performance.now() - before - 20;
    if (late > 4) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) break;
  }
  return performance.now() - start;
}

/** Waits until VS Code has activated the extension on its own; how long that took. */
async function activation(extension: vscode.Extension<unknown>, maxMs = 60_000): Promise<number> {
  const start = performance.now();
  while (!extension.isActive) {
    if (performance.now() - start > maxMs) throw new Error(`${extension.id} was not activated by its view within ${maxMs} ms`);
    await sleep(10);
  }
  return performance.now() - start;
}

type ModuleLike = { exports: Record<string, unknown> };
type Loader = (this: unknown, module: ModuleLike, filename: string) => unknown;

/**
 * Times the bundle's require (read + compile + top-level evaluation) and its activate() call, as the extension host
 * does them: the .js loader is wrapped for that one file, and the exports VS Code receives get a timed activate().
 */
function instrumentBundle(bundle: string, into: Partial<ActivationSample>): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as unknown as { _extensions: Record<string, Loader> };
  const original = Module._extensions['.js'];
  const restore = () => {
    Module._extensions['.js'] = original;
  };
  Module._extensions['.js'] = function (this: unknown, module: ModuleLike, filename: string) {
    if (filename !== bundle) return original.call(this, module, filename);
    restore();
    const started = performance.now();
    const cpuStarted = cpuNow();
    const result = original.call(this, module, filename);
    into.loadMs = performance.now() - started;
    into.loadCpuMs = cpuNow() - cpuStarted;
    const real = module.exports as { activate?: (context: unknown) => unknown };
    if (typeof real.activate === 'function') {
      // esbuild's exports are non-configurable getters: hand VS Code a plain copy with a timed activate().
      const wrapped: Record<string, unknown> = { ...(real as Record<string, unknown>) };
      Object.defineProperty(wrapped, 'activate', {
        enumerable: true,
        value: (context: unknown) => {
          const callStart = performance.now();
          const cpuStart = cpuNow();
          const value = real.activate!(context);
          into.activateSyncMs = performance.now() - callStart;
          return Promise.resolve(value).then((resolved) => {
            into.activateCallMs = performance.now() - callStart;
            into.activateCpuMs = cpuNow() - cpuStart;
            return resolved;
          });
        },
      });
      module.exports = wrapped;
    }
    return result;
  };
  return restore;
}

/** VS Code's own performance marks for this extension (ms resolution), relative to willLoadExtensionCode. */
function extensionMarks(extensionId: string): Record<string, number> {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const mine = marks.filter((mark) => mark.name.endsWith(`/${extensionId}`));
  const base = mine.find((mark) => mark.name.includes('willLoadExtensionCode'))?.startTime ?? mine[0]?.startTime ?? 0;
  return Object.fromEntries(mine.map((mark) => [mark.name.replace(`/${extensionId}`, '').replace('code/extHost/', ''), mark.startTime - base]));
}

async function measureActivation(task: Task): Promise<{ sample: ActivationSample; api: unknown }> {
  const extensionId = task.extensionId ?? EXTENSION_ID;
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this window`);
  const settledMs = task.activatedByView ? await activation(extension) : await settle(task.settleMs ?? 2000);
  const sample: Partial<ActivationSample> = {
    wasActive: extension.isActive,
    settledMs,
    ...(task.activatedByView ? { activeAtWall: wall() } : {}),
    nodeVersion: process.version,
    vscodeVersion: vscode.version,
    bundle: path.join(extension.extensionPath, (extension.packageJSON as { main: string }).main),
  };
  const restore = instrumentBundle(sample.bundle!, sample);
  let profiler: inspector.Session | undefined;
  if (task.mode === 'profile') {
    profiler = new inspector.Session();
    profiler.connect();
    await postInspector(profiler, 'Profiler.enable');
    await postInspector(profiler, 'Profiler.setSamplingInterval', { interval: 50 });
    await postInspector(profiler, 'Profiler.start');
  }
  const started = performance.now();
  const api = await extension.activate();
  sample.totalMs = performance.now() - started;
  restore();
  if (profiler) {
    const { profile } = (await postInspector(profiler, 'Profiler.stop')) as { profile: unknown };
    profiler.disconnect();
    if (task.profileFile) {
      fs.mkdirSync(path.dirname(task.profileFile), { recursive: true });
      fs.writeFileSync(task.profileFile, JSON.stringify(profile));
    }
  }
  sample.marks = extensionMarks(extensionId);
  sample.signedIn = (api as { session?: { signedIn?: boolean } } | undefined)?.session?.signedIn;
  return { sample: sample as ActivationSample, api };
}

function postInspector(session: inspector.Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
}

async function timeIt(repeat: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

/** What activate() waits on besides its own code: the renderer round trips (setContext, secret storage, ...). */
async function probes(api: ExplorerLike, vscodeImports = 0): Promise<Probe> {
  const result: Probe = {};
  result.setContext = await timeIt(10, () => Promise.resolve(vscode.commands.executeCommand('setContext', 'imExplorer.benchProbe', true)));
  result.sessionReload = await timeIt(10, () => api.session.reload());
  const name = api.profiles.active?.()?.name;
  if (name) result.secretRead = await timeIt(10, () => api.profiles.credential(name));
  result.getConfiguration = await timeIt(10, async () => vscode.workspace.getConfiguration('imExplorer').get('users'));
  if (vscodeImports > 0) {
    // What the bundle's module load does once per `import * as vscode` (esbuild's __toESM + __copyProps, verbatim
    // in behaviour): copy every property of the API object onto a fresh object as getters.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('vscode') as object;
    result.vscodeApiOwnProperties = [Object.getOwnPropertyNames(api).length];
    result.vscodeImports = [vscodeImports];
    result.toEsmVscode = await timeIt(5, async () => {
      for (let i = 0; i < vscodeImports; i++) toEsm(api);
    });
  }
  return result;
}

function toEsm(module: object): object {
  const target = Object.create(Object.getPrototypeOf(module)) as object;
  Object.defineProperty(target, 'default', { value: module, enumerable: true });
  for (const key of Object.getOwnPropertyNames(module)) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      const descriptor = Object.getOwnPropertyDescriptor(module, key);
      Object.defineProperty(target, key, { get: () => (module as Record<string, unknown>)[key], enumerable: !descriptor || descriptor.enumerable });
    }
  }
  return target;
}

interface NodeLike {
  kind: string;
  id: string;
  family?: string;
  treeItem(): { label?: string | { label: string } };
}

interface ExplorerLike {
  session: { reload(): Promise<void>; signedIn: boolean };
  treeView: vscode.TreeView<NodeLike>;
  profiles: { active?(): { name: string } | undefined; credential(name: string): Promise<unknown> };
  tree: {
    getChildren(node?: NodeLike): Promise<NodeLike[]>;
    getTreeItem(node: NodeLike): unknown;
    loadedNodes(predicate: (node: NodeLike) => boolean): NodeLike[];
    current(node: NodeLike): Promise<NodeLike | undefined>;
    readonly busy: boolean;
    lists: { peek(id: string): { items: unknown[] } | undefined };
  };
}

/** Records when the view asks for children and when the extension hands them over (wall clock, ms). */
function instrumentTree(api: ExplorerLike): ChildrenCall[] {
  const calls: ChildrenCall[] = [];
  const tree = api.tree;
  const getChildren = tree.getChildren.bind(tree);
  const getTreeItem = tree.getTreeItem.bind(tree);
  let last: ChildrenCall | undefined;
  tree.getChildren = async (node?: NodeLike) => {
    const start = wall();
    const children = await getChildren(node);
    const label = node ? node.treeItem().label : undefined;
    last = {
      kind: node?.kind ?? 'root',
      label: typeof label === 'string' ? label : (label?.label ?? ''),
      start,
      end: wall(),
      count: children.length,
      treeItemMs: 0,
      treeItemCalls: 0,
    };
    calls.push(last);
    return children;
  };
  tree.getTreeItem = (node: NodeLike) => {
    const started = performance.now();
    const item = getTreeItem(node);
    if (last) {
      last.treeItemMs += performance.now() - started;
      last.treeItemCalls++;
      last.treeItemEnd = wall();
    }
    return item;
  };
  return calls;
}

/** A child of `node` (the root when undefined) whose id ends with `/<kind>/<id>`. */
async function child(api: ExplorerLike, node: NodeLike | undefined, kind: string, id: string): Promise<NodeLike> {
  const children = await api.tree.getChildren(node);
  const found = children.find((each) => each.kind === kind && each.id.endsWith(`/${kind}/${encodeURIComponent(id)}`));
  if (!found) throw new Error(`no ${kind} ${id} under ${node?.id ?? 'the root'} (children: ${children.map((each) => each.id).join(', ')})`);
  return found;
}

async function groupNode(api: ExplorerLike, command: GroupPath): Promise<NodeLike> {
  const app = await child(api, undefined, 'app', command.appId);
  const user = await child(api, app, 'user', command.userId);
  return child(api, user, 'group', command.groupId);
}

/** The heap after a full GC (V8's gc() is reached through a flag set at run time: the host is not started with it). */
function heap(): HeapSample {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  gc?.();
  const usage = process.memoryUsage();
  return { heapUsedMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20, gc: gc !== undefined };
}

async function loadAll(api: ExplorerLike, command: GroupPath): Promise<LoadAllSample> {
  const group = await groupNode(api, command);
  await api.treeView.reveal(group, { select: true, focus: true });
  const startWall = wall();
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand('imExplorer.loadAll', group);
  const ms = performance.now() - started;
  return { startWall, endWall: wall(), ms, outcome, children: (await api.tree.getChildren(group)).length };
}

async function reveal(api: ExplorerLike, command: GroupPath & { last: boolean }): Promise<string> {
  const group = await groupNode(api, command);
  let target: NodeLike | undefined = command.last ? (await api.tree.getChildren(group)).at(-1) : group;
  // A long list is shown as ranges of rows: the last member is the last row of the last range.
  if (command.last && target?.kind === 'range') target = (await api.tree.getChildren(target)).at(-1);
  if (!target) throw new Error(`group ${command.groupId} has no children to reveal`);
  await api.treeView.reveal(target, { select: true, focus: true });
  return target.id;
}

async function settled(api: ExplorerLike, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (api.tree.busy && Date.now() < deadline) await sleep(20);
}

async function refreshRows(api: ExplorerLike, command: { count: number; keep: GroupPath }): Promise<RefreshRowsSample> {
  const liveApp = (await api.tree.getChildren()).find((node) => node.kind === 'app' && node.family === 'live');
  if (liveApp) {
    await api.treeView.reveal(liveApp, { expand: true });
    const liveGroup = (await api.tree.getChildren(liveApp)).find((node) => node.kind === 'group');
    if (liveGroup) await api.treeView.reveal(liveGroup, { expand: true });
  }
  await settled(api);
  const kept = await groupNode(api, command.keep);
  const keptCount = () => api.tree.lists.peek(kept.id)?.items.length ?? 0;
  const keptBefore = keptCount();
  const refreshable = (node: NodeLike) =>
    ['app', 'user', 'group', 'messages'].includes(node.kind) && !kept.id.startsWith(node.id + '/') && node.id !== kept.id && !node.id.startsWith(kept.id + '/');
  const ids = [...new Set(api.tree.loadedNodes(refreshable).map((node) => node.id))];
  if (ids.length === 0) throw new Error('no row to refresh beside the kept group');
  const rows: Record<string, number> = {};
  const refreshOnce = async (id: string): Promise<NodeLike | undefined> => {
    const row = api.tree.loadedNodes((node) => node.id === id)[0];
    const current = row && (await api.tree.current(row));
    if (!current) return undefined; // gone with a refresh of its parent
    await vscode.commands.executeCommand('imExplorer.refresh', current);
    await api.tree.getChildren(current);
    await settled(api);
    return current;
  };
  // One round first, not counted: what it reads for the first time (an app's groups) is state, not growth.
  for (const id of ids) await refreshOnce(id);
  // The view takes the rows a refresh changed in batches, 200 ms after the last change (VS Code's extHostTreeViews
  // debounce); rows refreshed faster than that stay referenced by the pending batch. Each heap is read once the host
  // is quiet, as it is between a user's refreshes.
  const quietHeap = async () => {
    await settle(0);
    return heap();
  };
  const heapBefore = await quietHeap();
  const started = performance.now();
  let refreshes = 0;
  const heapCurve: RefreshRowsSample['heapCurve'] = [];
  let measuring = 0;
  for (let i = 0; i < command.count; i++) {
    const current = await refreshOnce(ids[i % ids.length]);
    if (!current) continue;
    refreshes++;
    const key = `${current.kind};${current.family ?? ''}`;
    rows[key] = (rows[key] ?? 0) + 1;
    if (refreshes % 100 === 0 && refreshes < command.count) {
      const sampled = performance.now();
      heapCurve.push({ refreshes, heapUsedMb: (await quietHeap()).heapUsedMb });
      measuring += performance.now() - sampled;
    }
  }
  const ms = performance.now() - started - measuring;
  const heapAfter = await quietHeap();
  heapCurve.push({ refreshes, heapUsedMb: heapAfter.heapUsedMb });
  return { refreshes, rows, ms, heapBefore, heapAfter, heapCurve, keptBefore, keptAfter: keptCount() };
}

async function waitForSignIn(api: ExplorerLike, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!api.session.signedIn && Date.now() < deadline) await sleep(100);
  return api.session.signedIn;
}

async function runUi(task: Task, api: ExplorerLike): Promise<void> {
  const config = vscode.workspace.getConfiguration('imExplorer');
  await config.update('endpoint', task.endpoint, vscode.ConfigurationTarget.Global);
  await config.update('users', task.users, vscode.ConfigurationTarget.Global);
  const calls = instrumentTree(api);
  await vscode.commands.executeCommand('workbench.view.extension.imExplorer');
  await post('configured', { signedIn: api.session.signedIn });
  for (;;) {
    const command = (await request('GET', '/command')) as Command;
    if (command.cmd === 'finish') break;
    if (command.cmd === 'awaitSignIn') await post('ready', { signedIn: await waitForSignIn(api) });
    else if (command.cmd === 'refresh') {
      await vscode.commands.executeCommand('imExplorer.refresh', ...(command.group ? [await groupNode(api, command.group)] : []));
      await post('done', { cmd: command.cmd });
    } else if (command.cmd === 'timings') await post('timings', calls.splice(0));
    else if (command.cmd === 'probe') await post('probe', await probes(api));
    else if (command.cmd === 'heap') await post('heap', heap());
    else if (command.cmd === 'loadAll') await post('loadAll', await loadAll(api, command));
    else if (command.cmd === 'reveal') await post('revealed', { id: await reveal(api, command) });
    else if (command.cmd === 'refreshRows') await post('refreshedRows', await refreshRows(api, command));
    else if (command.cmd === 'reloadWindow') {
      // The reload ends this extension host and cancels the command's promise with it: not a failure to report.
      void vscode.commands.executeCommand('workbench.action.reloadWindow').then(undefined, () => undefined);
      return;
    } else if (command.cmd === 'openDashboard') {
      const group = await groupNode(api, command);
      const startWall = wall();
      await vscode.commands.executeCommand('imExplorer.openDashboard', group);
      await post('dashboardOpened', { startWall });
    } else if (command.cmd === 'closeEditors') {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await post('done', { cmd: command.cmd });
    }
  }
  // Leave the next window's workspace as it was: the Interactive Messages view closed.
  await vscode.commands.executeCommand('workbench.view.explorer');
}

export async function run(): Promise<void> {
  const task = (await request('GET', '/task')) as Task;
  try {
    const { sample, api } = await measureActivation(task);
    await post('activation', sample);
    if (task.mode === 'profile') {
      await post('probe', await probes(api as ExplorerLike, task.vscodeImports));
    } else if (task.mode === 'ui') {
      await runUi(task, api as ExplorerLike);
    }
  } catch (error) {
    await post('error', { message: String((error as Error)?.stack ?? error) }).catch(() => undefined);
    throw error;
  }
}
