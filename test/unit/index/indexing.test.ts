import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheEntryText, cacheKey, parseCacheEntry, readCacheText, writeCacheText } from '../../../src/core/index/analysisCache';
import { indexCorpus, indexFile } from '../../../src/core/index/indexer';
import { shardsFor } from '../../../src/core/index/shards';
import { WorkerPool, machineCores, workerFlags } from '../../../src/core/index/workerPool';
import { buildIndex } from '../../../src/core/index/build';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { toAnalysisJson } from '../../../src/core/render/analysisJson';
import { DEFAULT_ANALYZE_OPTIONS } from '../../../src/core/nlp/analysis';
import { ROOT } from '../paths';

/** The worker as compiled by tsc next to these tests (the same code esbuild bundles into dist/worker.js). */
const WORKER = path.join(ROOT, 'out', 'src', 'worker', 'indexWorker.js');

async function scratch(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'newslens-index-'));
}

const ARTICLE_A = 'Harbour talks\n\nPort Authority Updated on 2023-04-02\n\nMayor Anna Berg met union leaders in Rotterdam on Monday. Berg said the port would reopen.\n';
const ARTICLE_B = 'Rail strike ends\n\nNorth Daily Published on 2023-04-05\n\nUnion leaders in Hamburg ended the strike after talks with Deutsche Bahn.\n';

