import { createHash, randomBytes } from 'crypto';
import { constants as fsConstants, promises as fs, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import { READER_VERSION } from '../corpus/formats';
import type { LoadedFile } from '../corpus/load';
import type { ReadOptions } from '../corpus/read';
import type { Span } from '../model/types';
import type { AnalyzeOptions, ArticleAnalysis } from '../nlp/analysis';
import { PIPELINE_VERSION } from '../nlp/analysis';
import { analysis, article, diagnostic, list, shape, str } from './shapes';

/**
 * Per-file analysis cache on disk. An entry is keyed by the content hash of the file (or of a
 * shard's records, with the line and record they start at), its path, the analysis and reading
 * options and the pipeline and reader versions, so any change to one of them is a miss.
 * Entries are written to a temporary file and renamed into place, so a crash mid-write leaves no
 * torn entry; an entry that does not parse or does not match its key is deleted, never trusted.
 */
export interface CacheEntry {
  format: 'news-lens-cache';
  version: number;
  key: string;
  file: LoadedFile;
  analyses: ArticleAnalysis[];
}

/** Where a shard's records start in their file: they take their lines and ids from it. */
export interface PartStart {
  line: number;
  record: number;
}

export function cacheKey(hash: string, filePath: string, part: PartStart | undefined, options: AnalyzeOptions, read: ReadOptions = {}): string {
  return createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, READER_VERSION, hash, filePath, part ? [part.line, part.record] : null, options, read]))
    .digest('hex');
}

function entryPath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

export type CacheRead = { status: 'hit'; entry: CacheEntry } | { status: 'miss' } | { status: 'corrupt'; reason: string };

/**
 * The text of an entry, or undefined when there is none. A blocking read: only indexing workers
 * read the cache (see blockingNodeSource), and they pass the text on unparsed; the caller, which
 * needs the objects anyway, parses and checks it with `parseCacheEntry`.
 */
export function readCacheText(dir: string, key: string): string | undefined {
  const file = entryPath(dir, key);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // The modification time says when an entry was last used: pruning removes the least recently used.
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // An entry that cannot be touched is only pruned earlier than it might be.
  }
  return text;
}

/** Parses an entry's text and checks it against its key, its pipeline version and its own texts. */
export function parseCacheEntry(raw: string, key: string): Exclude<CacheRead, { status: 'miss' }> {
  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return { status: 'corrupt', reason: 'not valid JSON' };
  }
  const why = invalidEntry(entry, key);
  return why ? { status: 'corrupt', reason: why } : { status: 'hit', entry: entry as CacheEntry };
}

/** Deletes an entry that failed its checks: it is never trusted, and the next write replaces it. */
export async function discardCacheEntry(dir: string, key: string): Promise<void> {
  await fs.rm(entryPath(dir, key), { force: true });
}

const entryFile = shape({ path: str, hash: str, articles: list(article), diagnostics: list(diagnostic) });

/** Whether every span lies inside the text, in order. */
function inside(spans: Span[], length: number): boolean {
  return spans.every((s) => s.start <= s.end && s.end <= length);
}

/**
 * Why an entry cannot be trusted, or undefined: its shape (every field the index reads), its key
 * and version, and that every offset of its analyses lies in, and slices to, its article's text
 * (which also catches texts swapped between articles).
 */
function invalidEntry(e: unknown, key: string): string | undefined {
  if (!e || typeof e !== 'object') return 'not an object';
  const c = e as Partial<CacheEntry>;
  if (c.format !== 'news-lens-cache') return 'unknown format';
  if (c.version !== PIPELINE_VERSION) return `pipeline version ${String(c.version)}, expected ${PIPELINE_VERSION}`;
  if (c.key !== key) return 'key mismatch';
  const wrong = entryFile(c.file, 'file') ?? list(analysis)(c.analyses, 'analyses');
  if (wrong) return wrong;
  const f = c.file as LoadedFile;
  const analyses = c.analyses as ArticleAnalysis[];
  if (analyses.length !== f.articles.length) return 'analyses do not match articles';
  for (let i = 0; i < f.articles.length; i++) {
    const a = f.articles[i];
    const an = analyses[i];
    const n = a.text.length;
    if (an.articleId !== a.id) return 'bad analysis';
    if (a.bodyStart > a.bodyEnd || a.bodyEnd > n) return 'body outside the text';
    if (!inside(an.sentences, n) || !inside(an.summary, n)) return 'sentences outside the text';
    if (!inside(an.excluded, n)) return 'excluded spans outside the text';
    const keys = new Set(an.entities.map((x) => x.key));
    for (const m of an.mentions) {
      if (a.text.slice(m.start, m.end) !== m.text) return 'mention offsets do not match the text';
      if (!keys.has(m.key)) return 'a mention of no entity';
    }
    for (const ev of an.events) {
      if (a.text.slice(ev.trigger.start, ev.trigger.end) !== ev.trigger.text) return 'trigger offsets do not match the text';
      if (!inside([ev.sentence], n)) return 'event sentence outside the text';
      if (![...ev.who, ...ev.whom, ...ev.where].every((k) => keys.has(k))) return 'an event of no entity';
    }
  }
  return undefined;
}

