import type { Article, Span } from '../model/types';
import type { ArticleAnalysis } from '../nlp/analysis';
import type { ExcludedSpan } from '../nlp/furniture';
import { trimmedLines } from '../nlp/furniture';
import type { Steps } from './steps';

/**
 * The corpus-level sign of page furniture: a line that many articles of one source carry word for
 * word ("Advertisement Continue reading the main story", an agency's copyright notice, a site's
 * "We pay for your stories!") is the site's, not the story's. Articles are analysed one by one (in
 * workers, cached per file), so this is found where the whole corpus is at hand: when the corpus
 * views are derived, before entities are merged. It needs only the texts, and applying it only
 * drops what the analyses found inside those lines; nothing is analysed again.
 *
 * A line counts when at least MIN_ARTICLES articles of its source, and MIN_SHARE of them, carry it,
 * in at least MIN_ARTICLES different stories: copies of one story (a wire story saved twice, an
 * update) share whole paragraphs, which are the story itself.
 */
const MIN_ARTICLES = 3;
const MIN_SHARE = 0.1;
/** Two articles sharing more than this part of their lines are copies of one story. */
const SAME_STORY = 0.5;

interface Line extends Span {
  text: string;
}

/** The trimmed, non-empty lines of an article's body. */
function bodyLines(article: Article): Line[] {
  return trimmedLines(article.text, { start: article.bodyStart, end: article.bodyEnd })
    .map((l) => ({ ...l, text: article.text.slice(l.start, l.end) }))
    .filter((l) => /\p{L}/u.test(l.text));
}

/** Articles are grouped by their source, else by their folder (a corpus of one site's files often names none). */
function sourceOf(article: Article): string {
  return article.source ?? article.path.replace(/[\\/][^\\/]*$/, '');
}

/**
 * The lines of each article repeated across its source, by article id. Yields between articles.
 */
export function* repeatedLineSteps(articles: readonly Article[]): Steps<Map<string, ExcludedSpan[]>> {
  const bySource = new Map<string, Article[]>();
  for (const a of articles) {
    const key = sourceOf(a);
    const list = bySource.get(key);
    if (list) list.push(a);
    else bySource.set(key, [a]);
  }
  const out = new Map<string, ExcludedSpan[]>();
  for (const group of bySource.values()) {
    if (group.length < MIN_ARTICLES) continue;
    const need = Math.max(MIN_ARTICLES, Math.ceil(MIN_SHARE * group.length));
    const lines = new Map<Article, Line[]>();
    const carriers = new Map<string, Article[]>();
    for (const a of group) {
      yield;
      const own = bodyLines(a);
      lines.set(a, own);
      const seen = new Set<string>();
      for (const l of own) {
        if (seen.has(l.text)) continue;
        seen.add(l.text);
        const list = carriers.get(l.text);
        if (list) list.push(a);
        else carriers.set(l.text, [a]);
      }
    }
    const repeated = new Set<string>();
    const lineSets = new Map<Article, Set<string>>();
    const setOf = (a: Article): Set<string> => {
      let s = lineSets.get(a);
      if (!s) lineSets.set(a, (s = new Set((lines.get(a) ?? []).map((l) => l.text))));
      return s;
    };
    for (const [text, list] of carriers) {
      if (list.length < need) continue;
      yield;
      if (storiesAmong(list, setOf) >= MIN_ARTICLES) repeated.add(text);
    }
    if (repeated.size === 0) continue;
    for (const [a, own] of lines) {
      const spans = own.filter((l) => repeated.has(l.text)).map((l): ExcludedSpan => ({ start: l.start, end: l.end, reason: 'repeated' }));
      if (spans.length) out.set(a.id, spans);
    }
  }
  return out;
}

/** How many different stories the articles carrying a line belong to, counted up to MIN_ARTICLES. */
function storiesAmong(carriers: Article[], setOf: (a: Article) => Set<string>): number {
  const stories: Set<string>[] = [];
  for (const a of carriers) {
    const own = setOf(a);
    if (!stories.some((s) => overlap(own, s) > SAME_STORY)) stories.push(own);
    if (stories.length >= MIN_ARTICLES) break;
  }
  return stories.length;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return small.size ? shared / small.size : 0;
}

/**
 * The analysis without what it found inside `spans`: mentions, entities left without a mention
 * (unless a nationality still names them as its place), events whose trigger lies there, summary
 * sentences there. `excluded` gains the spans that no per-article span already covers.
 */
export function withoutSpansOf(analysis: ArticleAnalysis, spans: readonly ExcludedSpan[]): ArticleAnalysis {
  const fresh = spans.filter((s) => !analysis.excluded.some((e) => e.start <= s.start && e.end >= s.end));
  if (fresh.length === 0) return analysis;
  const inside = (start: number, end: number): boolean => fresh.some((s) => start >= s.start && end <= s.end);
  const mentions = analysis.mentions.filter((m) => !inside(m.start, m.end));
  const mentioned = new Set(mentions.map((m) => m.key));
  const kept = analysis.entities.filter((e) => mentioned.has(e.key));
  const places = new Set(kept.map((e) => e.place).filter((p): p is string => !!p));
  return {
    ...analysis,
    entities: analysis.entities.filter((e) => mentioned.has(e.key) || places.has(e.key)),
    mentions,
    events: analysis.events.filter((e) => !inside(e.trigger.start, e.trigger.end)),
    summary: analysis.summary.filter((s) => !fresh.some((f) => s.start < f.end && s.end > f.start)),
    excluded: [...analysis.excluded, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end),
  };
}
