import { discoverFiles } from '../corpus/discover';
import type { ReadOptions } from '../corpus/read';
import type { CorpusSource, LoadLimits } from '../corpus/source';
import { DEFAULT_LIMITS } from '../corpus/source';
import type { Diagnostic } from '../model/types';
import type { AnalyzeOptions } from '../nlp/analysis';
import { DEFAULT_ANALYZE_OPTIONS } from '../nlp/analysis';
import { CorpusIndex } from './corpusIndex';
import { cacheDirProblem } from './analysisCache';
import type { CurationInput } from './curation';
import { mergeKey, readMergeSnapshot, writeMergeSnapshot } from './mergeSnapshot';
import type { WorkerPool } from './workerPool';
import { CancelledError } from './workerPool';
import type { Shard } from './shards';
import { shardsFor } from './shards';
import type { AnalyzedFile } from './workerProtocol';

export interface IndexProgress {
  done: number;
  total: number;
  path?: string;
}

export interface IndexSettings {
  limits?: LoadLimits;
  analyze?: AnalyzeOptions;
  /** How files are read (record field names). */
  read?: ReadOptions;
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
  /** Corrections for the new index: its views are derived with them. */
  curation?: CurationInput;
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

let nextRead = 1;

interface ShardOutcome {
  result?: AnalyzedFile;
  diagnostics: Diagnostic[];
  /** What the pool said when its worker failed on this shard (a time-out, out of memory). */
  failure?: string;
}

/** The versions of the file the answers read (undefined: one could not read the file); a worker that failed read none. */
function versions(outcomes: ShardOutcome[]): Set<string | undefined> {
  return new Set(outcomes.flatMap((o) => (o.result ? [o.result.fileHash] : [])));
}

/** Each problem once: the shards of a file that cannot be read each say so. */
function distinct(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.severity, d.line ?? null, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Analyses one file (all its shards) in the pool and puts the result into `index`, replacing what
 * the file contributed before. Its diagnostics replace the file's old ones. The shards of a file
 * must all come from one version of it: a file changed or deleted while they were read is read
 * again, and skipped whole, with one message, if it is still changing. Cancellation and worker
 * failures become diagnostics or a CancelledError; nothing else is touched.
 */
export async function indexFile(index: CorpusIndex, pool: WorkerPool, path: string, size: number, settings: IndexSettings, stats?: IndexStats): Promise<void> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const shards = shardsFor(path, size, limits);
  let outcomes = await readShards(pool, path, size, shards, settings);
  if (versions(outcomes).size > 1) outcomes = await readShards(pool, path, size, shards, settings);
  index.deleteFile(path);
  let diagnostics: Diagnostic[];
  if (versions(outcomes).size > 1) {
    diagnostics = [{ path, severity: 'error', message: 'skipped: the file changed while it was being indexed (its parts came from different versions of it); it is read again when it changes' }];
  } else {
    diagnostics = [...outcomes.flatMap((o) => o.diagnostics), ...failedParts(path, size, shards, outcomes)];
    for (const { result: r } of outcomes) {
      if (!r) continue;
      if (stats) stats[r.cached ? 'cached' : 'analysed']++;
      const own = r.unchanged && settings.previous ? index.adopt(path, r.shard, settings.previous) : undefined;
      if (own) diagnostics.push(...own);
      // A file read with problems only is kept too (with its hash), so a refresh finds its problems unchanged.
      else if (r.file.articles.length || (r.file.hash && r.file.diagnostics.length)) index.setFile(path, r.file.articles, r.analyses, r.shard, r.file.hash, r.file.diagnostics);
    }
  }
  index.diagnostics = [...index.diagnostics.filter((d) => d.path !== path), ...distinct(diagnostics)];
}

/**
 * What the workers that failed on a file cost: the pool says "file skipped", which is true of a
 * file read whole, but a failed shard loses only its own records; the 120 s limit met by a few
 * shards of a large file on a busy machine was reported as the whole file skipped, once. So the
 * message says how many parts of the file, and which of its bytes, were skipped.
 */
function failedParts(path: string, size: number, shards: (Shard | undefined)[], outcomes: ShardOutcome[]): Diagnostic[] {
  const byFailure = new Map<string, number[]>();
  outcomes.forEach((o, i) => {
    if (o.failure !== undefined) byFailure.set(o.failure, [...(byFailure.get(o.failure) ?? []), i]);
  });
  return [...byFailure].map(([failure, failed]) => {
    const shard = shards[failed[0]];
    if (!shard || failed.length === shards.length) return { path, severity: 'error', message: failure };
    const runs: [number, number][] = [];
    for (const i of failed) {
      const last = runs[runs.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else runs.push([i, i]);
    }
    const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);
    const ranges = runs.map(([a, b]) => `${mb(a * shard.bytes)}–${mb(Math.min(size, (b + 1) * shard.bytes))} MB`).join(', ');
    const message = `${failure.replace(/; file skipped$/, '')}; ${failed.length} of the file's ${shards.length} parts skipped (the records starting in ${ranges}), the others loaded`;
    return { path, severity: 'error', message };
  });
}

/** Asks the pool for every shard of a file (or the file whole), as one read group. */
function readShards(pool: WorkerPool, path: string, size: number, shards: (Shard | undefined)[], settings: IndexSettings): Promise<ShardOutcome[]> {
  const limits = settings.limits ?? DEFAULT_LIMITS;
  const options = settings.analyze ?? DEFAULT_ANALYZE_OPTIONS;
  const previous = settings.previous;
  const sameRead = shards.length > 1 ? nextRead++ : undefined;
  return Promise.all(
    shards.map(async (shard): Promise<ShardOutcome> => {
      try {
        const knownHash = previous?.hashOf(path, shard);
        const request = { path, shard, limits, options, read: settings.read, cacheDir: settings.cacheDir, knownHash, sameRead, bytes: shard ? shard.bytes : size };
        let r = await pool.analyzeFile(request);
        if (r.corruptEntry !== undefined) r = await pool.analyzeFile({ ...request, discardCache: r.corruptEntry });
        return { result: r, diagnostics: r.unchanged ? [] : r.file.diagnostics };
      } catch (err) {
        if (err instanceof CancelledError) throw err;
        return { diagnostics: [], failure: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
}

/** Discovers the corpus and analyses every file in the pool, building a fresh index. */
export async function indexCorpus(source: CorpusSource, pool: WorkerPool, req: IndexRequest): Promise<IndexOutcome> {
  const limits = req.limits ?? DEFAULT_LIMITS;
  pool.prestart();
  const found = await discoverFiles(source, req.roots, req.include, limits, {
    confineLinks: req.confineLinks,
    includeOption: req.includeOption,
    skipDirs: req.cacheDir ? [req.cacheDir] : undefined,
  });
  const index = new CorpusIndex();
  index.diagnostics = [...found.diagnostics];
  // A cache folder that cannot be used is one warning, and the load goes on without a cache.
  const cacheProblem = req.cacheDir === undefined ? undefined : await cacheDirProblem(req.cacheDir);
  if (cacheProblem) index.diagnostics.push({ path: req.cacheDir as string, severity: 'warning', message: `analyses are not cached: ${cacheProblem}` });
  const settings: IndexRequest = cacheProblem ? { ...req, cacheDir: undefined } : req;
  if (req.curation) index.setCuration(req.curation);
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
        await indexFile(index, pool, path, found.sizes.get(path) ?? 0, settings, stats);
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
  const mergedFromCache = !cancelled && settings.cacheDir !== undefined ? await deriveWithSnapshot(index, settings.cacheDir, req.analyze ?? DEFAULT_ANALYZE_OPTIONS, req.read) : false;
  return { index, cancelled, files: found.files, ...stats, mergedFromCache };
}

/**
 * Derives the corpus views (in time slices) from the cache's merged-entities snapshot when it was
 * made for exactly these files, else merges and leaves a snapshot for the next reopen. A snapshot
 * that cannot be written only costs that reopen its merge. Returns whether the snapshot was used.
 */
async function deriveWithSnapshot(index: CorpusIndex, cacheDir: string, options: AnalyzeOptions, read?: ReadOptions): Promise<boolean> {
  const key = mergeKey(index.units(), options, read);
  const snapshot = key ? await readMergeSnapshot(cacheDir, key) : undefined;
  // Every article must be resolved by it; one that is not makes the snapshot unusable.
  const merged = snapshot && snapshot.resolve.size === index.size ? snapshot : undefined;
  index.mergeFrom(merged);
  await index.prepare();
  const fresh = index.takeMerged();
  if (key && fresh) await writeMergeSnapshot(cacheDir, key, fresh).catch(() => undefined);
  return merged !== undefined;
}
