import { parentPort } from 'worker_threads';
import { loadFile } from '../core/corpus/load';
import { nodeSource } from '../core/corpus/nodeSource';
import type { AnalyzeFileRequest, WorkerReply } from '../core/index/workerProtocol';
import type { ArticleAnalysis } from '../core/nlp/analysis';
import { analyzeArticle } from '../core/nlp/analyze';

/** Indexing worker: reads, parses and analyses one file per request. compromise loads only here. */
parentPort?.on('message', (req: AnalyzeFileRequest) => {
  void handle(req).then((reply) => parentPort?.postMessage(reply));
});

async function handle(req: AnalyzeFileRequest): Promise<WorkerReply> {
  try {
    const file = await loadFile(nodeSource, req.path, req.limits);
    const analyses: ArticleAnalysis[] = [];
    for (const article of file.articles) {
      try {
        analyses.push(analyzeArticle(article, req.options));
      } catch (err) {
        file.diagnostics.push({
          path: file.path,
          ...(article.line ? { line: article.line } : {}),
          severity: 'error',
          message: `analysis failed for "${article.title.slice(0, 60)}": ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
    const analysed = new Set(analyses.map((a) => a.articleId));
    file.articles = file.articles.filter((a) => analysed.has(a.id));
    return { id: req.id, ok: true, file, analyses };
  } catch (err) {
    return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
