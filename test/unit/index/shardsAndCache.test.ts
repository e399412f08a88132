import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { parseCacheEntry, pruneCache, readCacheText } from '../../../src/core/index/analysisCache';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { indexCorpus, indexFile } from '../../../src/core/index/indexer';
import { SHARD_BYTES, shardsFor } from '../../../src/core/index/shards';
import { WorkerPool } from '../../../src/core/index/workerPool';
import type { AnalyzedFile, AnalyzeFileRequest } from '../../../src/core/index/workerProtocol';
import { toAnalysisJson } from '../../../src/core/render/analysisJson';
import { ROOT } from '../paths';

const WORKER = path.join(ROOT, 'out', 'src', 'worker', 'indexWorker.js');
const GREEDY_WORKER = path.join(ROOT, 'out', 'test', 'support', 'greedyWorker.js');
const POOL = path.join(ROOT, 'out', 'src', 'core', 'index', 'workerPool.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Large records with little text: big enough to be sharded, cheap to analyse. */
function record(i: number, text = `Officials in Lagos said on Tuesday that story ${i} was ready.`): Record<string, unknown> {
  return { id: `r${i}`, title: `Story ${i}`, text, raw_html: '<p>'.repeat(1500) };
}

async function cacheEntries(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await fs.readdir(dir, { withFileTypes: true })) {
    if (sub.isDirectory()) for (const f of await fs.readdir(path.join(dir, sub.name))) out.push(path.join(dir, sub.name, f));
  }
  return out.sort();
}

