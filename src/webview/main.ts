// The summaries panel. Article text is hostile: everything is rendered with createElement and
// textContent, never innerHTML. The host is the only source of data; this page keeps UI state
// (search, sort, entity filter, scroll) with setState so a reload or a restart restores it.
import type { ArticleFilter } from '../core/index/articleFilter';
import { NO_FILTER, isFiltering, sanitizeFilter } from '../core/index/articleFilter';
import type { CardData, ChipData, EntityRef, HostMessage, PanelUiState, Snapshot, WebviewMessage } from '../shared/protocol';
import { TYPE_ICONS, TYPE_NAMES } from '../shared/entityTypes';
import { sanitizeEntityRef, sanitizeUiState } from '../shared/protocol';
import { el, hostLink, icon } from './dom';
import { cardHaystack, visibleCards as cardsToShow } from './model/summaries';

const host = hostLink<PanelUiState, WebviewMessage>();
const MORE_STEP = 100;

const storedState = host.stored;
let state: PanelUiState = sanitizeUiState(storedState);
let snapshot: Snapshot | undefined;
let activeArticleId: string | null = null;
let haystacks = new Map<string, string>();
/** The window's date and source filter, as the host last sent it. */
let dateSource: { filter: ArticleFilter; label: string } = { filter: NO_FILTER, label: '' };

const post = host.post;
const request = (make: (id: number) => WebviewMessage): void => void host.request(make);

// ---- Static layout ----------------------------------------------------------------------------
const root = document.getElementById('root') as HTMLElement;
const toolbar = el('header', 'toolbar');
const searchBox = el('div', 'search');
const search = el('input');
search.type = 'search';
search.id = 'search';
search.placeholder = 'Search summaries';
search.setAttribute('aria-label', 'Search summaries (press / to focus)');
search.spellcheck = false;
searchBox.append(icon('search'), search);
const sortLabel = el('label', 'sort');
const sort = el('select');
sort.id = 'sort';
for (const [value, label] of [
  ['date', 'Newest first'],
  ['title', 'Title (A–Z)'],
] as const) {
  const o = el('option', undefined, label);
  o.value = value;
  sort.append(o);
}
sortLabel.append(el('span', undefined, 'Sort'), sort);
const count = el('span', 'count');
count.setAttribute('role', 'status');
count.setAttribute('aria-live', 'polite');
toolbar.append(searchBox, sortLabel, count);

const filterBar = el('div', 'filter');
filterBar.hidden = true;
const rangeBar = el('div', 'filter range');
rangeBar.hidden = true;

const list = el('main', 'cards');
list.setAttribute('role', 'feed');
list.setAttribute('aria-label', 'Article summaries');
const more = el('button', 'more', 'Show more');
more.hidden = true;
const empty = el('p', 'empty');
empty.hidden = true;
root.append(toolbar, rangeBar, filterBar, empty, list, more);

// ---- Rendering ----------------------------------------------------------------------------------
function visibleCards(): CardData[] {
  return snapshot ? cardsToShow(snapshot.cards, state, haystacks, dateSource.filter) : [];
}

function chip(c: ChipData, cardTitle: string): HTMLButtonElement {
  const b = el('button', `chip type-${c.type}`);
  b.type = 'button';
  b.dataset.entityId = c.id;
  b.title = `${TYPE_NAMES[c.type]} · ${c.count} mention${c.count === 1 ? '' : 's'} here. Reveal in the Entities view and show the articles that mention it.`;
  b.setAttribute('aria-label', `${c.name}, ${TYPE_NAMES[c.type]}, ${c.count} mentions in ${cardTitle}`);
  if (state.entity?.id === c.id) b.setAttribute('aria-pressed', 'true');
  b.append(icon(TYPE_ICONS[c.type]), el('span', 'name', c.name), el('span', 'n', String(c.count)));
  b.addEventListener('click', () => {
    setEntity({ id: c.id, name: c.name, type: c.type });
    request((id) => ({ type: 'revealEntity', id, entityId: c.id }));
  });
  return b;
}

