#!/usr/bin/env node
// Checks the .vsix that `npm run package` produces, then proves it works: installs it into a real
// VS Code (code-server), starts that with the emulator and the demo sign-in (scripts/start.js, NOT the
// development path), and checks in Chromium that the Interactive Messages tree shows the demo app,
// and that app → user → group → members expand.
//
//   node scripts/package-check.js [options]
//     --vsix FILE        check this file (default: run `npm run package` and check its output)
//     --no-ui            only check the archive (no code-server, no browser)
//     --out DIR          screenshots and logs (default test-output/package)
//
//   node scripts/package-check.js --browse URL --emulator EMULATOR_URL [--out DIR] [--name NAME]
//     only the browser check, against a running `npm start` (URL = the printed one; the screenshot is NAME.png)
//
// Prints one line per check and finally `package: N passed, N failed`; exit code 0 only when all passed.
// Exports checkArchive(), readZipEntries() and checkTreeInBrowser() for other scripts.
'use strict';

const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { builtinModules } = require('node:module');
const { getJson } = require('./start');

const REPO = path.resolve(__dirname, '..');
const DEFAULT_VSIX = path.join(REPO, 'interactive-messages-explorer.vsix');
const MAX_VSIX_BYTES = 400 * 1024;

// ---------------------------------------------------------------------------------------------
// The archive

/** Entries of a zip file (central directory), with a reader for each one's bytes. */
function readZipEntries(file) {
  const zip = fs.readFileSync(file);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: damaged central directory`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      size,
      compressedSize,
      read() {
        const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
        const data = zip.subarray(start, start + compressedSize);
        return method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every `media/...` file the manifest or the extension's code refers to. */
function referencedMedia() {
  const found = new Set();
  const scan = (text) => {
    for (const match of text.matchAll(/["'`](?:\.\/)?(media\/[\w./-]+\.(?:svg|png|gif|jpg))["'`]/g)) found.add(match[1]);
  };
  scan(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && !full.includes(`${path.sep}emulator${path.sep}`)) scan(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO, 'src'));
  return [...found].sort();
}

/**
 * Checks what the .vsix holds. Returns [{name, ok, detail}].
 * Allowed: the vsix manifest files, extension/{package.json, readme.md, changelog.md, LICENSE.txt},
 * extension/dist/extension.js and icons under extension/media/.
 */
function checkArchive(vsix) {
  const results = [];
  const check = (name, ok, detail = '') => results.push({ name, ok: Boolean(ok), detail });
  const entries = readZipEntries(vsix);
  const names = entries.map((entry) => entry.name);
  const bytes = fs.statSync(vsix).size;

  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/package\.json$/,
    /^extension\/readme\.md$/i,
    /^extension\/changelog\.md$/i,
    /^extension\/LICENSE(\.txt|\.md)?$/i,
    /^extension\/dist\/extension\.js$/,
    /^extension\/media\/[\w.-]+\.(svg|png)$/,
  ];
  const unexpected = names.filter((name) => !allowed.some((pattern) => pattern.test(name)));
  check('holds only the allowlisted files', unexpected.length === 0, unexpected.length ? `unexpected: ${unexpected.join(', ')}` : `${names.length} files`);

  for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
    check(`has ${required}`, names.some((name) => name.toLowerCase() === required.toLowerCase()));
  }
  const forbidden = names.filter((name) =>
    /^extension\/(src|test|out|node_modules|scripts|\.ci|\.vscode|\.tmp|test-output)\//.test(name) ||
    /^extension\/dist\/emulator\.js/.test(name) ||
    /\.map$/.test(name) ||
    /\.vsix$/.test(name),
  );
  check('no sources, tests, build output, scripts, node_modules, emulator or maps', forbidden.length === 0, forbidden.join(', '));

  for (const media of referencedMedia()) {
    check(`has referenced ${media}`, names.includes(`extension/${media}`));
  }

  const manifestEntry = entries.find((entry) => entry.name === 'extension/package.json');
  if (manifestEntry) {
    const manifest = JSON.parse(manifestEntry.read().toString('utf8'));
    const source = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    check('package.json main is ./dist/extension.js', manifest.main === './dist/extension.js', manifest.main);
    check('same name/version as the repository', manifest.name === source.name && manifest.version === source.version, `${manifest.name}@${manifest.version}`);
  }

  const bundleEntry = entries.find((entry) => entry.name === 'extension/dist/extension.js');
  if (bundleEntry) {
    const bundle = bundleEntry.read().toString('utf8');
    // Packaged with --no-dependencies: the bundle may need only `vscode` and Node's own modules.
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const required = [...new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]))];
    const outside = required.filter((name) => name !== 'vscode' && !builtins.has(name));
    check('bundle needs nothing outside it but vscode and Node', outside.length === 0, outside.length ? outside.join(', ') : required.join(' '));
    check('bundle is minified (production build)', !/\n {4}/.test(bundle.slice(0, 20000)), `${(bundleEntry.size / 1024).toFixed(1)} KB`);
    check('bundle holds no emulator code', !/__emulator\/|emulator: /.test(bundle));
  }
  check(`size under ${MAX_VSIX_BYTES / 1024} KB`, bytes < MAX_VSIX_BYTES, `${(bytes / 1024).toFixed(1)} KB`);
  return { results, entries, bytes };
}

