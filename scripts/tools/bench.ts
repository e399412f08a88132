/**
 * `npm run bench -- <corpus dir or file> [options]`: indexing speed, cache, incremental update,
 * hover lookups and memory, measured in one run and printed as one JSON object plus a table.
 *
 *   --workers N     pool size (default: one per core, at most 8)
 *   --limit N       use only the first N article files (or JSONL records)
 *   --growth LIST   instead: cold-index the first N records for each N in LIST (e.g. 5000,10000,all),
 *                   each in a fresh process so peak memory is per size
 *   --only cold     (internal, used by --growth) measure the cold index only
 *
 * The baseline is raw compromise, as published, on one thread over the same texts: nlp(text) plus
 * its own people(), places() and organizations() with offsets, i.e. the NER one gets from
 * compromise alone (scripts/tools/rawBaseline.ts, in a worker thread of its own).
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { Worker } from 'worker_threads';
import { discoverFiles } from '../../src/core/corpus/discover';
import { loadCorpus } from '../../src/core/corpus/load';
import { nodeSource } from '../../src/core/corpus/nodeSource';
import { formatOf } from '../../src/core/corpus/formats';
import type { CorpusIndex } from '../../src/core/index/corpusIndex';
import { indexCorpus, indexFile } from '../../src/core/index/indexer';
import { WorkerPool } from '../../src/core/index/workerPool';

interface Figures {
  corpus: string;
  articles: number;
  files: number;
  words: number;
  workers: number;
  coldSeconds: number;
  coldWordsPerSecond: number;
  baselineSeconds?: number;
  baselineWordsPerSecond?: number;
  speedupVsBaseline?: number;
  /** Work raw compromise gets done on `workers` threads at once, as a multiple of one thread's: the ceiling for any pool here. */
  parallelCapacity?: number;
  warmSeconds?: number;
  warmPercentOfCold?: number;
  incrementalMs?: number;
  incrementalCorpusArticles?: number;
  hoverLookups?: number;
  hoverP50Ms?: number;
  hoverP99Ms?: number;
  peakRssMB: number;
}

const WORKER_SCRIPT = path.join(__dirname, '..', 'worker.js');

function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function seconds(fromNs: bigint): number {
  return Number(process.hrtime.bigint() - fromNs) / 1e9;
}

function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Copies the corpus (or its first `limit` files/records) to a scratch folder we may modify. */
async function stage(input: string, limit: number | undefined, dir: string): Promise<void> {
  const st = await fs.stat(input);
  if (st.isFile()) {
    const target = path.join(dir, path.basename(input));
    if (formatOf(input) === 'jsonl' && limit) {
      const lines = (await fs.readFile(input, 'utf8')).split('\n').filter((l) => l.trim() !== '');
      await fs.writeFile(target, lines.slice(0, limit).join('\n') + '\n');
    } else await fs.copyFile(input, target);
    return;
  }
  const found = await discoverFiles(nodeSource, [input]);
  const files = limit ? found.files.slice(0, limit) : found.files;
  for (const f of files) {
    const target = path.join(dir, path.relative(input, f));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(f, target);
  }
}

