import type { CorpusIndex } from '../index/corpusIndex';
import type { Diagnostic, Entity, MainEvent, Mention, NewsEvent } from '../model/types';

/** The `news-lens analyze --format json` contract. Add fields; never rename or remove them. */
export interface AnalysisJson {
  version: 1;
  articles: ArticleJson[];
  entities: Entity[];
  diagnostics: Diagnostic[];
}

export interface ArticleJson {
  id: string;
  path: string;
  title: string;
  source: string | null;
  date: string | null;
  text: string;
  /** For JSON/JSONL inputs: which record fields `text` was composed from, in order. */
  composedFrom?: string[];
  url?: string;
  summary: string[];
  headline: string;
  mentions: Mention[];
  events: NewsEvent[];
  mainEvent: MainEvent;
}

export function toAnalysisJson(index: CorpusIndex): AnalysisJson {
  return {
    version: 1,
    articles: index.articles().map((item) => {
      const a = item.article;
      const out: ArticleJson = {
        id: a.id,
        path: a.path,
        title: a.title,
        source: a.source,
        date: a.date,
        text: a.text,
        summary: item.summary.map((s) => a.text.slice(s.start, s.end)),
        headline: item.analysis.headline,
        mentions: item.mentions.map((m) => ({ entity: m.entity, start: m.start, end: m.end, text: m.text })),
        events: item.events,
        mainEvent: item.mainEvent,
      };
      if (a.composedFrom) out.composedFrom = a.composedFrom;
      if (a.url) out.url = a.url;
      return out;
    }),
    entities: index.entities(),
    diagnostics: index.diagnostics,
  };
}
