// Starting code-server (installed on first use by codeServerInstall.ts) isolated from the real home folder, installing
// a .vsix into it, and the quiet workbench settings every run uses.
//
//   node out/test/harness/codeServer.js install            install on first use, print where it is
//   node out/test/harness/codeServer.js start [--port N] [--folder F]   start it until Ctrl-C
//
// Environment: IME_CODE_SERVER_VERBOSE=1 copies code-server's output to stderr as well as to its log file.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer, type InstalledCodeServer, log, tail } from './codeServerInstall';
import { freePort, httpReady } from './http';
import { killGroupOnExit, killTree } from './processTree';
import { messageOf, sleep } from './wait';

export interface StartOptions {
  installed?: InstalledCodeServer;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The folder opened by default. */
  folder?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** More arguments, e.g. ['--vscode-option', 'enable-smoke-test-driver']. */
  extraArgs?: string[];
  /** Extra environment (the extension host inherits it); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  logFile?: string;
  startTimeoutMs?: number;
  verbose?: boolean;
}

export interface CodeServer {
  url: string;
  port: number;
  process: childProcess.ChildProcess;
  logFile: string;
  tempDir: string;
  userDataDir: string;
  extensionsDir: string;
  startMs: number;
  /** Ends code-server and everything it started, and removes its temporary HOME. */
  stop(): Promise<void>;
}

/** An environment whose HOME and XDG folders point into `home`, so nothing reads or writes the real home. */
export function isolatedEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  for (const sub of ['config', 'data', 'cache', 'state', 'runtime']) fs.mkdirSync(path.join(home, sub), { recursive: true, mode: 0o700 });
  // Settings meant for this process's own npm / VS Code must not leak into code-server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|VSCODE_|ELECTRON_)/i.test(key)));
  const merged: NodeJS.ProcessEnv = {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_RUNTIME_DIR: path.join(home, 'runtime'),
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Starts code-server under Node 24 and waits until it answers HTTP. */
export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  const installed = options.installed ?? (await ensureCodeServer());
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-'));
  const home = path.join(tempDir, 'home');
  const userDataDir = options.userDataDir ?? path.join(tempDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(tempDir, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const logFile = options.logFile ?? path.join(tempDir, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const verbose = options.verbose ?? process.env.IME_CODE_SERVER_VERBOSE === '1';
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;

  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    const args = [
      installed.codeServerEntry,
      ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
      ...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
      ...(options.extraArgs ?? []),
      ...(options.folder ? [options.folder] : []),
    ];
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${installed.nodeBin} ${args.join(' ')}\n`);
    const started = Date.now();
    const child = childProcess.spawn(installed.nodeBin, args, {
      cwd: options.folder ?? tempDir,
      env: isolatedEnv(home, options.env),
      detached: true, // its own process group, so stop() reaches every child
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    killGroupOnExit(child); // not left behind when the caller exits without stop()
    const copy = (chunk: Buffer) => {
      fs.writeSync(out, chunk);
      if (verbose) process.stderr.write(chunk);
    };
    child.stdout!.on('data', copy);
    child.stderr!.on('data', copy);
    let exited: string | undefined;
    child.on('exit', (code, sig) => {
      exited = sig ?? `exit ${code}`;
    });
    child.on('close', () => fs.closeSync(out));
    const url = `http://127.0.0.1:${port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await killTree(child);
      fs.rmSync(home, { recursive: true, force: true });
    };
    while (!exited && Date.now() - started < startTimeoutMs) {
      if (await httpReady(`${url}/healthz`)) {
        return { url, port, process: child, logFile, tempDir, userDataDir, extensionsDir, startMs: Date.now() - started, stop };
      }
      await sleep(200);
    }
    await stop();
    const logTail = tail(logFile, 30);
    if (exited && /EADDRINUSE/.test(logTail) && attempt < attempts) {
      log(`port ${port} was taken meanwhile; trying another`);
      continue;
    }
    throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs} ms${exited ? ` (it ended: ${exited})` : ''}. Log ${logFile}:\n${logTail}`);
  }
}

/** Installs a .vsix into an extensions folder; resolves with code-server's output. */
export async function installExtension(vsix: string, dirs: { extensionsDir: string; userDataDir: string; installed?: InstalledCodeServer }): Promise<string> {
  const installed = dirs.installed ?? (await ensureCodeServer());
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-home-'));
  const args = [
    installed.codeServerEntry,
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--install-extension',
    path.resolve(vsix),
    '--force',
  ];
  try {
    return await new Promise<string>((resolve, reject) => {
      childProcess.execFile(installed.nodeBin, args, { env: isolatedEnv(home), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        // code-server can exit 0 after "Failed Installing Extensions", so look for the success line.
        if (error || !/successfully installed|already installed/i.test(output))
          reject(new Error(`installing ${vsix} failed: ${error ? error.message : ''}\n${output}`));
        else resolve(output);
      });
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Workbench settings for a quiet, offline run: no update or Marketplace checks, no AI features, no tips. */
export const QUIET_WORKBENCH_SETTINGS: Readonly<Record<string, unknown>> = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
};

/** Writes User/settings.json of a user-data folder: the quiet settings, then `settings` over them. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): void {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_WORKBENCH_SETTINGS, ...settings }, null, 2)}\n`);
}

