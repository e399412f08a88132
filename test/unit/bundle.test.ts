import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { ROOT } from './paths';

describe('the extension host bundle', () => {
  it('carries neither the NLP nor the file parsers: the indexing workers run them, and the host loads its bundle at activation', async function () {
    this.timeout(120_000);
    const built = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [path.join('src', 'vscode', 'extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(built.metafile.inputs);
    assert.ok(inputs.includes('src/core/index/indexer.ts'), `the metafile names the bundle's modules: ${inputs.slice(0, 5).join(', ')}`);
    const heavy = inputs.filter((i) => /^node_modules\/(compromise|yaml)\/|^src\/core\/corpus\/(parse|load)\.ts$|^src\/core\/nlp\/nlp\.ts$/.test(i));
    assert.deepStrictEqual(heavy, [], 'modules only the workers need, pulled into the extension by an import');
  });
});
