import type { ArticleFilter } from './articleFilter';
import { articlePasses, dateOverlaps } from './articleFilter';
import type { CorpusIndex, TimelineEntry } from './corpusIndex';
import { filedDate } from './corpusIndex';
import type { Steps } from './steps';

/** The corpus as the filter narrows it, computed once per filter and corpus. */
export interface FilteredCorpus {
  filter: ArticleFilter;
  /** Ids of the articles that count. */
  articleIds: Set<string>;
  /** Per entity, its mentions in those articles (entities with none are absent). */
  mentions: Map<string, number>;
  /** Per entity, how many of those articles mention it. */
  articles: Map<string, number>;
  /** Timeline entries from those articles' sources whose filed date overlaps the range, in timeline order. */
  events: TimelineEntry[];
}

/**
 * Counts what the filter keeps, yielding between articles so a large corpus (a million mentions)
 * is counted in time slices on the extension host.
 */
export function* filterSteps(index: CorpusIndex, filter: ArticleFilter): Steps<FilteredCorpus> {
  const articleIds = new Set<string>();
  const mentions = new Map<string, number>();
  const articles = new Map<string, number>();
  let n = 0;
  for (const item of index.articles()) {
    if (++n % 64 === 0) yield;
    if (!articlePasses(item.article, filter)) continue;
    articleIds.add(item.article.id);
    const seen = new Set<string>();
    for (const m of item.mentions) {
      mentions.set(m.entity, (mentions.get(m.entity) ?? 0) + 1);
      if (seen.has(m.entity)) continue;
      seen.add(m.entity);
      articles.set(m.entity, (articles.get(m.entity) ?? 0) + 1);
    }
  }
  yield;
  const sourceOf = (id: string): string => index.article(id)?.article.source ?? '';
  const events: TimelineEntry[] = [];
  for (const e of index.timeline()) {
    if (++n % 1024 === 0) yield;
    if (filter.sources.length && !filter.sources.includes(sourceOf(e.articleId))) continue;
    if (dateOverlaps(filedDate(e), filter)) events.push(e);
  }
  return { filter, articleIds, mentions, articles, events };
}

/** The first and last publication dates of the corpus (null when no article is dated). */
export function corpusSpan(index: CorpusIndex): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const { article } of index.articles()) {
    const d = article.date;
    if (d === null) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return { first, last };
}

/** Each source with its article count, most articles first ('' for articles without a source). */
export function corpusSources(index: CorpusIndex): { source: string; articles: number }[] {
  const counts = new Map<string, number>();
  for (const { article } of index.articles()) counts.set(article.source ?? '', (counts.get(article.source ?? '') ?? 0) + 1);
  return [...counts].map(([source, articles]) => ({ source, articles })).sort((a, b) => b.articles - a.articles || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
