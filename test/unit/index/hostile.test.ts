import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeSource } from '../../../src/core/corpus/nodeSource';
import { DEFAULT_LIMITS } from '../../../src/core/corpus/source';
import { indexCorpus, indexFile } from '../../../src/core/index/indexer';
import { WorkerPool } from '../../../src/core/index/workerPool';
import { toAnalysisJson } from '../../../src/core/render/analysisJson';
import { HOSTILE_MARKERS, writeHostileCorpus } from '../../support/hostileCorpus';
import { ROOT } from '../paths';

const WORKER = path.join(ROOT, 'out', 'src', 'worker', 'indexWorker.js');

describe('hostile corpus: bad files are skipped with one clear message each, the rest loads', function () {
  this.timeout(180_000);
  let dir: string;
  let pool: WorkerPool;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-hostile-'));
  });

  after(async () => {
    await fs.chmod(path.join(dir, 'corpus', 'unreadable.txt'), 0o644).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    pool = new WorkerPool({ script: WORKER, size: 2, fileTimeoutMs: 60_000 });
  });

  afterEach(() => pool.dispose());

  it('loads every good file, reports every bad one by name and reason, and never crashes', async () => {
    const corpus = path.join(dir, 'corpus');
    const expected = await writeHostileCorpus(corpus);
    const { index } = await indexCorpus(nodeSource, pool, { roots: [corpus] });
    for (const [file, title] of Object.entries(expected.loads)) {
      const titles = index.articlesAt(path.join(corpus, file)).map((a) => a.article.title);
      assert.ok(titles.includes(title), `${file} loads (got ${JSON.stringify(titles)})`);
    }
    for (const [file, reason] of Object.entries(expected.skipped)) {
      const diags = index.diagnostics.filter((d) => d.path === path.join(corpus, file));
      assert.strictEqual(diags.length, 1, `${file}: exactly one diagnostic (got ${JSON.stringify(diags)})`);
      assert.match(diags[0].message, reason, file);
      assert.strictEqual(index.articlesAt(path.join(corpus, file)).length, 0);
    }
    const jsonl = index.diagnostics.filter((d) => d.path.endsWith('partial.jsonl'));
    assert.deepStrictEqual(
      jsonl.map((d) => d.line),
      [2, 3],
      'each broken JSONL line is reported; the good lines load',
    );
    assert.deepStrictEqual(
      index.articlesAt(path.join(corpus, 'partial.jsonl')).map((a) => a.article.id),
      ['p1', 'p4'],
    );
    assert.ok(index.diagnostics.some((d) => d.path.endsWith(path.join('loop', 'back-to-parent')) && /symbolic link loop/.test(d.message)));
  });

  it('keeps hostile text as plain text with exact offsets', async () => {
    const corpus = path.join(dir, 'corpus');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [corpus] });
    const html = index.articlesAt(path.join(corpus, 'html-script.txt'))[0];
    for (const marker of [HOSTILE_MARKERS.script, HOSTILE_MARKERS.img, HOSTILE_MARKERS.textarea, HOSTILE_MARKERS.jsLink]) assert.ok(html.article.text.includes(marker));
    const json = toAnalysisJson(index);
    for (const a of json.articles) for (const m of a.mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text, `${a.id}: ${m.text}`);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(json)), json);
  });

  it('skips a file whose analysis exceeds the time limit, and keeps the others', async () => {
    const slowPool = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 1 });
    try {
      const corpus = path.join(dir, 'corpus');
      const { index } = await indexCorpus(nodeSource, slowPool, { roots: [path.join(corpus, 'html-script.txt')] });
      assert.strictEqual(index.size, 0);
      assert.match(index.diagnostics[0].message, /took longer than/);
    } finally {
      await slowPool.dispose();
    }
  });

  it('answers the requests a timed-out worker still held through a fresh worker', async () => {
    const folder = path.join(dir, 'in-flight');
    const cacheDir = path.join(dir, 'in-flight-cache');
    await fs.mkdir(folder, { recursive: true });
    const story = (city: string): string => `Talks in ${city}\n\nMinisters from ten countries met in ${city} on Monday to discuss trade, officials said.\n`;
    const cached = ['b.txt', 'c.txt', 'd.txt'];
    for (const [i, name] of cached.entries()) await fs.writeFile(path.join(folder, name), story(['Lisbon', 'Quito', 'Hanoi'][i]));
    await indexCorpus(nodeSource, pool, { roots: [folder], cacheDir });
    await pool.writeCache();
    await fs.writeFile(path.join(folder, 'a.txt'), story('Dakar'));
    // One worker is sent a.txt with the files after it; its analysis overruns, the rest come from the cache.
    const slowPool = new WorkerPool({ script: WORKER, size: 1, fileTimeoutMs: 1 });
    try {
      const { index } = await indexCorpus(nodeSource, slowPool, { roots: [folder], cacheDir });
      assert.deepStrictEqual(index.articles().map((a) => path.basename(a.article.path)), cached);
      assert.deepStrictEqual(index.diagnostics.map((d) => [path.basename(d.path), /took longer than/.test(d.message)]), [['a.txt', true]]);
    } finally {
      await slowPool.dispose();
    }
  });

  it('reports a file deleted before it is read, without touching the rest of the index', async () => {
    const corpus = path.join(dir, 'corpus');
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.join(corpus, 'utf16-bom.txt'), path.join(corpus, 'partial.jsonl')] });
    const before = index.size;
    await indexFile(index, pool, path.join(corpus, 'vanished.txt'), 10, { limits: DEFAULT_LIMITS });
    assert.strictEqual(index.size, before);
    assert.match(index.diagnostics.find((d) => d.path.endsWith('vanished.txt'))?.message ?? '', /not found \(deleted/);
  });

  it('indexes 10,000 tiny files', async () => {
    const many = path.join(dir, 'many-corpus');
    await writeHostileCorpus(many, { many: 10_000, hugeMB: 1 });
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.join(many, 'many')] });
    assert.strictEqual(index.size, 10_000);
    assert.strictEqual(index.diagnostics.length, 0);
  });
});
