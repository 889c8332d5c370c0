import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file: the same folder whether the code
 * runs from src/ (tsx) or dist/src/ (the build), so defaults such as knowledge/ do not depend on the cwd.
 */
export function installRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
