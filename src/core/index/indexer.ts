import { discoverFiles } from '../corpus/discover';
import { formatOf } from '../corpus/formats';
import type { CorpusSource, LoadLimits } from '../corpus/source';
import { DEFAULT_LIMITS } from '../corpus/source';
import type { Diagnostic } from '../model/types';
import type { AnalyzeOptions } from '../nlp/analysis';
import { DEFAULT_ANALYZE_OPTIONS } from '../nlp/analysis';
import { CorpusIndex } from './corpusIndex';
import { mergeKey, readMergeSnapshot, writeMergeSnapshot } from './mergeSnapshot';
import type { WorkerPool } from './workerPool';
import { CancelledError } from './workerPool';
import type { Shard } from './workerProtocol';
import { inShard } from './workerProtocol';

export interface IndexProgress {
  done: number;
  total: number;
  path?: string;
}

export interface IndexSettings {
  limits?: LoadLimits;
  analyze?: AnalyzeOptions;
  /** Folder of the persistent analysis cache; none means always analyse. */
  cacheDir?: string;
  /**
   * An index built with the same settings: files whose content is unchanged keep its analyses
   * (workers only hash them), so a refresh costs little time and no second copy in memory.
   */
  previous?: CorpusIndex;
}

export interface IndexRequest extends IndexSettings {
  roots: string[];
  include?: string;
  /** See DiscoverOptions.confineLinks. */
  confineLinks?: boolean;
  /** See DiscoverOptions.includeOption. */
  includeOption?: string;
  onProgress?: (p: IndexProgress) => void;
  isCancelled?: () => boolean;
}

export interface IndexStats {
  /** Files (or shards of large files) answered from the cache. */
  cached: number;
  /** Files (or shards) analysed by running NLP. */
  analysed: number;
}

export interface IndexOutcome extends IndexStats {
  index: CorpusIndex;
  cancelled: boolean;
  files: string[];
  /** The merged entities came from the cache's snapshot (see mergeSnapshot.ts). */
  mergedFromCache: boolean;
}

/** JSONL files larger than this are split into shards so every worker shares the work. */
const SHARD_BYTES = 512 * 1024;
const MAX_SHARDS = 64;

export function shardsFor(path: string, size: number): (Shard | undefined)[] {
  if (formatOf(path) !== 'jsonl' || size <= SHARD_BYTES) return [undefined];
  const count = Math.min(MAX_SHARDS, Math.ceil(size / SHARD_BYTES));
  return Array.from({ length: count }, (_, index) => ({ index, count }));
}

let nextRead = 1;

/**
 * Analyses one file (all its shards) in the pool and puts the result into `index`, replacing what
 * the file contributed before. Its diagnostics replace the file's old ones. Cancellation and
 * worker failures become diagnostics or a CancelledError; nothing else is touched.
 */
export async function indexFile(index: CorpusIndex, pool: WorkerPool, path: string, size: number, settings: IndexSettings, stats?: IndexStats): Promise<void> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const options = settings.analyze ?? DEFAULT_ANALYZE_OPTIONS;
  const previous = settings.previous;
  const diagnostics: Diagnostic[] = [];
  const shards = shardsFor(path, size);
  const sameRead = shards.length > 1 ? nextRead++ : undefined;
  const results = await Promise.all(
    shards.map(async (shard) => {
      try {
        const knownHash = previous?.hashOf(path, shard);
        const request = { path, shard, limits, options, cacheDir: settings.cacheDir, knownHash, sameRead, bytes: shard ? size / shard.count : size };
        let r = await pool.analyzeFile(request);
        if (r.corruptEntry !== undefined) r = await pool.analyzeFile({ ...request, discardCache: r.corruptEntry });
        if (stats) stats[r.cached ? 'cached' : 'analysed']++;
        if (r.unchanged && previous) diagnostics.push(...previous.diagnostics.filter((d) => d.path === path && inShard(d.line, shard)));
        else diagnostics.push(...r.file.diagnostics);
        return r;
      } catch (err) {
        if (err instanceof CancelledError) throw err;
        diagnostics.push({ path, severity: 'error', message: err instanceof Error ? err.message : String(err) });
        return undefined;
      }
    }),
  );
  index.deleteFile(path);
  for (const r of results) {
    if (!r) continue;
    if (r.unchanged && previous) index.adopt(path, r.shard, previous);
    else if (r.file.articles.length) index.setFile(path, r.file.articles, r.analyses, r.shard, r.file.hash);
  }
  index.diagnostics = [...index.diagnostics.filter((d) => d.path !== path), ...diagnostics];
}

/** Discovers the corpus and analyses every file in the pool, building a fresh index. */
export async function indexCorpus(source: CorpusSource, pool: WorkerPool, req: IndexRequest): Promise<IndexOutcome> {
  const limits = req.limits ?? DEFAULT_LIMITS;
  pool.prestart();
  const found = await discoverFiles(source, req.roots, req.include, limits, { confineLinks: req.confineLinks, includeOption: req.includeOption });
  const index = new CorpusIndex();
  index.diagnostics = [...found.diagnostics];
  const total = found.files.length;
  const stats: IndexStats = { cached: 0, analysed: 0 };
  let done = 0;
  let cancelled = false;
  req.onProgress?.({ done, total });

  await Promise.all(
    found.files.map(async (path) => {
      if (cancelled || req.isCancelled?.()) {
        cancelled = true;
        pool.cancelPending();
        return;
      }
      try {
        await indexFile(index, pool, path, found.sizes.get(path) ?? 0, req, stats);
      } catch (err) {
        if (!(err instanceof CancelledError)) throw err;
        cancelled = true;
        return;
      }
      if (req.isCancelled?.()) {
        cancelled = true;
        pool.cancelPending();
        return;
      }
      done++;
      req.onProgress?.({ done, total, path });
    }),
  );
  const mergedFromCache = !cancelled && req.cacheDir !== undefined ? await deriveWithSnapshot(index, req.cacheDir, req.analyze ?? DEFAULT_ANALYZE_OPTIONS) : false;
  return { index, cancelled, files: found.files, ...stats, mergedFromCache };
}

/**
 * Derives the corpus views (in time slices) from the cache's merged-entities snapshot when it was
 * made for exactly these files, else merges and leaves a snapshot for the next reopen. A snapshot
 * that cannot be written only costs that reopen its merge. Returns whether the snapshot was used.
 */
async function deriveWithSnapshot(index: CorpusIndex, cacheDir: string, options: AnalyzeOptions): Promise<boolean> {
  const key = mergeKey(index.units(), options);
  const snapshot = key ? await readMergeSnapshot(cacheDir, key) : undefined;
  // Every article must be resolved by it; one that is not makes the snapshot unusable.
  const merged = snapshot && snapshot.resolve.size === index.size ? snapshot : undefined;
  index.mergeFrom(merged);
  await index.prepare();
  const fresh = index.takeMerged();
  if (key && fresh) await writeMergeSnapshot(cacheDir, key, fresh).catch(() => undefined);
  return merged !== undefined;
}