describe('index: worker pool, cache and incremental updates', function () {
  this.timeout(120_000);
  let dir: string;
  let pool: WorkerPool;

  beforeEach(async () => {
    dir = await scratch();
    await fs.mkdir(path.join(dir, 'corpus'));
    await fs.writeFile(path.join(dir, 'corpus', 'a.txt'), ARTICLE_A);
    await fs.writeFile(path.join(dir, 'corpus', 'b.txt'), ARTICLE_B);
    pool = new WorkerPool({ script: WORKER, size: 2, fileTimeoutMs: 60_000 });
  });

  afterEach(async () => {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('indexes in workers, then answers an unchanged corpus from the cache with identical output', async () => {
    const cacheDir = path.join(dir, 'cache');
    const cold = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    assert.deepStrictEqual([cold.analysed, cold.cached], [2, 0]);
    await pool.writeCache();
    const warm = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    assert.deepStrictEqual([warm.analysed, warm.cached], [0, 2]);
    assert.deepStrictEqual(toAnalysisJson(warm.index), toAnalysisJson(cold.index));
  });

  it('gives workers V8\'s newer tier-up budget, turns V8\'s helper threads off only when the pool has a worker per core, and workers so started analyse as this process does', async () => {
    assert.deepStrictEqual(
      [workerFlags(512, 2, 2), workerFlags(512, 8, 4), workerFlags(512, 2, 8)],
      [
        ['--max-old-space-size=512', '--interrupt-budget=135168', '--single-threaded'],
        ['--max-old-space-size=512', '--interrupt-budget=135168', '--single-threaded'],
        ['--max-old-space-size=512', '--interrupt-budget=135168'],
      ],
    );
    const everyCore = new WorkerPool({ script: WORKER, size: machineCores(), fileTimeoutMs: 60_000 });
    try {
      const roots = [path.join(dir, 'corpus')];
      const pooled = await indexCorpus(nodeSource, everyCore, { roots });
      const here = await buildIndex(nodeSource, roots);
      assert.deepStrictEqual(toAnalysisJson(pooled.index), toAnalysisJson(here.index));
    } finally {
      await everyCore.dispose();
    }
  });

  it('takes large cache entries in one per turn of the event loop, with the same result', async () => {
    const cacheDir = path.join(dir, 'cache');
    const cold = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    await pool.writeCache();
    // Every entry counts as large here; the reopen must still hold exactly what the cold load did.
    const paced = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 60_000, largeEntryChars: 1 });
    try {
      const warm = await indexCorpus(nodeSource, paced, { roots: [path.join(dir, 'corpus')], cacheDir });
      assert.deepStrictEqual([warm.analysed, warm.cached], [0, 2]);
      assert.deepStrictEqual(toAnalysisJson(warm.index), toAnalysisJson(cold.index));
    } finally {
      await paced.dispose();
    }
  });

  it('keeps the merged entities in the cache: a reopen of unchanged files uses them, a change or a bad snapshot does not', async () => {
    const roots = [path.join(dir, 'corpus')];
    const cacheDir = path.join(dir, 'cache');
    const reopen = () => indexCorpus(nodeSource, pool, { roots, cacheDir });
    const plain = await indexCorpus(nodeSource, pool, { roots });
    const first = await reopen();
    const again = await reopen();
    assert.deepStrictEqual([plain.mergedFromCache, first.mergedFromCache, again.mergedFromCache], [false, false, true]);
    assert.deepStrictEqual(toAnalysisJson(again.index), toAnalysisJson(plain.index));
    assert.deepStrictEqual(again.index.timeline(), plain.index.timeline());
    assert.deepStrictEqual(again.index.related('person:anna-berg'), plain.index.related('person:anna-berg'));

    await fs.appendFile(path.join(dir, 'corpus', 'b.txt'), 'Officials of the World Bank in Nairobi welcomed the deal.\n');
    const changed = await reopen();
    assert.strictEqual(changed.mergedFromCache, false);
    assert.ok(changed.index.entity('organization:world-bank'), 'the changed file is merged afresh');

    await fs.writeFile(path.join(cacheDir, 'merged-entities.jsonl'), '{"format":"news-lens-merged","key":"');
    const afterBad = await reopen();
    assert.strictEqual(afterBad.mergedFromCache, false);
    assert.deepStrictEqual(toAnalysisJson(afterBad.index), toAnalysisJson(changed.index));
    assert.strictEqual((await reopen()).mergedFromCache, true, 'the bad snapshot was replaced');
  });

  it('keeps the analyses of unchanged files from the previous index on a refresh (no copy, no NLP)', async () => {
    const roots = [path.join(dir, 'corpus')];
    const first = await indexCorpus(nodeSource, pool, { roots });
    await fs.writeFile(path.join(dir, 'corpus', 'b.txt'), ARTICLE_B.replace('Hamburg', 'Bremen'));
    const again = await indexCorpus(nodeSource, pool, { roots, previous: first.index });
    assert.deepStrictEqual([again.analysed, again.cached], [1, 1]);
    const a = path.join(dir, 'corpus', 'a.txt');
    assert.strictEqual(again.index.articlesAt(a)[0].analysis, first.index.articlesAt(a)[0].analysis, 'the same object, not a copy');
    assert.ok(again.index.articlesAt(path.join(dir, 'corpus', 'b.txt'))[0].article.text.includes('Bremen'));
  });

  it('re-analyses a changed file only, and drops a deleted one', async () => {
    const cacheDir = path.join(dir, 'cache');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    const a = path.join(dir, 'corpus', 'a.txt');
    await fs.writeFile(a, ARTICLE_A.replace('Rotterdam', 'Antwerp'));
    const stats = { cached: 0, analysed: 0 };
    await indexFile(index, pool, a, (await fs.stat(a)).size, { cacheDir }, stats);
    assert.deepStrictEqual(stats, { cached: 0, analysed: 1 });
    assert.ok(index.articlesAt(a)[0].article.text.includes('Antwerp'));
    assert.strictEqual(index.size, 2);
    assert.ok(index.deleteFile(path.join(dir, 'corpus', 'b.txt')));
    assert.deepStrictEqual(
      index.articles().map((x) => x.article.title),
      ['Harbour talks'],
    );
  });

  it('discards a corrupt or foreign cache entry and re-analyses', async () => {
    const cacheDir = path.join(dir, 'cache');
    await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    await pool.writeCache();
    const entries: string[] = [];
    // Entries live in two-letter folders; the merged-entities snapshot sits beside them.
    for (const sub of await fs.readdir(cacheDir, { withFileTypes: true })) {
      if (sub.isDirectory()) for (const f of await fs.readdir(path.join(cacheDir, sub.name))) entries.push(path.join(cacheDir, sub.name, f));
    }
    assert.strictEqual(entries.length, 2);
    await fs.writeFile(entries[0], '{"format":"news-lens-cache","version":1,"key":"tru');
    await fs.writeFile(entries[1], JSON.stringify({ format: 'news-lens-cache', version: -1 }));
    const again = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    assert.deepStrictEqual([again.analysed, again.cached], [2, 0]);
    assert.strictEqual(again.index.size, 2);
    assert.deepStrictEqual(
      again.index.diagnostics.map((d) => d.message.replace(/\(.*\)/, '(…)')).sort(),
      ['cache entry discarded (…); re-analysed', 'cache entry discarded (…); re-analysed'],
    );
    const third = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], cacheDir });
    assert.deepStrictEqual([third.analysed, third.cached], [0, 2], 'the discarded entries were written again');
    assert.deepStrictEqual(third.index.diagnostics, []);
  });

  it('splits a large JSONL file into shards that together hold every record once', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 400; i++) {
      // Large records with little text: big enough to be sharded, cheap to analyse.
      lines.push(JSON.stringify({ id: `r${i}`, title: `Story ${i}`, text: `Officials in Lagos said on Tuesday that story ${i} was ready.`, raw_html: '<p>'.repeat(500) }));
    }
    lines.splice(10, 0, '{"broken": ');
    const file = path.join(dir, 'corpus', 'wire.jsonl');
    await fs.writeFile(file, lines.join('\n'));
    const size = (await fs.stat(file)).size;
    assert.ok(shardsFor(file, size).length > 1, 'the test file must be large enough to be sharded');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [file] });
    const ids = index.articles().map((a) => a.article.id);
    assert.strictEqual(ids.length, 400);
    assert.strictEqual(new Set(ids).size, 400);
    assert.deepStrictEqual(
      index.diagnostics.map((d) => d.line),
      [11],
    );

    // Reopened from the cache (each worker hashes the file once for all its shards), then changed.
    const cacheDir = path.join(dir, 'shard-cache');
    await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    const warm = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    assert.deepStrictEqual([warm.analysed, warm.cached], [0, shardsFor(file, size).length]);
    assert.deepStrictEqual(
      warm.index.articles().map((a) => a.article.text),
      index.articles().map((a) => a.article.text),
    );
    await fs.writeFile(file, lines.join('\n').replace('story 7 was ready', 'story 7 was late'));
    const changed = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    assert.deepStrictEqual([changed.analysed, changed.cached], [1, shardsFor(file, size).length - 1], 'only the shard holding the changed line is analysed');
    assert.match(changed.index.article('r7')?.article.text ?? '', /story 7 was late/);
    assert.deepStrictEqual(
      changed.index.articles().map((a) => a.article.id),
      index.articles().map((a) => a.article.id),
    );
  });

  it('skips a file over the size limit with a diagnostic and keeps the rest', async () => {
    await fs.writeFile(path.join(dir, 'corpus', 'huge.txt'), 'Big\n\n' + 'word '.repeat(50_000));
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'corpus')], limits: { maxFileBytes: 100_000, maxFiles: 100 } });
    assert.strictEqual(index.size, 2);
    const d = index.diagnostics.find((x) => x.path.endsWith('huge.txt'));
    assert.match(d?.message ?? '', /over the 97\.7 KB per-file limit/);
  });
});

