#!/usr/bin/env node
// `npm start`: the one-command demo. Builds and packages the extension (a .vsix in a temp folder),
// starts the local emulator with demo data, starts a real VS Code (code-server, installed on first use
// and cached) with that .vsix installed, and prints the URL to open. The extension signs in with the emulator's
// demo key by itself (src/credentials/demo.ts: IME_DEMO_SIGN_IN=1 + ALIBABA_CLOUD_* in code-server's
// environment), and the user settings point it at the emulator with two demo users configured.
// Ctrl+C stops everything it started and exits 0.
//
//   npm start [-- options]
//     --port N        code-server port (default $IME_PORT or 8080; if taken, a free port is used)
//     --vsix FILE     install FILE instead of packaging the repository (e.g. the output of npm run package)
//     --latency-ms L  emulator latency per answer (default 30, so the tree feels like a real service)
//     --no-build      do not run `node esbuild.js` first (dist/emulator.js must exist)
//     --help
//
// Why installed and not the development path: code-server's browser workbench honours an
// extensionDevelopmentPath in the URL's payload only with --enable-smoke-test-driver (a built
// product ignores it otherwise), and that mode hides notifications and skips dialogs — wrong for a demo.
//
// As a module: startDemo(options) → { url, port, emulator, server, workspace, stop() } (used by
// scripts/package-check.js).
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { defaultCacheDir, ensureCodeServer, installExtension, killTree, startCodeServer, writeUserSettings } = require('./code-server');

const REPO = path.resolve(__dirname, '..');
const DEFAULT_PORT = 8080;
const DEFAULT_LATENCY_MS = 30;

function say(message) {
  process.stdout.write(`${message}\n`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

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

function parseArgs(argv, env = process.env) {
  const options = { port: DEFAULT_PORT, vsix: undefined, latencyMs: DEFAULT_LATENCY_MS, build: true, help: false };
  if (env.IME_PORT) options.port = env.IME_PORT;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        options.port = value();
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
  if (!/^\d+$/.test(String(options.port)) || Number(options.port) < 1 || Number(options.port) > 65535) {
    throw new Error(`the port must be a number from 1 to 65535, got "${options.port}"`);
  }
  options.port = Number(options.port);
  if (!/^\d+(-\d+)?$/.test(String(options.latencyMs))) throw new Error(`--latency-ms expects a number, got "${options.latencyMs}"`);
  if (options.vsix && !fs.existsSync(options.vsix)) throw new Error(`${options.vsix} does not exist (build it with npm run package)`);
  return options;
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function getJson(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 5000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch (error) {
          reject(new Error(`${url} answered ${response.statusCode} with no JSON: ${error.message}`));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`${url} did not answer in 5 s`)));
    request.on('error', reject);
  });
}

/**
 * Starts dist/emulator.js as a child process and reads its first lines (URL and demo key), then the
 * dataset's fixtures. The child gets its own process group; stop() ends it.
 */
async function startEmulatorProcess({ latencyMs = DEFAULT_LATENCY_MS, logFile }) {
  const entry = path.join(REPO, 'dist', 'emulator.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (node esbuild.js)`);
  const child = childProcess.spawn(process.execPath, [entry, '--port', '0', '--latency-ms', String(latencyMs)], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.openSync(logFile, 'a');
  // Do not leave the emulator behind if this process exits without stop() (an error, process.exit).
  const onExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve(sig || `exit ${code}`)));
  const header = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the emulator printed no address in 15 s (log: ${logFile})`)), 15000);
    child.stderr.on('data', (chunk) => fs.writeSync(log, chunk));
    child.stdout.on('data', (chunk) => {
      fs.writeSync(log, chunk);
      if (text === null) return;
      text += chunk;
      const url = /^listening (\S+)$/m.exec(text);
      const id = /^access key id: (\S+)$/m.exec(text);
      const secret = /^access key secret: (\S+)$/m.exec(text);
      if (url && id && secret) {
        clearTimeout(timer);
        text = null;
        resolve({ url: url[1], accessKeyId: id[1], accessKeySecret: secret[1] });
      }
    });
    exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the emulator ended at start-up (${how}); log: ${logFile}`));
    });
  }).catch(async (error) => {
    await killTree(child, 2000);
    throw error;
  });
  let dataset;
  try {
    dataset = await getJson(`${header.url}/__emulator/dataset`);
  } catch (error) {
    await killTree(child, 2000);
    throw error;
  }
  return {
    ...header,
    process: child,
    exited,
    fixtures: dataset.fixtures,
    apps: dataset.apps,
    stop: async () => {
      await killTree(child, 3000);
      try {
        fs.closeSync(log);
      } catch {
        // closed already
      }
    },
  };
}

