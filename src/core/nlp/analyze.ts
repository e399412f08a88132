import type { Article, Span } from '../model/types';
import type { AnalyzeOptions, ArticleAnalysis } from './analysis';
import { DEFAULT_ANALYZE_OPTIONS } from './analysis';
import { extractEntities } from './entities';
import { withEntityEvidence } from './entityEvidence';
import { extractEvents } from './events';
import type { ExcludedSpan } from './furniture';
import { findFurniture, withoutSpans } from './furniture';
import type { ParsedSentence } from './nlp';
import { parseText } from './nlp';
import { refineSentences } from './sentences';
import { summarize } from './summary';

/**
 * The parts of the text worth analysing: the title (where it occurs before the body), the lead of
 * a news record, and the body.
 * Bylines, front matter and trailing boilerplate are left out.
 */
export function analysisRegions(article: Article): Span[] {
  const title = titleRegion(article);
  return title ? [title, ...regionsAfterTitle(article, title.end)] : regionsAfterTitle(article, 0);
}

/** Where the title stands in the text before the body, if it does. */
function titleRegion(article: Article): Span | undefined {
  if (!article.title) return undefined;
  const at = article.text.indexOf(article.title);
  return at >= 0 && at + article.title.length <= article.bodyStart ? { start: at, end: at + article.title.length } : undefined;
}

/** The lead and body regions. */
function regionsAfterTitle(article: Article, leadStart: number): Span[] {
  const regions: Span[] = [];
  const bodyStart = headlineInBodyEnd(article);
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

/** The title where it stands in the text, and the body's copy of it. */
function headlinesOf(article: Article): Span[] {
  const title = titleRegion(article);
  const inBody = headlineInBodyEnd(article);
  return [...(title ? [title] : []), ...(inBody > article.bodyStart ? [{ start: article.bodyStart, end: inBody }] : [])];
}

/**
 * Where the body's own sentences start: after its headline when the body opens with it. The
 * headline is then a sentence of its own, not the first words of the first sentence (headlines
 * end without a full stop); a title that is the body's first sentence is not split off.
 */
function headlineInBodyEnd(article: Article): number {
  const title = article.title.trim();
  const after = article.text[article.bodyStart + title.length] ?? '';
  const opens = title !== '' && title.length < article.bodyEnd - article.bodyStart && article.text.startsWith(title, article.bodyStart) && !/[\p{L}\p{N}]/u.test(after);
  return opens && !/[.!?]['"’”]?$/.test(title) ? article.bodyStart + title.length : article.bodyStart;
}

/**
 * The page furniture of an article's lead and body (see furniture.ts), sorted by start. A title is
 * never furniture (it names the story), though a media tag in it may be ("(PHOTOS, VIDEO)").
 */
export function articleFurniture(article: Article): ExcludedSpan[] {
  const headlineEnd = headlineInBodyEnd(article);
  const title = titleRegion(article);
  const isHeadline = (r: Span): boolean => r.start === article.bodyStart && r.end === headlineEnd;
  const regions = regionsAfterTitle(article, title?.end ?? 0);
  const headlines = [...(title ? [title] : []), ...regions.filter(isHeadline)];
  return findFurniture(article.text, regions.filter((r) => !isHeadline(r)), headlines).sort((a, b) => a.start - b.start);
}

/** Parses the article's regions, leaving out the `excluded` spans (its furniture unless told otherwise). */
export function parseArticle(article: Article, excluded: readonly Span[] = articleFurniture(article)): ParsedSentence[] {
  const sentences: ParsedSentence[] = [];
  for (const r of withoutSpans(analysisRegions(article), excluded)) {
    for (const s of refineSentences(article.text, r, parseText(article.text.slice(r.start, r.end), r.start))) {
      for (const t of s.tokens) t.sentence = sentences.length;
      sentences.push(s);
    }
  }
  return sentences;
}

export function analyzeArticle(article: Article, options: AnalyzeOptions = DEFAULT_ANALYZE_OPTIONS): ArticleAnalysis {
  const excluded = articleFurniture(article);
  const sentences = parseArticle(article, excluded);
  const found = extractEntities(article.text, sentences, { date: article.date, headlines: headlinesOf(article) });
  const { entities, mentions } = withEntityEvidence(article.text, found.entities, found.mentions);
  const { events, mainEvent, headline: happened } = extractEvents(article, sentences, entities, mentions);
  const spans = sentences.map((s) => ({ start: s.start, end: s.end }));
  const bodyStart = headlineInBodyEnd(article);
  const body = sentences.filter((s) => s.start >= bodyStart);
  const summary = summarize(
    { text: article.text, sentences: body, title: titleApartFromBody(article), mentions },
    { sentences: options.summarySentences },
  );
  return {
    articleId: article.id,
    sentences: spans,
    entities,
    mentions,
    events,
    mainEvent,
    summary,
    headline: headline(happened, article.text, summary),
    excluded,
    wordCount: sentences.reduce((n, s) => n + s.tokens.length, 0),
  };
}

/** The title unless it was taken from the body's first sentence (JSON records without a title). */
function titleApartFromBody(article: Article): string {
  const title = article.title.trim();
  return title && !article.text.startsWith(title, article.bodyStart) ? title : '';
}

/** One line saying what happened: the main event, else the title, else the first summary sentence. */
function headline(what: string, text: string, summary: Span[]): string {
  const line = what.trim() || (summary.length ? text.slice(summary[0].start, summary[0].end) : '');
  return line.replace(/\s+/g, ' ').trim();
}