function card(c: CardData, index: number): HTMLElement {
  const article = el('article', 'card');
  article.tabIndex = 0;
  article.dataset.articleId = c.articleId;
  const titleId = `title-${index}`;
  article.setAttribute('aria-labelledby', titleId);
  if (c.articleId === activeArticleId) {
    article.classList.add('active');
    article.setAttribute('aria-current', 'true');
  }

  const head = el('header');
  const h = el('h2', 'title', c.title);
  h.id = titleId;
  const meta = el('div', 'meta');
  if (c.source) meta.append(el('span', 'source', c.source));
  meta.append(el('span', 'date', c.date ?? 'undated'));
  head.append(h, meta);
  article.append(head);

  if (c.summary.length) {
    const summary = el('div', 'summary');
    for (const s of c.summary) summary.append(el('p', undefined, s));
    article.append(summary);
  } else {
    article.append(el('p', 'summary none', 'No summary.'));
  }

  const facts = [
    ['Who', c.main.who],
    ['What', c.main.what],
    ['When', c.main.when],
    ['Where', c.main.where],
  ].filter((f): f is [string, string] => !!f[1]);
  if (facts.length) {
    const dl = el('dl', 'main-event');
    dl.setAttribute('aria-label', 'Main event');
    for (const [k, v] of facts) dl.append(el('dt', undefined, k), el('dd', undefined, v));
    article.append(dl);
  }

  if (c.chips.length) {
    const chips = el('div', 'chips');
    chips.setAttribute('aria-label', 'Entities');
    for (const ch of c.chips) chips.append(chip(ch, c.title));
    article.append(chips);
  }

  const actions = el('div', 'actions');
  const open = el('button', 'open');
  open.type = 'button';
  open.append(icon('go-to-file'), el('span', undefined, 'Open article'));
  open.title = 'Open the article at its first summary sentence (Enter on the card)';
  open.addEventListener('click', () => openArticle(c.articleId));
  actions.append(open);
  article.append(actions);
  return article;
}

function openArticle(articleId: string): void {
  request((id) => ({ type: 'openArticle', id, articleId }));
}

function entityLabel(e: EntityRef): HTMLElement {
  const label = el('span', `filter-entity type-${e.type}`);
  label.append(icon(TYPE_ICONS[e.type]), el('span', undefined, e.name));
  return label;
}

function clearButton(title: string, ariaLabel: string, onClick: () => void): HTMLButtonElement {
  const clear = el('button', 'clear');
  clear.type = 'button';
  clear.title = title;
  clear.setAttribute('aria-label', ariaLabel);
  clear.append(icon('close'));
  clear.addEventListener('click', onClick);
  return clear;
}

function renderFilter(): void {
  rangeBar.replaceChildren();
  rangeBar.hidden = !isFiltering(dateSource.filter);
  if (!rangeBar.hidden) {
    rangeBar.append(
      icon('calendar'),
      el('span', undefined, 'Articles in'),
      el('span', 'filter-range', dateSource.label),
      clearButton('Clear the date and source filter (in every News Lens view)', `Clear the date and source filter ${dateSource.label}`, () => request((id) => ({ type: 'clearFilter', id }))),
    );
  }
  filterBar.replaceChildren();
  filterBar.hidden = !state.entity;
  if (!state.entity) return;
  const e = state.entity;
  const names = state.with ? `${e.name} and ${state.with.name}` : e.name;
  filterBar.append(el('span', undefined, 'Articles mentioning'), entityLabel(e));
  if (state.with) filterBar.append(el('span', undefined, 'and'), entityLabel(state.with));
  filterBar.append(clearButton('Show all articles', `Stop filtering by ${names}`, () => setEntity(null)));
}

function render(): void {
  const cards = visibleCards();
  const total = snapshot?.cards.length ?? 0;
  renderFilter();
  const focused = (document.activeElement as HTMLElement | null)?.closest?.('.card') as HTMLElement | null;
  const focusedId = focused?.dataset.articleId;
  list.replaceChildren(...cards.slice(0, state.shown).map(card));
  more.hidden = cards.length <= state.shown;
  more.textContent = `Show more (${cards.length - Math.min(cards.length, state.shown)} more)`;
  list.setAttribute('aria-busy', snapshot?.status === 'indexing' ? 'true' : 'false');

  if (!snapshot) empty.textContent = 'Loading…';
  else if (snapshot.status === 'indexing' && total === 0) empty.textContent = 'Indexing the corpus…';
  else if (total === 0) empty.textContent = 'No articles are loaded. Use “News Lens: Add Folder to Corpus” or “News Lens: Use Bundled Sample Corpus”.';
  else if (cards.length === 0) empty.textContent = isFiltering(dateSource.filter) ? 'No article matches the search and filters.' : 'No article matches the search.';
  empty.hidden = !!snapshot && cards.length > 0;

  count.textContent = snapshot ? `${cards.length === total ? total : `${cards.length} of ${total}`} article${total === 1 ? '' : 's'}${snapshot.status === 'indexing' ? ' · indexing…' : ''}` : '';
  // Only while the page has the focus: a redraw in the background must not take it from the workbench.
  if (focusedId && document.hasFocus()) list.querySelector<HTMLElement>(`.card[data-article-id="${CSS.escape(focusedId)}"]`)?.focus({ preventScroll: true });
  if (snapshot) post({ type: 'rendered', visible: cards.length, total, state });
}

