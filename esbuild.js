// Builds the extension (dist/extension.js, loaded at activation; dist/popCore.js, the API client library, loaded
// on the first request) and the emulator CLI (dist/emulator.js).
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

/** pop-core and what it pulls in are a third of the bundle and needed only once a request is sent. */
const popCoreChunk = {
  name: 'pop-core-chunk',
  setup(build) {
    build.onResolve({ filter: /^@alicloud\/pop-core\/lib\/rpc$/ }, () => ({ path: './popCore.js', external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [popCoreChunk] },
  { ...common, entryPoints: [require.resolve('@alicloud/pop-core/lib/rpc')], outfile: 'dist/popCore.js' },
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
