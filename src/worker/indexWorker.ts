import { parentPort } from 'worker_threads';
import { contentHash, parseBytes, readBytes } from '../core/corpus/load';
import { blockingNodeSource } from '../core/corpus/nodeSource';
import { cacheKey, discardCacheEntry, readCacheText, writeCacheEntry } from '../core/index/analysisCache';
import type { AnalyzedFile, AnalyzeFileRequest, WorkerReply } from '../core/index/workerProtocol';
import { inShard } from '../core/index/workerProtocol';
import type { Article } from '../core/model/types';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/nlp/analysis';

/**
 * Indexing worker: reads, parses and analyses one file (or one shard of a large JSONL file) per
 * request, answering from the persistent cache when the content has not changed. compromise is
 * loaded only on the first cache miss, so reopening an unchanged corpus never loads it.
 */
parentPort?.on('message', (req: AnalyzeFileRequest) => {
  void handle(req).then((reply) => parentPort?.postMessage(reply));
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

async function analyzeFile(req: AnalyzeFileRequest): Promise<AnalyzedFile> {
  if (req.warmOnly) {
    // A first parse builds compromise's lazy tables and leaves the JIT cold: run it now, on our own
    // text, so the next changed file is analysed at full speed (after a warm reopen, when every
    // file came from the cache, this worker has parsed nothing yet).
    (await analyzer())(WARM_UP, req.options);
    return { file: { path: req.path, hash: '', articles: [], diagnostics: [] }, analyses: [], cached: false };
  }
  const bytes = await readBytes(blockingNodeSource, req.path, req.limits);
  if (!(bytes instanceof Uint8Array)) return { file: bytes, analyses: [], shard: req.shard, cached: false };
  const hash = contentHash(bytes);
  if (req.knownHash === hash) return { file: { path: req.path, hash, articles: [], diagnostics: [] }, analyses: [], shard: req.shard, cached: true, unchanged: true };
  const key = req.cacheDir ? cacheKey(hash, req.path, req.shard, req.options) : '';
  let cacheProblem: string | undefined;
  if (req.cacheDir && req.discardCache !== undefined) {
    await discardCacheEntry(req.cacheDir, key);
    cacheProblem = `cache entry discarded (${req.discardCache}); re-analysed`;
  } else if (req.cacheDir) {
    const entryJson = readCacheText(req.cacheDir, key);
    if (entryJson !== undefined) return { file: { path: req.path, hash, articles: [], diagnostics: [] }, analyses: [], entryJson, entryKey: key, shard: req.shard, cached: true };
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
