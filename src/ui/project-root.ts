import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, whether we run from src/ (tests) or dist/src/ (built). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const PUBLIC_ASSETS_DIR = path.join(projectRoot(), 'public', 'assets');
