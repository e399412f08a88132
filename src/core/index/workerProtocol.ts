import type { LoadedFile } from '../corpus/load';
import type { LoadLimits } from '../corpus/source';
import type { ArticleAnalysis } from '../nlp/analysis';
import type { AnalyzeOptions } from '../nlp/analysis';

/** Messages between the pool and an indexing worker. */
export interface AnalyzeFileRequest {
  id: number;
  path: string;
  limits: LoadLimits;
  options: AnalyzeOptions;
}

export type WorkerReply =
  | { id: number; ok: true; file: LoadedFile; analyses: ArticleAnalysis[] }
  | { id: number; ok: false; error: string };

export interface AnalyzedFile {
  file: LoadedFile;
  analyses: ArticleAnalysis[];
}