// ---------------------------------------------------------------------------------------------
// The browser


/**
 * Opens `url` (a demo started by scripts/start.js) in headless Chromium, opens the Interactive Messages
 * view and expands the demo app → demo user → small group → members. Screenshots go to `outDir`.
 * @returns {Promise<{results: Array<{name: string, ok: boolean, detail: string}>, timings: object}>}
 */
async function checkTreeInBrowser({ url, emulatorUrl, outDir, screenshotName = 'tree', log = () => {} }) {
  const { launchChromium, newContext } = require('./chromium');
  const results = [];
  const check = (name, ok, detail = '') => {
    results.push({ name, ok: Boolean(ok), detail });
    log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  };
  fs.mkdirSync(outDir, { recursive: true });
  const dataset = await getJson(`${emulatorUrl}/__emulator/dataset`);
  const { fixtures } = dataset;
  const app = dataset.apps.find((each) => each.AppId === fixtures.appId);
  const appName = app ? app.AppName : fixtures.appId;
  const group = dataset.groups[fixtures.smallGroupId];

  const timings = {};
  const origin = new URL(url).origin;
  const browser = await launchChromium();
  const consoleLines = [];
  let page;
  try {
    const context = await newContext(browser, origin);
    page = await context.newPage();
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const opened = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    timings.workbenchMs = Date.now() - opened;

    const viewTab = page.locator('.activitybar [role="tab"][aria-label^="Interactive Messages"], .activitybar a[aria-label^="Interactive Messages"]').first();
    await viewTab.waitFor({ timeout: 60000 });
    timings.activityBarMs = Date.now() - opened;
    await viewTab.click();
    const pane = page.locator('[id="workbench.view.extension.imExplorer"]');
    const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();

    const appRow = row(appName);
    await appRow.waitFor({ timeout: 60000 });
    timings.treeVisibleMs = Date.now() - opened;
    check(`tree shows the demo app "${appName}"`, true, `${(timings.treeVisibleMs / 1000).toFixed(1)} s after opening the page`);

    // Click a collapsed row, then move the mouse away: a hover tooltip would cover the next row.
    const expand = async (locator) => {
      if ((await locator.getAttribute('aria-expanded')) !== 'true') await locator.click();
      await page.mouse.move(5, 5);
    };
    await expand(appRow);
    const userRow = row(fixtures.userId);
    await userRow.waitFor({ timeout: 60000 });
    const manyRow = row(fixtures.manyGroupsUserId);
    check('app expands to the configured users', await manyRow.isVisible().catch(() => false), `${fixtures.userId}, ${fixtures.manyGroupsUserId}`);

    await expand(userRow);
    const groupRow = row(fixtures.smallGroupId);
    await groupRow.waitFor({ timeout: 60000 });
    check('user expands to message groups', true, fixtures.smallGroupId);

    await expand(groupRow);
    const memberRows = pane.locator('.monaco-list-row', { hasText: 'joined' });
    await memberRows.first().waitFor({ timeout: 60000 });
    const expected = group ? group.members : undefined;
    await page.waitForTimeout(500);
    const count = await memberRows.count();
    check('group expands to members', count > 0 && (expected === undefined || count === expected), `${count} member rows${expected !== undefined ? `, expected ${expected}` : ''}`);

    const statusBar = await page.locator('.statusbar').innerText().catch(() => '');
    check('status bar shows the profile "demo"', /\bdemo\b/.test(statusBar), statusBar.replace(/\s+/g, ' ').slice(0, 160));

    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []);
    const errors = toasts.filter((text) => /error|fail|cannot|could not/i.test(text));
    check('no error notifications', errors.length === 0, errors.join(' | ').slice(0, 300));

    await page.mouse.move(5, 5); // no hover tooltip in the picture
    await page.waitForTimeout(300);
    const shot = path.join(outDir, `${screenshotName}.png`);
    await page.screenshot({ path: shot });
    log(`screenshot: ${path.relative(process.cwd(), shot) || shot}`);
  } catch (error) {
    check('browser check finished', false, error.message.split('\n')[0]);
    if (page) await page.screenshot({ path: path.join(outDir, `${screenshotName}-failure.png`) }).catch(() => {});
  } finally {
    fs.writeFileSync(path.join(outDir, `${screenshotName}-browser-console.log`), `${consoleLines.join('\n')}\n`);
    await browser.close().catch(() => {});
  }
  return { results, timings };
}

// ---------------------------------------------------------------------------------------------
// Command line

