// The web front end's static files in dist/apps/web/assets: the committed assets (the vendored Europa
// Component Library, the stylesheet, icons) copied as they are, and the islands, small scripts that enhance
// pages which already work without them (ESCO autocomplete), bundled and minified by esbuild into js/.
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ISLANDS = join(root, 'apps/web/islands');
const OUT = join(root, 'dist/apps/web/assets');

export async function buildWebAssets() {
  rmSync(OUT, { recursive: true, force: true });
  cpSync(join(root, 'apps/web/assets'), OUT, { recursive: true });
  const entryPoints = readdirSync(ISLANDS)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(ISLANDS, name));
  await build({
    entryPoints,
    outdir: join(OUT, 'js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWebAssets();
