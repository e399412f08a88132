// The timeline page: mentions of up to five entities (lines) over the events of each type (stacked
// bars), per day, week or month, drawn with uPlot on canvases. Dragging across either chart brushes
// a date range, which becomes the window's date filter; clicking a bar lists its articles. Names
// reach the DOM through textContent only. The UI state (entities, unit) is kept with setState.
import uPlot from 'uplot';
import type { ArticleFilter } from '../core/index/articleFilter';
import { NO_FILTER } from '../core/index/articleFilter';
import type { BinUnit, TimelineChart } from '../core/model/timeline';
import { MAX_COMPARED } from '../core/model/timeline';
import { EVENT_ICONS, TYPE_ICONS, TYPE_NAMES } from '../shared/entityTypes';
import type { BinArticle, TimelineContext, TimelinePageMessage, TimelineUiState } from '../shared/timelineProtocol';
import { addCompared, parseTimelineHostMessage, sanitizeTimelineState } from '../shared/timelineProtocol';
import { entitySearch } from './entitySearch';
import { button, el, highContrast, hostLink, icon, mix, onThemeChange, palette, themeColour } from './dom';
import { brushRange, describeBin, drawnCounts, leftOutNote, segmentAt, selectedBins, stackSeries, toSeconds } from './model/timelineView';

const host = hostLink<TimelineUiState, TimelinePageMessage>();
let state: TimelineUiState = sanitizeTimelineState(host.stored);
let context: TimelineContext = { status: 'ready', corpus: 0, filter: NO_FILTER, filterLabel: '' };
let chart: TimelineChart | undefined;
let latestQuery = -1;
let latestList = -1;
/** The bin the keyboard cursor is on. */
let cursorBin = 0;
/** Set while the page itself draws the filter's range, so that drawing it is not taken for a brush. */
let drawingSelection = false;

const PALETTE_SIZE = 12;
const EVENT_ORDER = Object.keys(EVENT_ICONS);

interface Colours {
  palette: string[];
  text: string;
  grid: string;
  font: string;
}
let colours: Colours;

function readColours(): Colours {
  const background = themeColour('graph-background', 'backgroundColor');
  const text = themeColour('graph-label');
  return {
    palette: palette(PALETTE_SIZE),
    text,
    grid: mix(text, background, highContrast() ? 0.5 : 0.12),
    font: getComputedStyle(document.body).fontFamily || 'sans-serif',
  };
}

/** An event type keeps its colour from chart to chart: its place in the taxonomy. */
function eventColour(type: string): string {
  const i = EVENT_ORDER.indexOf(type);
  return colours.palette[(i < 0 ? EVENT_ORDER.length : i) % PALETTE_SIZE];
}

function entityColour(i: number): string {
  return colours.palette[i % PALETTE_SIZE];
}

// ---- Static layout -----------------------------------------------------------------------------
const root = document.getElementById('root') as HTMLElement;
const toolbar = el('header', 'toolbar');
const search = entitySearch({
  placeholder: `Compare an entity (up to ${MAX_COMPARED})`,
  label: `Add an entity to compare, up to ${MAX_COMPARED}`,
  empty: 'No entity of that name',
  ask: (text) => host.request((id) => ({ type: 'search', id, text })),
  pick: (id) => update(addCompared(state, id)),
});

const compared = el('div', 'compared');
compared.setAttribute('aria-label', 'Entities compared');

const unitLabel = el('label', 'field');
const unit = el('select');
for (const [value, label] of [
  ['auto', 'Auto'],
  ['day', 'Day'],
  ['week', 'Week'],
  ['month', 'Month'],
] as const) {
  const o = el('option', undefined, label);
  o.value = value;
  unit.append(o);
}
unitLabel.append(el('span', undefined, 'Per'), unit);

const range = el('span', 'range');
range.setAttribute('role', 'status');
const clearRange = button('action clear-range', 'Clear range', { icon: 'close', title: 'Clear the date range (in every News Lens view)' });
const showAll = button('action show-all', 'Whole corpus', { icon: 'screen-full', title: 'Show every bin of the corpus, not only the stretch most articles fall in' });
toolbar.append(search.element, compared, unitLabel, showAll, range, clearRange);

