import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { api, extension, workspaceFolder } from '../extensionApi';

describe('a workspace without articles', () => {
  before(() => {
    assert.deepStrictEqual(fs.readdirSync(workspaceFolder()), [], `the runner opened ${workspaceFolder()}, which is not empty`);
  });

  it('loads the bundled seed corpus', async () => {
    const newsLens = await api();
    const index = await newsLens.whenReady();
    assert.strictEqual(newsLens.corpus.usingSample, true);
    assert.strictEqual(newsLens.corpus.state, 'ready');
    const seed = index.articles().find((a) => a.article.title.startsWith('The Russian Foreign Minister'));
    assert.ok(seed, `seed article missing; titles: ${index.articles().map((a) => a.article.title).join(' | ')}`);
    assert.strictEqual(seed.article.source, 'Mondo International');
    assert.strictEqual(seed.article.date, '2024-01-31');
    assert.strictEqual(path.dirname(seed.article.path), path.join(extension().extensionPath, 'seeds'));
  });

  it('finds the people of the seed article', async () => {
    const index = await (await api()).whenReady();
    const people = index.entities().filter((e) => e.type === 'person');
    for (const surname of ['Lavrov', 'Jaishankar']) {
      assert.ok(
        people.some((p) => [p.name, ...p.aliases].some((n) => n.includes(surname))),
        `no person named ${surname}; people: ${people.map((p) => p.name).join(', ')}`,
      );
    }
  });
});
