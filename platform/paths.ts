import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root: the nearest folder above this module holding package.json. Found by walking
 * up rather than by a fixed `../..`, so the same lookup works from the TypeScript sources
 * (platform/paths.ts) and from the production bundle (dist/launcher/service.js).
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();

/** A file shipped with the project (schema/, prisma/migrations, catalogs), by its path from the root. */
export const projectPath = (...segments: string[]) => path.join(PROJECT_ROOT, ...segments);
