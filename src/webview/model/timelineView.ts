// What the timeline page draws, apart from the DOM and the charting library: stacked bars, what a
// brush or a click means in days and series, and the words read out for a bin.
import type { ArticleFilter } from '../../core/index/articleFilter';
import type { TimelineChart } from '../../core/model/timeline';
import { binEnd } from '../../core/model/timeline';
import { formatDate } from '../../core/render/formatDate';

/** Seconds since 1970 at the start (UTC) of an ISO day: the charts' x values. */
export function toSeconds(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 1000;
}

/**
 * Running totals of the event series, bottom first: `stacks[i]` is the sum of series 0..i, so
 * drawing the tallest stack first and each lower one over it shows every type's own share.
 */
export function stackSeries(series: readonly { counts: readonly number[] }[]): number[][] {
  const out: number[][] = [];
  for (const s of series) {
    const below = out[out.length - 1];
    out.push(s.counts.map((c, i) => c + (below ? below[i] : 0)));
  }
  return out;
}

/** The stacked segment (series index) holding height `y` in bin `idx`, or undefined above the stack. */
export function segmentAt(stacks: readonly (readonly number[])[], idx: number, y: number): number | undefined {
  for (let i = 0; i < stacks.length; i++) {
    const below = i === 0 ? 0 : stacks[i - 1][idx];
    if (stacks[i][idx] > below && y <= stacks[i][idx]) return i;
  }
  return undefined;
}

/** What the charts draw: a bar per non-zero event count and a point per non-zero mention count. */
export function drawnCounts(chart: Pick<TimelineChart, 'events' | 'mentions'>): { bars: number; points: number } {
  const nonZero = (series: readonly { counts: readonly number[] }[]): number => series.reduce((n, s) => n + s.counts.filter((c) => c > 0).length, 0);
  return { bars: nonZero(chart.events), points: nonZero(chart.mentions) };
}

/** The bins a date range overlaps, as first and last index; undefined when it overlaps none or is open at both ends. */
export function selectedBins(chart: Pick<TimelineChart, 'bins' | 'unit'>, filter: Pick<ArticleFilter, 'from' | 'to'>): { from: number; to: number } | undefined {
  if ((filter.from === null && filter.to === null) || !chart.bins.length) return undefined;
  let from = -1;
  let to = -1;
  chart.bins.forEach((b, i) => {
    const inside = (filter.to === null || b <= filter.to) && (filter.from === null || binEnd(b, chart.unit) >= filter.from);
    if (!inside) return;
    if (from < 0) from = i;
    to = i;
  });
  return from < 0 ? undefined : { from, to };
}

/** The days bins `from`..`to` cover: what a brush over them filters to. */
export function brushRange(chart: Pick<TimelineChart, 'bins' | 'unit'>, from: number, to: number): { from: string; to: string } {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const first = Math.max(0, Math.min(chart.bins.length - 1, a));
  const last = Math.max(0, Math.min(chart.bins.length - 1, b));
  return { from: chart.bins[first], to: binEnd(chart.bins[last], chart.unit) };
}

/** A bin's name: "22 January 2018", "week of 22 January 2018", "January 2018". */
export function binLabel(chart: Pick<TimelineChart, 'unit'>, bin: string): string {
  if (chart.unit === 'week') return `week of ${formatDate(bin)}`;
  return formatDate(chart.unit === 'month' ? bin.slice(0, 7) : bin);
}

/** What a screen reader hears for bin `i`: its name, each entity's mentions and the events by type. */
export function describeBin(chart: TimelineChart, i: number): string {
  const parts = [binLabel(chart, chart.bins[i])];
  for (const m of chart.mentions) parts.push(`${m.name}: ${m.counts[i]} ${m.counts[i] === 1 ? 'mention' : 'mentions'}`);
  const events = chart.events.filter((e) => e.counts[i] > 0);
  const total = events.reduce((n, e) => n + e.counts[i], 0);
  parts.push(total ? `${total} ${total === 1 ? 'event' : 'events'} (${events.map((e) => `${e.label} ${e.counts[i]}`).join(', ')})` : 'no events');
  return parts.join('; ');
}

/** Why some events are not on the chart, in one sentence (empty when all are). */
export function leftOutNote(chart: Pick<TimelineChart, 'unit' | 'eventsLeftOut' | 'undatedArticles'>): string {
  const { coarse, outside, undated } = chart.eventsLeftOut;
  const parts: string[] = [];
  if (coarse) parts.push(`${coarse} dated only to ${chart.unit === 'day' ? 'a week, a month or a year' : chart.unit === 'week' ? 'a month or a year' : 'a year'}`);
  if (outside) parts.push(`${outside} dated outside the corpus's publication dates`);
  if (undated) parts.push(`${undated} undated`);
  const events = parts.length ? `Events not on the chart: ${parts.join(', ')}.` : '';
  const articles = chart.undatedArticles ? ` ${chart.undatedArticles} ${chart.undatedArticles === 1 ? 'article has' : 'articles have'} no publication date.` : '';
  return (events + articles).trim();
}
