// Reading a .vsix (a zip file) with yauzl, and checking what it holds.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { REPO } from './paths';

export interface VsixEntry {
  name: string;
  size: number;
  compressedSize: number;
  /** The entry's bytes, uncompressed. */
  data: Buffer;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file of the archive with its contents (a .vsix is small: a few hundred KB). */
export async function readVsix(file: string): Promise<VsixEntry[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  try {
    const entries: VsixEntry[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue; // a directory
      const data = await readAll(await zip.openReadStreamPromise(entry));
      entries.push({ name: entry.fileName, size: entry.uncompressedSize, compressedSize: entry.compressedSize, data });
    }
    return entries;
  } finally {
    zip.close();
  }
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export const MAX_VSIX_BYTES = 400 * 1024;

/** Every `media/...` file the manifest or the extension's code refers to. */
export function referencedMedia(): string[] {
  const found = new Set<string>();
  const scan = (text: string) => {
    for (const match of text.matchAll(/["'`](?:\.\/)?(media\/[\w./-]+\.(?:svg|png|gif|jpg))["'`]/g)) found.add(match[1]);
  };
  scan(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !full.includes(`${path.sep}emulator${path.sep}`)) scan(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO, 'src'));
  return [...found].sort();
}

const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt|\.md)?$/i,
  /^extension\/dist\/(extension|popCore|proxyAgent|writeForms|backoff|ini|csv|snippets|dashboard|dashboardPanel)\.js$/,
  /^extension\/media\/dashboard\.css$/,
  /^extension\/media\/[\w.-]+\.(svg|png)$/,
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
];

/**
 * Checks what the .vsix holds: the vsix manifest files, extension/{package.json, readme.md, changelog.md,
 * LICENSE.txt}, extension/dist/extension.js and icons under extension/media/; nothing else.
 */
export async function checkArchive(vsix: string): Promise<{ results: CheckResult[]; entries: VsixEntry[]; bytes: number }> {
  const results: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail = '') => results.push({ name, ok, detail });
  const entries = await readVsix(vsix);
  const names = entries.map((entry) => entry.name);
  const bytes = fs.statSync(vsix).size;

  const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
  check('holds only the allowlisted files', unexpected.length === 0, unexpected.length ? `unexpected: ${unexpected.join(', ')}` : `${names.length} files`);
  for (const required of [
    'extension/package.json',
    'extension/package.nls.json',
    'extension/dist/extension.js',
    'extension/dist/popCore.js',
    'extension/dist/proxyAgent.js',
    'extension/dist/writeForms.js',
    'extension/dist/backoff.js',
    'extension/dist/ini.js',
    'extension/dist/csv.js',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/l10n/bundle.l10n.zh-cn.json',
  ]) {
    check(
      `has ${required}`,
      names.some((name) => name.toLowerCase() === required.toLowerCase()),
    );
  }
  const forbidden = names.filter(
    (name) =>
      /^extension\/(src|test|out|node_modules|scripts|\.ci|\.vscode|\.tmp|test-output)\//.test(name) ||
      /^extension\/dist\/emulator\.js/.test(name) ||
      /\.map$/.test(name) ||
      /\.vsix$/.test(name),
  );
  check('no sources, tests, build output, scripts, node_modules, emulator or maps', forbidden.length === 0, forbidden.join(', '));
  for (const media of referencedMedia()) check(`has referenced ${media}`, names.includes(`extension/${media}`));

  const manifestEntry = entries.find((entry) => entry.name === 'extension/package.json');
  if (manifestEntry) {
    const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as { main?: string; name?: string; version?: string };
    const source = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
    check('package.json main is ./dist/extension.js', manifest.main === './dist/extension.js', String(manifest.main));
    check('same name/version as the repository', manifest.name === source.name && manifest.version === source.version, `${manifest.name}@${manifest.version}`);
  }
  const bundleEntry = entries.find((entry) => entry.name === 'extension/dist/extension.js');
  if (bundleEntry) {
    const bundle = bundleEntry.data.toString('utf8');
    // Packaged with --no-dependencies: the bundle may need only `vscode` and Node's own modules.
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const required = [...new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]))];
    // A relative require is a chunk of the bundle, which must be in the package beside it.
    const outside = required.filter((name) => name !== 'vscode' && !builtins.has(name) && !names.includes(`extension/dist/${name.replace(/^\.\//, '')}`));
    check('bundle needs nothing outside it but vscode and Node', outside.length === 0, outside.length ? outside.join(', ') : required.join(' '));
    check('bundle is minified (production build)', !/\n {4}/.test(bundle.slice(0, 20_000)), `${(bundleEntry.size / 1024).toFixed(1)} KB`);
    check('bundle holds no emulator code', !/__emulator\/|emulator: /.test(bundle));
    // Loaded on first use only: the write forms (a string only they have), the chart library, the snippets.
    check('bundle leaves the write forms to writeForms.js', !bundle.includes('Neither stored nor cached') && required.includes('./writeForms.js'));
  }
  check(`size under ${MAX_VSIX_BYTES / 1024} KB`, bytes < MAX_VSIX_BYTES, `${(bytes / 1024).toFixed(1)} KB`);
  return { results, entries, bytes };
}
