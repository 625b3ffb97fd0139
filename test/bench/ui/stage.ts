// What the bench loads into the host: the PRODUCTION bundle, built by the repository's esbuild.js --production into a
// private staging folder (src/ symlinked) so that the repository's dist/ is left alone and a concurrent dev build
// cannot swap the bundle mid-run; and an empty extension, the floor of what any extension's activation costs.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { REPO } from '../../harness/paths';
import { HOST_ENTRY, SRC_DIR } from './config';

export interface StagedExtension {
  /** The extension folder (package.json, media/, dist/) handed to the window as its development path. */
  stage: string;
  bundle: string;
  bundleBytes: number;
  mapBytes?: number;
  emulatorCli: string;
  /** The in-host entry copied next to it (without .js). */
  entry: string;
  buildMs: number;
  builtins: string[];
  /** Files of the bundle it loads later (relative requires). */
  chunks: string[];
  vscodeRequires: number;
  /** esbuild turns each `import * as vscode from 'vscode'` into its own __toESM(require("vscode")) copy. */
  vscodeImports: number;
}

export function stageExtension(runDir: string): StagedExtension {
  const stage = path.join(runDir, 'extension');
  fs.mkdirSync(stage, { recursive: true });
  fs.symlinkSync(SRC_DIR, path.join(stage, 'src'), 'dir');
  fs.symlinkSync(path.join(REPO, 'media'), path.join(stage, 'media'), 'dir');
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(stage, 'package.json'));
  const started = Date.now();
  const build = childProcess.spawnSync(process.execPath, [path.join(REPO, 'esbuild.js'), '--production'], { cwd: stage, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.js --production failed (${build.signal ?? `exit ${build.status}`}):\n${build.stderr}${build.stdout}`);
  const bundle = path.join(stage, 'dist', 'extension.js');
  const text = fs.readFileSync(bundle, 'utf8');
  // The bundle must not need anything outside itself at run time (the staging folder has no node_modules).
  const requires = [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))];
  const chunks = requires.filter((name) => name.startsWith('./'));
  const external = requires.filter(
    (name) => name !== 'vscode' && !isBuiltin(name) && !(name.startsWith('./') && fs.existsSync(path.join(stage, 'dist', name))),
  );
  if (external.length) throw new Error(`the production bundle requires modules it does not contain: ${external.join(', ')}`);
  fs.mkdirSync(path.join(stage, 'bench'), { recursive: true });
  fs.copyFileSync(HOST_ENTRY, path.join(stage, 'bench', 'host.js'));
  return {
    stage,
    bundle,
    bundleBytes: fs.statSync(bundle).size,
    mapBytes: fs.existsSync(`${bundle}.map`) ? fs.statSync(`${bundle}.map`).size : undefined,
    emulatorCli: path.join(stage, 'dist', 'emulator.js'),
    entry: path.join(stage, 'bench', 'host'),
    buildMs: Date.now() - started,
    builtins: requires.filter((name) => name !== 'vscode' && !chunks.includes(name)),
    chunks: chunks.map((name) => `${name} (${fs.statSync(path.join(stage, 'dist', name)).size} bytes, loaded on the first request)`),
    vscodeRequires: (text.match(/require\("vscode"\)/g) ?? []).length,
    vscodeImports: (text.match(/[\w$]+\(require\("vscode"\)\)/g) ?? []).length,
  };
}

export const EMPTY_EXTENSION_ID = 'imexplorer-bench.empty-extension';

/** A minimal extension (a manifest and a main that exports activate), activated the same way as ours. */
export function stageEmptyExtension(runDir: string): string {
  const folder = path.join(runDir, 'empty-extension');
  fs.mkdirSync(path.join(folder, 'dist'), { recursive: true });
  const manifest = {
    name: 'empty-extension',
    publisher: 'imexplorer-bench',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    main: './dist/extension.js',
    activationEvents: [],
  };
  fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(
    path.join(folder, 'dist', 'extension.js'),
    "'use strict';\nexports.activate = function activate() {};\nexports.deactivate = function deactivate() {};\n",
  );
  return folder;
}
