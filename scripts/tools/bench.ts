/**
 * `npm run bench -- <corpus dir or file> [options]`: indexing speed, cache, incremental update,
 * hover lookups and memory, measured in one run and printed as one JSON object plus a table.
 *
 *   --workers N     pool size (default: one per core, at most 8)
 *   --limit N       use only the first N article files (or JSONL records)
 *   --growth LIST   instead: cold-index the first N records for each N in LIST (e.g. 5000,10000,all),
 *                   each in a fresh process so peak memory is per size
 *   --only cold     (internal, used by --growth) measure the cold index only
 *   --pairs N       cold index and single-thread baseline measured N times, one after the other
 *                   (default 3); the figures are the medians, each pair's ratio is printed too
 *   --watchlist F   also cold-index with the watchlist F (CSV or FollowTheMoney), in a cache of its
 *                   own, and compare (see `npm run watchlist:make` for a list of 10,000 names)
 *
 * After the warm reopen it applies one correction of each kind (and an undo) to the index, as the
 * editor's commands do, timing each until the entity tree, a hover card, the summaries panel and an
 * article's symbols read the new state.
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
import { appendDecision, removeDecision } from '../../src/core/corpus/curationFile';
import { parseWatchlist } from '../../src/core/corpus/watchlists';
import type { CorpusIndex } from '../../src/core/index/corpusIndex';
import { correctionsFrom } from '../../src/core/index/curation';
import { indexCorpus, indexFile } from '../../src/core/index/indexer';
import { WorkerPool, defaultPoolSize } from '../../src/core/index/workerPool';
import type { Entity } from '../../src/core/model/types';
import { groupEntities } from '../../src/core/render/entityGroups';
import { entityHoverCard } from '../../src/core/render/hoverCard';
import { summarySnapshot } from '../../src/core/render/summaryCards';
import { TreeRss } from './treeRss';

interface Figures {
  corpus: string;
  articles: number;
  files: number;
  words: number;
  workers: number;
  coldSeconds: number;
  coldWordsPerSecond: number;
  /** After the cold index is ready, until the workers have written its cache entries and ended. */
  cacheWriteSeconds?: number;
  baselineSeconds?: number;
  baselineWordsPerSecond?: number;
  speedupVsBaseline?: number;
  /** Each cold index and the baseline measured right after it, in order (the figures above are their medians). */
  pairs?: { coldSeconds: number; baselineSeconds: number; speedup: number }[];
  /** Work raw compromise gets done on `workers` threads at once, as a multiple of one thread's: the ceiling for any pool here. */
  parallelCapacity?: number;
  warmSeconds?: number;
  warmPercentOfCold?: number;
  incrementalMs?: number;
  incrementalCorpusArticles?: number;
  hoverLookups?: number;
  hoverP50Ms?: number;
  hoverP99Ms?: number;
  /** Each correction applied to the warm index until the views read it, in order. */
  corrections?: { what: string; ms: number; cpuMs: number }[];
  correctionMaxMs?: number;
  correctionMaxCpuMs?: number;
  watchlist?: string;
  watchlistNames?: number;
  coldWithWatchlistSeconds?: number;
  /** Cold indexing with the watchlist, as a multiple of cold indexing without. */
  watchlistColdRatio?: number;
  /** What the watchlist adds to deriving the views (matcher built, names found and applied), measured apart. */
  watchlistCostMs?: number;
  /** Cold indexing plus that cost, as a multiple of cold indexing. */
  watchlistCostRatio?: number;
  watchlistEntities?: number;
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
async function coldRun(corpusDir: string, cacheDir: string, workers: number): Promise<Pick<Figures, 'articles' | 'files' | 'words' | 'workers' | 'coldSeconds' | 'coldWordsPerSecond' | 'cacheWriteSeconds'>> {
  const pool = new WorkerPool({ script: WORKER_SCRIPT, size: workers, fileTimeoutMs: 600_000 });
  const t = process.hrtime.bigint();
  const cold = await indexCorpus(nodeSource, pool, { roots: [corpusDir], cacheDir });
  cold.index.entities();
  const coldSeconds = seconds(t);
  // The workers write their cache entries when they are let go (or idle): the index is ready before.
  const written = process.hrtime.bigint();
  await pool.dispose();
  const cacheWriteSeconds = seconds(written);
  const words = cold.index.articles().reduce((n, a) => n + countWords(a.article.text), 0);
  return {
    articles: cold.index.size,
    files: cold.files.length,
    words,
    workers,
    coldSeconds: round(coldSeconds, 2),
    coldWordsPerSecond: Math.round(words / coldSeconds),
    cacheWriteSeconds: round(cacheWriteSeconds, 2),
  };
}