const main = el('main', 'charts');
const mentionsSection = el('section', 'chart mentions');
const mentionsHeading = el('h2', undefined, 'Mentions');
const mentionsPlot = el('div', 'plot');
mentionsSection.append(mentionsHeading, mentionsPlot);
const eventsSection = el('section', 'chart events');
const eventsHeading = el('h2', undefined, 'Events by type');
const legend = el('ul', 'legend');
legend.setAttribute('aria-label', 'Event types');
const eventsPlot = el('div', 'plot');
eventsSection.append(eventsHeading, legend, eventsPlot);
const hint = el('p', 'hint', 'Drag across a chart to filter every view to those dates; click a bar to list its articles. Keyboard: ←/→ move between bins, Enter lists the bin\u2019s articles, [ and ] set the range\u2019s start and end, Escape clears it.');
const note = el('p', 'note');
const readout = el('p', 'readout');
readout.setAttribute('aria-live', 'polite');
const message = el('p', 'empty');
message.hidden = true;
const articles = el('section', 'articles');
articles.hidden = true;
main.append(message, mentionsSection, eventsSection, note, hint, readout, articles);
main.tabIndex = 0;
main.setAttribute('aria-label', 'Timeline charts: use the arrow keys to move between bins');
root.append(toolbar, main);

// ---- Talking to the host -----------------------------------------------------------------------
function update(next: TimelineUiState): void {
  state = next;
  host.save(state);
  renderCompared();
  latestQuery = host.request((id) => ({ type: 'query', id, query: state }));
}

function brush(from: string | null, to: string | null): void {
  host.request((id) => ({ type: 'brush', id, from, to }));
}

function listArticles(i: number, series: string | null): void {
  if (!chart?.bins[i]) return;
  const bin = chart.bins[i];
  latestList = host.request((id) => ({ type: 'listArticles', id, bin, series }));
}

// ---- Charts ----------------------------------------------------------------------------------------
let mentionsChart: uPlot | undefined;
let eventsChart: uPlot | undefined;
let stacks: number[][] = [];