describe('index: cache entries', () => {
  it('round-trips an entry and rejects one whose offsets do not match its text', async () => {
    const dir = await scratch();
    try {
      const key = cacheKey('abc', '/x/a.txt', undefined, DEFAULT_ANALYZE_OPTIONS);
      const article = { id: 'a', path: '/x/a.txt', title: 'T', source: null, date: null, text: 'Paris is big', format: 'txt' as const, bodyStart: 0, bodyEnd: 12 };
      const analysis = {
        articleId: 'a',
        sentences: [{ start: 0, end: 12 }],
        entities: [{ key: 'place:paris', type: 'place' as const, name: 'Paris', aliases: [], roles: [] }],
        mentions: [{ key: 'place:paris', start: 0, end: 5, text: 'Paris' }],
        events: [],
        mainEvent: { who: null, what: null, when: null, where: 'Paris', why: null, how: null },
        summary: [],
        headline: 'T',
        excluded: [],
        wordCount: 3,
      };
      writeCacheText(dir, key, cacheEntryText(key, { path: '/x/a.txt', hash: 'abc', articles: [article], diagnostics: [] }, [analysis]));
      const text = readCacheText(dir, key);
      assert.ok(text !== undefined);
      const hit = parseCacheEntry(text, key);
      assert.strictEqual(hit.status, 'hit');
      assert.strictEqual(parseCacheEntry(text, cacheKey('abd', '/x/a.txt', undefined, DEFAULT_ANALYZE_OPTIONS)).status, 'corrupt', 'an entry read under another key');
      writeCacheText(dir, key, cacheEntryText(key, { path: '/x/a.txt', hash: 'abc', articles: [article], diagnostics: [] }, [{ ...analysis, mentions: [{ key: 'place:paris', start: 1, end: 6, text: 'Paris' }] }]));
      assert.deepStrictEqual(parseCacheEntry(readCacheText(dir, key) ?? '', key), { status: 'corrupt', reason: 'mention offsets do not match the text' });
      assert.strictEqual(readCacheText(dir, 'no-such-key'), undefined);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