describe('index: shards of large files and the cache', function () {
  this.timeout(300_000);
  let dir: string;
  let pool: WorkerPool;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-shards-'));
    pool = new WorkerPool({ script: WORKER, size: 2, fileTimeoutMs: 120_000 });
  });

  afterEach(async () => {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes cache entries behind the index: a worker answers from those it holds, and writes them when asked or let go', async () => {
    const corpus = path.join(dir, 'stories');
    await fs.mkdir(corpus);
    for (const city of ['Lagos', 'Quito', 'Hanoi']) await fs.writeFile(path.join(corpus, `${city}.txt`), `Talks in ${city}\n\nMinisters met in ${city} on Monday, officials said.\n`);
    const entries = async (cacheDir: string): Promise<number> => (await cacheEntries(cacheDir).catch(() => [])).filter((f) => f.endsWith('.json')).length;
    const one = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 120_000 });
    const asked = path.join(dir, 'asked');
    try {
      await indexCorpus(nodeSource, one, { roots: [corpus], cacheDir: asked });
      assert.strictEqual(await entries(asked), 0, 'nothing written while the corpus is indexed');
      const again = await indexCorpus(nodeSource, one, { roots: [corpus], cacheDir: asked });
      assert.deepStrictEqual([again.analysed, again.cached], [0, 3], 'answered from the entries the worker holds');
      await one.writeCache();
      assert.strictEqual(await entries(asked), 3);
    } finally {
      await one.dispose();
    }
    const letGo = path.join(dir, 'let-go');
    const other = new WorkerPool({ script: WORKER, size: 2, fileTimeoutMs: 120_000 });
    await indexCorpus(nodeSource, other, { roots: [corpus], cacheDir: letGo });
    await other.dispose();
    assert.strictEqual(await entries(letGo), 3, 'written by the workers as the pool let them go');

    // Left alone, a worker writes what it holds once it has had nothing to do for a few seconds.
    const idle = path.join(dir, 'idle');
    const fourth = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 120_000 });
    try {
      await indexCorpus(nodeSource, fourth, { roots: [corpus], cacheDir: idle });
      const until = Date.now() + 15_000;
      while ((await entries(idle)) < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      assert.strictEqual(await entries(idle), 3, 'written by the idle worker, unasked');
    } finally {
      await fourth.dispose();
    }

    // A load cancelled halfway: the worker finishes its file and writes what it analysed.
    const cancelled = path.join(dir, 'cancelled');
    const third = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 120_000 });
    let stopped: Promise<void> | undefined;
    await indexCorpus(nodeSource, third, { roots: [corpus], cacheDir: cancelled, onProgress: ({ done }) => void (done === 1 && (stopped ??= third.dispose())) }).catch(() => undefined);
    await stopped;
    assert.ok((await entries(cancelled)) >= 1, 'the analyses done before the cancel are cached');
  });

  it('keys shards by their own content: a line appended re-analyses the last shard only, and the cache grows by one entry', async () => {
    const file = path.join(dir, 'wire.jsonl');
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i + 1)));
    await fs.writeFile(file, lines.join('\n') + '\n');
    const count = shardsFor(file, (await fs.stat(file)).size).length;
    assert.ok(count >= 3, `sharded (${count})`);
    const cacheDir = path.join(dir, 'cache');
    const cold = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    assert.deepStrictEqual([cold.analysed, cold.cached], [count, 0]);
    await pool.writeCache();
    const entries = (await cacheEntries(cacheDir)).filter((f) => f.endsWith('.json'));
    assert.strictEqual(entries.length, count);

    await fs.appendFile(file, JSON.stringify(record(401)) + '\n');
    const grown = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    assert.deepStrictEqual([grown.analysed, grown.cached], [1, count - 1], 'only the last shard changed');
    await pool.writeCache();
    assert.strictEqual(grown.index.size, 401);
    assert.deepStrictEqual(
      grown.index.articles().map((a) => a.article.line),
      Array.from({ length: 401 }, (_, i) => i + 1),
    );
    assert.strictEqual((await cacheEntries(cacheDir)).filter((f) => f.endsWith('.json')).length, count + 1);

    // A refresh in place (as in VS Code) keeps the unchanged shards without reading the cache.
    await fs.appendFile(file, JSON.stringify(record(402)) + '\n');
    const refreshed = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir, previous: grown.index });
    assert.deepStrictEqual([refreshed.analysed, refreshed.cached], [1, count - 1]);
    assert.strictEqual(refreshed.index.size, 402);
  });

  it('shards a large JSON array like JSONL: every record once, bad records on their line, unchanged shards from the cache', async () => {
    const file = path.join(dir, 'wire.json');
    const records = Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i + 1)));
    records.splice(100, 0, '{"title": "No text"}');
    await fs.writeFile(file, `[\n${records.join(',\n')}\n]\n`);
    const count = shardsFor(file, (await fs.stat(file)).size).length;
    assert.ok(count >= 3, `sharded (${count})`);
    const cacheDir = path.join(dir, 'cache');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    await pool.writeCache();
    assert.strictEqual(index.size, 400);
    assert.deepStrictEqual(
      index.diagnostics.map((d) => [d.line, d.message.replace(/:.*/, '')]),
      [[102, 'record 101 (line 102)']],
    );
    assert.strictEqual(new Set(index.articles().map((a) => a.article.id)).size, 400);

    const whole = await indexCorpus(nodeSource, pool, { roots: [file], limits: { maxFileBytes: 1 << 30, maxFiles: 10 } });
    assert.deepStrictEqual(
      index.articles().map((a) => a.article.text),
      whole.index.articles().map((a) => a.article.text),
    );

    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('story 390 was ready', 'story 390 was late'));
    const changed = await indexCorpus(nodeSource, pool, { roots: [file], cacheDir });
    assert.deepStrictEqual([changed.analysed, changed.cached], [1, count - 1]);
    assert.match(changed.index.article('r390')?.article.text ?? '', /was late/);
  });

  it('reads every shard of a large file through the named record fields, which are part of the cache key', async () => {
    const nested = (i: number): string => JSON.stringify({ id: `n${i}`, headline: `Story ${i}`, payload: { body: `Officials in Lagos said on Tuesday that story ${i} was ready.` }, raw_html: '<p>'.repeat(1500) });
    const corpus = path.join(dir, 'corpus');
    await fs.mkdir(corpus);
    const jsonl = path.join(corpus, 'api.jsonl');
    await fs.writeFile(jsonl, Array.from({ length: 300 }, (_, i) => nested(i + 1)).join('\n') + '\n');
    const array = path.join(corpus, 'api.json');
    await fs.writeFile(array, `[\n${Array.from({ length: 300 }, (_, i) => nested(i + 301)).join(',\n')}\n]\n`);
    const count = shardsFor(jsonl, (await fs.stat(jsonl)).size).length + shardsFor(array, (await fs.stat(array)).size).length;
    assert.ok(count >= 6, `sharded (${count})`);
    const cacheDir = path.join(dir, 'cache');
    const read = { fields: { text: 'payload.body' } };

    const named = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir, read });
    assert.strictEqual(named.index.size, 600);
    assert.deepStrictEqual(named.index.diagnostics, []);
    assert.match(named.index.article('n450')?.article.text ?? '', /^Story 450\n\nOfficials in Lagos said on Tuesday that story 450 was ready\.$/);
    assert.strictEqual(named.index.article('n450')?.article.line, 151);
    await pool.writeCache();

    const again = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir, read });
    assert.deepStrictEqual([again.analysed, again.cached], [0, count]);
    const unnamed = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
    assert.deepStrictEqual([unnamed.analysed, unnamed.cached, unnamed.index.size], [count, 0, 0], 'other fields: every shard read again, no record has text');
    assert.ok(unnamed.index.diagnostics.length >= 600 && unnamed.index.diagnostics.every((d) => /no article text/.test(d.message)));
  });

  it('reports a large file over the size limit once, not once per shard', async () => {
    const file = path.join(dir, 'big.jsonl');
    await fs.writeFile(file, Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i))).join('\n'));
    const { index } = await indexCorpus(nodeSource, pool, { roots: [file], limits: { maxFileBytes: SHARD_BYTES, maxFiles: 10 } });
    assert.strictEqual(index.diagnostics.length, 1, JSON.stringify(index.diagnostics));
    assert.match(index.diagnostics[0].message, /over the 512\.0 KB per-file limit/);
  });

  it('says a shard that took too long lost its own records, not the whole file', async () => {
    const quick = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 1000 });
    try {
      const file = path.join(dir, 'mixed.jsonl');
      const news = 'Mayor Anna Berg met union leaders in Rotterdam on Monday, and the port authority said talks would go on. ';
      // The first part holds one short story (padded to the part's size), the second 600 KB of news: seconds of work.
      const first = `${JSON.stringify(record(1))}\n`;
      const slow = JSON.stringify({ id: 'long', title: 'Long read', text: news.repeat(6000) });
      await fs.writeFile(file, `${first}${'\n'.repeat(SHARD_BYTES - first.length)}${slow}\n`);
      const size = (await fs.stat(file)).size;
      assert.strictEqual(shardsFor(file, size).length, 3, 'three parts, the last of them empty');
      const index = new CorpusIndex();
      await indexFile(index, quick, file, size, {});
      assert.deepStrictEqual(
        index.articles().map((a) => a.article.id),
        ['r1'],
      );
      assert.deepStrictEqual(
        index.diagnostics.map((d) => d.message),
        ["analysis took longer than 1 s; 1 of the file's 3 parts skipped (the records starting in 0.5–1.0 MB), the others loaded"],
      );
    } finally {
      await quick.dispose();
    }
  });

  it('reports a large file deleted before its shards are read once', async () => {
    const index = new CorpusIndex();
    await indexFile(index, pool, path.join(dir, 'gone.jsonl'), 40 * SHARD_BYTES, {});
    assert.deepStrictEqual(
      index.diagnostics.map((d) => d.message),
      ['skipped: not found (deleted, or a broken link)'],
    );
  });

  it('reads a file again when its shards came from two versions of it, and skips it whole, with one message, if it keeps changing', async () => {
    const file = path.join(dir, 'live.jsonl');
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify(record(i + 1)));
    await fs.writeFile(file, lines.join('\n'));
    const size = (await fs.stat(file)).size;
    // A pool through which the first shard of each read is answered before the file is rewritten
    // (`times` times in all), and the other shards are read after: they see another version.
    const changing = (times: number): WorkerPool => {
      let left = times;
      let firstAnswer: Promise<unknown> = Promise.resolve();
      let rewritten: Promise<void> | undefined;
      return {
        analyzeFile: async (req: Omit<AnalyzeFileRequest, 'id'>): Promise<AnalyzedFile> => {
          if (!req.shard || req.shard.index === 0) {
            rewritten = undefined;
            const answer = pool.analyzeFile(req);
            firstAnswer = answer;
            return answer;
          }
          await firstAnswer.catch(() => undefined);
          rewritten ??= left-- > 0 ? fs.writeFile(file, lines.join('\n').replace(/Lagos/g, `Accra${left}`)) : Promise.resolve();
          await rewritten;
          return pool.analyzeFile(req);
        },
      } as unknown as WorkerPool;
    };
    const settled = new CorpusIndex();
    await indexFile(settled, changing(1), file, size, {});
    assert.strictEqual(settled.size, 400, 'read again, whole and consistent');
    assert.ok(settled.articles().every((a) => a.article.text.includes('Accra0')), 'all from the version that stayed');
    assert.deepStrictEqual(settled.diagnostics, []);

    const restless = new CorpusIndex();
    await indexFile(restless, changing(5), file, size, {});
    assert.strictEqual(restless.size, 0, 'no mix of two versions');
    assert.deepStrictEqual(
      restless.diagnostics.map((d) => d.message),
      ['skipped: the file changed while it was being indexed (its parts came from different versions of it); it is read again when it changes'],
    );
  });

  it('uses no cache, with one warning, when the cache path is a file', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), 'Harbour talks\n\nMayor Anna Berg met union leaders in Rotterdam on Monday.\n');
    await fs.writeFile(path.join(dir, 'b.txt'), 'Rail strike\n\nUnion leaders in Hamburg ended the strike.\n');
    const cacheFile = path.join(dir, 'cache-is-a-file');
    await fs.writeFile(cacheFile, 'x');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], cacheDir: cacheFile });
    assert.strictEqual(index.size, 2);
    assert.deepStrictEqual(
      index.diagnostics.map((d) => [d.severity, d.message]),
      [['warning', `analyses are not cached: ${cacheFile} is a file, not a folder`]],
    );
  });

  it('says that a file name which is not UTF-8 cannot be read, instead of "not found"', async function () {
    const name = Buffer.concat([Buffer.from(path.join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    try {
      await fs.writeFile(name, 'Cafe\n\nThe cafe opened in Lyon.\n');
    } catch {
      this.skip();
    }
    await fs.writeFile(path.join(dir, 'ok.txt'), 'Storm\n\nA storm hit Lisbon.\n');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [dir] });
    assert.strictEqual(index.size, 1);
    assert.deepStrictEqual(
      index.diagnostics.map((d) => [path.basename(d.path), d.message]),
      [['caf\ufffd.txt', 'skipped: its name is not valid UTF-8 (rename the file to load it)']],
    );
  });

  it('a worker growing one Map past its heap limit ends alone: the process holding the pool goes on', () => {
    // In a process of its own, so that the failure this guards against (the whole process aborting
    // with "Reached heap limit", as the extension host would) is an assertion here, not the end of the run.
    const script = `
      const { WorkerPool } = require(${JSON.stringify(POOL)});
      const pool = new WorkerPool({ script: ${JSON.stringify(GREEDY_WORKER)}, size: 1, fileTimeoutMs: 120000, workerHeapMB: 64 });
      pool.analyzeFile({ path: 'any.txt', limits: { maxFileBytes: 0, maxFiles: 0 }, options: { summarySentences: 0 } })
        .then(() => console.log('answered'), (err) => console.log(err.message))
        .finally(() => pool.dispose());`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
    assert.deepStrictEqual(
      { status: run.status, signal: run.signal, said: run.stdout.trim() },
      { status: 0, signal: null, said: 'analysis ran out of memory (an indexing worker may use 64 MB); file skipped' },
      run.stderr,
    );
  });

  it('stops a worker that outgrows its memory, reports its file and loads the rest', async () => {
    const small = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 120_000, workerHeapMB: 64 });
    try {
      await fs.writeFile(path.join(dir, 'a.txt'), 'Harbour talks\n\nMayor Anna Berg met union leaders in Rotterdam on Monday.\n');
      // 60 MB of text: decoded, it is more than the worker may hold.
      await fs.writeFile(path.join(dir, 'huge.txt'), `Long\n\n${'x'.repeat(60_000_000)}\n`);
      const { index } = await indexCorpus(nodeSource, small, { roots: [dir], limits: { maxFileBytes: 1 << 30, maxFiles: 10 } });
      assert.deepStrictEqual(
        index.articles().map((a) => path.basename(a.article.path)),
        ['a.txt'],
      );
      assert.deepStrictEqual(
        index.diagnostics.map((d) => [path.basename(d.path), d.message]),
        [['huge.txt', 'analysis ran out of memory (an indexing worker may use 64 MB); file skipped']],
      );
    } finally {
      await small.dispose();
    }
  });
});

