import type { Article } from '../../../src/core/model/types';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import type { ArticleAnalysis } from '../../../src/core/nlp/analysis';
import { analyzeArticle } from '../../../src/core/nlp/analyze';

/** A plain article whose whole text is body, as a .txt file without a title line would give. */
export function article(id: string, text: string, date: string | null = '2024-01-31'): Article {
  return { id, path: `${id}.txt`, title: '', source: null, date, text, format: 'txt', bodyStart: 0, bodyEnd: text.length };
}

export function analyze(text: string, date: string | null = '2024-01-31'): ArticleAnalysis {
  return analyzeArticle(article('a', text, date));
}

export function index(texts: Record<string, string>): CorpusIndex {
  const idx = new CorpusIndex();
  for (const [id, text] of Object.entries(texts)) {
    const a = article(id, text);
    idx.setFile(a.path, [a], [analyzeArticle(a)]);
  }
  return idx;
}

/** Names of the article's entities of one type. */
export function names(a: ArticleAnalysis, type: string): string[] {
  return a.entities.filter((e) => e.type === type && a.mentions.some((m) => m.key === e.key)).map((e) => e.name);
}
