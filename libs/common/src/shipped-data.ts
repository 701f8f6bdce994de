import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Absolute path of a file or folder under the repository's `data/` folder. Found by walking up from
 * this module, so it works from the sources, the compiled `dist/` tree and any working directory.
 */
export function shippedDataPath(...segments: string[]): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'data', ...segments);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`Shipped data data/${segments.join('/')} not found above ${__dirname}`);
    dir = parent;
  }
}
