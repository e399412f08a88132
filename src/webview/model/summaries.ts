// What the summaries page shows, apart from the DOM: the cards that pass the search, the entity
// (or pair of entities) and the window's date and source filter, in the chosen order.
import type { ArticleFilter } from '../../core/index/articleFilter';
import { articlePasses } from '../../core/index/articleFilter';
import type { CardData, PanelUiState } from '../../shared/protocol';

/** Lower case without accents, for matching what the user types against card text. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Everything of a card the search looks in, folded once per snapshot. */
export function cardHaystack(c: CardData): string {
  return fold([c.title, c.source ?? '', c.date ?? '', ...c.summary, ...c.chips.map((x) => x.name), c.main.who ?? '', c.main.where ?? ''].join('\n'));
}

/** Newest first (undated last), or by title; ties by title. */
function compareCards(sort: PanelUiState['sort']): (a: CardData, b: CardData) => number {
  if (sort === 'title') return (a, b) => a.title.localeCompare(b.title);
  return (a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1);
}

/**
 * The cards to show: every word of the search in the card, the article mentioning the filter's
 * entity (and its second entity, for an edge of the graph), inside the date and source filter.
 */
export function visibleCards(cards: readonly CardData[], state: PanelUiState, haystacks: ReadonlyMap<string, string>, filter: ArticleFilter): CardData[] {
  const words = fold(state.search.trim()).split(/\s+/).filter(Boolean);
  const ids = [state.entity?.id, state.entity ? state.with?.id : undefined].filter((x): x is string => !!x);
  return cards
    .filter((c) => ids.every((id) => c.entityIds.includes(id)) && articlePasses(c, filter) && words.every((w) => (haystacks.get(c.articleId) ?? '').includes(w)))
    .sort(compareCards(state.sort));
}
