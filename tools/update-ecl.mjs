#!/usr/bin/env node
// `npm run web:update-ecl`: vendors the Europa Component Library's EU preset into apps/web/assets/ecl.
// `npm install @ecl/preset-eu` fails on the registry (one of its sub-packages has a missing version), so the
// published tarball is packed, its sha512 compared with the integrity pinned below, and only what the pages
// use is copied: the compiled styles, the EU logos of the four interface languages and the licence. The web
// front end needs none of the library's scripts: every page works without JavaScript.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '5.3.1';
const INTEGRITY =
  'sha512-xa3/Rsmq4Jt9ahCtN7NgsNRuvQfEoqFBMipXOyQOsE7fZPxap8poSfKdYPV6vuxJd9TwswiJKAlveuVZ4+sx1A==';
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const FILES = [
  'LICENSE',
  'dist/styles/ecl-eu.css',
  ...LANGUAGES.flatMap((lang) => [
    `dist/images/logo/standard-version/positive/logo-eu--${lang}.svg`,
    `dist/images/logo/condensed-version/positive/logo-eu--${lang}.svg`,
  ]),
];

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'apps/web/assets/ecl');
const work = mkdtempSync(join(tmpdir(), 'ecl-'));
try {
  const name = execFileSync('npm', ['pack', `@ecl/preset-eu@${VERSION}`, '--silent'], { cwd: work })
    .toString()
    .trim()
    .split('\n')
    .pop();
  const tarball = join(work, name);
  const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (actual !== INTEGRITY) throw new Error(`@ecl/preset-eu@${VERSION}: integrity ${actual}, expected ${INTEGRITY}`);
  execFileSync('tar', ['xzf', tarball, '-C', work]);
  rmSync(target, { recursive: true, force: true });
  for (const file of FILES) {
    const destination = join(target, file.replace(/^dist\//, ''));
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(join(work, 'package', file), destination);
  }
  writeFileSync(join(target, 'VERSION'), `@ecl/preset-eu ${VERSION}\n${INTEGRITY}\n`);
  process.stdout.write(`[ecl] @ecl/preset-eu ${VERSION} verified and vendored into ${target}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