function demoReadme({ appName, fixtures, emulatorUrl }) {
  return `# Interactive Messages Explorer — demo

This VS Code runs the **Interactive Messages Explorer** extension against a local emulator of the
ApsaraVideo Live Interactive Messages API (${emulatorUrl}); nothing here talks to Alibaba Cloud.
The extension is already signed in with the emulator's demo key (profile **demo**, see the status bar).

## What to click

1. Open **Interactive Messages** in the activity bar on the left (the speech-bubbles icon).
2. Expand the app **${appName}** (\`${fixtures.appId}\`). Its configured users appear:
   - \`${fixtures.userId}\` — a user with groups of every kind: empty, 1, 3, 123, 1,000 and 100,000 members, a muted one, an inactive one;
   - \`${fixtures.manyGroupsUserId}\` — a user in 57 groups (more than one page: see **Load more…**).
3. Expand a user, then a group: its members are listed page by page. In the group with 100,000 members
   (\`${fixtures.bigGroupId}\`) try **Load All** (right-click) and cancel it from the notification.
4. Right-click any node: **Copy AppId / GroupId / UserId**, **Copy as Code…**, **Insert Id at Cursor**
   (open a file first), **Open as JSON**.
5. The view's title bar: **Find Group…** (search), sort order, refresh, **Switch Profile…**; its \`…\` menu:
   **Add App…**, **Go to App…**, **Find Member in Group…**, **Set Page Size…**, **Show Log**.
6. Other apps come from \`ListMessageApp\`. To browse another user's groups, use **Add User…** on an app
   (the emulator's users are listed at ${emulatorUrl}/__emulator/dataset).

The settings used are in *File > Preferences > Settings* (search \`imExplorer\`). Every API call is in the
**Interactive Messages** output channel (**Show Log**), with secrets redacted.

This folder is recreated by \`npm start\`; Ctrl+C in its terminal stops VS Code and the emulator.
`;
}

/** Packages the repository into `out` with vsce (its vscode:prepublish script makes the production build). */
function packageVsix(out) {
  const vsceDir = path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [REPO] }));
  const result = childProcess.spawnSync(process.execPath, [path.join(vsceDir, 'vsce'), 'package', '--no-dependencies', '--out', out], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`vsce package failed (${result.signal || `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  return out;
}

/**
 * Starts the emulator and code-server for the demo.
 * @param {object} [options]
 * @param {number} [options.port=8080] preferred code-server port; another free one if it is taken
 * @param {string} [options.vsix] install this .vsix (default: package the repository into a temp folder)
 * @param {number|string} [options.latencyMs=30]
 * @param {(message: string) => void} [options.log]
 * @returns {Promise<{url: string, port: number, portChanged: boolean, workspace: string, emulator: object, server: object,
 *   timings: object, stop: () => Promise<void>}>}
 */
