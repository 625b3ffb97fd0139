// Windows of the workbench: each page load is a new window with a new extension host process, in smoke-test-driver
// mode with the staged extension (or the empty one) under development and host.js as its tests.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CodeServer } from '../../harness/codeServer';
import type { EmulatorProcess } from '../../harness/emulator';
import { allPids, commandLine, hasEnvironment } from '../../harness/processTree';
import { type AutomationExit, developmentUrl, exposeAutomation } from '../../harness/smokeTest';
import { sleep } from '../../harness/wait';
import { note, VERBOSE } from './config';
import type { Control } from './control';
import type { Task } from './protocol';
import type { StagedExtension } from './stage';

/** Everything one bench run has started. */
export interface BenchEnv {
  runDir: string;
  taskCounter: number;
  workbenchLines: string[];
  consoleLines: string[];
  staged?: StagedExtension;
  emptyExtension?: string;
  emulator?: EmulatorProcess;
  control?: Control;
  server?: CodeServer;
  browser?: Browser;
  context?: BrowserContext;
  /** The window being measured in the UI part, for a failure screenshot. */
  uiPage?: Page;
  rttTimes?: number[];
}

/** What openWindow needs: a running bench. */
export type RunningEnv = BenchEnv & Required<Pick<BenchEnv, 'staged' | 'emulator' | 'control' | 'server' | 'context' | 'emptyExtension'>>;

export interface BenchWindow {
  page: Page;
  exited: Promise<AutomationExit>;
  opened: number;
}

export async function openWindow(env: RunningEnv, task: Task, folder: string, extensionPath = env.staged.stage): Promise<BenchWindow> {
  env.control.setTask(task);
  const page = await env.context.newPage();
  const { exited } = await exposeAutomation(page, (type, text) => {
    env.workbenchLines.push(`[window ${task.id}] [${type}] ${text}`);
    if (VERBOSE) process.stderr.write(`[window ${task.id}] ${text}\n`);
  });
  page.on('console', (message) => env.consoleLines.push(`[window ${task.id}] [${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => env.consoleLines.push(`[window ${task.id}] [pageerror] ${error.message}`));
  const opened = Date.now();
  await page.goto(developmentUrl(env.server, folder, extensionPath, env.staged.entry), { waitUntil: 'domcontentloaded', timeout: 120_000 });
  return { page, exited, opened };
}

export async function closeWindow(env: RunningEnv, window: BenchWindow): Promise<AutomationExit | { kind: 'timeout' }> {
  const outcome = await Promise.race([window.exited, sleep(30_000).then(() => ({ kind: 'timeout' as const }))]);
  await window.page.close().catch(() => undefined);
  // The server ends a closed window's extension host; let it go before the next window is measured.
  const started = Date.now();
  const left = await waitForExtensionHosts(env, 0, 10_000);
  if (left > 0) note(`closed window ${env.control.task()?.id}: ${left} extension host(s) still running after ${Date.now() - started} ms`);
  return outcome;
}

/** Extension host processes of our code-server (each window has its own). */
function extensionHosts(env: RunningEnv): number[] {
  return allPids().filter((pid) => {
    const cmdline = commandLine(pid);
    return (
      (cmdline.includes('extensionHostProcess') || cmdline.includes('--type=extensionHost')) && hasEnvironment(pid, `IME_BENCH_UI_CONTROL=${env.control.url}`)
    );
  });
}

async function waitForExtensionHosts(env: RunningEnv, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && extensionHosts(env).length > count) await sleep(100);
  return extensionHosts(env).length;
}

export function outcomeText(outcome: AutomationExit | { kind: 'timeout' }): string {
  return outcome.kind === 'exit' ? `exit ${outcome.code}` : outcome.kind === 'error' ? outcome.message : 'timeout';
}
