import * as assert from 'assert';
import type { Subgraph } from '../../../src/core/model/graph';
import { DEFAULT_GRAPH_STATE } from '../../../src/shared/graphProtocol';
import { addFocus, collapse, describeGraph, edgeSize, expand, neighboursOf, nodeSize, placeNodes, refocus, reset, toggleType, unitHash } from '../../../src/webview/model/graphView';

const node = (id: string, mentions: number, extra: Partial<Subgraph['nodes'][number]> = {}): Subgraph['nodes'][number] => ({ id, name: id.toUpperCase(), type: 'person', mentions, hidden: 0, focus: false, expanded: false, ...extra });

describe('webview: what the connections page draws', () => {
  it('sizes nodes by the square root of their mentions and edges on a log scale, within bounds', () => {
    assert.strictEqual(nodeSize(1, 1, 100), 4);
    assert.strictEqual(nodeSize(100, 1, 100), 22);
    assert.ok(Math.abs(nodeSize(25, 1, 100) - (4 + 18 * (4 / 9))) < 1e-9);
    assert.strictEqual(nodeSize(7, 7, 7), 13, 'one size for all when all are equal');
    assert.strictEqual(edgeSize(1, 1), 1);
    assert.ok(edgeSize(1, 100) < edgeSize(10, 100) && edgeSize(100, 100) === 4);
  });

  it('keeps drawn nodes where they were and starts new ones beside their strongest drawn neighbour', () => {
    const graph: Subgraph = {
      nodes: [node('a', 10), node('b', 5), node('c', 3), node('d', 1)],
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'a', target: 'c', weight: 9 },
        { source: 'b', target: 'c', weight: 2 },
      ],
      truncated: false,
    };
    const places = placeNodes(graph, new Map([['a', { x: 100, y: 100 }]]));
    assert.deepStrictEqual(places.get('a'), { x: 100, y: 100 });
    const c = places.get('c');
    assert.ok(c && Math.hypot(c.x - 100, c.y - 100) <= 10.0001, 'c starts next to a, its strongest link');
    assert.ok(places.get('d'), 'a node linked to nothing drawn still gets a place');
    assert.deepStrictEqual(placeNodes(graph, new Map()), placeNodes(graph, new Map()), 'the same places every time');
    assert.ok(unitHash('x') >= 0 && unitHash('x') < 1 && unitHash('x') === unitHash('x'));
  });

  it('turns each user action into the next state', () => {
    const s = { ...DEFAULT_GRAPH_STATE, focus: ['a'] };
    assert.deepStrictEqual(expand(s, 'b'), { ...s, expanded: ['b'], selected: 'b' });
    assert.deepStrictEqual(expand(s, 'a').expanded, [], 'a focus is drawn with its neighbours already');
    assert.deepStrictEqual(expand(expand(s, 'b'), 'b').expanded, ['b']);
    assert.deepStrictEqual(collapse(expand(s, 'b'), 'b').expanded, []);
    assert.deepStrictEqual(addFocus(s, 'c'), { ...s, focus: ['a', 'c'], selected: 'c' });
    assert.deepStrictEqual(refocus(expand(s, 'b'), 'z'), { ...s, focus: ['z'], expanded: [], selected: 'z' });
    assert.deepStrictEqual(reset(expand(s, 'b')), { ...s, focus: [], expanded: [], selected: null });
    assert.deepStrictEqual(toggleType(s, 'nationality', true).types, [...s.types, 'nationality']);
    assert.deepStrictEqual(toggleType(s, 'person', false).types, ['organization', 'place']);
  });

  it('lists a node\'s drawn links strongest first and describes the drawing', () => {
    const graph: Subgraph = {
      nodes: [node('a', 10), node('b', 5), node('c', 3)],
      edges: [
        { source: 'a', target: 'b', weight: 1 },
        { source: 'c', target: 'a', weight: 4 },
      ],
      truncated: true,
    };
    assert.deepStrictEqual(neighboursOf(graph, 'a').map((x) => [x.node.id, x.edge.weight]), [['c', 4], ['b', 1]]);
    assert.strictEqual(describeGraph(graph, { ...DEFAULT_GRAPH_STATE, minWeight: 2, maxNodes: 3 }), '3 entities · 2 links · links of 2+ shared sentences · limited to 3 entities, strongest first');
    assert.strictEqual(describeGraph({ nodes: [node('a', 1)], edges: [], truncated: false }, DEFAULT_GRAPH_STATE), '1 entity · 0 links');
  });
});
