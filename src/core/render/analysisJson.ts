import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import type { ArticleFormat, Diagnostic, Entity, MainEvent, Mention, NewsEvent } from '../model/types';
import type { ExcludedSpan } from '../nlp/furniture';

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
  /** What the article was read from (txt, md, json, jsonl, html, feed, eml, pdf). */
  format: ArticleFormat;
  /** For every format but txt and md: which parts `text` was composed from, in order. */
  composedFrom?: string[];
  url?: string;
  author?: string;
  /** 1-based line of the record in a JSONL file or JSON array, or of the item in a feed. */
  line?: number;
  summary: string[];
  headline: string;
  mentions: Mention[];
  events: NewsEvent[];
  mainEvent: MainEvent;
  /** Page furniture (widgets, captions, prompts, lines repeated across the source) left out of mentions, events and summary; its text stays in `text`. */
  excluded: ExcludedSpan[];
}

export function articleJson(item: IndexedArticle): ArticleJson {
  const a = item.article;
  const out: ArticleJson = {
    id: a.id,
    path: a.path,
    title: a.title,
    source: a.source,
    date: a.date,
    text: a.text,
    format: a.format,
    summary: item.summary.map((s) => a.text.slice(s.start, s.end)),
    headline: item.analysis.headline,
    mentions: item.mentions.map((m) => ({ entity: m.entity, start: m.start, end: m.end, text: m.text })),
    events: item.events,
    mainEvent: item.mainEvent,
    excluded: item.analysis.excluded.map((x) => ({ start: x.start, end: x.end, reason: x.reason })),
  };
  if (a.composedFrom) out.composedFrom = a.composedFrom;
  if (a.url) out.url = a.url;
  if (a.author) out.author = a.author;
  if (a.line) out.line = a.line;
  return out;
}

/** A list whose items are made one at a time, as they are written. */
interface LazyList<S, T> {
  items: readonly S[];
  make: (item: S) => T;
}

type Fields<T> = { [K in keyof T]: T[K] extends (infer U)[] ? LazyList<unknown, U> | T[K] : T[K] };

/**
 * The contract's fields in their order, with the article list left lazy: both the object
 * (`toAnalysisJson`) and its streamed text (`analysisJsonChunks`) come from here, so they cannot
 * drift apart.
 */
function fields(index: CorpusIndex): Fields<AnalysisJson> {
  return {
    version: 1,
    articles: { items: index.articles(), make: articleJson } as LazyList<unknown, ArticleJson>,
    entities: index.entities(),
    diagnostics: [...index.diagnostics, ...index.curationDiagnostics()],
  };
}

function isLazy(v: unknown): v is LazyList<unknown, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'make' in v && 'items' in v;
}

export function toAnalysisJson(index: CorpusIndex): AnalysisJson {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields(index)) as [string, unknown][]) out[key] = isLazy(value) ? value.items.map((item) => value.make(item)) : value;
  return out as unknown as AnalysisJson;
}

/**
 * The text of `JSON.stringify(toAnalysisJson(index), null, 2) + '\n'`, byte for byte, in pieces of
 * at most one article, entity or diagnostic each: a large corpus's JSON is many times its input and
 * as one string outgrew what V8 allows a string to be (`Invalid string length`). Nothing of the
 * whole is held: each article's JSON object is made, written and dropped in turn.
 */
export function* analysisJsonChunks(index: CorpusIndex): Generator<string, void, undefined> {
  const entries = (Object.entries(fields(index)) as [string, unknown][]).filter(([, v]) => v !== undefined);
  yield '{';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k];
    const tail = k < entries.length - 1 ? ',' : '';
    const items: readonly unknown[] | undefined = isLazy(value) ? value.items : Array.isArray(value) ? value : undefined;
    if (items === undefined || items.length === 0) {
      const plain = isLazy(value) ? [] : value;
      yield `\n  ${JSON.stringify(key)}: ${JSON.stringify(plain, null, 2).replace(/\n/g, '\n  ')}${tail}`;
      continue;
    }
    const make = isLazy(value) ? value.make : (x: unknown) => x;
    yield `\n  ${JSON.stringify(key)}: [`;
    for (let i = 0; i < items.length; i++) {
      // Newlines inside JSON strings are escaped, so every raw newline is indentation to deepen.
      yield `\n    ${JSON.stringify(make(items[i]), null, 2).replace(/\n/g, '\n    ')}${i < items.length - 1 ? ',' : ''}`;
    }
    yield `\n  ]${tail}`;
  }
  yield '\n}\n';
}