function axes(): uPlot.Axis[] {
  const font = `12px ${colours.font}`;
  const axis = { stroke: colours.text, font, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  return [axis, { ...axis, size: 52 }];
}

function options(kind: 'mentions' | 'events', series: uPlot.Series[], width: number): uPlot.Options {
  return {
    width,
    height: kind === 'mentions' ? 200 : 220,
    // Dates are UTC days: the axis must not shift them into the viewer's time zone.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { sync: { key: 'news-lens-timeline' }, drag: { x: true, y: false, setScale: false }, points: { show: kind === 'mentions' } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: axes(),
    series: [{}, ...series],
    hooks: {
      setSelect: [(u) => onSelect(u)],
      setCursor: [(u) => onCursor(u)],
    },
  };
}

/** A drag on either chart: the bins it covers become the window's date range. */
function onSelect(u: uPlot): void {
  if (drawingSelection || !chart || u.select.width < 3) return;
  const from = u.posToIdx(u.select.left);
  const to = u.posToIdx(u.select.left + u.select.width);
  const r = brushRange(chart, from, to);
  brush(r.from, r.to);
}

function onCursor(u: uPlot): void {
  const i = u.cursor.idx;
  if (i === null || i === undefined || !chart) return;
  cursorBin = i;
}

/** Where the pointer went down on a chart: a click that ends 3 pixels or more away was a brush. */
let pressedAt = 0;

function clicked(kind: 'mentions' | 'events', u: uPlot, e: MouseEvent): void {
  const i = u.cursor.idx;
  // Not the selection's width: the window's date range is drawn as one, and a bar in it can still be clicked.
  if (i === null || i === undefined || !chart || Math.abs(e.clientX - pressedAt) >= 3) return;
  const y = u.posToVal(u.cursor.top ?? 0, 'y');
  if (kind === 'events') {
    const s = segmentAt(stacks, i, y);
    listArticles(i, s === undefined ? null : (chart.events[s]?.type ?? null));
    return;
  }
  // The entity whose line passes nearest the pointer.
  let best: string | null = null;
  let distance = Infinity;
  for (const m of chart.mentions) {
    const d = Math.abs(m.counts[i] - y);
    if (d < distance) [best, distance] = [m.id, d];
  }
  listArticles(i, best);
}

function plotWidth(): number {
  return Math.max(300, main.clientWidth - 32);
}

function draw(): void {
  mentionsChart?.destroy();
  eventsChart?.destroy();
  mentionsChart = eventsChart = undefined;
  mentionsPlot.replaceChildren();
  eventsPlot.replaceChildren();
  legend.replaceChildren();
  if (!chart || chart.bins.length === 0) {
    mentionsSection.hidden = eventsSection.hidden = true;
    message.hidden = false;
    message.textContent =
      context.status === 'indexing' ? 'Indexing the corpus…' : context.status === 'empty' ? 'No articles are loaded.' : 'No article of this corpus (under the source filter) has a publication date: the timeline needs dated articles.';
    note.textContent = chart ? leftOutNote(chart) : '';
    report();
    return;
  }
  mentionsSection.hidden = eventsSection.hidden = false;
  message.hidden = true;
  const xs = chart.bins.map(toSeconds);
  const width = plotWidth();

  mentionsHeading.textContent = chart.mentions.length ? `Mentions per ${chart.unit}` : `Mentions per ${chart.unit}: add an entity to compare`;
  const lines: uPlot.Series[] = chart.mentions.map((m, i) => ({ label: m.name, stroke: entityColour(i), width: 2, points: { size: 5, fill: entityColour(i) } }));
  mentionsChart = new uPlot(options('mentions', lines, width), [xs, ...chart.mentions.map((m) => m.counts)], mentionsPlot);

  stacks = stackSeries(chart.events);
  eventsHeading.textContent = `Events per ${chart.unit}, by type`;
  const bars = uPlot.paths.bars?.({ size: [0.85, 40], gap: 1 });
  // The tallest stack first, each lower one drawn over it.
  const order = chart.events.map((_, i) => i).reverse();
  const barSeries: uPlot.Series[] = order.map((i) => ({ label: chart?.events[i].label, fill: eventColour(chart?.events[i].type ?? ''), stroke: eventColour(chart?.events[i].type ?? ''), paths: bars, points: { show: false } }));
  eventsChart = new uPlot(options('events', barSeries, width), [xs, ...order.map((i) => stacks[i])], eventsPlot);
  for (const e of chart.events) {
    const li = el('li');
    const swatch = el('span', 'swatch');
    swatch.style.background = eventColour(e.type);
    li.append(swatch, icon(EVENT_ICONS[e.type] ?? 'symbol-event'), el('span', undefined, `${e.label} (${e.counts.reduce((a, b) => a + b, 0)})`));
    legend.append(li);
  }
  for (const [kind, u] of [
    ['mentions', mentionsChart],
    ['events', eventsChart],
  ] as const) {
    u.over.addEventListener('mousedown', (e) => (pressedAt = e.clientX));
    u.over.addEventListener('click', (e) => clicked(kind, u, e));
  }
  showFocus(false);
  showSelection();
  note.textContent = leftOutNote(chart);
  report();
}

/** Zooms the x axis to the stretch most articles fall in, or (`all`) to the whole corpus. */
function showFocus(all: boolean): void {
  if (!chart || !mentionsChart || !eventsChart) return;
  const from = all ? 0 : chart.focus.from;
  const to = all ? chart.bins.length - 1 : chart.focus.to;
  const pad = chart.unit === 'day' ? 43200 : chart.unit === 'week' ? 3.5 * 86400 : 15 * 86400;
  const limits = { min: toSeconds(chart.bins[from]) - pad, max: toSeconds(chart.bins[to]) + pad };
  for (const u of [mentionsChart, eventsChart]) u.setScale('x', limits);
  showAll.hidden = all || (from === 0 && to === chart.bins.length - 1);
}

/** Draws the window's date range as the charts' selection (without taking it for a new brush). */
function showSelection(): void {
  const f: ArticleFilter = context.filter;
  range.textContent = f.from || f.to ? `Range: ${context.filterLabel}` : '';
  clearRange.hidden = !(f.from || f.to);
  if (!chart || !mentionsChart || !eventsChart) return;
  const bins = selectedBins(chart, f);
  drawingSelection = true;
  for (const u of [mentionsChart, eventsChart]) {
    if (!bins) {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      continue;
    }
    const left = u.valToPos(toSeconds(chart.bins[bins.from]), 'x');
    const right = bins.to + 1 < chart.bins.length ? u.valToPos(toSeconds(chart.bins[bins.to + 1]), 'x') : u.bbox.width / devicePixelRatio;
    u.setSelect({ left, top: 0, width: Math.max(2, right - left), height: u.bbox.height / devicePixelRatio }, false);
  }
  drawingSelection = false;
}

/** Tells the host what the charts show, once they are on screen (the integration tests read it). */
function report(): void {
  const counts = chart ? drawnCounts(chart) : { bars: 0, points: 0 };
  requestAnimationFrame(() => host.post({ type: 'rendered', bins: chart?.bins.length ?? 0, bars: eventsChart ? counts.bars : 0, points: mentionsChart ? counts.points : 0, state }));
}

// ---- Entities compared --------------------------------------------------------------------------
function renderCompared(): void {
  compared.replaceChildren();
  const named = new Map((chart?.mentions ?? []).map((m, i) => [m.id, { m, i }]));
  for (const id of state.entities) {
    const known = named.get(id);
    const chip = el('span', `chip${known ? ` type-${known.m.type}` : ''}`);
    chip.dataset.entityId = id;
    if (known) {
      const swatch = el('span', 'swatch');
      swatch.style.background = entityColour(known.i);
      chip.append(swatch, icon(TYPE_ICONS[known.m.type]), el('span', 'name', known.m.name));
      chip.title = `${TYPE_NAMES[known.m.type]}: ${known.m.counts.reduce((a, b) => a + b, 0)} mentions on the chart`;
    } else chip.append(el('span', 'name', '…'));
    const remove = button('remove', `Stop comparing ${known?.m.name ?? 'this entity'}`, { icon: 'close', iconOnly: true, title: 'Remove from the comparison' });
    remove.addEventListener('click', () => update({ ...state, entities: state.entities.filter((x) => x !== id) }));
    chip.append(remove);
    compared.append(chip);
  }
}

// ---- Articles of a bar ----------------------------------------------------------------------------
function showArticles(heading: string, list: BinArticle[]): void {
  articles.hidden = false;
  const close = button('icon-button', 'Close the list', { icon: 'close', iconOnly: true });
  close.addEventListener('click', () => (articles.hidden = true));
  const h = el('h2');
  h.append(el('span', undefined, heading), close);
  const ul = el('ul', 'article-list');
  for (const a of list) {
    const li = el('li');
    const b = el('button', 'article');
    b.type = 'button';
    b.dataset.articleId = a.id;
    b.append(icon('file-text'), el('span', 'title', a.title), el('span', 'meta', [a.date, a.source, `×${a.count}`].filter(Boolean).join(' \u00b7 ')));
    b.title = 'Open the article';
    b.addEventListener('click', () => host.request((id) => ({ type: 'openArticle', id, articleId: a.id })));
    li.append(b);
    ul.append(li);
  }
  if (!list.length) ul.append(el('li', 'none', 'No article.'));
  articles.replaceChildren(h, ul);
  ul.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: false });
}

