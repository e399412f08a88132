import type { Article, Span } from '../model/types';
import type { AnalyzeOptions, ArticleAnalysis } from './analysis';
import { DEFAULT_ANALYZE_OPTIONS } from './analysis';
import { extractEntities } from './entities';
import { extractEvents } from './events';
import type { ParsedSentence } from './nlp';
import { parseText } from './nlp';
import { summarize } from './summary';

/**
 * The parts of the text worth analysing: the title (where it occurs before the body), the lead of
 * a news record, and the body.
 * Bylines, front matter and trailing boilerplate are left out.
 */
export function analysisRegions(article: Article): Span[] {
  const regions: Span[] = [];
  let leadStart = 0;
  let bodyStart = article.bodyStart;
  if (article.title) {
    const at = article.text.indexOf(article.title);
    if (at >= 0 && at + article.title.length <= article.bodyStart) {
      regions.push({ start: at, end: at + article.title.length });
      leadStart = at + article.title.length;
    } else if (article.title.length < article.bodyEnd - article.bodyStart && article.text.startsWith(article.title, article.bodyStart)) {
      // A body that opens with its headline: the headline is a sentence of its own, not the
      // first words of the first sentence (headlines end without a full stop).
      bodyStart += article.title.length;
    }
  }
  if (article.composedFrom?.includes('lead')) {
    // A record's lead (description) sits between title and body: it often states the main event.
    let start = leadStart;
    let end = article.bodyStart;
    while (start < end && /\s/.test(article.text[start])) start++;
    while (end > start && /\s/.test(article.text[end - 1])) end--;
    if (end > start) regions.push({ start, end });
  }
  if (bodyStart > article.bodyStart) regions.push({ start: article.bodyStart, end: bodyStart });
  if (article.bodyEnd > bodyStart) regions.push({ start: bodyStart, end: article.bodyEnd });
  return regions;
}

export function parseArticle(article: Article): ParsedSentence[] {
  const sentences: ParsedSentence[] = [];
  for (const r of analysisRegions(article)) {
    for (const s of parseText(article.text.slice(r.start, r.end), r.start)) {
      for (const t of s.tokens) t.sentence = sentences.length;
      sentences.push(s);
    }
  }
  return sentences;
}

export function analyzeArticle(article: Article, options: AnalyzeOptions = DEFAULT_ANALYZE_OPTIONS): ArticleAnalysis {
  const sentences = parseArticle(article);
  const { entities, mentions } = extractEntities(article.text, sentences);
  const { events, mainEvent, headline } = extractEvents(article, sentences, entities, mentions);
  const spans = sentences.map((s) => ({ start: s.start, end: s.end }));
  const bodySpans = spans.filter((s) => s.start >= article.bodyStart);
  const summary = summarize(bodySpans, { sentences: options.summarySentences });
  return {
    articleId: article.id,
    sentences: spans,
    entities,
    mentions,
    events,
    mainEvent,
    summary,
    headline,
    wordCount: sentences.reduce((n, s) => n + s.tokens.length, 0),
  };
}
