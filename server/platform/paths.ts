import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The repository root (the folder holding package.json), from source or from dist alike. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cached = dir;
  return dir;
}

/**
 * The source folder of a module (its SQL migrations and other files are read from the source tree,
 * from `tsx` and from the built `dist/` alike).
 */
export function moduleDir(name: string): string {
  return join(projectRoot(), 'server', 'modules', name);
}