/** Seconds raw compromise takes on one thread for these texts (see rawBaseline.ts). */
function rawBaseline(texts: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'rawBaseline.js'), { workerData: texts });
    worker.once('message', (s: number) => {
      resolve(s);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * How much more raw compromise gets done on `n` threads at once than on one, over a sample of the
 * texts: a 2-vCPU virtual machine may give far less than 2, which bounds what the pool can reach.
 */
async function parallelCapacity(texts: string[], n: number): Promise<number> {
  const sample = texts.slice(0, 150);
  const one = await rawBaseline(sample);
  const many = await Promise.all(Array.from({ length: n }, () => rawBaseline(sample)));
  return round((n * one) / Math.max(...many), 2);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** What a hover needs: the mention under the cursor, its entity, related entities and events. */
function hoverLookups(index: CorpusIndex): number[] {
  const times: number[] = [];
  for (const item of index.articles()) {
    for (const m of item.mentions) {
      const offset = (m.start + m.end) >> 1;
      const t0 = process.hrtime.bigint();
      const hit = index.mentionAt(item.article.id, offset);
      if (hit) {
        index.entity(hit.entity);
        index.related(hit.entity, 5);
        index.eventsOf(hit.entity).slice(0, 3);
        index.articleIdsOf(hit.entity);
      }
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return times.sort((a, b) => a - b);
}

/** Indexes the staged corpus with an empty cache (filling it); returns only figures. */
async function coldRun(corpusDir: string, cacheDir: string, workers: number): Promise<Pick<Figures, 'articles' | 'files' | 'words' | 'workers' | 'coldSeconds' | 'coldWordsPerSecond'>> {
  const pool = new WorkerPool({ script: WORKER_SCRIPT, size: workers, fileTimeoutMs: 600_000 });
  const t = process.hrtime.bigint();
  const cold = await indexCorpus(nodeSource, pool, { roots: [corpusDir], cacheDir });
  cold.index.entities();
  const coldSeconds = seconds(t);
  await pool.dispose();
  const words = cold.index.articles().reduce((n, a) => n + countWords(a.article.text), 0);
  return { articles: cold.index.size, files: cold.files.length, words, workers, coldSeconds: round(coldSeconds, 2), coldWordsPerSecond: Math.round(words / coldSeconds) };
}

/** Raw compromise on one thread over the same texts, and how much more `workers` threads get done. */
async function baselineRun(corpusDir: string, workers: number): Promise<{ seconds: number; capacity?: number }> {
  const texts = (await loadCorpus(nodeSource, [corpusDir])).articles.map((a) => a.text);
  const baseline = await rawBaseline(texts);
  return { seconds: baseline, capacity: workers > 1 ? await parallelCapacity(texts, workers) : undefined };
}

async function measure(input: string, workers: number, limit: number | undefined, only: string | undefined): Promise<Figures> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-bench-'));
  const corpusDir = path.join(scratch, 'corpus');
  const cacheDir = path.join(scratch, 'cache');
  await fs.mkdir(corpusDir);
  try {
    await stage(input, limit, corpusDir);
    // Each phase runs in its own function, so nothing of the cold index or of the baseline's texts
    // is alive during the warm reopen: that is a new process reading the cache.
    const cold = await coldRun(corpusDir, cacheDir, workers);
    const figures: Figures = { corpus: input, ...cold, peakRssMB: 0 };
    if (only !== 'cold') {
      const baseline = await baselineRun(corpusDir, workers);
      figures.baselineSeconds = round(baseline.seconds, 2);
      figures.baselineWordsPerSecond = Math.round(cold.words / baseline.seconds);
      figures.speedupVsBaseline = round(baseline.seconds / cold.coldSeconds, 2);
      if (baseline.capacity !== undefined) figures.parallelCapacity = baseline.capacity;

      const pool = new WorkerPool({ script: WORKER_SCRIPT, size: workers, fileTimeoutMs: 600_000 });
      let t = process.hrtime.bigint();
      const warm = await indexCorpus(nodeSource, pool, { roots: [corpusDir], cacheDir });
      warm.index.entities();
      const warmSeconds = seconds(t);
      figures.warmSeconds = round(warmSeconds, 3);
      figures.warmPercentOfCold = round((100 * warmSeconds) / cold.coldSeconds, 1);

      // As the extension does after a load: one worker kept, its analyser loaded.
      await pool.settle();
      const target = warm.index.articles().find((a) => a.article.format === 'txt' || a.article.format === 'md')?.article.path;
      if (target) {
        await fs.appendFile(target, '\n\nIn a late addition, Prime Minister Jane Example met officials of the World Bank in Nairobi on Friday.\n');
        const st = await fs.stat(target);
        t = process.hrtime.bigint();
        await indexFile(warm.index, pool, target, st.size, { cacheDir });
        warm.index.entities();
        warm.index.timeline();
        figures.incrementalMs = round(seconds(t) * 1000, 1);
        figures.incrementalCorpusArticles = warm.index.size;
      }
      await pool.dispose();

      const hovers = hoverLookups(warm.index);
      figures.hoverLookups = hovers.length;
      figures.hoverP50Ms = round(percentile(hovers, 50), 4);
      figures.hoverP99Ms = round(percentile(hovers, 99), 4);
    }
    figures.peakRssMB = peakRssMB();
    return figures;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

function describe(f: Figures): string {
  const rows: [string, string][] = [
    ['corpus', f.corpus],
    ['articles / files / words', `${f.articles} / ${f.files} / ${f.words}`],
    ['workers', String(f.workers)],
    ['cold index', `${f.coldSeconds} s, ${f.coldWordsPerSecond} words/s (entities, events, summaries included)`],
  ];
  if (f.baselineSeconds !== undefined) {
    rows.push(['raw compromise, 1 thread', `${f.baselineSeconds} s, ${f.baselineWordsPerSecond} words/s`]);
    rows.push(['cold speed-up vs baseline', `${f.speedupVsBaseline}×`]);
    if (f.parallelCapacity !== undefined) rows.push([`raw compromise, ${f.workers} threads at once`, `${f.parallelCapacity}× the work of one thread (this machine's ceiling for the pool)`]);
    rows.push(['warm reopen (cache hit)', `${f.warmSeconds} s = ${f.warmPercentOfCold}% of cold`]);
    if (f.incrementalMs !== undefined) rows.push(['one changed article applied', `${f.incrementalMs} ms (corpus of ${f.incrementalCorpusArticles} articles)`]);
    rows.push(['hover lookup', `p50 ${f.hoverP50Ms} ms, p99 ${f.hoverP99Ms} ms over ${f.hoverLookups} mentions`]);
  }
  rows.push(['peak RSS (process incl. workers)', `${f.peakRssMB} MB`]);
  return table(rows);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workers: { type: 'string' }, limit: { type: 'string' }, growth: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean' } },
  });
  const input = positionals[0];
  if (!input) {
    process.stderr.write('usage: npm run bench -- <corpus dir or file> [--workers N] [--limit N] [--growth 5000,10000,all]\n');
    process.exitCode = 2;
    return;
  }
  const workers = values.workers ? Number(values.workers) : Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
  if (values.growth) {
    const results: Figures[] = [];
    for (const size of values.growth.split(',')) {
      const args = [__filename, input, '--only', 'cold', '--json', '--workers', String(workers), ...(size === 'all' ? [] : ['--limit', size])];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`growth run for ${size} failed: ${r.stderr}`);
      results.push(JSON.parse(r.stdout) as Figures);
    }
    const base = results[0];
    console.log(JSON.stringify({ growth: results }, null, 2));
    console.log(
      table([
        ['articles', 'cold s · words/s · s per 1,000 articles (× first) · peak RSS'],
        ...results.map((f): [string, string] => {
          const per = (f.coldSeconds / f.articles) * 1000;
          const basePer = (base.coldSeconds / base.articles) * 1000;
          return [String(f.articles), `${f.coldSeconds} s · ${f.coldWordsPerSecond} · ${round(per, 2)} s (${round(per / basePer, 2)}×) · ${f.peakRssMB} MB`];
        }),
      ]),
    );
    return;
  }
  const figures = await measure(path.resolve(input), workers, values.limit ? Number(values.limit) : undefined, values.only);
  if (values.json) {
    process.stdout.write(JSON.stringify(figures));
    return;
  }
  console.log(JSON.stringify(figures, null, 2));
  console.log(describe(figures));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
