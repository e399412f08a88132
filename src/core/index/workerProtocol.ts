import type { LoadedFile } from '../corpus/load';
import type { ReadOptions } from '../corpus/read';
import type { LoadLimits } from '../corpus/source';
import type { AnalyzeOptions, ArticleAnalysis } from '../nlp/analysis';
import { parseCacheEntry } from './analysisCache';
import type { Shard } from './shards';

/** Messages between the pool and an indexing worker. */
export interface AnalyzeFileRequest {
  id: number;
  path: string;
  shard?: Shard;
  limits: LoadLimits;
  options: AnalyzeOptions;
  /** How files are read (record field names): part of the cache key, as `options` is. */
  read?: ReadOptions;
  /** Folder of the persistent analysis cache, when there is one. */
  cacheDir?: string;
  /** Only load and warm up the analyser (so the next change is analysed without start-up delay); no file. */
  warmOnly?: boolean;
  /** The hash the caller already has analyses for: when the file still has it, nothing is sent back. */
  knownHash?: string;
  /** The file's cache entry failed its checks for this reason (see `received`): delete it and analyse the file. */
  discardCache?: string;
  /** Requests for the shards of one file at one time share this number: a worker hashes the file once for all of them. */
  sameRead?: number;
  /** Bytes of the file (of the shard) as discovered: the pool never queues work behind, or next to, a large one. */
  bytes?: number;
}

/** Asks a worker to write the cache entries it holds now (worker/pendingWrites.ts); it answers `{ written: true }`. */
export interface WriteCacheRequest {
  writeCache: true;
}

/** What the pool sends a worker: requests, a batch at a time, or a `WriteCacheRequest`. */
export type WorkerMessage = AnalyzeFileRequest[] | WriteCacheRequest;

export type WorkerReply =
  | { id: number; ok: true; result: AnalyzedFile }
  | { id: number; ok: false; error: string }
  /** The file is read and the analyser loaded: the per-file analysis time limit starts now. */
  | { id: number; started: true }
  /** The cache entries it held are written. */
  | { written: true };

export interface AnalyzedFile {
  file: LoadedFile;
  analyses: ArticleAnalysis[];
  shard?: Shard;
  /** True when the analyses came from the cache rather than from running NLP. */
  cached: boolean;
  /**
   * sha1 of the whole file as this answer read it (absent when it could not be read): the shards
   * of one file must all come from the same version of it.
   */
  fileHash?: string;
  /** The file still has `knownHash`: `file` holds only path and hash, the caller keeps what it has. */
  unchanged?: boolean;
  /**
   * A cache hit travels as the entry's JSON text (with its key) instead of `file` and `analyses`:
   * the worker neither parses nor serialises it, and copying a string to the calling thread and
   * parsing it there costs less than structured-cloning the objects. See `received`.
   */
  entryJson?: string;
  entryKey?: string;
  /** Set by `received` when `entryJson` failed its checks: the caller asks again with `discardCache`. */
  corruptEntry?: string;
}

/** A worker's answer as the caller uses it: a cache hit's text parsed and checked into `file` and `analyses`. */
export function received(result: AnalyzedFile): AnalyzedFile {
  if (result.entryJson === undefined) return result;
  const read = parseCacheEntry(result.entryJson, result.entryKey ?? '');
  if (read.status === 'corrupt') return { ...result, entryJson: undefined, cached: false, corruptEntry: read.reason };
  return { ...result, file: read.entry.file, analyses: read.entry.analyses, entryJson: undefined };
}
