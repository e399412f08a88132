/**
 * Dates of every precision the index holds (ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and ISO weeks
 * `YYYY-Www`) as the span of days they cover, so that they can be ordered, compared with a range
 * and binned together. Days are ISO `YYYY-MM-DD` strings, which order as text; arithmetic is in UTC.
 */

export type Precision = 'year' | 'month' | 'week' | 'day';

export interface Period {
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  precision: Precision;
}

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function msOf(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The day `n` days after `day` (before, for a negative `n`). */
export function addDays(day: string, n: number): string {
  return dayOf(msOf(day) + n * DAY_MS);
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((msOf(b) - msOf(a)) / DAY_MS);
}

/** The Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return dayOf(mondayOfWeek1 + (week - 1) * 7 * DAY_MS);
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -((new Date(msOf(day)).getUTCDay() + 6) % 7));
}

/** The days an ISO date of any precision covers; undefined for anything else (or an impossible date). */
export function periodOf(iso: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    // Date.UTC rolls impossible dates over (2024-02-30 would become 1 March).
    return dayOf(ms) === iso ? { start: iso, end: iso, precision: 'day' } : undefined;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(iso);
  if (m) {
    const week = +m[2];
    if (week < 1 || week > 53) return undefined;
    const start = isoWeekMonday(+m[1], week);
    // Week 53 exists only in years whose ISO calendar has it.
    if (week === 53 && isoWeekMonday(+m[1] + 1, 1) === start) return undefined;
    return { start, end: addDays(start, 6), precision: 'week' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) {
    const month = +m[2];
    if (month < 1 || month > 12) return undefined;
    return { start: `${m[1]}-${m[2]}-01`, end: dayOf(Date.UTC(+m[1], month, 0)), precision: 'month' };
  }
  m = /^(\d{4})$/.exec(iso);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  return undefined;
}

/**
 * Orders ISO dates of mixed precision by the days they cover: earlier start first, and of two
 * periods starting the same day the longer first ("January 2018" before "1 January 2018"), so a
 * week sorts among the days of its month instead of after the whole year as it would as text.
 * Strings that are no date sort after every date, as text among themselves.
 */
export function comparePeriods(a: string, b: string): number {
  if (a === b) return 0;
  const pa = periodOf(a);
  const pb = periodOf(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : 1;
  return pa.start < pb.start ? -1 : pa.start > pb.start ? 1 : pa.end > pb.end ? -1 : pa.end < pb.end ? 1 : a < b ? -1 : 1;
}