/** No extension Marketplace (Open VSX): nothing to fetch, no network errors in the logs. */
export const NO_GALLERY = '{"serviceUrl":""}';

/** Copies code-server's log and the server side's logs (the remote extension host's among them) into `outDir`. */
export function copyServerLogs(server: CodeServer | undefined, outDir: string): void {
  if (!server) return;
  fs.mkdirSync(outDir, { recursive: true });
  if (fs.existsSync(server.logFile)) fs.copyFileSync(server.logFile, path.join(outDir, 'code-server.log'));
  const serverLogs = path.join(server.userDataDir, 'logs');
  if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(outDir, 'server-logs'), { recursive: true });
}

async function main(argv: string[]): Promise<void> {
  const [command = 'install', ...rest] = argv;
  const option = (name: string) => {
    const index = rest.indexOf(name);
    return index >= 0 ? rest[index + 1] : undefined;
  };
  if (command === 'install') {
    const started = Date.now();
    const installed = await ensureCodeServer();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-home-'));
    let versionOut: string;
    try {
      versionOut = childProcess.execFileSync(installed.nodeBin, [installed.codeServerEntry, '--version'], { encoding: 'utf8', env: isolatedEnv(home) });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
    const versionLine = versionOut.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line)) ?? versionOut.trim();
    process.stdout.write(
      `code-server ${versionLine}\n  folder:  ${installed.dir}\n  node:    ${installed.nodeBin}\n  entry:   ${installed.codeServerEntry}\n` +
        `  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    return;
  }
  if (command === 'start') {
    const given = option('--folder');
    const folder = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'ime-workspace-'));
    const server = await startCodeServer({ port: Number(option('--port') ?? 0), folder });
    process.stdout.write(`code-server is up: ${server.url}/?folder=${encodeURIComponent(folder)}\n  log: ${server.logFile}\n  Ctrl-C stops it\n`);
    let stopping = false;
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      await server.stop();
      fs.rmSync(server.tempDir, { recursive: true, force: true });
      if (!given) fs.rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown());
    process.on('SIGTERM', () => void shutdown());
    server.process.on('exit', (code, sig) => {
      if (stopping) return;
      log(`code-server ended by itself (${sig ?? `exit ${code}`}); log: ${server.logFile}`);
      process.exit(1);
    });
    return;
  }
  process.stderr.write('usage: node out/test/harness/codeServer.js install | start [--port N] [--folder F]\n');
  process.exitCode = 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    log(messageOf(error));
    process.exit(1);
  });
}
