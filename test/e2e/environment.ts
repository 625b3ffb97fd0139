// The world the end-to-end suite drives besides the harness's emulator, code-server and Chromium: the extension
// installed into a fresh extensions folder the way a .vsix would be, and the user settings of a user-like run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeUserSettings as writeQuietUserSettings } from '../harness/codeServer';
import { REPO } from '../harness/paths';

export interface InstalledCopy {
  id: string;
  version: string;
  folder: string;
  from: string;
}

/**
 * Installs the extension the way a .vsix would: the files .vscodeignore lets through, copied into
 * `<extensionsDir>/<publisher>.<name>-<version>/`; code-server registers such a folder at its first start.
 * (code-server honours a development extension from the URL payload only in smoke-test-driver mode, which suppresses
 * toasts and skips modal dialogs: not what a user sees.) IME_E2E_EXTENSION=<folder> installs another build.
 */
export function installExtensionCopy(
  extensionsDir: string,
  from = process.env.IME_E2E_EXTENSION ? path.resolve(process.env.IME_E2E_EXTENSION) : REPO,
): InstalledCopy {
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string; main: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(target, { recursive: true });
  // The bundle and the chunks it loads later (dist/*.js), without the emulator: what the .vsix ships.
  const bundleDir = path.dirname(manifest.main.replace(/^\.\//, ''));
  const bundleFiles = fs
    .readdirSync(path.join(from, bundleDir))
    .filter((file) => file.endsWith('.js') && file !== 'emulator.js')
    .map((file) => path.join(bundleDir, file));
  // The manifest's translations (package.nls*.json) and the strings bundles (l10n/) as the .vsix ships them.
  const nlsFiles = fs.readdirSync(from).filter((file) => /^package\.nls(\.[\w-]+)?\.json$/.test(file));
  const bundles = fs.existsSync(path.join(from, 'l10n')) ? fs.readdirSync(path.join(from, 'l10n')).map((file) => path.join('l10n', file)) : [];
  for (const file of ['package.json', ...nlsFiles, ...bundles, ...bundleFiles, 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    const source = path.join(from, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(source, path.join(target, file));
  }
  // Icons and the dashboard's stylesheet (media/ also holds the README screenshots, which the extension does not need).
  fs.mkdirSync(path.join(target, 'media'), { recursive: true });
  for (const file of fs.readdirSync(path.join(from, 'media'))) {
    if (file.endsWith('.svg') || file.endsWith('.css') || file === 'icon.png')
      fs.copyFileSync(path.join(from, 'media', file), path.join(target, 'media', file));
  }
  return { id, version: manifest.version, folder: target, from };
}

/** User settings: the quiet offline workbench, no sticky scroll, plus the extension's settings. */
export function writeUserSettings(userDataDir: string, extensionSettings: Record<string, unknown>): void {
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
