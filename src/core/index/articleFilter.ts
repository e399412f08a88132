/**
 * The date range and sources an analyst narrows the corpus to. One filter applies to every view
 * (the trees, the summaries, the connections graph and the timeline): which articles count, and
 * which events fall in the range. Pure predicates, shared with the webviews (filteredCorpus.ts
 * counts what a filter keeps of an index).
 */
import type { Article } from '../model/types';
import { periodOf } from '../model/period';

export interface ArticleFilter {
  /** First day (ISO YYYY-MM-DD), inclusive; null: open. */
  from: string | null;
  /** Last day, inclusive; null: open. */
  to: string | null;
  /** Article sources to keep ('' stands for articles without a source); empty: every source. */
  sources: string[];
}

export const NO_FILTER: ArticleFilter = { from: null, to: null, sources: [] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isFiltering(f: ArticleFilter): boolean {
  return f.from !== null || f.to !== null || f.sources.length > 0;
}

export function hasDateRange(f: ArticleFilter): boolean {
  return f.from !== null || f.to !== null;
}

export function sameFilter(a: ArticleFilter, b: ArticleFilter): boolean {
  return a.from === b.from && a.to === b.to && a.sources.length === b.sources.length && a.sources.every((s, i) => s === b.sources[i]);
}

/** A filter from storage or a message, repaired: impossible days dropped, ends put in order, sources deduplicated and sorted. */
export function sanitizeFilter(raw: unknown): ArticleFilter {
  if (typeof raw !== 'object' || raw === null) return { ...NO_FILTER, sources: [] };
  const r = raw as Record<string, unknown>;
  const day = (x: unknown): string | null => (typeof x === 'string' && DAY.test(x) && periodOf(x) ? x : null);
  let from = day(r.from);
  let to = day(r.to);
  if (from && to && from > to) [from, to] = [to, from];
  const sources = Array.isArray(r.sources) ? [...new Set(r.sources.filter((s): s is string => typeof s === 'string' && s.length <= 1000))].sort().slice(0, 1000) : [];
  return { from, to, sources };
}

/** True when an article of this date and source counts under the filter (an undated one never does while a range is set). */
export function articlePasses(article: Pick<Article, 'date' | 'source'>, f: ArticleFilter): boolean {
  if (f.sources.length && !f.sources.includes(article.source ?? '')) return false;
  if (!hasDateRange(f)) return true;
  const d = article.date;
  return d !== null && (f.from === null || d >= f.from) && (f.to === null || d <= f.to);
}

/** True when an ISO date of any precision overlaps the filter's range (an unknown date never does while a range is set). */
export function dateOverlaps(iso: string | null, f: ArticleFilter): boolean {
  if (!hasDateRange(f)) return true;
  const p = iso === null ? undefined : periodOf(iso);
  return p !== undefined && (f.from === null || p.end >= f.from) && (f.to === null || p.start <= f.to);
}

/**
 * A range typed by a user: "2018-01-01 to 2018-02-15", "2018-01 – 2018-02", "2018-01-22..", "..2017",
 * or one date ("January" of "2018-01" is the whole month). Each end may be a year, a month, a day
 * or an ISO week; the range runs from the first day of its start to the last day of its end.
 */
export function parseDateRange(text: string): { from: string | null; to: string | null } | { error: string } {
  const t = text.trim();
  if (!t) return { from: null, to: null };
  const parts = t.split(/\s*(?:\.\.|\u2013|\u2014|\bto\b|\s-\s)\s*/i);
  if (parts.length > 2) return { error: 'Give at most two dates: from and to.' };
  const [a, b = a] = parts;
  const start = a ? periodOf(a) : undefined;
  const end = b ? periodOf(b) : undefined;
  if (a && !start) return { error: `“${a}” is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www.` };
  if (b && !end) return { error: `“${b}” is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www.` };
  const from = start?.start ?? null;
  const to = end?.end ?? null;
  if (from && to && from > to) return { error: 'The range ends before it starts.' };
  return { from, to };
}
