import * as assert from 'assert';
import * as path from 'path';
import { api, fixtureWorkspace, sameFolder, workspaceFolder } from '../extensionApi';

describe('a workspace with article files', () => {
  before(() => {
    assert.ok(sameFolder(workspaceFolder(), fixtureWorkspace()), `the runner opened ${workspaceFolder()}, not the fixture workspace`);
  });

  it('indexes the workspace articles instead of the bundled sample', async () => {
    const newsLens = await api();
    const index = await newsLens.whenReady();
    assert.strictEqual(newsLens.corpus.usingSample, false);
    const root = workspaceFolder();
    assert.deepStrictEqual(index.articles().map((a) => path.relative(root, a.article.path).split(path.sep).join('/')).sort(), [
      'ferry-service.txt',
      'local/night-reading-room.md',
    ]);
  });

  it('reads title, source and date from the plain-text byline layout', async () => {
    const index = await (await api()).whenReady();
    const a = index.articles().find((x) => x.article.format === 'txt')?.article;
    assert.ok(a);
    assert.strictEqual(a.title, 'Ferry service between Valmora Island and Lisbon resumes after storm repairs');
    assert.strictEqual(a.source, 'Coastal Ledger');
    assert.strictEqual(a.date, '2024-03-12');
  });

  it('reads title, source and date from Markdown front matter', async () => {
    const index = await (await api()).whenReady();
    const a = index.articles().find((x) => x.article.format === 'md')?.article;
    assert.ok(a);
    assert.strictEqual(a.title, 'Northfield library wins funding for a night reading room');
    assert.strictEqual(a.source, 'Northfield Courier');
    assert.strictEqual(a.date, '2024-02-20');
  });

  it('finds entity mentions in every article, each pointing at its text', async () => {
    const index = await (await api()).whenReady();
    assert.ok(index.entities().length > 0);
    for (const { article, mentions } of index.articles()) {
      assert.ok(mentions.length > 0, `no mentions in ${article.path}`);
      for (const m of mentions) {
        assert.ok(index.entity(m.entity), `mention "${m.text}" refers to a known entity`);
        assert.strictEqual(article.text.slice(m.start, m.end), m.text, 'mention offsets index the article text');
      }
    }
  });
});
