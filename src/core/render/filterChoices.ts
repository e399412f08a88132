import { addDays } from '../model/period';
import { formatDate, formatRange } from './formatDate';
import { plural } from './entityGroups';

export interface RangeChoice {
  label: string;
  /** How many articles the range keeps, and which days it covers. */
  description: string;
  from: string;
  to: string;
}

const MONTHS_LISTED = 36;

/**
 * The ranges offered by "Filter by Date…", from the publication dates of the corpus: its last
 * week and last 30 days (the corpus's, not today's: a corpus may be years old), each month with
 * articles, newest first, and each year when it spans several.
 */
export function rangeChoices(articleDates: readonly (string | null)[]): RangeChoice[] {
  const dates = articleDates.filter((d): d is string => d !== null).sort();
  if (!dates.length) return [];
  const first = dates[0];
  const last = dates[dates.length - 1];
  const count = (from: string, to: string): number => dates.filter((d) => d >= from && d <= to).length;
  const choice = (label: string, from: string, to: string): RangeChoice => ({ label, from, to, description: `${plural(count(from, to), 'article')} \u00b7 ${formatRange(from, to)}` });
  const out: RangeChoice[] = [choice('Last 7 days of the corpus', addDays(last, -6), last)];
  if (addDays(last, -29) > first) out.push(choice('Last 30 days of the corpus', addDays(last, -29), last));
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))].reverse().slice(0, MONTHS_LISTED);
  if (months.length > 1) {
    for (const m of months) {
      const end = addDays(`${nextMonth(m)}-01`, -1);
      out.push({ label: formatDate(m), from: `${m}-01`, to: end, description: plural(count(`${m}-01`, end), 'article') });
    }
  }
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))].reverse();
  if (years.length > 1) for (const y of years) out.push({ label: y, from: `${y}-01-01`, to: `${y}-12-31`, description: plural(count(`${y}-01-01`, `${y}-12-31`), 'article') });
  return out;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
