/**
 * Bundles the embed script (dist/widget.js) and the share-link page (dist/share.js and
 * dist/share.html), reports their sizes and fails when widget.js outgrows its gzip budget:
 * it loads on every page of every site that embeds it.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const WIDGET_GZIP_BUDGET = 25 * 1024;
const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

await build({
  entryPoints: { widget: join(src, 'widget.ts'), share: join(src, 'share.ts') },
  outdir: dist,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(src, 'share.html'), join(dist, 'share.html'));

const sizes = {};
for (const file of ['widget.js', 'share.js']) {
  const contents = await readFile(join(dist, file));
  sizes[file] = { raw: contents.length, gzip: gzipSync(contents, { level: 9 }).length };
}
await writeFile(join(dist, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const [file, { raw, gzip }] of Object.entries(sizes)) {
  console.log(`${file.padEnd(10)} ${kb(raw).padStart(9)} raw ${kb(gzip).padStart(9)} gzip`);
}

if (sizes['widget.js'].gzip > WIDGET_GZIP_BUDGET) {
  console.error(
    `widget.js is ${kb(sizes['widget.js'].gzip)} gzipped, over its ${kb(WIDGET_GZIP_BUDGET)} budget.`,
  );
  process.exit(1);
}
