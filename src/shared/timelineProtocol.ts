/**
 * Messages between the extension host and the timeline page, and the page's UI state. Compiled
 * into both sides: no `vscode`, Node or DOM imports. Each side validates what it receives.
 *
 * As on the graph page: `ready` (the restored state) → `init` (context and first chart); `query`
 * → `chart` when the entities or the unit change; the host pushes `context` when the corpus or the
 * date and source filter changes, and `focus` when "Show Timeline" is run on an entity. A brush on
 * the chart sets the window's date range (`brush`); a click on a bar asks for its `articles`.
 */
import type { ArticleFilter } from '../core/index/articleFilter';
import { sanitizeFilter } from '../core/index/articleFilter';
import type { BinUnit, EntitySeries, EventSeries, TimelineChart, TimelineQuery } from '../core/model/timeline';
import { MAX_BINS, MAX_COMPARED } from '../core/model/timeline';
import type { SearchResult } from './pageProtocol';
import { isEntityType, parseDone, parseSearchResults } from './pageProtocol';
import type { CorpusStatus } from './protocol';
import { isCount, isId, isObject, isText, textList } from './validate';

export type TimelineUiState = TimelineQuery;

export const DEFAULT_TIMELINE_STATE: TimelineUiState = { entities: [], unit: 'auto' };

export interface TimelineContext {
  status: CorpusStatus;
  /** Bumped each time the corpus changes: the page asks for its chart again. */
  corpus: number;
  filter: ArticleFilter;
  filterLabel: string;
}

export interface BinArticle {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  /** Mentions of the entity, or events of the type, in the article. */
  count: number;
}

// Page -> host
export type TimelinePageMessage =
  | { type: 'ready'; id: number; state: TimelineUiState | null }
  | { type: 'query'; id: number; query: TimelineQuery }
  | { type: 'search'; id: number; text: string }
  /** A range brushed on the chart (days, inclusive), or null ends to clear it: the window's date filter. */
  | { type: 'brush'; id: number; from: string | null; to: string | null }
  /** A click on a bar: its articles (`series`: an entity id, an event type, or null for all events). */
  | { type: 'listArticles'; id: number; bin: string; series: string | null }
  | { type: 'openArticle'; id: number; articleId: string }
  /** What the page drew: bins on the axis, bars (non-zero event counts) and points (non-zero mention counts). */
  | { type: 'rendered'; bins: number; bars: number; points: number; state: TimelineUiState };

// Host -> page
export type TimelineHostMessage =
  | { type: 'init'; replyTo: number; state: TimelineUiState; context: TimelineContext; chart: TimelineChart }
  | { type: 'chart'; replyTo: number; chart: TimelineChart }
  | { type: 'context'; context: TimelineContext }
  | { type: 'focus'; entityId: string }
  | { type: 'searchResults'; replyTo: number; results: SearchResult[] }
  | { type: 'articles'; replyTo: number; heading: string; articles: BinArticle[] }
  | { type: 'done'; replyTo: number; ok: boolean; error?: string };

const UNITS: readonly (BinUnit | 'auto')[] = ['auto', 'day', 'week', 'month'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (x: unknown): x is string => isText(x, 10) && DAY.test(x);

export function sanitizeTimelineState(raw: unknown): TimelineUiState {
  const r = isObject(raw) ? raw : {};
  return { entities: [...new Set(textList(r.entities, MAX_COMPARED))], unit: UNITS.includes(r.unit as BinUnit) ? (r.unit as BinUnit | 'auto') : 'auto' };
}

/** Validates a message from the timeline page; unknown shapes are dropped, never acted on. */
export function parseTimelinePageMessage(raw: unknown): TimelinePageMessage | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'rendered') {
    return isId(raw.bins) && isId(raw.bars) && isId(raw.points) ? { type: 'rendered', bins: raw.bins, bars: raw.bars, points: raw.points, state: sanitizeTimelineState(raw.state) } : undefined;
  }
  if (!isId(raw.id)) return undefined;
  const id = raw.id;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready', id, state: raw.state === null || raw.state === undefined ? null : sanitizeTimelineState(raw.state) };
    case 'query':
      return isObject(raw.query) ? { type: 'query', id, query: sanitizeTimelineState(raw.query) } : undefined;
    case 'search':
      return isText(raw.text, 200) ? { type: 'search', id, text: raw.text } : undefined;
    case 'brush': {
      if (!(raw.from === null || isDay(raw.from)) || !(raw.to === null || isDay(raw.to))) return undefined;
      const f = sanitizeFilter({ from: raw.from, to: raw.to });
      return { type: 'brush', id, from: f.from, to: f.to };
    }
    case 'listArticles':
      return isDay(raw.bin) && (raw.series === null || isText(raw.series, 1000)) ? { type: 'listArticles', id, bin: raw.bin, series: raw.series } : undefined;
    case 'openArticle':
      return isText(raw.articleId, 2000) ? { type: 'openArticle', id, articleId: raw.articleId } : undefined;
    default:
      return undefined;
  }
}

