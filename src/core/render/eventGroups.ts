import type { TimelineEntry } from '../index/corpusIndex';
import { filedDate } from '../index/corpusIndex';
import { comparePeriods, periodOf } from '../model/period';

export type EventOrder = 'newest' | 'oldest';

export interface DateGroup {
  /** ISO date of any precision; null for events with no date at all. */
  date: string | null;
  entries: TimelineEntry[];
}

/** The Events view's top level. */
export interface EventGroups {
  /** Dates within the corpus's publication dates, in the chosen order. */
  dated: DateGroup[];
  /**
   * Dates that end before the corpus's first publication date: history the articles recall
   * ("the 1907 treaty"), not what they report. Same order as `dated`.
   */
  earlier: DateGroup[];
  /** Dates that start after its last publication date: plans and forecasts ("elections next year"). */
  later: DateGroup[];
  undated: DateGroup | undefined;
}

/**
 * Groups timeline entries by the date they are filed under (their own, else their article's).
 * The corpus's publication dates (`span`) split off the earlier and later mentions; with no dated
 * article nothing is earlier or later. Entries keep their timeline order inside a group.
 */
export function groupEvents(entries: readonly TimelineEntry[], order: EventOrder, span: { first: string | null; last: string | null }): EventGroups {
  const byDate = new Map<string | null, TimelineEntry[]>();
  for (const e of entries) {
    const date = filedDate(e);
    const list = byDate.get(date);
    if (list) list.push(e);
    else byDate.set(date, [e]);
  }
  const dates = [...byDate.keys()].filter((d): d is string => d !== null).sort(order === 'newest' ? (a, b) => comparePeriods(b, a) : comparePeriods);
  const dated: DateGroup[] = [];
  const earlier: DateGroup[] = [];
  const later: DateGroup[] = [];
  for (const date of dates) {
    const p = periodOf(date);
    const group = { date, entries: byDate.get(date) ?? [] };
    if (p && span.first !== null && p.end < span.first) earlier.push(group);
    else if (p && span.last !== null && p.start > span.last) later.push(group);
    else dated.push(group);
  }
  const none = byDate.get(null);
  return { dated, earlier, later, undated: none ? { date: null, entries: none } : undefined };
}

/**
 * How many of the first groups a view opens expanded: groups are added while their events
 * together stay within `budget` (at least the first, whose own list pages), so a view opens on
 * the most recent stretch without asking for thousands of rows.
 */
export function groupsToOpen(groups: readonly DateGroup[], budget: number): number {
  let total = 0;
  let n = 0;
  for (const g of groups) {
    total += g.entries.length;
    if (n > 0 && total > budget) break;
    n++;
  }
  return n;
}
