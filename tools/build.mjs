#!/usr/bin/env node
// `npm run build`: compiles apps, libs and migrations to dist/ with SWC, file by file, rewriting the
// @app/* aliases of tsconfig.json to relative paths. Only sources newer than their output are
// compiled again, and outputs whose source is gone are removed. It only emits JavaScript: types are
// checked by `npm run typecheck` (CI runs it), so a first build takes seconds instead of minutes.
import { transformFile } from '@swc/core';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { buildWebAssets } from './build-web-assets.mjs';
import { root } from './prepare.mjs';

const SOURCES = ['apps', 'libs', 'migrations'];
const OUT = join(root, 'dist');
const SKIP = /\.(spec|e2e-spec)\.tsx?$|\.d\.ts$/;

const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // Nest's dependency injection and TypeORM read the emitted design-time type metadata. The web
    // front end's pages are TSX rendered on the server by Preact.
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic', importSource: 'preact' },
    },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: tsconfig.paths,
  },
  module: { type: 'commonjs', strict: true },
  sourceMaps: true,
  swcrc: false,
  configFile: false,
};

const started = Date.now();
const optionsFile = join(OUT, '.build-options');
const optionsHash = createHash('sha256')
  .update(JSON.stringify(options))
  .update(readFileSync(new URL(import.meta.url)))
  .digest('hex');
const full = !existsSync(optionsFile) || readFileSync(optionsFile, 'utf8') !== optionsHash;
if (full) await Promise.all(SOURCES.map((dir) => rm(join(OUT, dir), { recursive: true, force: true })));

const sources = SOURCES.flatMap((dir) =>
  walk(join(root, dir), (path) => /\.tsx?$/.test(path) && !SKIP.test(path) && !path.includes('/islands/')),
);
const outputOf = (source) => join(OUT, relative(root, source)).replace(/\.tsx?$/, '.js');
const stale = sources.filter((source) => {
  const output = outputOf(source);
  return !existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs;
});

const expected = new Set(sources.map(outputOf));
// dist/nest holds the Nest CLI's own type-checked build (`npm run build:nest`), not ours.
const orphans = SOURCES.flatMap((dir) =>
  walk(join(OUT, dir), (path) => path.endsWith('.js') && !expected.has(path)),
);
await Promise.all(orphans.flatMap((path) => [rm(path), rm(`${path}.map`, { force: true })]));

let next = 0;
const compileNext = async () => {
  while (next < stale.length) {
    const source = stale[next++];
    const output = outputOf(source);
    const tsx = source.endsWith('.tsx');
    const result = await transformFile(source, {
      ...options,
      jsc: { ...options.jsc, parser: { ...options.jsc.parser, tsx } },
      filename: source,
      outputPath: output,
      sourceFileName: relative(dirname(output), source),
    });
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, `${result.code}\n//# sourceMappingURL=${output.split('/').pop()}.map\n`);
    if (result.map) await writeFile(`${output}.map`, result.map);
  }
};
await Promise.all(Array.from({ length: 8 }, compileNext));
await mkdir(OUT, { recursive: true });
await buildWebAssets();
await writeFile(optionsFile, optionsHash);
await writeFile(join(OUT, '.build-stamp'), new Date().toISOString());

const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `[build] ${stale.length} of ${sources.length} files compiled${orphans.length ? `, ${orphans.length} removed` : ''} in ${seconds} s\n`,
);

function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}
