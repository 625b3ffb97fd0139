// Where things are. The harness runs compiled (out/test/harness/*.js), so the repository is found by walking up to
// its package.json rather than by a fixed number of `..`.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepository(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'interactive-messages-explorer') {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no interactive-messages-explorer package.json above ${start}`);
  }
}

export const REPO = findRepository(__dirname);
export const EMULATOR_CLI = path.join(REPO, 'dist', 'emulator.js');
export const EXTENSION_BUNDLE = path.join(REPO, 'dist', 'extension.js');
/** The compiled in-host mocha entry of the integration suite (without .js: VS Code adds it). */
export const INTEGRATION_TESTS_ENTRY = path.join(REPO, 'out', 'test', 'integration', 'index');

/** Throws a "build first" error naming the first of `files` that does not exist. */
export function requireBuilt(files: readonly string[], how = 'npm run build:tests'): void {
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: build first (${how})`);
  }
}
