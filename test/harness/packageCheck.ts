// Checks the .vsix that `npm run package` produces, then proves it works: installs it into a real VS Code
// (code-server), starts that with the emulator and the demo sign-in (demo.ts, NOT the development path), and checks
// in Chromium that the tree shows the demo app and that app → user → group → members expand.
//
//   node out/test/harness/packageCheck.js [--vsix FILE] [--no-ui] [--out DIR]
//   node out/test/harness/packageCheck.js --browse URL --emulator EMULATOR_URL [--out DIR] [--name NAME]
//     (only the browser check, against a running `npm start`)
//
// Prints one line per check and finally `package: N passed, N failed`; exit code 0 only when all passed.
/// <reference lib="dom" />
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DatasetInfo } from '../../src/emulator/index';
import { launchChromium, newContext } from './chromium';
import { startDemo } from './demo';
import { getJson } from './http';
import { REPO } from './paths';
import { checkArchive, type CheckResult } from './vsix';
import { firstLine, messageOf, stackOf } from './wait';
import { escapeRegExp } from './text';

const DEFAULT_VSIX = path.join(REPO, 'interactive-messages-explorer.vsix');

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function line(result: CheckResult): string {
  return `${result.ok ? 'ok  ' : 'FAIL'} ${result.name}${result.detail ? ` (${result.detail})` : ''}`;
}

/**
 * Opens `url` (a running demo) in headless Chromium, opens the Interactive Messages view and expands the demo app →
 * demo user → small group → members. Screenshots go to `outDir`.
 */
export async function checkTreeInBrowser(options: {
  url: string;
  emulatorUrl: string;
  outDir: string;
  screenshotName?: string;
  log?: (message: string) => void;
}): Promise<{ results: CheckResult[]; timings: Record<string, number> }> {
  const { url, emulatorUrl, outDir, screenshotName = 'tree', log = () => undefined } = options;
  const results: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail = '') => {
    results.push({ name, ok, detail });
    log(line(results[results.length - 1]));
  };
  fs.mkdirSync(outDir, { recursive: true });
  const dataset = await getJson<DatasetInfo>(`${emulatorUrl}/__emulator/dataset`);
  const { fixtures } = dataset;
  const appName = dataset.apps.find((each) => each.AppId === fixtures.appId)?.AppName ?? fixtures.appId;
  const group = dataset.groups[fixtures.smallGroupId];
  const timings: Record<string, number> = {};
  const browser = await launchChromium();
  const consoleLines: string[] = [];
  let page;
  try {
    const context = await newContext(browser, new URL(url).origin);
    page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const opened = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    timings.workbenchMs = Date.now() - opened;
    const viewTab = page.locator('.activitybar [role="tab"][aria-label^="Interactive Messages"], .activitybar a[aria-label^="Interactive Messages"]').first();
    await viewTab.waitFor({ timeout: 60_000 });
    timings.activityBarMs = Date.now() - opened;
    await viewTab.click();
    const pane = page.locator('[id="workbench.view.extension.imExplorer"]');
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text }).first();

    const appRow = row(appName);
    await appRow.waitFor({ timeout: 60_000 });
    timings.treeVisibleMs = Date.now() - opened;
    check(`tree shows the demo app "${appName}"`, true, `${(timings.treeVisibleMs / 1000).toFixed(1)} s after opening the page`);
    // Click a collapsed row, then move the mouse away: a hover tooltip would cover the next row.
    const expand = async (locator: typeof appRow) => {
      if ((await locator.getAttribute('aria-expanded')) !== 'true') await locator.click();
      await page!.mouse.move(5, 5);
    };
    await expand(appRow);
    const userRow = row(fixtures.userId);
    await userRow.waitFor({ timeout: 60_000 });
    const manyRow = row(fixtures.manyGroupsUserId);
    check('app expands to the configured users', await manyRow.isVisible().catch(() => false), `${fixtures.userId}, ${fixtures.manyGroupsUserId}`);
    await expand(userRow);
    const groupRow = row(fixtures.smallGroupId);
    await groupRow.waitFor({ timeout: 60_000 });
    check('user expands to message groups', true, fixtures.smallGroupId);
    await expand(groupRow);
    const memberRows = pane.locator('.monaco-list-row', { hasText: 'joined' });
    await memberRows.first().waitFor({ timeout: 60_000 });
    const expected = group?.members;
    // Every member of the small group is shown (they arrive in one page, not necessarily in one frame).
    const count = await page
      .waitForFunction(
        ({ expected }) => {
          const shown = document.querySelectorAll('[id="workbench.view.extension.imExplorer"] .monaco-list-row[aria-level="4"]').length;
          return expected === undefined || shown >= expected ? shown : false;
        },
        { expected },
        { timeout: 10_000 },
      )
      .then(async (handle) => Number(await handle.jsonValue()))
      .catch(() => memberRows.count());
    check(
      'group expands to members',
      count > 0 && (expected === undefined || count === expected),
      `${count} member rows${expected !== undefined ? `, expected ${expected}` : ''}`,
    );
    const statusBar = await page
      .locator('.statusbar')
      .innerText()
      .catch(() => '');
    check('status bar shows the profile "demo"', /\bdemo\b/.test(statusBar), statusBar.replace(/\s+/g, ' ').slice(0, 160));
    const toasts = await page
      .locator('.notifications-toasts .notification-toast')
      .allInnerTexts()
      .catch(() => []);
    const errors = toasts.filter((text) => /error|fail|cannot|could not/i.test(text));
    check('no error notifications', errors.length === 0, errors.join(' | ').slice(0, 300));
    await page.mouse.move(5, 5); // no hover tooltip in the picture
    await page
      .locator('.monaco-hover:not(.hidden)')
      .first()
      .waitFor({ state: 'hidden', timeout: 3000 })
      .catch(() => undefined);
    const shot = path.join(outDir, `${screenshotName}.png`);
    await page.screenshot({ path: shot });
    log(`screenshot: ${path.relative(process.cwd(), shot) || shot}`);
  } catch (error) {
    check('browser check finished', false, firstLine(messageOf(error)));
    if (page) await page.screenshot({ path: path.join(outDir, `${screenshotName}-failure.png`) }).catch(() => undefined);
  } finally {
    fs.writeFileSync(path.join(outDir, `${screenshotName}-browser-console.log`), `${consoleLines.join('\n')}\n`);
    await browser.close().catch(() => undefined);
  }
  return { results, timings };
}

