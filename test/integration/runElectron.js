#!/usr/bin/env node
// The same integration suite (out/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron, for machines that have or can download VS Code. On a machine that
// cannot (no network to update.code.visualstudio.com), it prints one line starting with
// `SKIP:` and exits 0: test/integration/run.js (code-server) is the suite that must pass there.
//
// Build first: node esbuild.js && npx tsc -p .
//
// Environment:
//   VSCODE_EXECUTABLE_PATH  a VS Code binary to use (no download)
//   VSCODE_TEST_VERSION     what to download otherwise (default: stable; e.g. 1.90.0 = engines minimum)
//   IME_VSCODE_TEST_DIR     download cache (default ${XDG_CACHE_HOME:-~/.cache}/interactive-messages-explorer/vscode-test)
//   IME_VSCODE_DOWNLOAD_TIMEOUT_MS  idle timeout of the download (default 15000)
// On Linux without a display, run it under `xvfb-run -a`.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

const REPO = path.resolve(__dirname, '..', '..');
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'integration', 'index');

function cacheDir() {
  if (process.env.IME_VSCODE_TEST_DIR) return path.resolve(process.env.IME_VSCODE_TEST_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'interactive-messages-explorer', 'vscode-test');
}

function skip(reason) {
  process.stdout.write(`SKIP: desktop VS Code integration tests not run: ${reason}\n`);
  process.exit(0);
}

// Quiet download: the only line printed when nothing can be had is the SKIP line.
const quietReporter = {
  report() {},
  error() {},
};

async function findVSCode() {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) {
      throw new Error(`VSCODE_EXECUTABLE_PATH=${explicit} does not exist`);
    }
    return explicit;
  }
  const version = process.env.VSCODE_TEST_VERSION || 'stable';
  const timeout = Number(process.env.IME_VSCODE_DOWNLOAD_TIMEOUT_MS || 15000);
  const overall = new Promise((_, reject) => {
    // The download's own timeout is an idle timeout; this caps a stalled start.
    setTimeout(() => reject(new Error(`no answer within ${timeout * 4} ms`)), timeout * 4).unref();
  });
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({ version, cachePath: cacheDir(), reporter: quietReporter, timeout }),
      overall,
    ]);
  } catch (error) {
    const message = String((error && error.message) || error).split('\n')[0];
    skip(
      `no VS Code here (VSCODE_EXECUTABLE_PATH unset, and downloading VS Code ${version} failed: ${message}); ` +
        'npm run test:integration runs the same suite in code-server instead',
    );
    return undefined;
  }
}

async function main() {
  if (!fs.existsSync(`${TESTS_ENTRY}.js`) || !fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) {
    throw new Error('build first: node esbuild.js && npx tsc -p .');
  }
  const vscodeExecutablePath = await findVSCode();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write('[integration:electron] no DISPLAY: VS Code needs one on Linux; run this under `xvfb-run -a`\n');
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ime-it-electron-'));
  const workspace = path.join(runDir, 'workspace');
  const resultsFile = path.join(runDir, 'results.json');
  fs.mkdirSync(workspace, { recursive: true });
  let code = 1;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: TESTS_ENTRY,
      launchArgs: [
        workspace,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-updates',
        '--disable-telemetry',
        '--user-data-dir',
        path.join(runDir, 'user-data'),
        '--extensions-dir',
        path.join(runDir, 'extensions'),
      ],
      extensionTestsEnv: {
        IME_INTEGRATION: '1',
        IME_TEST_RESULTS: resultsFile,
        IME_IT_WORKSPACE: workspace,
      },
    });
  } catch (error) {
    process.stderr.write(`[integration:electron] ${error && error.message ? error.message : error}\n`);
    code = 1;
  }
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    summary = undefined;
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  const passed = summary ? summary.passed : 0;
  const failed = summary ? summary.failed : code === 0 ? 0 : 1;
  process.stdout.write(`integration (VS Code desktop): ${passed} passed, ${failed} failed\n`);
  return code === 0 && summary && summary.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[integration:electron] ${error.message}\n`);
    process.exit(1);
  },
);