function save(): void {
  host.save(state);
}

function setEntity(entity: PanelUiState['entity'], withEntity: EntityRef | null = null): void {
  state = { ...state, entity, with: entity ? withEntity : null, shown: MORE_STEP };
  save();
  render();
}

function applySnapshot(s: Snapshot): void {
  snapshot = s;
  haystacks = new Map(s.cards.map((c) => [c.articleId, cardHaystack(c)]));
  render();
}

function showActive(scroll: boolean): void {
  for (const c of list.querySelectorAll<HTMLElement>('.card.active')) {
    c.classList.remove('active');
    c.removeAttribute('aria-current');
  }
  if (!activeArticleId) return;
  const target = list.querySelector<HTMLElement>(`.card[data-article-id="${CSS.escape(activeArticleId)}"]`);
  if (!target) return;
  target.classList.add('active');
  target.setAttribute('aria-current', 'true');
  if (scroll) target.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

// ---- Events -------------------------------------------------------------------------------------
let searchTimer: ReturnType<typeof setTimeout> | undefined;
search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    state = { ...state, search: search.value, shown: MORE_STEP };
    save();
    render();
  }, 150);
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && search.value) {
    search.value = '';
    search.dispatchEvent(new Event('input'));
    e.stopPropagation();
  } else if (e.key === 'ArrowDown') {
    list.querySelector<HTMLElement>('.card')?.focus();
    e.preventDefault();
  }
});
sort.addEventListener('change', () => {
  state = { ...state, sort: sort.value === 'title' ? 'title' : 'date' };
  save();
  render();
});
more.addEventListener('click', () => {
  state = { ...state, shown: state.shown + MORE_STEP };
  save();
  render();
});

// Cards form a list: arrows (or j/k) move between cards, Home/End jump, Enter opens the article.
list.addEventListener('keydown', (e) => {
  const current = (e.target as HTMLElement).closest('.card') as HTMLElement | null;
  if (!current) return;
  const cards = [...list.querySelectorAll<HTMLElement>('.card')];
  const i = cards.indexOf(current);
  let next: HTMLElement | undefined;
  if (e.key === 'ArrowDown' || e.key === 'j') next = cards[i + 1];
  else if (e.key === 'ArrowUp' || e.key === 'k') next = i === 0 ? undefined : cards[i - 1];
  else if (e.key === 'Home') next = cards[0];
  else if (e.key === 'End') next = cards[cards.length - 1];
  else if (e.key === 'Enter' && e.target === current) {
    openArticle(current.dataset.articleId ?? '');
    e.preventDefault();
    return;
  } else return;
  if (e.key === 'ArrowUp' && i === 0) search.focus();
  next?.focus();
  e.preventDefault();
});
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement !== search) {
    search.focus();
    e.preventDefault();
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    state = { ...state, scrollTop: Math.round(window.scrollY) };
    save();
  }, 200);
});

function syncControls(): void {
  search.value = state.search;
  sort.value = state.sort;
}

let restoredScroll = false;
window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  switch (m.type) {
    case 'snapshot': {
      // State the host kept for a restored panel counts only when this page has none of its own.
      if (m.restoreState && storedState === undefined) {
        state = sanitizeUiState(m.restoreState);
        save();
      }
      syncControls();
      activeArticleId = m.activeArticleId;
      applySnapshot(m.snapshot);
      if (!restoredScroll && state.scrollTop > 0) window.scrollTo(0, state.scrollTop);
      restoredScroll = true;
      showActive(!state.scrollTop);
      break;
    }
    case 'activeArticle':
      activeArticleId = m.articleId;
      showActive(true);
      break;
    case 'focusEntity':
      state = { ...state, search: '' };
      syncControls();
      setEntity(sanitizeEntityRef(m.entity), sanitizeEntityRef(m.with));
      break;
    case 'filter':
      dateSource = { filter: sanitizeFilter(m.filter), label: typeof m.label === 'string' ? m.label : '' };
      state = { ...state, shown: MORE_STEP };
      render();
      break;
    case 'done':
      if (!m.ok && m.error) count.textContent = m.error;
      break;
  }
});

syncControls();
render();
request((id) => ({ type: 'ready', id, state: storedState === undefined || storedState === null ? null : state }));