describe('index: cache entries that parse but are wrong inside', function () {
  this.timeout(120_000);
  let dir: string;
  let pool: WorkerPool;
  let cacheDir: string;
  let corpus: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-bad-entries-'));
    corpus = path.join(dir, 'corpus');
    cacheDir = path.join(dir, 'cache');
    await fs.mkdir(corpus);
    await fs.writeFile(path.join(corpus, 'a.txt'), 'Harbour talks\n\nPort Authority Updated on 2023-04-02\n\nMayor Anna Berg met union leaders in Rotterdam on Monday. Berg said the port would reopen.\n');
    pool = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 120_000 });
  });

  after(async () => {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  type Entry = { file: { articles: Record<string, unknown>[]; diagnostics: unknown[] }; analyses: Record<string, unknown>[] };
  const first = (e: Entry): Record<string, unknown> => e.analyses[0];
  const CORRUPTIONS: [string, (e: Entry) => void][] = [
    ['events is null', (e) => (first(e).events = null)],
    ['summary is null', (e) => (first(e).summary = null)],
    ["an entity's aliases are null", (e) => ((first(e).entities as Record<string, unknown>[])[0].aliases = null)],
    ["an event's who is null", (e) => ((first(e).events as Record<string, unknown>[])[0].who = null)],
    ['an entity has no name', (e) => delete (first(e).entities as Record<string, unknown>[])[0].name],
    ['diagnostics hold null', (e) => (e.file.diagnostics = [null])],
    ['a trigger off its text', (e) => (((first(e).events as Record<string, unknown>[])[0].trigger as Record<string, number>).start += 1)],
    ['the text is swapped', (e) => (e.file.articles[0].text = 'Rail strike ends\n\nUnion leaders in Hamburg ended the strike after talks with Deutsche Bahn on Friday night.\n')],
    ['a sentence past the end', (e) => (first(e).sentences = [{ start: 0, end: 10_000 }])],
  ];

  it('treats each as a miss: the entry is removed, the file analysed again, and the next run reads the good entry', async () => {
    await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
    await pool.writeCache();
    const [entryFile] = (await cacheEntries(cacheDir)).filter((f) => f.endsWith('.json'));
    const good = await fs.readFile(entryFile, 'utf8');
    const key = path.basename(entryFile, '.json');
    assert.strictEqual(parseCacheEntry(good, key).status, 'hit');
    const reference = toAnalysisJson((await indexCorpus(nodeSource, pool, { roots: [corpus] })).index);
    for (const [what, corrupt] of CORRUPTIONS) {
      const entry = JSON.parse(good) as Entry;
      corrupt(entry);
      const text = JSON.stringify(entry);
      assert.strictEqual(parseCacheEntry(text, key).status, 'corrupt', what);
      await fs.writeFile(entryFile, text);
      const run = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
      assert.deepStrictEqual([run.analysed, run.cached], [1, 0], `${what}: analysed again`);
      assert.deepStrictEqual(toAnalysisJson(run.index).articles, reference.articles, `${what}: the same analysis`);
      assert.match(run.index.diagnostics.map((d) => d.message).join(' | '), /cache entry discarded \(.+\); re-analysed/, what);
      await pool.writeCache();
      assert.strictEqual(readCacheText(cacheDir, key), JSON.stringify(JSON.parse(readCacheText(cacheDir, key) ?? 'null')), `${what}: the entry was replaced`);
      const next = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
      assert.deepStrictEqual([next.analysed, next.cached], [0, 1], `${what}: the next run reads the good entry`);
    }
  });

  it('ignores and removes a merged-entities snapshot missing its entities, or resolving to no entity', async () => {
    await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
    const snapshot = path.join(cacheDir, 'merged-entities.jsonl');
    assert.ok((await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir })).mergedFromCache);
    const reference = toAnalysisJson((await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir })).index);
    const lines = (await fs.readFile(snapshot, 'utf8')).split('\n');
    for (const damaged of [lines.filter((l) => !l.startsWith('{"entities"')), lines.map((l) => (l.startsWith('{"entities"') ? l.replace(/"id":"[^"]+"/, '"id":"person:nobody"') : l))]) {
      await fs.writeFile(snapshot, damaged.join('\n'));
      const run = await indexCorpus(nodeSource, pool, { roots: [corpus], cacheDir });
      assert.strictEqual(run.mergedFromCache, false);
      assert.deepStrictEqual(toAnalysisJson(run.index), reference, 'merged afresh: every mention has its entity');
      assert.notStrictEqual(await fs.readFile(snapshot, 'utf8'), damaged.join('\n'), 'the damaged snapshot was replaced');
    }
  });

  it('prunes the least recently used entries down to a size, keeping those just used', async () => {
    const entryName = (i: number): string => `ab${String(i).padStart(38, '0')}.json`;
    const folder = path.join(dir, 'prune');
    await fs.mkdir(path.join(folder, 'ab'), { recursive: true });
    const now = Date.now() / 1000;
    for (let i = 0; i < 5; i++) {
      const f = path.join(folder, 'ab', entryName(i));
      await fs.writeFile(f, 'x'.repeat(1000));
      await fs.utimes(f, now - 1000 + i * 100, now - 1000 + i * 100);
    }
    await fs.writeFile(path.join(folder, 'ab', 'left.123.tmp'), 'half');
    await fs.utimes(path.join(folder, 'ab', 'left.123.tmp'), now - 7200, now - 7200);
    await fs.writeFile(path.join(folder, 'merged-entities.jsonl'), '{}');
    const r = await pruneCache(folder, { maxBytes: 2500 });
    assert.deepStrictEqual([r.removed, r.kept, r.keptBytes], [4, 2, 2000], 'three entries and the stale temporary file');
    assert.deepStrictEqual((await fs.readdir(path.join(folder, 'ab'))).sort(), [entryName(3), entryName(4)]);
    assert.ok(await fs.stat(path.join(folder, 'merged-entities.jsonl')));
    const kept = await pruneCache(folder, { maxBytes: 0, keepSince: (now - 750) * 1000 });
    assert.deepStrictEqual([kept.removed, kept.kept], [0, 2], 'entries used since the load began stay');

    const cli = spawnSync(process.execPath, [CLI, 'cache', 'prune', folder, '--max-mb', '0'], { encoding: 'utf8' });
    assert.strictEqual(cli.status, 0, cli.stderr);
    assert.strictEqual(cli.stdout, 'removed 2 entries (0.0 MB); 0 entries (0.0 MB) remain\n');
  });
});