function counts(x: unknown, length: number): number[] | undefined {
  return Array.isArray(x) && x.length === length && x.every(isCount) ? (x as number[]) : undefined;
}

/** A chart from the host, keeping only series of the right length. */
export function parseChart(raw: unknown): TimelineChart {
  const r = isObject(raw) ? raw : {};
  const bins = Array.isArray(r.bins) ? r.bins.filter(isDay).slice(0, MAX_BINS * 2) : [];
  const n = bins.length;
  const mentions = (Array.isArray(r.mentions) ? r.mentions : [])
    .slice(0, MAX_COMPARED)
    .flatMap((s): EntitySeries[] => {
      const c = isObject(s) ? counts(s.counts, n) : undefined;
      return isObject(s) && c && isText(s.id, 1000) && isText(s.name, 1000) && isEntityType(s.type) ? [{ id: s.id, name: s.name, type: s.type, counts: c }] : [];
    });
  const events = (Array.isArray(r.events) ? r.events : [])
    .slice(0, 50)
    .flatMap((s): EventSeries[] => {
      const c = isObject(s) ? counts(s.counts, n) : undefined;
      return isObject(s) && c && isText(s.type, 100) && isText(s.label, 200) ? [{ type: s.type, label: s.label, counts: c }] : [];
    });
  const focus = isObject(r.focus) ? r.focus : {};
  const clampBin = (x: unknown, fallback: number): number => (isId(x) && x < n ? x : fallback);
  const left = isObject(r.eventsLeftOut) ? r.eventsLeftOut : {};
  const num = (x: unknown): number => (isCount(x) ? x : 0);
  return {
    unit: r.unit === 'week' || r.unit === 'month' ? r.unit : 'day',
    bins,
    focus: { from: clampBin(focus.from, 0), to: clampBin(focus.to, Math.max(0, n - 1)) },
    mentions,
    events,
    eventsLeftOut: { coarse: num(left.coarse), outside: num(left.outside), undated: num(left.undated) },
    undatedArticles: num(r.undatedArticles),
  };
}

function parseContext(raw: unknown): TimelineContext {
  const r = isObject(raw) ? raw : {};
  return { status: r.status === 'indexing' || r.status === 'empty' ? r.status : 'ready', corpus: isId(r.corpus) ? r.corpus : 0, filter: sanitizeFilter(r.filter), filterLabel: isText(r.filterLabel, 500) ? r.filterLabel : '' };
}

/** Validates a message from the host before the page acts on it. */
export function parseTimelineHostMessage(raw: unknown): TimelineHostMessage | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'init':
      return isId(raw.replyTo) ? { type: 'init', replyTo: raw.replyTo, state: sanitizeTimelineState(raw.state), context: parseContext(raw.context), chart: parseChart(raw.chart) } : undefined;
    case 'chart':
      return isId(raw.replyTo) ? { type: 'chart', replyTo: raw.replyTo, chart: parseChart(raw.chart) } : undefined;
    case 'context':
      return { type: 'context', context: parseContext(raw.context) };
    case 'focus':
      return isText(raw.entityId, 1000) ? { type: 'focus', entityId: raw.entityId } : undefined;
    case 'searchResults':
      return isId(raw.replyTo) ? { type: 'searchResults', replyTo: raw.replyTo, results: parseSearchResults(raw.results) } : undefined;
    case 'articles': {
      if (!isId(raw.replyTo)) return undefined;
      const articles = (Array.isArray(raw.articles) ? raw.articles : [])
        .filter((a): a is BinArticle => isObject(a) && isText(a.id, 2000) && isText(a.title, 2000) && (a.date === null || isText(a.date, 20)) && (a.source === null || isText(a.source, 1000)) && isCount(a.count))
        .slice(0, 500);
      return { type: 'articles', replyTo: raw.replyTo, heading: isText(raw.heading, 500) ? raw.heading : '', articles };
    }
    case 'done':
      return parseDone(raw);
    default:
      return undefined;
  }
}

/** An entity added to the comparison: at the end, the oldest dropped past MAX_COMPARED. */
export function addCompared(state: TimelineUiState, id: string): TimelineUiState {
  if (state.entities.includes(id)) return state;
  return { ...state, entities: [...state.entities, id].slice(-MAX_COMPARED) };
}
