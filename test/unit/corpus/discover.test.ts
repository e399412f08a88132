import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverFiles, isWithin } from '../../../src/core/corpus/discover';
import { blockingNodeSource, nodeSource } from '../../../src/core/corpus/nodeSource';

describe('corpus discovery: links out of a corpus folder (Restricted Mode)', () => {
  let dir: string;
  let corpus: string;

  before(async () => {
    dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-links-')));
    corpus = path.join(dir, 'corpus');
    const outside = path.join(dir, 'outside');
    await fs.mkdir(path.join(corpus, 'inner'), { recursive: true });
    await fs.mkdir(path.join(corpus, '.hidden'));
    await fs.mkdir(outside);
    await fs.writeFile(path.join(corpus, 'own.txt'), 'Own article\nBody.\n');
    await fs.writeFile(path.join(corpus, 'inner', 'nested.txt'), 'Nested article\nBody.\n');
    // Dot folders are not walked, so the link below is the only way to this file.
    await fs.writeFile(path.join(corpus, '.hidden', 'kept.txt'), 'Kept article\nBody.\n');
    await fs.writeFile(path.join(outside, 'private.txt'), 'Private notes\nBody.\n');
    await fs.writeFile(path.join(dir, 'key.txt'), 'Not an article\n');
    await fs.symlink(outside, path.join(corpus, 'linked-folder'), 'dir');
    await fs.symlink(path.join(dir, 'key.txt'), path.join(corpus, 'linked-file.txt'));
    await fs.symlink(path.join(corpus, '.hidden', 'kept.txt'), path.join(corpus, 'alias.txt'));
  });

  after(() => fs.rm(dir, { recursive: true, force: true }));

  const relative = (files: string[]): string[] => files.map((f) => path.relative(corpus, f).split(path.sep).join('/')).sort();

  it('follows links anywhere by default', async () => {
    const found = await discoverFiles(nodeSource, [corpus]);
    assert.deepStrictEqual(relative(found.files), ['alias.txt', 'inner/nested.txt', 'linked-file.txt', 'linked-folder/private.txt', 'own.txt']);
  });

  it('with confineLinks, skips links leading outside the folder and says so, keeps links inside it', async () => {
    const found = await discoverFiles(nodeSource, [corpus], undefined, undefined, { confineLinks: true });
    assert.deepStrictEqual(relative(found.files), ['alias.txt', 'inner/nested.txt', 'own.txt']);
    const skipped = found.diagnostics.filter((d) => /outside the corpus folder/.test(d.message)).map((d) => path.basename(d.path));
    assert.deepStrictEqual(skipped.sort(), ['linked-file.txt', 'linked-folder']);
  });

  it('the blocking source used by indexing workers answers as the asynchronous one does', async () => {
    for (const confineLinks of [false, true]) {
      const sync = await discoverFiles(blockingNodeSource, [corpus], undefined, undefined, { confineLinks });
      const async = await discoverFiles(nodeSource, [corpus], undefined, undefined, { confineLinks });
      assert.deepStrictEqual(sync, async);
    }
    const file = path.join(corpus, 'linked-file.txt');
    assert.deepStrictEqual(await blockingNodeSource.stat(file), await nodeSource.stat(file));
    assert.deepStrictEqual(Buffer.from(await blockingNodeSource.readFile(file)), await fs.readFile(file));
    await assert.rejects(blockingNodeSource.readFile(path.join(corpus, 'missing.txt')), /ENOENT/);
    await assert.rejects(blockingNodeSource.stat(path.join(corpus, 'missing.txt')), /ENOENT/);
  });

  it('isWithin compares path segments, not string prefixes', () => {
    assert.strictEqual(isWithin('/a/b/c', '/a/b'), true);
    assert.strictEqual(isWithin('/a/b', '/a/b'), true);
    assert.strictEqual(isWithin('/a/bc', '/a/b'), false);
    assert.strictEqual(isWithin('/a', '/a/b'), false);
  });
});
