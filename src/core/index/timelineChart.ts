/**
 * The timeline chart: mentions of a few entities and events of each type, counted per day, week
 * or month across the corpus's publication dates. Counted from the index's lists (an entity's
 * mentions, the timeline), in time slices on the extension host; the page receives one number
 * per bin and series.
 */
import { daysBetween, periodOf } from '../model/period';
import type { Precision } from '../model/period';
import type { BinUnit, EventSeries, TimelineChart, TimelineQuery } from '../model/timeline';
import { MAX_BINS, MAX_COMPARED, binStart, binsBetween, nextBin } from '../model/timeline';
import { EVENT_ICONS } from '../../shared/entityTypes';
import type { ArticleFilter } from './articleFilter';
import { articlePasses } from './articleFilter';
import type { CorpusIndex } from './corpusIndex';
import { filedDate } from './corpusIndex';
import type { Steps } from './steps';

/**
 * The unit for 'auto': days while the stretch most articles fall in is four months at most, weeks
 * up to two years, months beyond; a unit that would make too many bars over the whole corpus
 * gives way to the next.
 */
export function chooseUnit(unit: TimelineQuery['unit'], dense: { first: string; last: string }, whole: { first: string; last: string }): BinUnit {
  const days = daysBetween(dense.first, dense.last);
  let u: BinUnit = unit !== 'auto' ? unit : days <= 120 ? 'day' : days <= 730 ? 'week' : 'month';
  const total = daysBetween(whole.first, whole.last);
  if (u === 'day' && total > MAX_BINS) u = 'week';
  if (u === 'week' && total / 7 > MAX_BINS) u = 'month';
  return u;
}

/** Which precisions of an event's date fit in a bin of `unit` (a month-precise date has no day to go in). */
const FITS: Record<BinUnit, Precision[]> = { day: ['day'], week: ['day', 'week'], month: ['day', 'week', 'month'] };

/**
 * The chart for `query` over the articles of the filter's sources (its date range is what the page
 * brushes, not what it counts). Undated corpora give no bins.
 */
export function* timelineSteps(index: CorpusIndex, query: TimelineQuery, filter: ArticleFilter): Steps<TimelineChart> {
  const sourcesOnly: ArticleFilter = { from: null, to: null, sources: filter.sources };
  const dates: string[] = [];
  let undatedArticles = 0;
  for (const { article } of index.articles()) {
    if (!articlePasses(article, sourcesOnly)) continue;
    if (article.date) dates.push(article.date);
    else undatedArticles++;
  }
  yield;
  dates.sort();
  const empty: TimelineChart = { unit: 'day', bins: [], focus: { from: 0, to: 0 }, mentions: [], events: [], eventsLeftOut: { coarse: 0, outside: 0, undated: 0 }, undatedArticles };
  if (!dates.length) return empty;
  const whole = { first: dates[0], last: dates[dates.length - 1] };
  const dense = { first: dates[Math.floor((dates.length - 1) * 0.02)], last: dates[Math.ceil((dates.length - 1) * 0.98)] };
  const unit = chooseUnit(query.unit, dense, whole);
  const bins = binsBetween(whole.first, whole.last, unit);
  const binOf = new Map(bins.map((b, i) => [b, i]));
  const at = (day: string): number | undefined => binOf.get(binStart(day, unit));
  const passes = (articleId: string): boolean => {
    const a = index.article(articleId)?.article;
    return !!a && articlePasses(a, sourcesOnly);
  };

  const mentions = [];
  for (const id of query.entities.slice(0, MAX_COMPARED)) {
    const entity = index.entity(id);
    if (!entity) continue;
    const counts = new Array<number>(bins.length).fill(0);
    let n = 0;
    for (const m of index.mentionsOf(id)) {
      if (++n % 4096 === 0) yield;
      const a = index.article(m.articleId)?.article;
      if (!a?.date || !articlePasses(a, sourcesOnly)) continue;
      const i = at(a.date);
      if (i !== undefined) counts[i]++;
    }
    mentions.push({ id, name: entity.name, type: entity.type, counts });
  }

  const byType = new Map<string, number[]>();
  const labels = new Map<string, string>();
  const leftOut = { coarse: 0, outside: 0, undated: 0 };
  let n = 0;
  for (const e of index.timeline()) {
    if (++n % 4096 === 0) yield;
    if (!passes(e.articleId)) continue;
    const date = filedDate(e);
    const p = date === null ? undefined : periodOf(date);
    if (!p) {
      leftOut.undated++;
      continue;
    }
    if (!FITS[unit].includes(p.precision)) {
      leftOut.coarse++;
      continue;
    }
    const i = at(p.start);
    if (i === undefined) {
      leftOut.outside++;
      continue;
    }
    if (e.event.typeLabel) labels.set(e.event.type, e.event.typeLabel);
    let counts = byType.get(e.event.type);
    if (!counts) byType.set(e.event.type, (counts = new Array<number>(bins.length).fill(0)));
    counts[i]++;
  }
  const order = Object.keys(EVENT_ICONS);
  const rank = (type: string): number => (order.includes(type) ? order.indexOf(type) : order.length);
  const events: EventSeries[] = [...byType]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([type, counts]) => ({ type, label: labels.get(type) ?? type, counts }));
  return { unit, bins, focus: { from: binOf.get(binStart(dense.first, unit)) ?? 0, to: binOf.get(binStart(dense.last, unit)) ?? bins.length - 1 }, mentions, events, eventsLeftOut: leftOut, undatedArticles };
}

/**
 * The articles behind one bar: published in the bin and mentioning the entity (`series` an entity
 * id), or with an event of that type filed in it (`series` an event type; null: of any type).
 * Most mentions or events first within a day, newest days first.
 */
export function articlesInBin(index: CorpusIndex, chart: Pick<TimelineChart, 'unit'>, bin: string, series: string | null, filter: ArticleFilter, limit = 200): { id: string; title: string; date: string | null; source: string | null; count: number }[] {
  const sourcesOnly: ArticleFilter = { from: null, to: null, sources: filter.sources };
  const end = nextBin(bin, chart.unit);
  const counts = new Map<string, number>();
  const add = (id: string): void => void counts.set(id, (counts.get(id) ?? 0) + 1);
  const entity = series ? index.entity(series) : undefined;
  if (entity) {
    for (const m of index.mentionsOf(entity.id)) {
      const a = index.article(m.articleId)?.article;
      if (a?.date && a.date >= bin && a.date < end && articlePasses(a, sourcesOnly)) add(a.id);
    }
  } else {
    for (const e of index.timeline()) {
      if (series !== null && e.event.type !== series) continue;
      const date = filedDate(e);
      const p = date === null ? undefined : periodOf(date);
      const a = index.article(e.articleId)?.article;
      if (p && a && p.start >= bin && p.start < end && articlePasses(a, sourcesOnly)) add(a.id);
    }
  }
  return [...counts]
    .map(([id, count]) => {
      const a = index.article(id)?.article;
      return { id, title: a?.title || id, date: a?.date ?? null, source: a?.source ?? null, count };
    })
    .sort((x, y) => (x.date === y.date ? y.count - x.count : (y.date ?? '') < (x.date ?? '') ? -1 : 1))
    .slice(0, limit);
}
