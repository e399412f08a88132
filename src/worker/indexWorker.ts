import { statSync } from 'fs';
import type { LoadedFile } from '../core/corpus/load';
import { contentHash, parseBytes, readBytes } from '../core/corpus/load';
import { blockingNodeSource } from '../core/corpus/nodeSource';
import { cacheEntryText, cacheKey, discardCacheEntry, readCacheText } from '../core/index/analysisCache';
import type { ShardPart } from '../core/index/shardParts';
import { parseShard, shardLayout } from '../core/index/shardParts';
import type { AnalyzedFile, AnalyzeFileRequest, WorkerMessage, WorkerReply } from '../core/index/workerProtocol';
import type { Article } from '../core/model/types';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/nlp/analysis';
import { PendingWrites } from './pendingWrites';

/**
 * compromise reads process.env.DEBUG_TAGS for nearly every tag it sets, and in Node process.env is a
 * live view of the environment: each read is a call into it, about 100 ns. This process starts no
 * other and changes no variable, so a plain copy gives every reader the same values; the parse of
 * 800 BBC stories took 2671 ms with the live view, 2589 ms with the copy (best of 8 runs each).
 */
process.env = { ...process.env };

/** The requests received so far, chained so that each starts when the one before has been answered. */
let turn: Promise<void> = Promise.resolve();
/** Requests received and not yet answered. */
let queued = 0;
/** Cache entries analysed and not yet written (see pendingWrites.ts). */
const pending = new PendingWrites();
/**
 * How long a worker must have had nothing to do before it writes them. After a corpus's last file
 * the host still merges the analyses (about a second for 2,000 stories): entries written at once
 * took that CPU from the merge, and the index was ready no sooner than with writes between files.
 */
const IDLE_MS = 3000;

/**
 * Indexing worker: reads, parses and analyses one file (or one shard of a large JSONL or JSON file) per
 * request, answering from the persistent cache when the content has not changed. compromise is
 * loaded only on the first cache miss, so reopening an unchanged corpus never loads it.
 *
 * The pool sends requests, a batch at a time, before the earlier ones are answered; they are worked
 * through one at a time, in order, so the first request the pool has not heard back about is the
 * one running.
 */
process.on('message', (reqs: WorkerMessage) => {
  if (!Array.isArray(reqs)) {
    pending.writeAll();
    void send({ written: true });
    return;
  }
  clearTimeout(writer);
  queued += reqs.length;
  for (const req of reqs) turn = turn.then(() => handle(req).then(send)).then(answered);
});

/** The next turn of writing while idle; a new message calls it off. */
let writer: NodeJS.Timeout | undefined;

function answered(): void {
  if (--queued === 0 && pending.size) writer = setTimeout(writeWhileIdle, IDLE_MS);
}

/**
 * Writes waiting cache entries a slice at a time, once no request has come in for IDLE_MS and for
 * as long as none comes. (Between two batches of requests a worker also waits, about a millisecond,
 * for the pool's next message: no time to write then.)
 */
function writeWhileIdle(): void {
  if (!pending.writeSlice()) writer = setTimeout(writeWhileIdle, 0);
}

/**
 * The host has gone (closed the pool, or crashed): nothing is left to answer, and the cache
 * entries that wait are written before the worker ends.
 */
process.on('disconnect', () => {
  pending.writeAll();
  for (const f of pending.takeFailures()) process.stderr.write(`${f.path}: ${f.message}\n`);
  process.exit(0);
});

/**
 * Resolves once the reply is written to the channel. A large answer fills the pipe; the rest of it
 * is written only while this process's event loop turns, which it does not during an analysis, so
 * without the wait a reply (and the next file's "started") sat here until the next file was done.
 */
function send(reply: WorkerReply): Promise<void> {
  return new Promise((resolve) => {
    // The callback comes in every case, with an error when the channel has closed.
    if (process.send) process.send(reply, undefined, undefined, () => resolve());
    else resolve();
  });
}

type Analyze = (article: Article, options: AnalyzeOptions) => ArticleAnalysis;

const WARM_UP_TEXT =
  'Council approves budget\n\nThe city council approved a new budget on Monday, Mayor Anna Berg said. ' +
  'Officials from the Ministry of Finance met union leaders in Oslo next week to discuss the plan.\n';
const WARM_UP: Article = { id: 'warm-up', path: 'warm-up.txt', title: 'Council approves budget', source: null, date: '2024-01-31', text: WARM_UP_TEXT, format: 'txt', bodyStart: 25, bodyEnd: WARM_UP_TEXT.length };
let analyzeArticle: Analyze | undefined;

/**
 * The analysis function, loaded with its entity model on the first file that needs it. A model that
 * is missing or damaged fails every analysis with the reason, rather than quietly giving worse
 * entities.
 */
async function analyzer(): Promise<Analyze> {
  if (!analyzeArticle) {
    const [analyze, recogniser] = await Promise.all([import('../core/nlp/analyze'), import('../core/nlp/ner/recogniser')]);
    recogniser.loadNerModel(recogniser.packagedModelPath(__dirname));
    analyzeArticle = analyze.analyzeArticle;
  }
  return analyzeArticle;
}