async function startDemo(options = {}) {
  const log = options.log || (() => {});
  const timings = {};
  let mark = Date.now();
  const installed = await ensureCodeServer();
  timings.ensureCodeServerMs = Date.now() - mark;

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-demo-'));
  const cleanups = [];
  const stop = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch {
        // keep stopping the rest
      }
    }
  };
  cleanups.push(() => fs.rmSync(runDir, { recursive: true, force: true }));
  try {
    mark = Date.now();
    const emulator = await startEmulatorProcess({ latencyMs: options.latencyMs ?? DEFAULT_LATENCY_MS, logFile: path.join(runDir, 'emulator.log') });
    cleanups.push(emulator.stop);
    timings.emulatorMs = Date.now() - mark;
    const { fixtures } = emulator;
    const app = (emulator.apps || []).find((each) => each.AppId === fixtures.appId);
    const appName = app ? app.AppName : fixtures.appId;
    log(`emulator: ${emulator.url} (demo app "${appName}" ${fixtures.appId}; log ${path.join(runDir, 'emulator.log')})`);

    // A stable folder outside the repository, so the URL is the same every time.
    const workspace = path.join(path.dirname(defaultCacheDir()), 'demo-workspace');
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'README.md'), demoReadme({ appName, fixtures, emulatorUrl: emulator.url }));

    const userDataDir = path.join(runDir, 'user-data');
    const extensionsDir = path.join(runDir, 'extensions');
    writeUserSettings(userDataDir, {
      'imExplorer.endpoint': emulator.url,
      'imExplorer.users': { [fixtures.appId]: [fixtures.userId, fixtures.manyGroupsUserId] },
      'workbench.startupEditor': 'readme', // the demo README first
    });

    let vsix = options.vsix;
    if (!vsix) {
      mark = Date.now();
      vsix = packageVsix(path.join(runDir, 'interactive-messages-explorer.vsix'));
      timings.packageMs = Date.now() - mark;
      log(`packaged the extension (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) in ${seconds(timings.packageMs)}`);
    }
    mark = Date.now();
    await installExtension(vsix, { extensionsDir, userDataDir, installed });
    timings.installVsixMs = Date.now() - mark;
    log(`installed it into code-server's extensions folder in ${seconds(timings.installVsixMs)}`);

    const preferred = options.port ?? DEFAULT_PORT;
    let port = preferred;
    let portChanged = false;
    if (!(await portIsFree(preferred))) {
      port = 0; // startCodeServer picks a free one
      portChanged = true;
    }
    mark = Date.now();
    const server = await startCodeServer({
      installed,
      port,
      folder: workspace,
      userDataDir,
      extensionsDir,
      logFile: path.join(runDir, 'code-server.log'),
      // force-disable-user-env: the extension host gets exactly this environment (no login-shell rewrite).
      extraArgs: ['--vscode-option', 'force-disable-user-env'],
      env: {
        // The demo sign-in (src/credentials/demo.ts). Only the emulator's demo key: it opens nothing else.
        IME_DEMO_SIGN_IN: '1',
        ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret,
        // Whatever the user's shell has must not mix with the demo key (undefined removes a variable).
        ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
        ALIBABA_CLOUD_PROFILE: undefined,
        ALIBABA_CLOUD_CREDENTIALS_FILE: undefined,
        // No extension Marketplace: nothing to fetch, no network errors offline.
        EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      },
    });
    cleanups.push(async () => {
      await server.stop();
      fs.rmSync(server.tempDir, { recursive: true, force: true });
    });
    timings.codeServerMs = Date.now() - mark;

    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    return {
      url,
      port: server.port,
      preferredPort: preferred,
      portChanged,
      workspace,
      runDir,
      emulator,
      server,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function build() {
  const result = childProcess.spawnSync(process.execPath, [path.join(REPO, 'esbuild.js')], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.js failed (${result.signal || `exit ${result.status}`})`);
}

async function main(argv) {
  const started = Date.now();
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  let demo;
  let stopping = false;
  let pendingSignal;
  const shutdown = async (reason, code) => {
    if (stopping) return;
    stopping = true;
    say(`\n${reason}: stopping code-server and the emulator…`);
    if (demo) await demo.stop();
    say('Stopped.');
    process.exit(code);
  };
  // A signal during start-up is handled once start-up has something to stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (demo) void shutdown(sig, 0);
      else if (pendingSignal) process.exit(130); // a second Ctrl+C during start-up: leave now ('exit' handlers end the children)
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
  say(`Starting the emulator and VS Code (code-server)…`);
  demo = await startDemo({ port: options.port, vsix: options.vsix, latencyMs: options.latencyMs, log: (line) => say(`  ${line}`) });
  if (pendingSignal) return shutdown(pendingSignal, 0);

  demo.emulator.exited.then((how) => shutdown(`The emulator ended by itself (${how}; log ${path.join(demo.runDir, 'emulator.log')})`, 1));
  demo.server.process.once('exit', (code, sig) =>
    shutdown(`code-server ended by itself (${sig || `exit ${code}`}; log ${demo.server.logFile})`, 1),
  );

  say(`  code-server: ${demo.server.url} (log ${demo.server.logFile})`);
  say(`  extension: installed from ${options.vsix || 'this repository'}; it signs in as profile "demo" when it starts`);
  say(`  workspace: ${demo.workspace}`);
  if (demo.portChanged) say(`  port ${demo.preferredPort} is taken: using ${demo.port} instead (choose one with --port N or IME_PORT)`);
  // Under `npm start`, a SIGTERM to npm ends the shell between npm and this process but not this
  // process: leave with the parent rather than keep code-server running for nobody.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('The parent process ended', 0);
  }, 1000);
  say(`Ready in ${seconds(Date.now() - started)}. Ctrl+C stops everything.`);
  say(`Open ${demo.url} in your browser`);
}

module.exports = { startDemo, startEmulatorProcess, parseArgs, portIsFree, getJson, DEFAULT_PORT };

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`npm start: ${error.message}\n`);
    process.exit(1);
  });
}
