import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import type { NerModel } from './model';
import { NerModelError, decodeModel } from './model';

/**
 * The entity model of this process. It is loaded from a file by the processes that analyse (the
 * indexing workers, the CLI, the measurement tools, the unit tests), never by the extension host,
 * and there is no fall-back: analysing without it is an error that names the cause.
 */
let installed: NerModel | undefined;

/** The file name of the shipped model, in the package's `models/` folder. */
export const MODEL_FILE = 'ner.bin';

/**
 * Where the shipped model is for code running from `dir`: in `models/` of the package the code
 * belongs to (the folder above it holding package.json), whether it runs bundled (dist/worker.js,
 * dist/cli.js) or compiled for the tests (out/src/...).
 */
export function packagedModelPath(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'models', MODEL_FILE);
    if (dirname(d) === d) return join(dir, '..', 'models', MODEL_FILE);
  }
}

export function nerModel(): NerModel {
  if (!installed) throw new NerModelError('no entity model is loaded (models/ner.bin): entities cannot be recognised');
  return installed;
}

/** Reads, checks and installs the model at `path`; throws a NerModelError naming the file and the problem. */
export function loadNerModel(path: string): NerModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NerModelError(`the entity model ${path} cannot be read (${code === 'ENOENT' ? 'the file is missing' : (code ?? String(err))}); reinstall News Lens or run \`npm run train:ner\``);
  }
  try {
    installed = decodeModel(bytes);
  } catch (err) {
    throw new NerModelError(`the entity model ${path} cannot be used: ${(err as Error).message}`);
  }
  return installed;
}
