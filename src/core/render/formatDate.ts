import { periodOf } from '../model/period';
import type { ArticleFilter } from '../index/articleFilter';

const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

function utc(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

/** "31 January 2024" from an ISO day. */
function longDay(day: string): string {
  return utc(day).toLocaleDateString('en-GB', LONG);
}

/**
 * "31 January 2024", "January 2024", "2024" or "week of 22 January 2018" (the Monday of an ISO
 * week) from an ISO date of that precision (UTC, so it never shifts). Anything else is returned as it is.
 */
export function formatDate(iso: string): string {
  const p = periodOf(iso);
  if (!p) return iso;
  switch (p.precision) {
    case 'day':
      return longDay(p.start);
    case 'week':
      return `week of ${longDay(p.start)}`;
    case 'month':
      return utc(p.start).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'year':
      return p.start.slice(0, 4);
  }
}

/**
 * A range of ISO days for a view's description, as short as it stays clear: "22 Jan – 4 Feb 2018",
 * "3–9 January 2018", "from 1 Dec 2017", "until 4 Feb 2018", one day as itself.
 */
export function formatRange(from: string | null, to: string | null): string {
  const short = (day: string, year: boolean): string => utc(day).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC', ...(year ? { year: 'numeric' } : {}) });
  if (from && to) {
    if (from === to) return longDay(from);
    if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))}\u2013${longDay(to)}`;
    return `${short(from, from.slice(0, 4) !== to.slice(0, 4))} \u2013 ${short(to, true)}`;
  }
  if (from) return `from ${short(from, true)}`;
  if (to) return `until ${short(to, true)}`;
  return 'all dates';
}

/** What a date and source filter keeps, for a view's description: "22 Jan – 4 Feb 2018 · npr.org", "3 sources". */
export function describeFilter(f: ArticleFilter): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(formatRange(f.from, f.to));
  if (f.sources.length === 1) parts.push(f.sources[0] || 'no source');
  else if (f.sources.length > 1) parts.push(`${f.sources.length} sources`);
  return parts.join(' \u00b7 ');
}