// ---- Controls and keyboard -------------------------------------------------------------------------
unit.addEventListener('change', () => update({ ...state, unit: (['day', 'week', 'month'].includes(unit.value) ? unit.value : 'auto') as BinUnit | 'auto' }));
clearRange.addEventListener('click', () => brush(null, null));
showAll.addEventListener('click', () => showFocus(true));

let rangeStart: number | undefined;
main.addEventListener('keydown', (e) => {
  if (!chart?.bins.length || e.target !== main) return;
  const last = chart.bins.length - 1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    cursorBin = Math.max(0, Math.min(last, cursorBin + (e.key === 'ArrowRight' ? 1 : -1)));
    for (const u of [mentionsChart, eventsChart]) {
      if (!u) continue;
      u.setCursor({ left: u.valToPos(toSeconds(chart.bins[cursorBin]), 'x'), top: u.bbox.height / devicePixelRatio / 2 });
    }
    readout.textContent = describeBin(chart, cursorBin);
  } else if (e.key === 'Enter') listArticles(cursorBin, null);
  else if (e.key === '[') rangeStart = cursorBin;
  else if (e.key === ']') {
    const r = brushRange(chart, rangeStart ?? cursorBin, cursorBin);
    brush(r.from, r.to);
  } else if (e.key === 'Escape') brush(null, null);
  else return;
  e.preventDefault();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const u of [mentionsChart, eventsChart]) u?.setSize({ width: plotWidth(), height: u.height });
    showSelection();
  }, 100);
}).observe(main);

// ---- Messages from the host --------------------------------------------------------------------
function applyChart(next: TimelineChart): void {
  chart = next;
  cursorBin = Math.min(cursorBin, Math.max(0, next.bins.length - 1));
  renderCompared();
  draw();
  readout.textContent = '';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = parseTimelineHostMessage(event.data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      state = m.state;
      host.save(state);
      context = m.context;
      unit.value = state.unit;
      latestQuery = m.replyTo;
      applyChart(m.chart);
      break;
    case 'chart':
      if (m.replyTo === latestQuery) applyChart(m.chart);
      break;
    case 'context': {
      const recount = m.context.filter.sources.join('\u0000') !== context.filter.sources.join('\u0000') || m.context.status !== context.status || m.context.corpus !== context.corpus;
      context = m.context;
      // The chart counts the corpus under the filter's sources; the filter's date range is only the selection drawn on it.
      if (recount) update(state);
      else showSelection();
      break;
    }
    case 'focus':
      update(addCompared(state, m.entityId));
      break;
    case 'searchResults':
      search.showResults(m.replyTo, m.results);
      break;
    case 'articles':
      if (m.replyTo === latestList) showArticles(m.heading, m.articles);
      break;
    case 'done':
      if (!m.ok && m.error) range.textContent = m.error;
      break;
  }
});

onThemeChange(() => {
  colours = readColours();
  draw();
});

host.request((id) => ({ type: 'ready', id, state: host.stored === undefined || host.stored === null ? null : state }));
colours = readColours();
unit.value = state.unit;
renderCompared();
