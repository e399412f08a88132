/**
 * The connections graph: entities linked by the sentences they share. A corpus has tens of
 * thousands of entities and a page can draw a few hundred, so the host picks the part worth
 * drawing (a focus and its strongest neighbours, or the corpus's top entities) from the index's
 * co-occurrence maps, and the page never receives more than it draws.
 */
import type { GraphEdge, GraphNode, GraphQuery, Subgraph } from '../model/graph';
import { MAX_EDGES, MAX_NODES, NEIGHBOURS_PER_NODE, TOP_ENTITIES } from '../model/graph';
import type { Entity, EntityType } from '../model/types';
import type { CorpusIndex } from './corpusIndex';
import { coOccurInSentences } from './views';
import type { FilteredCorpus } from './filteredCorpus';
import type { Steps } from './steps';

/** Where the graph's data comes from: the whole index, or what a date and source filter keeps of it. */
export interface GraphSource {
  entity(id: string): Entity | undefined;
  /** Entities with at least one mention, most mentioned first. */
  ranked(): readonly Entity[];
  mentions(id: string): number;
  /** Entities sharing sentences with `id`, and how many (unsorted). */
  neighbours(id: string): Iterable<[string, number]>;
}

/** The drawn part of the graph for `query`; unknown ids are ignored. */
export function connectionsSubgraph(source: GraphSource, query: GraphQuery): Subgraph {
  const types = new Set<EntityType>(query.types.filter((t) => t !== 'date'));
  const minWeight = Math.max(1, query.minWeight);
  const maxNodes = Math.max(1, Math.min(MAX_NODES, query.maxNodes));
  const drawable = (id: string): Entity | undefined => {
    const e = source.entity(id);
    return e && types.has(e.type) && source.mentions(id) > 0 ? e : undefined;
  };
  const strongest = (id: string): [string, number][] =>
    [...source.neighbours(id)].filter(([other, w]) => w >= minWeight && drawable(other) !== undefined).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const chosen = new Map<string, Entity>();
  let truncated = false;
  const add = (e: Entity): void => {
    if (chosen.has(e.id)) return;
    if (chosen.size >= maxNodes) truncated = true;
    else chosen.set(e.id, e);
  };
  const focus = query.focus.filter((id) => drawable(id) !== undefined);
  const expanded = new Set([...focus, ...query.expanded.filter((id) => drawable(id) !== undefined)]);
  if (focus.length === 0) {
    let n = 0;
    for (const e of source.ranked()) {
      if (n >= Math.min(TOP_ENTITIES, maxNodes)) break;
      if (!types.has(e.type)) continue;
      add(e);
      n++;
    }
  }
  for (const id of focus) add(drawable(id) as Entity);
  // Expanded entities enter the graph too, even when the one that brought them in was collapsed.
  for (const id of expanded) add(drawable(id) as Entity);
  for (const id of expanded) for (const [other] of strongest(id).slice(0, NEIGHBOURS_PER_NODE)) add(drawable(other) as Entity);

  // One pass over each drawn node's neighbours (unsorted: a hub has thousands) for its edges and what it hides.
  const edges: GraphEdge[] = [];
  const nodes: GraphNode[] = [];
  for (const [id, e] of chosen) {
    let hidden = 0;
    for (const [other, weight] of source.neighbours(id)) {
      if (weight < minWeight) continue;
      if (chosen.has(other)) {
        if (id < other) edges.push({ source: id, target: other, weight });
      } else if (drawable(other)) hidden++;
    }
    nodes.push({ id, name: e.name, type: e.type, mentions: source.mentions(id), hidden, focus: focus.includes(id), expanded: expanded.has(id) });
  }
  edges.sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
  if (edges.length > MAX_EDGES) {
    edges.length = MAX_EDGES;
    truncated = true;
  }
  return { nodes, edges, truncated };
}

/** The whole corpus as a graph source: the index's own co-occurrence maps. */
export function indexGraphSource(index: CorpusIndex): GraphSource {
  return {
    entity: (id) => index.entity(id),
    ranked: () => index.entities(),
    mentions: (id) => index.entity(id)?.mentionCount ?? 0,
    *neighbours(id) {
      for (const [other, c] of index.coMentions(id)) if (c.sentences > 0) yield [other, c.sentences];
    },
  };
}

/**
 * What a date and source filter keeps as a graph source: the sentences shared inside the kept
 * articles, counted in time slices (a whole corpus is a million mentions), and the mentions there.
 */
export function* filteredGraphSteps(index: CorpusIndex, kept: FilteredCorpus): Steps<GraphSource> {
  const pairs = new Map<string, Map<string, number>>();
  const row = (id: string): Map<string, number> => {
    let r = pairs.get(id);
    if (!r) pairs.set(id, (r = new Map()));
    return r;
  };
  const pair = (a: string, b: string): void => {
    const ra = row(a);
    const n = (ra.get(b) ?? 0) + 1;
    ra.set(b, n);
    row(b).set(a, n);
  };
  let n = 0;
  for (const id of kept.articleIds) {
    if (++n % 32 === 0) yield;
    const item = index.article(id);
    if (!item) continue;
    coOccurInSentences(
      item.analysis.sentences,
      item.mentions.filter((m) => index.entity(m.entity)?.type !== 'date'),
      pair,
    );
  }
  yield;
  const ranked = index
    .entities()
    .filter((e) => kept.mentions.has(e.id))
    .sort((a, b) => (kept.mentions.get(b.id) ?? 0) - (kept.mentions.get(a.id) ?? 0));
  return {
    entity: (id) => index.entity(id),
    ranked: () => ranked,
    mentions: (id) => kept.mentions.get(id) ?? 0,
    neighbours: (id) => pairs.get(id) ?? [],
  };
}
