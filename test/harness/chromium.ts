// Headless Chromium for the browser-side tests (the code-server workbench), driven by playwright-core. Uses the system
// Chromium (Debian package `chromium`, /usr/bin/chromium); Playwright's own browser download is never used.
// CHROMIUM_PATH overrides the binary; IME_HEADED=1 shows the window (needs a display, e.g. xvfb-run).
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying Google's hosts, which a closed network refuses many
// times a second; --no-sandbox because the tests may run as root.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** As root on Debian, installs the `chromium` package when no Chromium is found (first run on a fresh machine). */
function installChromium(): void {
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((file) => fs.existsSync(file));
  if (!aptGet || process.getuid?.() !== 0 || process.env.CHROMIUM_PATH) return;
  process.stderr.write('[chromium] not found: installing the Debian package chromium with apt-get (once)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => childProcess.execFileSync(aptGet, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    run(['install', '-y', '-qq', 'chromium']);
  } catch {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'chromium']);
  }
}

export function chromiumPath(): string {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [DEFAULT_CHROMIUM, '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  let found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    installChromium();
    found = candidates.find((candidate) => fs.existsSync(candidate));
  }
  if (!found) {
    throw new Error(
      `Chromium not found (looked at ${candidates.join(', ')}). Install it: \`apt-get install -y chromium\` (Debian) or ` +
        '`apt-get install -y chromium-browser` (Ubuntu), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

/** Launches Chromium with a fresh, throwaway profile (Playwright's launch() makes one per browser). */
export function launchChromium(options: { headless?: boolean; args?: string[]; timeout?: number } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? process.env.IME_HEADED !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    timeout: options.timeout ?? 60_000,
  });
}

/**
 * A new browser context (its own cookies and storage) in which pages of `origin` may use the clipboard without a
 * prompt: without that grant, an extension's vscode.env.clipboard calls hang in the browser workbench.
 */
export async function newContext(browser: Browser, origin: string, contextOptions: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...contextOptions });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return context;
}