/** Why the cache folder cannot be used (it is created when missing), or undefined when it can. */
export async function cacheDirProblem(dir: string): Promise<string | undefined> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fsConstants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return `${dir} is a file, not a folder`;
    if (code === 'EACCES' || code === 'EPERM') return `no permission to write in ${dir}`;
    return `${dir}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** An entry's text, as it is written to the cache folder. */
export function cacheEntryText(key: string, file: LoadedFile, analyses: ArticleAnalysis[]): string {
  const entry: CacheEntry = { format: 'news-lens-cache', version: PIPELINE_VERSION, key, file, analyses };
  return JSON.stringify(entry);
}

/**
 * Writes an entry's text with blocking calls, as entries are read: only indexing workers write,
 * mostly when they have nothing to analyse (see worker/pendingWrites.ts), and each asynchronous
 * step (folder, write, rename) would be a round trip through libuv's shared thread pool.
 */
export function writeCacheText(dir: string, key: string, text: string): void {
  const target = entryPath(dir, key);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** What the CLI and the extension keep of a cache folder, unless told otherwise. */
export const DEFAULT_CACHE_MAX_MB = 1024;

export interface PruneOptions {
  /** The folder is pruned down to this many bytes of entries. */
  maxBytes: number;
  /** Entries used at or after this time (ms since the epoch) are kept whatever the size: the current load's. */
  keepSince?: number;
}

export interface PruneResult {
  removed: number;
  removedBytes: number;
  kept: number;
  keptBytes: number;
}

/** Temporary files of a write that never finished are removed once this old. */
const STALE_TMP_MS = 60 * 60 * 1000;

/**
 * Removes the least recently used entries (by modification time: reading an entry touches it)
 * until the entries take at most `maxBytes`, and temporary files left by interrupted writes. The
 * merged-entities snapshot is one file, replaced by every complete load, and stays.
 */
export async function pruneCache(dir: string, options: PruneOptions): Promise<PruneResult> {
  const entries: { file: string; size: number; used: number }[] = [];
  const result: PruneResult = { removed: 0, removedBytes: 0, kept: 0, keptBytes: 0 };
  const now = Date.now();
  let folders: string[];
  try {
    folders = (await fs.readdir(dir)).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return result;
  }
  for (const folder of folders) {
    const names = await fs.readdir(path.join(dir, folder)).catch(() => [] as string[]);
    const stats = await Promise.all(names.map((name) => fs.stat(path.join(dir, folder, name)).then((st) => ({ name, st }), () => undefined)));
    for (const found of stats) {
      if (!found || !found.st.isFile()) continue;
      const file = path.join(dir, folder, found.name);
      if (found.name.endsWith('.tmp')) {
        if (now - found.st.mtimeMs > STALE_TMP_MS && (await fs.rm(file, { force: true }).then(() => true, () => false))) {
          result.removed++;
          result.removedBytes += found.st.size;
        }
        continue;
      }
      if (/^[0-9a-f]{40}\.json$/.test(found.name)) entries.push({ file, size: found.st.size, used: found.st.mtimeMs });
    }
  }
  let total = entries.reduce((n, e) => n + e.size, 0);
  entries.sort((a, b) => a.used - b.used);
  for (const e of entries) {
    if (total > options.maxBytes && !(options.keepSince !== undefined && e.used >= options.keepSince) && (await fs.rm(e.file, { force: true }).then(() => true, () => false))) {
      total -= e.size;
      result.removed++;
      result.removedBytes += e.size;
    } else {
      result.kept++;
      result.keptBytes += e.size;
    }
  }
  return result;
}
