import { discoverFiles } from '../corpus/discover';
import type { CorpusSource, LoadLimits } from '../corpus/source';
import { DEFAULT_LIMITS } from '../corpus/source';
import type { Diagnostic } from '../model/types';
import type { AnalyzeOptions } from '../nlp/analysis';
import { DEFAULT_ANALYZE_OPTIONS } from '../nlp/analysis';
import { CorpusIndex } from './corpusIndex';
import type { WorkerPool } from './workerPool';
import { CancelledError } from './workerPool';

export interface IndexProgress {
  done: number;
  total: number;
  path?: string;
}

export interface IndexRequest {
  roots: string[];
  include?: string;
  limits?: LoadLimits;
  analyze?: AnalyzeOptions;
  onProgress?: (p: IndexProgress) => void;
  isCancelled?: () => boolean;
}

export interface IndexOutcome {
  index: CorpusIndex;
  cancelled: boolean;
}

/** Discovers the corpus and analyses every file in the pool, building a fresh index. */
export async function indexCorpus(source: CorpusSource, pool: WorkerPool, req: IndexRequest): Promise<IndexOutcome> {
  const limits = req.limits ?? DEFAULT_LIMITS;
  const options = req.analyze ?? DEFAULT_ANALYZE_OPTIONS;
  const found = await discoverFiles(source, req.roots, req.include, limits);
  const index = new CorpusIndex();
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const total = found.files.length;
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
        const result = await pool.analyzeFile(path, limits, options);
        if (req.isCancelled?.()) {
          cancelled = true;
          pool.cancelPending();
          return;
        }
        index.setFile(path, result.file.articles, result.analyses);
        diagnostics.push(...result.file.diagnostics);
      } catch (err) {
        if (err instanceof CancelledError) {
          cancelled = true;
          return;
        }
        diagnostics.push({ path, severity: 'error', message: err instanceof Error ? err.message : String(err) });
      }
      done++;
      req.onProgress?.({ done, total, path });
    }),
  );
  index.diagnostics = diagnostics;
  return { index, cancelled };
}
