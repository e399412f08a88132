import { createHash, randomBytes } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import type { LoadedFile } from '../corpus/load';
import type { AnalyzeOptions, ArticleAnalysis } from '../nlp/analysis';
import { PIPELINE_VERSION } from '../nlp/analysis';
import type { Shard } from './workerProtocol';

/**
 * Per-file analysis cache on disk. An entry is keyed by the file's content hash, its path, the
 * shard, the analysis options and the pipeline version, so any change to one of them is a miss.
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

export function cacheKey(hash: string, filePath: string, shard: Shard | undefined, options: AnalyzeOptions): string {
  return createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, hash, filePath, shard ?? null, options]))
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
  try {
    return readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
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

function invalidEntry(e: unknown, key: string): string | undefined {
  if (!e || typeof e !== 'object') return 'not an object';
  const c = e as Partial<CacheEntry>;
  if (c.format !== 'news-lens-cache') return 'unknown format';
  if (c.version !== PIPELINE_VERSION) return `pipeline version ${String(c.version)}, expected ${PIPELINE_VERSION}`;
  if (c.key !== key) return 'key mismatch';
  const f = c.file;
  if (!f || !Array.isArray(f.articles) || !Array.isArray(f.diagnostics) || !Array.isArray(c.analyses)) return 'missing fields';
  if (c.analyses.length !== f.articles.length) return 'analyses do not match articles';
  for (let i = 0; i < f.articles.length; i++) {
    const a = f.articles[i];
    const an = c.analyses[i];
    if (!a || typeof a.text !== 'string' || typeof a.id !== 'string') return 'bad article';
    if (!an || an.articleId !== a.id || !Array.isArray(an.mentions) || !Array.isArray(an.entities) || !Array.isArray(an.sentences)) return 'bad analysis';
    for (const m of an.mentions) if (a.text.slice(m.start, m.end) !== m.text) return 'mention offsets do not match the text';
  }
  return undefined;
}

export async function writeCacheEntry(dir: string, key: string, file: LoadedFile, analyses: ArticleAnalysis[]): Promise<void> {
  const target = entryPath(dir, key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const entry: CacheEntry = { format: 'news-lens-cache', version: PIPELINE_VERSION, key, file, analyses };
  try {
    await fs.writeFile(tmp, JSON.stringify(entry));
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
