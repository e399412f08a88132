import type { LoadedFile } from '../corpus/load';
import type { CacheEntry } from './analysisCache';
import type { LoadLimits } from '../corpus/source';
import type { AnalyzeOptions, ArticleAnalysis } from '../nlp/analysis';

/** Large JSONL files are indexed as several shards: records whose line number ≡ index (mod count). */
export interface Shard {
  index: number;
  count: number;
}

/** Messages between the pool and an indexing worker. */
export interface AnalyzeFileRequest {
  id: number;
  path: string;
  shard?: Shard;
  limits: LoadLimits;
  options: AnalyzeOptions;
  /** Folder of the persistent analysis cache, when there is one. */
  cacheDir?: string;
  /** Only load and warm up the analyser (so the next change is analysed without start-up delay); no file. */
  warmOnly?: boolean;
  /** The hash the caller already has analyses for: when the file still has it, nothing is sent back. */
  knownHash?: string;
}

export type WorkerReply =
  | { id: number; ok: true; result: AnalyzedFile }
  | { id: number; ok: false; error: string }
  /** The file is read and the analyser loaded: the per-file analysis time limit starts now. */
  | { id: number; started: true };

export interface AnalyzedFile {
  file: LoadedFile;
  analyses: ArticleAnalysis[];
  shard?: Shard;
  /** True when the analyses came from the cache rather than from running NLP. */
  cached: boolean;
  /** The file still has `knownHash`: `file` holds only path and hash, the caller keeps what it has. */
  unchanged?: boolean;
  /**
   * A cache hit travels as the entry's JSON text instead of `file` and `analyses`: copying a
   * string to the calling thread and parsing it there costs less than structured-cloning the
   * parsed objects, and the worker skips serialising them. See `received`.
   */
  entryJson?: string;
}

/** A worker's answer as the caller uses it: a cache hit's entry parsed into `file` and `analyses`. */
export function received(result: AnalyzedFile): AnalyzedFile {
  if (result.entryJson === undefined) return result;
  const entry = JSON.parse(result.entryJson) as CacheEntry;
  return { ...result, file: entry.file, analyses: entry.analyses, entryJson: undefined };
}

export function inShard(line: number | undefined, shard: Shard | undefined): boolean {
  return !shard || ((line ?? 1) - 1) % shard.count === shard.index;
}
