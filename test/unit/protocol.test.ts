import * as assert from 'assert';
import { DEFAULT_UI_STATE, parseWebviewMessage, sanitizeUiState } from '../../src/shared/protocol';

describe('protocol: messages from the summaries page', () => {
  it('accepts the well-formed messages', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready', id: 1, state: null }), { type: 'ready', id: 1, state: null });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'revealEntity', id: 2, entityId: 'person:x' }), { type: 'revealEntity', id: 2, entityId: 'person:x' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openArticle', id: 3, articleId: 'a' }), { type: 'openArticle', id: 3, articleId: 'a' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'clearFilter', id: 4 }), { type: 'clearFilter', id: 4 });
    const rendered = parseWebviewMessage({ type: 'rendered', visible: 1, total: 2, state: { ...DEFAULT_UI_STATE, search: 'x' } });
    assert.strictEqual(rendered?.type === 'rendered' && rendered.state.search, 'x');
  });

  it('drops anything else', () => {
    for (const bad of [null, 1, 'ready', [], {}, { type: 'ready' }, { type: 'ready', id: -1, state: null }, { type: 'ready', id: 1.5, state: null }, { type: 'revealEntity', id: 1, entityId: 5 }, { type: 'openArticle', id: 1, articleId: 'x'.repeat(5000) }, { type: 'eval', id: 1 }, { type: 'rendered', visible: '1', total: 2 }, { type: 'clearFilter' }]) {
      assert.strictEqual(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('repairs a stored UI state field by field', () => {
    assert.deepStrictEqual(sanitizeUiState(undefined), DEFAULT_UI_STATE);
    assert.deepStrictEqual(sanitizeUiState({ search: 'lav', sort: 'title', entity: { id: 'person:a', name: 'A', type: 'person' }, with: { id: 'place:b', name: 'B', type: 'place' }, scrollTop: 40, shown: 200 }), {
      search: 'lav',
      sort: 'title',
      entity: { id: 'person:a', name: 'A', type: 'person' },
      with: { id: 'place:b', name: 'B', type: 'place' },
      scrollTop: 40,
      shown: 200,
    });
    assert.strictEqual(sanitizeUiState({ with: { id: 'place:b', name: 'B', type: 'place' } }).with, null, 'no second entity without a first');
    assert.deepStrictEqual(sanitizeUiState({ search: 5, sort: 'random', entity: { id: 'x', name: 'y', type: 'alien' }, scrollTop: -3, shown: 0 }), DEFAULT_UI_STATE);
  });
});
