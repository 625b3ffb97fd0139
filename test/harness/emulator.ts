// The one emulator launcher: starts dist/emulator.js as a child process (as the real API is remote), reads the first
// lines it prints ("listening URL", "access key id: …", "access key secret: …"), and offers its control surface.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { DatasetInfo } from '../../src/emulator/index';
import type { EmulatorStats } from '../../src/emulator/stats';
import { getJson, requestJson } from './http';
import { EMULATOR_CLI, REPO } from './paths';
import { killGroupOnExit, killTree } from './processTree';

export interface EmulatorOptions {
  /** The CLI to run (default dist/emulator.js of the repository). */
  cli?: string;
  /** Latency of each answer, ms or a range "20-40" (default 30). */
  latencyMs?: number | string;
  /** Log one line per request; they are parsed into `requests`. */
  verbose?: boolean;
  /** More CLI options, e.g. ['--qps', '100', '--seed', '1']. */
  args?: string[];
  /** Copy of everything the emulator prints. */
  logFile?: string;
  timeoutMs?: number;
}

/** One line of the emulator's request log ("2026-11-23T10:00:00.123Z POST ListMessageGroupUser 200 OK +30ms"). */
export interface EmulatorRequest {
  /** Arrival, ms since the epoch. */
  at: number;
  method: string;
  action: string;
  status: string;
  code: string;
}

export interface EmulatorProcess {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  child: childProcess.ChildProcess;
  /** Resolves with "exit N" or the signal when the emulator ends. */
  exited: Promise<string>;
  /** Every line printed (stdout and stderr). */
  output: string[];
  /** The request log (only with `verbose`). */
  requests: EmulatorRequest[];
  /** A call to the control surface /__emulator/<name>. */
  control<T = unknown>(method: 'GET' | 'PUT' | 'POST', name: string, body?: unknown): Promise<T>;
  dataset(): Promise<DatasetInfo>;
  stats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

const REQUEST_LINE = /^(\d{4}-\d\d-\d\dT\S+Z) (\S+) (\S+) (\S+) (\S+) \+(\d+)ms$/;
const HEADER = { url: /^listening (\S+)$/, accessKeyId: /^access key id: (\S+)$/, accessKeySecret: /^access key secret: (\S+)$/ };

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorProcess> {
  const cli = options.cli ?? EMULATOR_CLI;
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: build first (node esbuild.js)`);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const args = [cli, '--port', '0', '--latency-ms', String(options.latencyMs ?? 30), ...(options.verbose ? ['--verbose'] : []), ...(options.args ?? [])];
  const child = childProcess.spawn(process.execPath, args, { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  killGroupOnExit(child);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, sig) => resolve(sig ?? `exit ${code}`)));
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const output: string[] = [];
  const requests: EmulatorRequest[] = [];
  const found: Partial<Record<keyof typeof HEADER, string>> = {};

  const header = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator printed no address within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    const onLine = (line: string) => {
      output.push(line);
      log?.write(`${line}\n`);
      const request = REQUEST_LINE.exec(line);
      if (request) {
        requests.push({ at: Date.parse(request[1]), method: request[2], action: request[3], status: request[4], code: request[5] });
        return;
      }
      for (const key of Object.keys(HEADER) as (keyof typeof HEADER)[]) {
        found[key] ??= HEADER[key].exec(line.trim())?.[1];
      }
      if (found.url && found.accessKeyId && found.accessKeySecret) {
        clearTimeout(timer);
        resolve();
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the emulator ended (${how}) before it was ready:\n${output.join('\n')}`));
    });
  });
  const stop = async () => {
    await killTree(child, 3000);
    log?.end();
  };
  try {
    await header;
  } catch (error) {
    await stop();
    throw error;
  }
  const url = found.url!;
  const control = <T>(method: 'GET' | 'PUT' | 'POST', name: string, body?: unknown) => requestJson<T>(method, `${url}/__emulator/${name}`, body);
  return {
    url,
    accessKeyId: found.accessKeyId!,
    accessKeySecret: found.accessKeySecret!,
    child,
    exited,
    output,
    requests,
    control,
    dataset: () => getJson<DatasetInfo>(`${url}/__emulator/dataset`),
    stats: () => control<EmulatorStats>('GET', 'stats'),
    stop,
  };
}

/** The fixtures of a dataset plus the demo app's name. */
export function demoApp(dataset: DatasetInfo): { appId: string; appName: string } {
  const appId = dataset.fixtures.appId;
  const app = dataset.apps.find((each) => each.AppId === appId);
  if (!app) throw new Error(`the emulator's dataset has no app ${appId}`);
  return { appId, appName: app.AppName };
}
