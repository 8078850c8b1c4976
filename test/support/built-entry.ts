import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The absolute path of a compiled entry point under dist/ (`npm test` builds it before Jest starts). Specs
 * never build it themselves: tsc rewrites every file of dist/, and a worker or CLI another spec is starting
 * at that moment would load a half-written module.
 */
export function builtEntry(relative: string): string {
  const entry = path.join(ROOT, 'dist', relative);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build (npm test does it first)`);
  return entry;
}
