// Builds the extension (dist/extension.js, loaded at activation, and the lazy chunks beside it: see LAZY_CHUNKS),
// the dashboard's webview script (dist/dashboard.js) and the emulator CLI (dist/emulator.js).
// Flags: --production (minify, no sourcemap comments in the bundle), --watch (rebuild on change).
const path = require('node:path');
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

/**
 * The extension's own modules needed only for a command, a panel or a proxy, each its own file beside the bundle, required on
 * first use (a `require()` of the module is external; type imports go away). Each imports no module that holds the
 * extension's state or a class other modules test with instanceof: what it needs is passed to it.
 */
const LAZY_MODULES = {
  'src/dashboard/panel.ts': 'dashboardPanel.js',
  'src/snippets.ts': 'snippets.js',
  // The proxy agents with https-proxy-agent and http-proxy-agent: first request through a proxy.
  'src/api/proxyAgent.ts': 'proxyAgent.js',
  // The write forms of both families: the first time a row is asked for its changes.
  'src/tree/writeForms.ts': 'writeForms.js',
};

const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const names = Object.keys(LAZY_CHUNKS).map((name) => name.replace(/[/.-]/g, (c) => `\\${c}`));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: `./${LAZY_CHUNKS[args.path]}`, external: true }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'require-call') return undefined;
      const module = path
        .relative(__dirname, path.resolve(args.resolveDir, `${args.path}.ts`))
        .split(path.sep)
        .join('/');
      return LAZY_MODULES[module] ? { path: `./${LAZY_MODULES[module]}`, external: true } : undefined;
    });
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyChunks] },
  ...Object.entries(LAZY_CHUNKS).map(([name, file]) => ({ ...common, entryPoints: [require.resolve(name)], outfile: `dist/${file}` })),
  ...Object.entries(LAZY_MODULES).map(([module, file]) => ({
    ...common,
    entryPoints: [module],
    outfile: `dist/${file}`,
    external: ['vscode'],
    plugins: [lazyChunks],
  })),
  { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator.js', minify: false },
  // The dashboard's webview script with its chart library: loaded by the webview, only when a dashboard opens.
  { ...common, entryPoints: ['src/webview/dashboard.ts'], outfile: 'dist/dashboard.js', platform: 'browser', format: 'iife', target: 'es2022' },
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
