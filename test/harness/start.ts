// `npm start`: the one-command demo (see demo.ts). Builds the extension, starts the emulator and a real VS Code
// (code-server) with the packaged extension signed in to it, and prints the URL to open. Ctrl+C stops everything it
// started and exits 0.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Demo, DEFAULT_LATENCY_MS, DEFAULT_PORT, startDemo } from './demo';
import { REPO } from './paths';
import { seconds } from './text';
import { messageOf } from './wait';

const USAGE = `Usage: npm start [-- options]

Starts the emulator with demo data and a real VS Code (code-server) in which the extension is
already signed in to it. Open the printed URL in your browser; Ctrl+C stops everything.

Options:
  --port N        code-server port (default $IME_PORT or ${DEFAULT_PORT}; if taken, a free port is used)
  --vsix FILE     install this .vsix instead of packaging the repository first
  --latency-ms L  emulator latency per answer in ms (default ${DEFAULT_LATENCY_MS})
  --no-build      skip \`node esbuild.js\` (dist/emulator.js must exist)
  --help          this text
`;

export interface StartOptions {
  port: number;
  vsix?: string;
  latencyMs: string;
  build: boolean;
  help: boolean;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  let port = env.IME_PORT ?? String(DEFAULT_PORT);
  const options: StartOptions = { port: DEFAULT_PORT, latencyMs: String(DEFAULT_LATENCY_MS), build: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port':
        port = value();
        break;
      case '--vsix':
        options.vsix = path.resolve(value());
        break;
      case '--latency-ms':
        options.latencyMs = value();
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]} (see --help)`);
    }
  }
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new Error(`the port must be a number from 1 to 65535, got "${port}"`);
  options.port = Number(port);
  if (!/^\d+(-\d+)?$/.test(options.latencyMs)) throw new Error(`--latency-ms expects a number, got "${options.latencyMs}"`);
  if (options.vsix && !fs.existsSync(options.vsix)) throw new Error(`${options.vsix} does not exist (build it with npm run package)`);
  return options;
}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function build(): void {
  const result = childProcess.spawnSync(process.execPath, [path.join(REPO, 'esbuild.js')], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.js failed (${result.signal ?? `exit ${result.status}`})`);
}

async function main(argv: string[]): Promise<void> {
  const started = Date.now();
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  // Set once start-up has finished; the signal handlers above it read it.
  const startedDemo: { demo?: Demo } = {};
  let stopping = false;
  let pendingSignal: string | undefined;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(`\n${reason}: stopping code-server and the emulator…`);
    await startedDemo.demo?.stop();
    say('Stopped.');
    process.exit(code);
  };
  // A signal during start-up is handled once start-up has something to stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (startedDemo.demo) void shutdown(sig, 0);
      else if (pendingSignal)
        process.exit(130); // a second Ctrl+C during start-up: leave now ('exit' hooks end the children)
      else {
        pendingSignal = sig;
        say(`${sig}: stopping as soon as start-up has finished (again to leave at once)…`);
      }
    });
  }

  if (options.build) {
    say('Building (node esbuild.js)…');
    build();
  }
  say('Starting the emulator and VS Code (code-server)…');
  const running = await startDemo({ port: options.port, vsix: options.vsix, latencyMs: options.latencyMs, log: (line) => say(`  ${line}`) });
  startedDemo.demo = running;
  if (pendingSignal) return shutdown(pendingSignal, 0);

  void running.emulator.exited.then((how) => shutdown(`The emulator ended by itself (${how}; log ${path.join(running.runDir, 'emulator.log')})`, 1));
  running.server.process.once('exit', (code, sig) => void shutdown(`code-server ended by itself (${sig ?? `exit ${code}`}; log ${running.server.logFile})`, 1));

  say(`  code-server: ${running.server.url} (log ${running.server.logFile})`);
  say(`  extension: installed from ${options.vsix ?? 'this repository'}; it signs in as profile "demo" when it starts`);
  say(`  workspace: ${running.workspace}`);
  if (running.portChanged) say(`  port ${running.preferredPort} is taken: using ${running.port} instead (choose one with --port N or IME_PORT)`);
  // Under `npm start`, a SIGTERM to npm ends the shell between npm and this process but not this process: leave with
  // the parent rather than keep code-server running for nobody.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('The parent process ended', 0);
  }, 1000);
  say(`Ready in ${seconds(Date.now() - started)}. Ctrl+C stops everything.`);
  say(`Open ${running.url} in your browser`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`npm start: ${messageOf(error)}\n`);
    process.exit(1);
  });
}
