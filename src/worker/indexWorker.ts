import { statSync } from 'fs';
import { parentPort } from 'worker_threads';
import { contentHash, parseBytes, readBytes } from '../core/corpus/load';
import { blockingNodeSource } from '../core/corpus/nodeSource';
import { cacheKey, discardCacheEntry, readCacheText, writeCacheEntry } from '../core/index/analysisCache';
import type { AnalyzedFile, AnalyzeFileRequest, WorkerReply } from '../core/index/workerProtocol';
import { inShard } from '../core/index/workerProtocol';
import type { Article } from '../core/model/types';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/nlp/analysis';

/** The requests received so far, chained so that each starts when the one before has been answered. */
let turn: Promise<void> = Promise.resolve();

/**
 * Indexing worker: reads, parses and analyses one file (or one shard of a large JSONL file) per
 * request, answering from the persistent cache when the content has not changed. compromise is
 * loaded only on the first cache miss, so reopening an unchanged corpus never loads it.
 *
 * The pool sends requests, a batch at a time, before the earlier ones are answered; they are worked
 * through one at a time, in order, so the first request the pool has not heard back about is the
 * one running.
 */
parentPort?.on('message', (reqs: AnalyzeFileRequest[]) => {
  for (const req of reqs) turn = turn.then(() => handle(req).then((reply) => parentPort?.postMessage(reply)));
});

type Analyze = (article: Article, options: AnalyzeOptions) => ArticleAnalysis;

const WARM_UP_TEXT =
  'Council approves budget\n\nThe city council approved a new budget on Monday, Mayor Anna Berg said. ' +
  'Officials from the Ministry of Finance met union leaders in Oslo next week to discuss the plan.\n';
const WARM_UP: Article = { id: 'warm-up', path: 'warm-up.txt', title: 'Council approves budget', source: null, date: '2024-01-31', text: WARM_UP_TEXT, format: 'txt', bodyStart: 25, bodyEnd: WARM_UP_TEXT.length };
let analyzeArticle: Analyze | undefined;

async function analyzer(): Promise<Analyze> {
  if (!analyzeArticle) analyzeArticle = (await import('../core/nlp/analyze')).analyzeArticle;
  return analyzeArticle;
}

async function handle(req: AnalyzeFileRequest): Promise<WorkerReply> {
  try {
    return { id: req.id, ok: true, result: await analyzeFile(req) };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The file this worker last hashed for a request of the same `sameRead` group: the shards of a
 * large JSONL file are requested together, and without this each shard read and hashed the whole
 * file only to find its cache entry (36 times 18.6 MB for Reuters on every reopen and Refresh). Only
 * shards of one group share it, and only while the file keeps its size and modification time.
 */
let lastRead: { group: number; path: string; size: number; mtimeMs: number; hash: string } | undefined;

function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function hashReadEarlier(req: AnalyzeFileRequest, st: { size: number; mtimeMs: number } | undefined): string | undefined {
  const last = lastRead;
  if (!st || !last || req.discardCache !== undefined || last.group !== req.sameRead || last.path !== req.path) return undefined;
  return st.size === last.size && st.mtimeMs === last.mtimeMs ? last.hash : undefined;
}

/** The answer when the caller already has this content, or the cache has it; undefined means analyse. */
function fromHash(req: AnalyzeFileRequest, hash: string): AnalyzedFile | undefined {
  const file = { path: req.path, hash, articles: [], diagnostics: [] };
  if (req.knownHash === hash) return { file, analyses: [], shard: req.shard, cached: true, unchanged: true };
  if (!req.cacheDir || req.discardCache !== undefined) return undefined;
  const entryKey = cacheKey(hash, req.path, req.shard, req.options);
  const entryJson = readCacheText(req.cacheDir, entryKey);
  return entryJson === undefined ? undefined : { file, analyses: [], entryJson, entryKey, shard: req.shard, cached: true };
}

async function analyzeFile(req: AnalyzeFileRequest): Promise<AnalyzedFile> {
  if (req.warmOnly) {
    // A first parse builds compromise's lazy tables and leaves the JIT cold: run it now, on our own
    // text, so the next changed file is analysed at full speed (after a warm reopen, when every
    // file came from the cache, this worker has parsed nothing yet).
    (await analyzer())(WARM_UP, req.options);
    return { file: { path: req.path, hash: '', articles: [], diagnostics: [] }, analyses: [], cached: false };
  }
  // Taken before reading: if the file changes after it, the next shard sees another stat and reads again.
  const st = req.sameRead === undefined ? undefined : statOf(req.path);
  const earlier = hashReadEarlier(req, st);
  if (earlier !== undefined) {
    const answer = fromHash(req, earlier);
    if (answer) return answer;
  }
  const bytes = await readBytes(blockingNodeSource, req.path, req.limits);
  if (!(bytes instanceof Uint8Array)) return { file: bytes, analyses: [], shard: req.shard, cached: false };
  const hash = contentHash(bytes);
  lastRead = st && req.sameRead !== undefined ? { group: req.sameRead, path: req.path, size: st.size, mtimeMs: st.mtimeMs, hash } : lastRead;
  const answer = hash === earlier ? undefined : fromHash(req, hash);
  if (answer) return answer;
  const key = req.cacheDir ? cacheKey(hash, req.path, req.shard, req.options) : '';
  let cacheProblem: string | undefined;
  if (req.cacheDir && req.discardCache !== undefined) {
    await discardCacheEntry(req.cacheDir, key);
    cacheProblem = `cache entry discarded (${req.discardCache}); re-analysed`;
  }
  const shard = req.shard;
  const file = parseBytes(req.path, bytes, hash, shard ? (line) => inShard(line, shard) : undefined);
  if (shard) file.diagnostics = file.diagnostics.filter((d) => d.line !== undefined || shard.index === 0);
  const analyses: ArticleAnalysis[] = [];
  const kept = [];
  const analyze = file.articles.length ? await analyzer() : undefined;
  if (analyze) parentPort?.postMessage({ id: req.id, started: true } satisfies WorkerReply);
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
  if (req.cacheDir) {
    try {
      await writeCacheEntry(req.cacheDir, key, file, analyses);
    } catch (err) {
      file.diagnostics.push({ path: req.path, severity: 'warning', message: `could not write the analysis cache: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  if (cacheProblem) file.diagnostics.push({ path: req.path, severity: 'info', message: cacheProblem });
  return { file, analyses, shard: req.shard, cached: false };
}
