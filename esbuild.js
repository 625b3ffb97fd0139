// Builds the extension (dist/extension.js, loaded at activation, and the lazy chunks beside it: see LAZY_CHUNKS)
// and the emulator CLI (dist/emulator.js).
// Flags: --production (minify, no sourcemap comments in the bundle), --watch (rebuild on change).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: production ? 'external' : 'inline',
  sourcesContent: false,
  logLevel: 'warning',
};

/**
 * Libraries needed only once a request is sent, a credentials file read or an export written, each in its own file
 * beside the bundle and required on first use (pop-core and its dependencies alone are a third of the code).
 */
const LAZY_CHUNKS = {
  '@alicloud/pop-core/lib/rpc': 'popCore.js',
  'exponential-backoff': 'backoff.js',
  ini: 'ini.js',
  'csv-stringify/sync': 'csv.js',
};

const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const names = Object.keys(LAZY_CHUNKS).map((name) => name.replace(/[/.-]/g, (c) => `\\${c}`));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: `./${LAZY_CHUNKS[args.path]}`, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyChunks] },
  ...Object.entries(LAZY_CHUNKS).map(([name, file]) => ({ ...common, entryPoints: [require.resolve(name)], outfile: `dist/${file}` })),
  { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator.js', minify: false },
];

async function main() {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    console.error('[esbuild] watching for changes');
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
