import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same code runs from src/ (tsx, tests) and from dist/src/ (npm start), so the
// project root is found by looking upwards rather than by a fixed number of `..`.
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');
export const migrationsFolder = (dialect: 'sqlite' | 'postgres'): string =>
  join(SCHEMA_DIR, 'migrations', dialect);
