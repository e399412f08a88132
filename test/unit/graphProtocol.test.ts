import * as assert from 'assert';
import { MAX_NODES } from '../../src/core/model/graph';
import { DEFAULT_GRAPH_STATE, parseGraphHostMessage, parseGraphPageMessage, parseSubgraph, sanitizeGraphState } from '../../src/shared/graphProtocol';

describe('protocol: the connections graph page', () => {
  it('accepts the page\'s well-formed messages and repairs their fields', () => {
    assert.deepStrictEqual(parseGraphPageMessage({ type: 'ready', id: 1, state: null }), { type: 'ready', id: 1, state: null });
    const q = parseGraphPageMessage({ type: 'query', id: 2, query: { focus: ['a', 5], expanded: 'x', types: ['person', 'date', 'alien'], minWeight: -3, maxNodes: 1e9 } });
    assert.deepStrictEqual(q, { type: 'query', id: 2, query: { focus: ['a'], expanded: [], types: ['person'], minWeight: 1, maxNodes: MAX_NODES } });
    assert.deepStrictEqual(parseGraphPageMessage({ type: 'showArticles', id: 3, entityId: 'a', withId: null }), { type: 'showArticles', id: 3, entityId: 'a', withId: null });
    assert.deepStrictEqual(parseGraphPageMessage({ type: 'setFilter', id: 4, filter: { from: '2024-02-01', to: '2024-01-01', sources: ['x'] } }), { type: 'setFilter', id: 4, filter: { from: '2024-01-01', to: '2024-02-01', sources: ['x'] } });
    const r = parseGraphPageMessage({ type: 'rendered', nodes: 3, edges: 2, state: { colorBy: 'community' } });
    assert.ok(r?.type === 'rendered' && r.state.colorBy === 'community' && r.nodes === 3);
  });

  it('drops anything else from the page', () => {
    for (const bad of [null, [], {}, { type: 'query', id: 1 }, { type: 'search', id: 1, text: 'x'.repeat(500) }, { type: 'revealEntity', id: -1, entityId: 'a' }, { type: 'showArticles', id: 1, entityId: 'a', withId: 5 }, { type: 'rendered', nodes: -1, edges: 0 }, { type: 'eval', id: 1 }]) {
      assert.strictEqual(parseGraphPageMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('repairs a stored UI state', () => {
    assert.deepStrictEqual(sanitizeGraphState(undefined), DEFAULT_GRAPH_STATE);
    assert.deepStrictEqual(sanitizeGraphState({ ...DEFAULT_GRAPH_STATE, selected: 7, colorBy: 'rainbow' }), DEFAULT_GRAPH_STATE);
  });

  it('keeps only well-formed nodes from the host, and the edges between them', () => {
    const g = parseSubgraph({
      nodes: [
        { id: 'a', name: 'A', type: 'person', mentions: 3, hidden: 0, focus: true },
        { id: 'b', name: 'B', type: 'martian', mentions: 3, hidden: 0 },
        { id: 'c', name: 'C', type: 'place', mentions: 1, hidden: 2 },
      ],
      edges: [
        { source: 'a', target: 'c', weight: 2 },
        { source: 'a', target: 'b', weight: 2 },
        { source: 'a', target: 'a', weight: 1 },
      ],
      truncated: 'yes',
    });
    assert.deepStrictEqual(g.nodes.map((n) => [n.id, n.focus, n.expanded]), [
      ['a', true, false],
      ['c', false, false],
    ]);
    assert.deepStrictEqual(g.edges, [{ source: 'a', target: 'c', weight: 2 }]);
    assert.strictEqual(g.truncated, false);
    assert.strictEqual(parseGraphHostMessage({ type: 'graph', replyTo: 'x', graph: {} }), undefined);
    assert.deepStrictEqual(parseGraphHostMessage({ type: 'focus', entityId: 'a' }), { type: 'focus', entityId: 'a' });
  });
});