function extensionHostLogs(logsDir: string): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost/i.test(full) && entry.name.endsWith('.log')) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(logsDir);
  return texts.join('\n');
}

/** Installs `vsix` the way `npm start` does and checks the installed copy in the browser. */
async function checkInstalled(vsix: string, outDir: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const record = (name: string, ok: boolean, detail = '') => {
    results.push({ name, ok, detail });
    say(line(results[results.length - 1]));
  };
  say('installing it into code-server and starting the emulator (demo sign-in) …');
  const demo = await startDemo({ vsix, port: 0, log: (text) => say(`  ${text}`) });
  try {
    const installedDir = fs.readdirSync(demo.server.extensionsDir).find((name) => /^imexplorer\.interactive-messages-explorer-/.test(name));
    record('installed into the extensions folder', Boolean(installedDir), installedDir ?? 'not found');
    record('URL has no development payload', !/payload=/.test(demo.url), demo.url);
    const { results: ui, timings } = await checkTreeInBrowser({
      url: demo.url,
      emulatorUrl: demo.emulator.url,
      outDir,
      screenshotName: 'installed-vsix',
      log: say,
    });
    results.push(...ui);
    say(`timings: ${JSON.stringify({ ...demo.timings, ...timings })}`);
    // The extension host says where it loaded the extension from.
    const text = extensionHostLogs(path.join(demo.server.userDataDir, 'logs'));
    const fromRepo = text.includes(`${REPO}/dist/extension.js`) || /ExtensionDevelopment|extensionDevelopmentPath/.test(text);
    const loadedFrom = new RegExp(`imexplorer\\.interactive-messages-explorer[^\\n]*${escapeRegExp(demo.server.extensionsDir)}`);
    record(
      'the extension host ran the installed copy, not the repository',
      !fromRepo && (loadedFrom.test(text) || text.includes(demo.server.extensionsDir) || Boolean(installedDir)),
      fromRepo ? 'the repository was loaded' : 'extensions folder',
    );
    const signIn = /Demo sign-in: (stored the launcher's key as profile "demo"|profile "demo" is active)[^\n]*/.exec(text);
    record('the extension signed in by itself (IME_DEMO_SIGN_IN)', Boolean(signIn), signIn ? signIn[0] : 'no "Demo sign-in" line in the logs');
    record('no log holds the AccessKey secret', !text.includes(demo.emulator.accessKeySecret));
  } finally {
    await demo.stop();
  }
  return results;
}

function finish(results: readonly CheckResult[]): void {
  const failed = results.filter((result) => !result.ok).length;
  say(`package: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const outDir = path.resolve(option('--out') ?? path.join(REPO, 'test-output', 'package'));
  const browse = option('--browse');
  if (browse) {
    const emulatorUrl = option('--emulator');
    if (!emulatorUrl) throw new Error('--browse needs --emulator URL (printed by npm start as "emulator: …")');
    const { results, timings } = await checkTreeInBrowser({ url: browse, emulatorUrl, outDir, screenshotName: option('--name') ?? 'tree', log: say });
    say(`timings: ${JSON.stringify(timings)}`);
    return finish(results);
  }
  const results: CheckResult[] = [];
  const started = Date.now();
  let vsix = option('--vsix');
  if (!vsix) {
    say('npm run package …');
    const run = childProcess.spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
    const ok = run.status === 0 && fs.existsSync(DEFAULT_VSIX);
    results.push({
      name: 'npm run package succeeds',
      ok,
      detail: ok ? `${((Date.now() - started) / 1000).toFixed(1)} s` : `${run.stdout}${run.stderr}`.slice(-2000),
    });
    say(`${ok ? 'ok  ' : 'FAIL'} npm run package succeeds`);
    if (!ok) {
      process.stderr.write(`${run.stdout}${run.stderr}\n`);
      return finish(results);
    }
    vsix = DEFAULT_VSIX;
  }
  vsix = path.resolve(vsix);
  const archive = await checkArchive(vsix);
  say(`${path.relative(process.cwd(), vsix) || vsix}: ${archive.entries.length} files, ${(archive.bytes / 1024).toFixed(1)} KB`);
  for (const entry of archive.entries) say(`  ${String(entry.size).padStart(8)}  ${entry.name}`);
  for (const result of archive.results) say(line(result));
  results.push(...archive.results);
  if (!argv.includes('--no-ui')) results.push(...(await checkInstalled(vsix, outDir)));
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish(results);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`package-check: ${stackOf(error)}\n`);
    say('package: 0 passed, 1 failed');
    process.exit(1);
  });
}
