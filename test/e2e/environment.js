// The world the end-to-end suite drives: the emulator (a child process), the extension installed into a
// fresh extensions folder, code-server with fresh user data and settings, Chromium with clipboard access.
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const { descendants, writeUserSettings: writeQuietUserSettings } = require('../../scripts/code-server');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/** The emulator's AccessKeys (src/emulator/keys.ts has no imports: transpiled and evaluated as is). */
function emulatorKeys() {
  const ts = require('typescript');
  const source = fs.readFileSync(path.join(REPO, 'src', 'emulator', 'keys.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputText)(module, module.exports, require);
  return module.exports;
}

/**
 * Starts `node dist/emulator.js --port 0 --latency-ms 30` and reads the first lines it prints.
 * @returns {Promise<{url: string, accessKeyId: string, accessKeySecret: string, child: import('child_process').ChildProcess,
 *   output: string[], stop: () => Promise<void>, control: (method: string, name: string, body?: unknown) => Promise<any>}>}
 */
async function startEmulator({ latencyMs = 30, timeoutMs = 20000 } = {}) {
  const entry = path.join(REPO, 'dist', 'emulator.js');
  const child = childProcess.spawn(process.execPath, [entry, '--port', '0', '--latency-ms', String(latencyMs)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  let buffered = '';
  const onData = (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    output.push(...lines);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || `exit ${code}`)));
  const deadline = Date.now() + timeoutMs;
  const field = (pattern) => output.map((line) => pattern.exec(line)).find(Boolean)?.[1];
  while (!(field(/^listening (\S+)/) && field(/^access key secret: (\S+)/))) {
    const result = await Promise.race([exited.then((how) => ({ how })), new Promise((resolve) => setTimeout(resolve, 50))]);
    if (result && result.how) throw new Error(`the emulator ended (${result.how}) before it was ready:\n${output.join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the emulator did not print its address within ${timeoutMs} ms:\n${output.join('\n')}`);
    }
  }
  const url = field(/^listening (\S+)/);
  const control = async (method, name, body) => {
    const response = await fetch(`${url}/__emulator/${name}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__emulator/${name}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url,
    accessKeyId: field(/^access key id: (\S+)/),
    accessKeySecret: field(/^access key secret: (\S+)/),
    child,
    output,
    control,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 3000))]);
      if (done === undefined) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Installs the extension the way a .vsix would: the files .vscodeignore lets through, copied into
 * `<extensionsDir>/<publisher>.<name>-<version>/`. code-server registers such a folder at its first start.
 * (code-server honours a development extension from the URL payload only in smoke-test-driver mode,
 * which suppresses toasts and skips modal dialogs: not what a user sees.)
 */
function installExtensionCopy(extensionsDir, from = process.env.IME_E2E_EXTENSION ? path.resolve(process.env.IME_E2E_EXTENSION) : REPO) {
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(target, { recursive: true });
  const main = manifest.main.replace(/^\.\//, '');
  const files = ['package.json', main, 'README.md', 'CHANGELOG.md', 'LICENSE'];
  for (const file of files) {
    const source = path.join(from, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(source, path.join(target, file));
  }
  // Icons only (media/ also holds the README screenshots, which the extension does not need).
  fs.mkdirSync(path.join(target, 'media'), { recursive: true });
  for (const file of fs.readdirSync(path.join(from, 'media'))) {
    if (/\.svg$/.test(file) || file === 'icon.png') fs.copyFileSync(path.join(from, 'media', file), path.join(target, 'media', file));
  }
  return { id, version: manifest.version, folder: target, from };
}

/** User settings: the emulator as endpoint, one configured user, and a quiet offline workbench. */
function writeUserSettings(userDataDir, extensionSettings) {
  writeQuietUserSettings(userDataDir, {
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'remote.autoForwardPorts': false,
    'git.enabled': false,
    'window.commandCenter': true,
    // Sticky scroll copies ancestor rows over the top of a scrolled tree: off, so rows are where they seem.
    'workbench.tree.enableStickyScroll': false,
    ...extensionSettings,
  });
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

module.exports = { REPO, emulatorKeys, startEmulator, installExtensionCopy, writeUserSettings, descendants, commandLine };
