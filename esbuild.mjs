// Builds every bundle: the extension (Node, CommonJS, `vscode` external), the CLI, the indexing
// worker, the webview script (browser) and the measurement tools. `--production` minifies and drops
// source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'fs';
import { dirname, relative } from 'path';
import { fileURLToPath } from 'url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// world-countries ships 1.4 MB of JSON; the gazetteer (src/core/nlp/gazetteer.ts) reads only these fields.
const trimCountries = {
  name: 'trim-world-countries',
  setup(build) {
    build.onLoad({ filter: /world-countries[\\/]countries\.json$/ }, (args) => {
      const keep = JSON.parse(readFileSync(args.path, 'utf8')).map((c) => ({
        name: { common: c.name.common, official: c.name.official },
        altSpellings: c.altSpellings,
        capital: c.capital,
        demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : undefined,
        independent: c.independent,
        unMember: c.unMember,
      }));
      return { contents: JSON.stringify(keep), loader: 'json' };
    });
  },
};

// Every `import * as vscode from 'vscode'` of an external module becomes its own
// `__toESM(require('vscode'))`, which copies the whole API object: 22 copies took 7-10 ms of the
// extension's load in code-server. Importing it through one bundled module copies it once.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

// The readers of web pages, feeds, e-mail and PDF (src/core/corpus/readers/) are bundles of their
// own, dist/readers/*.js: their libraries are most of the code, and lazy.ts imports them only when a
// file of their kind is read. Every bundle that reaches lazy.ts requires them from there.
const READERS = ['html', 'feed', 'email', 'pdf'];
const lazyReaders = {
  name: 'lazy-readers',
  setup(build) {
    const fromOutput = relative(dirname(build.initialOptions.outfile), 'dist/readers').split('\\').join('/');
    build.onResolve({ filter: new RegExp(`^\\./(${READERS.join('|')})$`) }, (args) => {
      if (args.kind !== 'dynamic-import' || !/[\\/]readers[\\/]lazy\.ts$/.test(args.importer)) return undefined;
      return { path: `${fromOutput.startsWith('.') ? '' : './'}${fromOutput}/${args.path.slice(2)}.js`, external: true };
    });
  },
};

// jsonc-parser's "main" is a UMD build whose require() calls of its own files esbuild cannot see;
// its ES module build bundles.
const jsoncEsm = {
  name: 'jsonc-parser-esm',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: fileURLToPath(new URL('./node_modules/jsonc-parser/lib/esm/main.js', import.meta.url)) }));
  },
};

const node = {
  plugins: [trimCountries, vscodeOnce, lazyReaders, jsoncEsm],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  external: ['vscode'],
};

const entries = [
  { ...node, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/worker/indexWorker.ts'], outfile: 'dist/worker.js' },
  // pdf.js may look for an optional canvas package it needs only to draw pages (see pdf.ts).
  ...READERS.map((name) => ({ ...node, entryPoints: [`src/core/corpus/readers/${name}.ts`], outfile: `dist/readers/${name}.js`, external: ['vscode', '@napi-rs/canvas'] })),
  // The pages: summaries (webview.js), connections graph, timeline.
  ...[
    ['src/webview/main.ts', 'dist/webview.js'],
    ['src/webview/graph.ts', 'dist/graph.js'],
    ['src/webview/timeline.ts', 'dist/timeline.js'],
  ].map(([entry, outfile]) => ({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    entryPoints: [entry],
    outfile,
  })),
  // Measurement tools are not shipped in the .vsix (see .vscodeignore).
  ...['evalNer', 'evalSumm', 'evalEvents', 'evalIdentity', 'bench', 'rawBaseline', 'fuzz', 'makeWatchlist', 'trainNer', 'diffMentions'].map((name) => ({
    ...node,
    entryPoints: [`scripts/tools/${name}.ts`],
    outfile: `dist/tools/${name}.js`,
    logLevel: 'warning',
  })),
  // The measurement suite `npm run bench:host` loads into the VS Code extension host.
  { ...node, entryPoints: ['test/bench/hostBench.ts'], outfile: 'dist/tools/hostBench.js', logLevel: 'warning' },
].filter((o) => o.entryPoints.every((e) => existsSync(e)));

// The pages use the codicon font, and the timeline uPlot's style sheet; they may load files only from dist/ and media/.
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
copyFileSync('node_modules/uplot/dist/uPlot.min.css', 'dist/uPlot.min.css');

if (watch) {
  for (const options of entries) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(entries.map((options) => esbuild.build(options)));
}
