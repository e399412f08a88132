import * as assert from 'assert';
import type { GraphSource } from '../../../src/core/index/connections';
import { connectionsSubgraph, filteredGraphSteps, indexGraphSource } from '../../../src/core/index/connections';
import { filterSteps } from '../../../src/core/index/filteredCorpus';
import { runSync } from '../../../src/core/index/steps';
import type { GraphQuery } from '../../../src/core/model/graph';
import { MAX_NODES, NEIGHBOURS_PER_NODE, TOP_ENTITIES } from '../../../src/core/model/graph';
import type { Entity, EntityType } from '../../../src/core/model/types';
import { HISTORY, TWO_ARTICLES, buildIndex } from '../support/builtIndex';

/**
 * A star of `spokes` people around a hub (spoke i shares i+1 sentences with it), a pair of
 * places linked to spoke 0, and one organization alone: every weight is known.
 */
function star(spokes: number): GraphSource {
  const entities = new Map<string, Entity>();
  const make = (id: string, type: EntityType, mentions: number): void => void entities.set(id, { id, name: id.toUpperCase(), type, aliases: [], roles: [], mentionCount: mentions, articleCount: 1 });
  const links = new Map<string, Map<string, number>>();
  const link = (a: string, b: string, w: number): void => {
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!links.has(x)) links.set(x, new Map());
      links.get(x)?.set(y, w);
    }
  };
  make('hub', 'person', 1000);
  for (let i = 0; i < spokes; i++) {
    make(`s${i}`, 'person', 10 + i);
    link('hub', `s${i}`, i + 1);
  }
  make('pa', 'place', 5);
  make('pb', 'place', 4);
  link('s0', 'pa', 3);
  link('pa', 'pb', 2);
  make('lonely', 'organization', 500);
  const ranked = [...entities.values()].sort((a, b) => b.mentionCount - a.mentionCount);
  return { entity: (id) => entities.get(id), ranked: () => ranked, mentions: (id) => entities.get(id)?.mentionCount ?? 0, neighbours: (id) => links.get(id) ?? [] };
}

const query = (q: Partial<GraphQuery>): GraphQuery => ({ focus: [], expanded: [], types: ['person', 'organization', 'place'], minWeight: 1, maxNodes: 150, ...q });
const ids = (nodes: { id: string }[]): string[] => nodes.map((n) => n.id).sort();

describe('index: the connections graph a page is sent', () => {
  it('starts from the most mentioned entities with the edges among them when nothing is focused', () => {
    const g = connectionsSubgraph(star(60), query({}));
    assert.strictEqual(g.nodes.length, TOP_ENTITIES);
    assert.deepStrictEqual(g.nodes.slice(0, 2).map((n) => n.id), ['hub', 'lonely']);
    assert.ok(g.edges.every((e) => e.source === 'hub' || e.target === 'hub'), 'among the top entities only the hub has links');
    const hub = g.nodes.find((n) => n.id === 'hub');
    assert.strictEqual(hub?.hidden, 60 - (TOP_ENTITIES - 2), 'the hub hides the spokes not drawn');
  });

  it('focuses an entity with its strongest neighbours, and expanding a neighbour adds its own', () => {
    const source = star(40);
    const g = connectionsSubgraph(source, query({ focus: ['hub'] }));
    const spokes = Array.from({ length: NEIGHBOURS_PER_NODE }, (_, i) => `s${39 - i}`);
    assert.deepStrictEqual(ids(g.nodes), ['hub', ...spokes].sort());
    assert.ok(g.nodes.find((n) => n.id === 'hub')?.focus);
    assert.strictEqual(g.edges.length, NEIGHBOURS_PER_NODE);
    assert.deepStrictEqual(g.edges[0], { source: 'hub', target: 's39', weight: 40 }, 'strongest edge first');

    const expanded = connectionsSubgraph(source, query({ focus: ['hub'], expanded: ['s0'] }));
    assert.ok(['s0', 'pa'].every((id) => expanded.nodes.some((n) => n.id === id)), 'the expanded spoke and its place');
    assert.ok(!expanded.nodes.some((n) => n.id === 'pb'), 'not the place two steps away');
    assert.strictEqual(expanded.nodes.find((n) => n.id === 'pa')?.hidden, 1, 'pa hides pb');
  });

  it('filters by type and minimum weight, and ignores unknown or filtered-out ids', () => {
    const source = star(10);
    const people = connectionsSubgraph(source, query({ focus: ['s0'], types: ['person'] }));
    assert.deepStrictEqual(ids(people.nodes), ['hub', 's0']);
    const heavy = connectionsSubgraph(source, query({ focus: ['hub'], minWeight: 8 }));
    assert.deepStrictEqual(ids(heavy.nodes), ['hub', 's7', 's8', 's9']);
    assert.ok(heavy.edges.every((e) => e.weight >= 8));
    const none = connectionsSubgraph(source, query({ focus: ['nobody', 'pa'], types: ['person'] }));
    assert.strictEqual(none.nodes.length, Math.min(11, TOP_ENTITIES), 'no drawable focus: the top entities (the hub and ten spokes)');
  });

  it('never sends more nodes than asked for, nor than a page can draw', () => {
    const source = star(600);
    const g = connectionsSubgraph(source, query({ focus: ['hub'], expanded: Array.from({ length: 600 }, (_, i) => `s${i}`), maxNodes: 100 }));
    assert.strictEqual(g.nodes.length, 100);
    assert.ok(g.truncated);
    const big = connectionsSubgraph(source, query({ focus: ['hub'], expanded: Array.from({ length: 600 }, (_, i) => `s${i}`), maxNodes: 100_000 }));
    assert.strictEqual(big.nodes.length, MAX_NODES);
    for (const e of big.edges) assert.ok(big.nodes.some((n) => n.id === e.source) && big.nodes.some((n) => n.id === e.target));
  });

  it('reads the index: weights are the sentences two entities share', () => {
    const index = buildIndex(TWO_ARTICLES);
    const g = connectionsSubgraph(indexGraphSource(index), query({ focus: ['person:sergei-lavrov'] }));
    const edge = (a: string, b: string): number | undefined => g.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))?.weight;
    // "Russian Foreign Minister Sergei Lavrov met Indian Foreign Minister S Jaishankar in New Delhi."
    assert.strictEqual(edge('person:sergei-lavrov', 'person:s-jaishankar'), 1);
    // "Lavrov spoke at the United Nations in New York."
    assert.strictEqual(edge('person:sergei-lavrov', 'organization:united-nations'), 1);
    assert.strictEqual(g.nodes.find((n) => n.id === 'person:sergei-lavrov')?.mentions, 5);
  });

  it('counts only the kept articles under a date and source filter', () => {
    const index = buildIndex([...TWO_ARTICLES, HISTORY]);
    const kept = runSync(filterSteps(index, { from: '2024-02-15', to: null, sources: [] }));
    const source = runSync(filteredGraphSteps(index, kept));
    const g = connectionsSubgraph(source, query({ focus: ['person:sergei-lavrov'] }));
    assert.deepStrictEqual(ids(g.nodes), ['person:sergei-lavrov', 'place:paris']);
    assert.deepStrictEqual(g.edges.map((e) => e.weight), [2]);
    assert.strictEqual(g.nodes.find((n) => n.id === 'person:sergei-lavrov')?.mentions, 2);
    assert.deepStrictEqual(source.ranked().map((e) => e.id), ['person:sergei-lavrov', 'place:paris']);
  });
});