function option(argv, name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function say(message) {
  process.stdout.write(`${message}\n`);
}

function finish(results) {
  const failed = results.filter((result) => !result.ok).length;
  say(`package: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

async function main(argv) {
  const outDir = path.resolve(option(argv, '--out') || path.join(REPO, 'test-output', 'package'));
  const browse = option(argv, '--browse');
  if (browse) {
    const emulatorUrl = option(argv, '--emulator');
    if (!emulatorUrl) throw new Error('--browse needs --emulator URL (printed by npm start as "emulator: …")');
    const { results, timings } = await checkTreeInBrowser({ url: browse, emulatorUrl, outDir, screenshotName: option(argv, '--name') || 'tree', log: say });
    say(`timings: ${JSON.stringify(timings)}`);
    return finish(results);
  }

  let vsix = option(argv, '--vsix');
  const results = [];
  const started = Date.now();
  if (!vsix) {
    say('npm run package …');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = childProcess.spawnSync(npm, ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
    const ok = run.status === 0 && fs.existsSync(DEFAULT_VSIX);
    results.push({ name: 'npm run package succeeds', ok, detail: ok ? `${((Date.now() - started) / 1000).toFixed(1)} s` : `${run.stdout}${run.stderr}`.slice(-2000) });
    say(`${ok ? 'ok  ' : 'FAIL'} npm run package succeeds`);
    if (!ok) {
      process.stderr.write(`${run.stdout}${run.stderr}\n`);
      return finish(results);
    }
    vsix = DEFAULT_VSIX;
  }
  vsix = path.resolve(vsix);
  const archive = checkArchive(vsix);
  say(`${path.relative(process.cwd(), vsix) || vsix}: ${archive.entries.length} files, ${(archive.bytes / 1024).toFixed(1)} KB`);
  for (const entry of archive.entries) say(`  ${String(entry.size).padStart(8)}  ${entry.name}`);
  for (const result of archive.results) say(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}${result.detail ? ` (${result.detail})` : ''}`);
  results.push(...archive.results);

  if (!argv.includes('--no-ui')) {
    const { startDemo } = require('./start');
    say('installing it into code-server and starting the emulator (demo sign-in) …');
    const demo = await startDemo({ vsix, port: 0, log: (line) => say(`  ${line}`) });
    try {
      const installedDir = fs.readdirSync(demo.server.extensionsDir).find((name) => /^imexplorer\.interactive-messages-explorer-/.test(name));
      results.push({ name: 'installed into the extensions folder', ok: Boolean(installedDir), detail: installedDir || 'not found' });
      results.push({ name: 'URL has no development payload', ok: !/payload=/.test(demo.url), detail: demo.url });
      const { results: ui, timings } = await checkTreeInBrowser({ url: demo.url, emulatorUrl: demo.emulator.url, outDir, screenshotName: 'installed-vsix', log: say });
      results.push(...ui);
      say(`timings: ${JSON.stringify({ ...demo.timings, ...timings })}`);
      // The extension host says where it loaded the extension from.
      const logsDir = path.join(demo.server.userDataDir, 'logs');
      const hostLogs = [];
      const walk = (dir) => {
        for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (/exthost/i.test(full) && entry.name.endsWith('.log')) hostLogs.push(fs.readFileSync(full, 'utf8'));
        }
      };
      walk(logsDir);
      const text = hostLogs.join('\n');
      const loadedFrom = new RegExp(`imexplorer\\.interactive-messages-explorer[^\\n]*${demo.server.extensionsDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
      const fromRepo = text.includes(`${REPO}/dist/extension.js`) || new RegExp(`ExtensionDevelopment|extensionDevelopmentPath`).test(text);
      results.push({
        name: 'the extension host ran the installed copy, not the repository',
        ok: !fromRepo && (loadedFrom.test(text) || text.includes(demo.server.extensionsDir) || Boolean(installedDir)),
        detail: fromRepo ? 'the repository was loaded' : 'extensions folder',
      });
      say(`${results.at(-1).ok ? 'ok  ' : 'FAIL'} ${results.at(-1).name}`);
      const signIn = /Demo sign-in: (stored the launcher's key as profile "demo"|profile "demo" is active)[^\n]*/.exec(text);
      results.push({ name: 'the extension signed in by itself (IME_DEMO_SIGN_IN)', ok: Boolean(signIn), detail: signIn ? signIn[0] : 'no "Demo sign-in" line in the logs' });
      say(`${results.at(-1).ok ? 'ok  ' : 'FAIL'} ${results.at(-1).name}${signIn ? ` (${signIn[0]})` : ''}`);
      results.push({ name: 'no log holds the AccessKey secret', ok: !text.includes(demo.emulator.accessKeySecret) });
      say(`${results.at(-1).ok ? 'ok  ' : 'FAIL'} ${results.at(-1).name}`);
    } finally {
      await demo.stop();
    }
  }
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  finish(results);
}

module.exports = { readZipEntries, checkArchive, checkTreeInBrowser, referencedMedia };

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`package-check: ${error.stack || error.message}\n`);
    say('package: 0 passed, 1 failed');
    process.exit(1);
  });
}