/**
 * Cold indexing with a watchlist (in a cache of its own). Two cold runs minutes apart on a shared
 * machine differ by more than the list costs, so the list's own cost is also measured apart, in one
 * process: the views derived from the same merged corpus with the list (read afresh, so nothing of
 * it is cached) and without, alternately, three times each; the median difference is its cost.
 */
async function watchlistRun(corpusDir: string, cacheDir: string, workers: number, file: string, plain: number): Promise<Partial<Figures>> {
  const text = await fs.readFile(file, 'utf8');
  const curation = correctionsFrom([], [{ path: file, text }]);
  const pool = new WorkerPool({ script: WORKER_SCRIPT, size: workers, fileTimeoutMs: 600_000 });
  let t = process.hrtime.bigint();
  const cold = await indexCorpus(nodeSource, pool, { roots: [corpusDir], cacheDir, curation });
  cold.index.entities();
  const coldSeconds = seconds(t);
  await pool.dispose();
  const costs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const without = cold.index.withCuration({ decisions: [], watchlists: [] });
    t = process.hrtime.bigint();
    await without.prepare();
    const plainMs = seconds(t) * 1000;
    const listed = cold.index.withCuration(correctionsFrom([], [{ path: file, text }]));
    t = process.hrtime.bigint();
    await listed.prepare();
    costs.push(seconds(t) * 1000 - plainMs);
  }
  const cost = costs.sort((a, b) => a - b)[1];
  return {
    watchlist: file,
    watchlistNames: parseWatchlist(file, text).list.entries.length,
    coldWithWatchlistSeconds: round(coldSeconds, 2),
    watchlistColdRatio: round(coldSeconds / plain, 3),
    watchlistCostMs: round(cost, 1),
    watchlistCostRatio: round((plain + cost / 1000) / plain, 3),
    watchlistEntities: cold.index.entities().filter((e) => e.watchlists).length,
  };
}

/**
 * One correction of each kind, then an undo, applied to the index as the editor applies a change of
 * the curation file: read the file, apply it to the index, then compute what the entity tree, a
 * hover card, the summaries panel and an article's symbols show. Targets are the corpus's most
 * mentioned entities, so each touches many articles.
 */
function measureCorrections(index: CorpusIndex): { what: string; ms: number; cpuMs: number }[] {
  const ofType = (type: Entity['type']): Entity[] => index.entities().filter((e) => e.type === type);
  const [person, second, third] = ofType('person');
  const [org, otherOrg] = ofType('organization');
  const [place] = ofType('place');
  const aliased = index.entities().find((e) => e.aliases.length && e.type !== 'date');
  const steps: [string, Record<string, unknown> | undefined][] = [
    [`rename “${person?.name}”`, person && { op: 'rename', entity: person.name, type: 'person', to: `${person.name} (checked)` }],
    [`retype “${org?.name}”`, org && { op: 'retype', entity: org.name, type: 'organization', to: 'place' }],
    [`merge “${second?.name}” and “${third?.name}”`, second && third && { op: 'merge', entities: [second.name, third.name], type: 'person', into: second.name }],
    [`detach “${aliased?.aliases[0]}” from “${aliased?.name}”`, aliased && { op: 'detach', entity: aliased.name, type: aliased.type, alias: aliased.aliases[0] }],
    [`ignore “${otherOrg?.name}”`, otherOrg && { op: 'ignore', name: otherOrg.name, type: 'organization' }],
    [`add “${place?.name}” as an organization`, place && { op: 'add', name: place.name, type: 'organization' }],
  ];
  const file = '/bench/.newslens/curation.json';
  const watchlists = index.corrections.watchlists;
  // An open panel has its cards already; the first correction then rebuilds only the cards it changes.
  summarySnapshot(index, 'ready', false);
  // CPU time beside wall time: on a machine shared with other work the wall clock also counts
  // the time this process waited for a core.
  const apply = (text: string, touched: string): { ms: number; cpuMs: number } => {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    index.setCuration({ ...correctionsFrom([{ path: file, text }], []), watchlists });
    groupEntities(index.entities(), 'mentions');
    const entity = index.entities().find((e) => e.name === touched || e.aliases.includes(touched)) ?? index.entities()[0];
    if (entity) {
      entityHoverCard(index, entity, { revealEntity: 'r', showMentions: 's', openSummaries: 'o' });
      const first = index.mentionsOf(entity.id)[0];
      if (first) index.entitiesIn(first.articleId);
    }
    summarySnapshot(index, 'ready', false);
    const used = process.cpuUsage(cpu);
    return { ms: round(seconds(t) * 1000, 1), cpuMs: round((used.user + used.system) / 1000, 1) };
  };
  const out: { what: string; ms: number; cpuMs: number }[] = [];
  let text: string | undefined;
  let last: Record<string, unknown> | undefined;
  for (const [what, decision] of steps) {
    if (!decision) continue;
    text = appendDecision(text, decision);
    last = decision;
    out.push({ what, ...apply(text, String(decision.to ?? decision.into ?? decision.name ?? decision.entity)) });
  }
  if (text && last) {
    text = removeDecision(text, last) ?? text;
    out.push({ what: 'undo the last correction', ...apply(text, String(last.name ?? '')) });
  }
  return out;
}

