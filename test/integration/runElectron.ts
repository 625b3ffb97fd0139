// The same integration suite (out/test/integration/index.js) in desktop VS Code through @vscode/test-electron, for
// machines that have or can download VS Code. Where none can be had (no network to update.code.visualstudio.com), it
// prints one line starting with `SKIP:` and exits 0: run.ts (code-server) is the suite that must pass there.
//
// Environment:
//   VSCODE_EXECUTABLE_PATH  a VS Code binary to use (no download)
//   VSCODE_TEST_VERSION     what to download otherwise (default: stable; e.g. 1.90.0 = engines minimum)
//   IME_VSCODE_TEST_DIR     download cache (default ${XDG_CACHE_HOME:-~/.cache}/interactive-messages-explorer/vscode-test)
//   IME_VSCODE_DOWNLOAD_TIMEOUT_MS  idle timeout of the download (default 15000)
// On Linux without a display, run it under `xvfb-run -a`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { EXTENSION_BUNDLE, INTEGRATION_TESTS_ENTRY, REPO, requireBuilt } from '../harness/paths';
import { firstLine, messageOf } from '../harness/wait';

function cacheDir(): string {
  if (process.env.IME_VSCODE_TEST_DIR) return path.resolve(process.env.IME_VSCODE_TEST_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'interactive-messages-explorer', 'vscode-test');
}

class Skip extends Error {}

// Quiet download: the only line printed when nothing can be had is the SKIP line.
const quietReporter = { report: () => undefined, error: () => undefined };

async function findVSCode(): Promise<string> {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`VSCODE_EXECUTABLE_PATH=${explicit} does not exist`);
    return explicit;
  }
  const version = process.env.VSCODE_TEST_VERSION || 'stable';
  const timeout = Number(process.env.IME_VSCODE_DOWNLOAD_TIMEOUT_MS || 15_000);
  // The download's own timeout is an idle timeout; this caps a stalled start.
  const overall = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeout * 4} ms`)), timeout * 4).unref());
  try {
    return await Promise.race([downloadAndUnzipVSCode({ version, cachePath: cacheDir(), reporter: quietReporter, timeout }), overall]);
  } catch (error) {
    throw new Skip(
      `no VS Code here (VSCODE_EXECUTABLE_PATH unset, and downloading VS Code ${version} failed: ${firstLine(messageOf(error))}); ` +
        'npm run test:integration runs the same suite in code-server instead',
    );
  }
}

async function main(): Promise<number> {
  requireBuilt([`${INTEGRATION_TESTS_ENTRY}.js`, EXTENSION_BUNDLE]);
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
      extensionTestsPath: INTEGRATION_TESTS_ENTRY,
      launchArgs: [
        workspace,
        ...['--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-updates', '--disable-telemetry'],
        ...['--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions')],
      ],
      extensionTestsEnv: { IME_INTEGRATION: '1', IME_TEST_RESULTS: resultsFile, IME_IT_WORKSPACE: workspace },
    });
  } catch (error) {
    process.stderr.write(`[integration:electron] ${messageOf(error)}\n`);
  }
  let summary: { passed: number; failed: number } | undefined;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number };
  } catch {
    summary = undefined;
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  process.stdout.write(`integration (VS Code desktop): ${summary?.passed ?? 0} passed, ${summary ? summary.failed : code === 0 ? 0 : 1} failed\n`);
  return code === 0 && summary?.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Skip) {
      process.stdout.write(`SKIP: desktop VS Code integration tests not run: ${error.message}\n`);
      process.exit(0);
    }
    process.stderr.write(`[integration:electron] ${messageOf(error)}\n`);
    process.exit(1);
  },
);
