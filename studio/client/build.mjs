// Bundles the studio's browser side into ../wwwroot/dist: one ES module (and its stylesheet) per page kind, shared
// code split into chunks. Fonts and images are copied beside them; nothing is loaded from a CDN.
// `node build.mjs` builds once (minified); `node build.mjs --watch` rebuilds on change while developing.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';

const outdir = new URL('../wwwroot/dist/', import.meta.url).pathname;
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: {
    designer: 'src/designer.js',
    viewer: 'src/viewer.js',
    'form-editor': 'src/form-editor.js',
    'form-viewer': 'src/form-viewer.js',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir,
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'linked',
  logLevel: 'warning',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: 'assets/[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('esbuild: watching src/');
} else {
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build(options);
  mkdirSync(outdir, { recursive: true });
  // The .NET build compares this stamp with the sources to know whether to build again.
  writeFileSync(new URL('.stamp', `file://${outdir}`), new Date().toISOString() + '\n');
}
