// Headless Chromium for the browser-side tests (the code-server workbench), driven by playwright-core.
// Uses the system Chromium (Debian package `chromium`, /usr/bin/chromium); Playwright's own browser
// download is not used. Override the binary with CHROMIUM_PATH; IME_HEADED=1 shows the window
// (needs a display, e.g. xvfb-run).
'use strict';

const fs = require('node:fs');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying Google's hosts, which a closed
// network refuses many times a second; --no-sandbox because the tests may run as root.
const CHROMIUM_ARGS = [
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
function installChromium() {
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((file) => fs.existsSync(file));
  if (!aptGet || process.getuid?.() !== 0 || process.env.CHROMIUM_PATH) return;
  process.stderr.write('[chromium] not found: installing the Debian package chromium with apt-get (once)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => require('node:child_process').execFileSync(aptGet, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    run(['install', '-y', '-qq', 'chromium']);
  } catch {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'chromium']);
  }
}

function chromiumPath() {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : [DEFAULT_CHROMIUM, '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  let found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    installChromium();
    found = candidates.find((candidate) => fs.existsSync(candidate));
  }
  if (!found) {
    throw new Error(
      `Chromium not found (looked at ${candidates.join(', ')}). Install it: ` +
        '`apt-get install -y chromium` (Debian) or `apt-get install -y chromium-browser` (Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

/**
 * Launches Chromium with a fresh, throwaway profile (Playwright's launch() makes one per browser).
 * @param {{headless?: boolean, args?: string[], timeout?: number}} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  const executablePath = chromiumPath();
  return chromium.launch({
    executablePath,
    headless: options.headless ?? process.env.IME_HEADED !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args || [])],
    timeout: options.timeout ?? 60000,
  });
}

/**
 * Lets pages of `origin` use the clipboard without a prompt. Without it, an extension's
 * vscode.env.clipboard calls hang in the browser workbench.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin e.g. http://127.0.0.1:8080
 */
async function grantClipboard(context, origin) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

/**
 * A new browser context (its own cookies/storage) with clipboard access granted for `origin`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 */
async function newContext(browser, origin, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...contextOptions });
  if (origin) await grantClipboard(context, origin);
  return context;
}

module.exports = { CHROMIUM_ARGS, chromiumPath, launchChromium, grantClipboard, newContext };
