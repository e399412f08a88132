import * as assert from 'assert';
import { NO_FILTER } from '../../../src/core/index/articleFilter';
import type { CardData } from '../../../src/shared/protocol';
import { DEFAULT_UI_STATE } from '../../../src/shared/protocol';
import { cardHaystack, fold, visibleCards } from '../../../src/webview/model/summaries';

function card(articleId: string, date: string | null, source: string | null, entityIds: string[], title = articleId): CardData {
  return { articleId, title, source, date, summary: [`Summary of ${title}`], main: { who: null, what: null, when: null, where: null }, chips: [], entityIds };
}

describe('webview: which summary cards show', () => {
  const cards = [card('a', '2018-01-22', 'npr', ['p:x', 'p:y']), card('b', '2018-02-01', 'cnn', ['p:x']), card('c', null, null, ['p:y'], 'Ébauche'), card('d', '2018-01-01', 'npr', ['p:y'])];
  const haystacks = new Map(cards.map((c) => [c.articleId, cardHaystack(c)]));
  const ids = (list: CardData[]): string[] => list.map((c) => c.articleId);

  it('sorts newest first with undated last, or by title', () => {
    assert.deepStrictEqual(ids(visibleCards(cards, DEFAULT_UI_STATE, haystacks, NO_FILTER)), ['b', 'a', 'd', 'c']);
    assert.deepStrictEqual(ids(visibleCards(cards, { ...DEFAULT_UI_STATE, sort: 'title' }, haystacks, NO_FILTER)), ['a', 'b', 'd', 'c']);
  });

  it('keeps the articles of an entity, or of both ends of an edge', () => {
    const x = { id: 'p:x', name: 'X', type: 'person' as const };
    const y = { id: 'p:y', name: 'Y', type: 'person' as const };
    assert.deepStrictEqual(ids(visibleCards(cards, { ...DEFAULT_UI_STATE, entity: x }, haystacks, NO_FILTER)), ['b', 'a']);
    assert.deepStrictEqual(ids(visibleCards(cards, { ...DEFAULT_UI_STATE, entity: x, with: y }, haystacks, NO_FILTER)), ['a']);
    assert.deepStrictEqual(ids(visibleCards(cards, { ...DEFAULT_UI_STATE, entity: null, with: y }, haystacks, NO_FILTER)).length, 4, 'a second entity alone filters nothing');
  });

  it('applies the date and source filter and the search, accents ignored', () => {
    assert.deepStrictEqual(ids(visibleCards(cards, DEFAULT_UI_STATE, haystacks, { from: '2018-01-15', to: null, sources: [] })), ['b', 'a']);
    assert.deepStrictEqual(ids(visibleCards(cards, DEFAULT_UI_STATE, haystacks, { ...NO_FILTER, sources: ['npr'] })), ['a', 'd']);
    assert.deepStrictEqual(ids(visibleCards(cards, { ...DEFAULT_UI_STATE, search: 'ebauche' }, haystacks, NO_FILTER)), ['c']);
    assert.strictEqual(fold('Ébauche'), 'ebauche');
  });
});
