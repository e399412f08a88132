/** The timeline chart as plain data: what a page asks to see and what it is sent (see index/timelineChart.ts). */
import { addDays, mondayOf } from './period';
import type { EntityType } from './types';

export type BinUnit = 'day' | 'week' | 'month';

export interface TimelineQuery {
  /** Entities whose mentions are compared (at most MAX_COMPARED). */
  entities: string[];
  /** The width of a bar; 'auto' picks it from the stretch of the corpus most articles fall in. */
  unit: BinUnit | 'auto';
}

export interface EntitySeries {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions per bin, in articles published in it. */
  counts: number[];
}

export interface EventSeries {
  /** Event type id (statement, meeting, ...). */
  type: string;
  label: string;
  /** Events per bin, by the date they are filed under. */
  counts: number[];
}

export interface TimelineChart {
  unit: BinUnit;
  /** The first day of each bin (ISO YYYY-MM-DD), consecutive, from the corpus's first article to its last. */
  bins: string[];
  /** The bins most articles fall in (2nd to 98th percentile of publication dates): the page shows these first. */
  focus: { from: number; to: number };
  mentions: EntitySeries[];
  /** Only types with at least one event, in the taxonomy's order. */
  events: EventSeries[];
  /** Events the chart leaves out: dated less precisely than a bin, outside the corpus's dates, or undated. */
  eventsLeftOut: { coarse: number; outside: number; undated: number };
  /** Articles with no publication date: their mentions have no place on the chart. */
  undatedArticles: number;
}

export const MAX_COMPARED = 5;
/** More day bins than this and the chart counts by week (and by month past this many weeks). */
export const MAX_BINS = 1500;

/** The first day of the bin of `unit` that holds `day`. */
export function binStart(day: string, unit: BinUnit): string {
  if (unit === 'day') return day;
  if (unit === 'week') return mondayOf(day);
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the next bin. */
export function nextBin(start: string, unit: BinUnit): string {
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The bins covering `first` to `last`, each by its first day. */
export function binsBetween(first: string, last: string, unit: BinUnit): string[] {
  const out: string[] = [];
  for (let b = binStart(first, unit); b <= last; b = nextBin(b, unit)) out.push(b);
  return out;
}

/** The last day of the bin starting on `start`. */
export function binEnd(start: string, unit: BinUnit): string {
  return addDays(nextBin(start, unit), -1);
}