/** Raw compromise on one thread over the same texts, and how much more `workers` threads get done. */
async function baselineRun(corpusDir: string, workers: number): Promise<{ seconds: number; capacity?: number }> {
  const texts = (await loadCorpus(nodeSource, [corpusDir])).articles.map((a) => a.text);
  const baseline = await rawBaseline(texts);
  return { seconds: baseline, capacity: workers > 1 ? await parallelCapacity(texts, workers) : undefined };
}

async function measure(input: string, workers: number, limit: number | undefined, only: string | undefined, watchlist: string | undefined, pairs: number): Promise<Figures> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'newslens-bench-'));
  const rss = new TreeRss();
  const corpusDir = path.join(scratch, 'corpus');
  const cacheDir = path.join(scratch, 'cache');
  await fs.mkdir(corpusDir);
  try {
    await stage(input, limit, corpusDir);
    // Each phase runs in its own function, so nothing of the cold index or of the baseline's texts
    // is alive during the warm reopen: that is a new process reading the cache.
    const cold = await coldRun(corpusDir, cacheDir, workers);
    const figures: Figures = { corpus: input, ...cold, peakRssMB: 0 };
    if (watchlist) Object.assign(figures, await watchlistRun(corpusDir, path.join(scratch, 'cache-watchlist'), workers, watchlist, cold.coldSeconds));
    if (only !== 'cold') {
      const baseline = await baselineRun(corpusDir, workers);
      const runs = [{ coldSeconds: cold.coldSeconds, baselineSeconds: baseline.seconds }];
      // On a shared machine one pair of runs can be 10% off either way: later pairs each index into
      // a cache of their own, so every one of them is cold.
      for (let k = 1; k < pairs; k++) {
        const again = await coldRun(corpusDir, path.join(scratch, `cache-${k}`), workers);
        await fs.rm(path.join(scratch, `cache-${k}`), { recursive: true, force: true });
        runs.push({ coldSeconds: again.coldSeconds, baselineSeconds: (await baselineRun(corpusDir, 1)).seconds });
      }
      figures.pairs = runs.map((r) => ({ coldSeconds: r.coldSeconds, baselineSeconds: round(r.baselineSeconds, 2), speedup: round(r.baselineSeconds / r.coldSeconds, 2) }));
      const coldSeconds = median(runs.map((r) => r.coldSeconds));
      const baselineSeconds = median(runs.map((r) => r.baselineSeconds));
      figures.coldSeconds = coldSeconds;
      figures.coldWordsPerSecond = Math.round(cold.words / coldSeconds);
      figures.baselineSeconds = round(baselineSeconds, 2);
      figures.baselineWordsPerSecond = Math.round(cold.words / baselineSeconds);
      figures.speedupVsBaseline = median(figures.pairs.map((r) => r.speedup));
      if (baseline.capacity !== undefined) figures.parallelCapacity = baseline.capacity;

      const pool = new WorkerPool({ script: WORKER_SCRIPT, size: workers, fileTimeoutMs: 600_000 });
      let t = process.hrtime.bigint();
      const warm = await indexCorpus(nodeSource, pool, { roots: [corpusDir], cacheDir });
      warm.index.entities();
      const warmSeconds = seconds(t);
      figures.warmSeconds = round(warmSeconds, 3);
      figures.warmPercentOfCold = round((100 * warmSeconds) / figures.coldSeconds, 1);

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
      figures.corrections = measureCorrections(warm.index);
      figures.correctionMaxMs = Math.max(...figures.corrections.map((c) => c.ms));
      figures.correctionMaxCpuMs = Math.max(...figures.corrections.map((c) => c.cpuMs));
    }
    figures.peakRssMB = rss.peakMB();
    return figures;
  } finally {
    rss.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : round((sorted[mid - 1] + sorted[mid]) / 2, 2);
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
    ['cold index', `${f.coldSeconds} s, ${f.coldWordsPerSecond} words/s (entities, events, summaries included)${f.pairs && f.pairs.length > 1 ? '; the median run' : ''}`],
  ];
  if (f.cacheWriteSeconds !== undefined) rows.push(['cache entries written behind it', `${f.cacheWriteSeconds} s after the index is ready (workers write when idle or let go)`]);
  if (f.baselineSeconds !== undefined) {
    rows.push(['raw compromise, 1 thread', `${f.baselineSeconds} s, ${f.baselineWordsPerSecond} words/s`]);
    const each = f.pairs && f.pairs.length > 1 ? ` (median of ${f.pairs.length} pairs of runs: ${f.pairs.map((r) => `${r.speedup}×`).join(', ')})` : '';
    rows.push(['cold speed-up vs baseline', `${f.speedupVsBaseline}×${each}`]);
    if (f.parallelCapacity !== undefined) rows.push([`raw compromise, ${f.workers} threads at once`, `${f.parallelCapacity}× the work of one thread (this machine's ceiling for the pool)`]);
    rows.push(['warm reopen (cache hit)', `${f.warmSeconds} s = ${f.warmPercentOfCold}% of cold`]);
    if (f.incrementalMs !== undefined) rows.push(['one changed article applied', `${f.incrementalMs} ms (corpus of ${f.incrementalCorpusArticles} articles)`]);
    rows.push(['hover lookup', `p50 ${f.hoverP50Ms} ms, p99 ${f.hoverP99Ms} ms over ${f.hoverLookups} mentions`]);
    for (const c of f.corrections ?? []) rows.push([`correction shown: ${c.what}`, `${c.ms} ms (${c.cpuMs} ms of CPU)`]);
  }
  if (f.watchlist) {
    rows.push(['watchlist', `${f.watchlist}: ${f.watchlistNames} names, ${f.watchlistEntities} entities on it`]);
    rows.push(['cold index with the watchlist', `${f.coldWithWatchlistSeconds} s = ${f.watchlistColdRatio}× cold without (another run, minutes apart)`]);
    rows.push(['what the watchlist adds, measured apart', `${f.watchlistCostMs} ms = ${f.watchlistCostRatio}× cold without`]);
  }
  rows.push([process.platform === 'linux' ? 'peak RSS (this process and its worker processes)' : 'peak RSS (this process; workers not counted)', `${f.peakRssMB} MB`]);
  return table(rows);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workers: { type: 'string' }, limit: { type: 'string' }, growth: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean' }, watchlist: { type: 'string' }, pairs: { type: 'string' } },
  });
  const input = positionals[0];
  if (!input) {
    process.stderr.write('usage: npm run bench -- <corpus dir or file> [--workers N] [--limit N] [--growth 5000,10000,all]\n');
    process.exitCode = 2;
    return;
  }
  const workers = values.workers ? Number(values.workers) : defaultPoolSize();
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
  const pairs = values.pairs ? Number(values.pairs) : 3;
  if (!Number.isInteger(pairs) || pairs < 1) {
    process.stderr.write('--pairs takes a whole number of 1 or more\n');
    process.exitCode = 2;
    return;
  }
  const figures = await measure(path.resolve(input), workers, values.limit ? Number(values.limit) : undefined, values.only, values.watchlist ? path.resolve(values.watchlist) : undefined, pairs);
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
