import * as fs from 'fs';
import * as path from 'path';

/** The repository root, found from wherever the compiled tests run (out/test/unit/...). */
function findRoot(dir: string): string {
  return fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds')) ? dir : findRoot(path.dirname(dir));
}

export const ROOT = findRoot(__dirname);
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SEED_DIR = path.join(ROOT, 'seeds');
export const SEED_PATH = path.join(SEED_DIR, '000_11cfc1119cf92189.txt');