async function handle(req: AnalyzeFileRequest): Promise<WorkerReply> {
  try {
    const result = await analyzeFile(req);
    // A cache entry that could not be written is told with the next file analysed (a hit's `file` is the entry's).
    if (!result.cached) result.file.diagnostics.push(...pending.takeFailures().map((f) => ({ ...f, severity: 'warning' as const })));
    return { id: req.id, ok: true, result };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * What this worker last read of a file for a request of a `sameRead` group: the shards of a large
 * file are requested together, and without this each shard read and hashed the whole file only to
 * find its cache entry (36 times 18.6 MB for Reuters on every reopen and Refresh). Only shards of
 * one group share it, and only while the file keeps its size and modification time.
 */
interface FileRead {
  group: number | undefined;
  path: string;
  size: number;
  mtimeMs: number;
  fileHash: string;
  /** The shards' parts of the file, for a sharded request. */
  layout?: ShardPart[];
}

let lastRead: FileRead | undefined;

function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readEarlier(req: AnalyzeFileRequest, st: { size: number; mtimeMs: number } | undefined): FileRead | undefined {
  const last = lastRead;
  if (!st || !last || req.sameRead === undefined || last.group !== req.sameRead || last.path !== req.path) return undefined;
  return st.size === last.size && st.mtimeMs === last.mtimeMs ? last : undefined;
}

/** Reads the file (its stat taken before, so a change after it is seen by the next request). */
async function readNow(req: AnalyzeFileRequest): Promise<{ bytes: Uint8Array; read: FileRead } | LoadedFile> {
  const st = statOf(req.path);
  const bytes = await readBytes(blockingNodeSource, req.path, req.limits);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const layout = req.shard ? shardLayout(req.path, bytes, req.shard.bytes, req.shard.count) : undefined;
  const read: FileRead = {
    group: req.sameRead,
    path: req.path,
    size: st?.size ?? -1,
    mtimeMs: st?.mtimeMs ?? -1,
    // The parts' hashes already cover the records' bytes: the file is not hashed a second time.
    fileHash: layout ? contentHash(layout.map((p) => p.hash).join(',')) : contentHash(bytes),
    layout,
  };
  if (req.sameRead !== undefined && st) lastRead = read;
  return { bytes, read };
}

/** The part of the file a request is about: its hash (the file's, or the shard's records'), and where a shard starts. */
function partOf(req: AnalyzeFileRequest, read: FileRead): { hash: string; part?: ShardPart } {
  if (!req.shard) return { hash: read.fileHash };
  const part = read.layout?.[req.shard.index];
  return part ? { hash: part.hash, part } : { hash: contentHash(new Uint8Array()) };
}

async function analyzeFile(req: AnalyzeFileRequest): Promise<AnalyzedFile> {
  if (req.warmOnly) {
    // A first parse builds compromise's lazy tables and leaves the JIT cold: run it now, on our own
    // text, so the next changed file is analysed at full speed (after a warm reopen, when every
    // file came from the cache, this worker has parsed nothing yet).
    (await analyzer())(WARM_UP, req.options);
    return { file: { path: req.path, hash: '', articles: [], diagnostics: [] }, analyses: [], cached: false };
  }
  let bytes: Uint8Array | undefined;
  let read = readEarlier(req, statOf(req.path));
  if (!read) {
    const got = await readNow(req);
    if (!('read' in got)) return { file: got, analyses: [], shard: req.shard, cached: false };
    ({ bytes, read } = got);
  }
  let { hash, part } = partOf(req, read);
  const answer = { shard: req.shard, fileHash: read.fileHash };
  const nothing = { path: req.path, hash, articles: [], diagnostics: [] };
  if (req.knownHash === hash) return { file: nothing, analyses: [], cached: true, unchanged: true, ...answer };
  const where = part ? { line: part.firstLine, record: part.firstRecord } : undefined;
  if (req.cacheDir && req.discardCache === undefined) {
    const entryKey = cacheKey(hash, req.path, where, req.options, req.read);
    const entryJson = pending.text(req.cacheDir, entryKey) ?? readCacheText(req.cacheDir, entryKey);
    if (entryJson !== undefined) return { file: nothing, analyses: [], entryJson, entryKey, cached: true, ...answer };
  }
  if (!bytes) {
    // A miss after an earlier read of the group: read again; a file that changed since answers
    // for its new version (fileHash tells the caller).
    const got = await readNow(req);
    if (!('read' in got)) return { file: got, analyses: [], shard: req.shard, cached: false };
    ({ bytes, read } = got);
    ({ hash, part } = partOf(req, read));
  }
  const key = req.cacheDir ? cacheKey(hash, req.path, part ? { line: part.firstLine, record: part.firstRecord } : undefined, req.options, req.read) : '';
  let cacheProblem: string | undefined;
  if (req.cacheDir && req.discardCache !== undefined) {
    pending.take(req.cacheDir, key);
    await discardCacheEntry(req.cacheDir, key);
    cacheProblem = `cache entry discarded (${req.discardCache}); re-analysed`;
  }
  const file = req.shard ? (part ? await parseShard(req.path, bytes, req.shard, part, req.read) : nothing) : await parseBytes(req.path, bytes, { hash, ...req.read });
  const analyses: ArticleAnalysis[] = [];
  const kept = [];
  const analyze = file.articles.length ? await analyzer() : undefined;
  if (analyze) await send({ id: req.id, started: true });
  for (const article of file.articles) {
    try {
      analyses.push((analyze as Analyze)(article, req.options));
      kept.push(article);
    } catch (err) {
      file.diagnostics.push({
        path: file.path,
        ...(article.line ? { line: article.line } : {}),
        severity: 'error',
        message: `analysis failed for "${article.title.slice(0, 60)}": ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  file.articles = kept;
  if (req.cacheDir) pending.add(req.cacheDir, key, cacheEntryText(key, file, analyses), req.path);
  if (cacheProblem) file.diagnostics.push({ path: req.path, severity: 'info', message: cacheProblem });
  return { file, analyses, cached: false, shard: req.shard, fileHash: read.fileHash };
}
