import type { LoadedCorpus } from '../corpus/load';
import { loadCorpus } from '../corpus/load';
import type { CorpusSource, LoadLimits } from '../corpus/source';
import type { AnalyzeOptions } from '../nlp/analysis';
import { DEFAULT_ANALYZE_OPTIONS } from '../nlp/analysis';
import { analyzeArticle } from '../nlp/analyze';
import { CorpusIndex } from './corpusIndex';

export interface BuildOptions {
  include?: string;
  limits?: LoadLimits;
  analyze?: AnalyzeOptions;
}

/** Loads and analyses a corpus on the current thread. */
export async function buildIndex(source: CorpusSource, roots: string[], options: BuildOptions = {}): Promise<{ index: CorpusIndex; loaded: LoadedCorpus }> {
  const loaded = await loadCorpus(source, roots, options.include, options.limits);
  const index = new CorpusIndex();
  for (const file of loaded.files) {
    index.setFile(file.path, file.articles, file.articles.map((a) => analyzeArticle(a, options.analyze ?? DEFAULT_ANALYZE_OPTIONS)));
  }
  index.diagnostics = loaded.diagnostics;
  return { index, loaded };
}
