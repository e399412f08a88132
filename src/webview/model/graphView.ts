// What the connections page draws, apart from the DOM and the renderer: node and edge sizes, where
// a new node first appears (the force layout then moves it), the state changes of each user action,
// and the words of the status line.
import type { GraphEdge, GraphNode, Subgraph } from '../../core/model/graph';
import type { EntityType } from '../../core/model/types';
import type { GraphUiState } from '../../shared/graphProtocol';

export interface Point {
  x: number;
  y: number;
}

const MIN_NODE = 4;
const MAX_NODE = 22;

/** Node radius (px) by mentions: area grows with mentions, so the square root, between the smallest and the largest of the graph. */
export function nodeSize(mentions: number, minMentions: number, maxMentions: number): number {
  if (maxMentions <= minMentions) return (MIN_NODE + MAX_NODE) / 2;
  const t = (Math.sqrt(mentions) - Math.sqrt(minMentions)) / (Math.sqrt(maxMentions) - Math.sqrt(minMentions));
  return MIN_NODE + Math.max(0, Math.min(1, t)) * (MAX_NODE - MIN_NODE);
}

/** Edge width (px) by shared sentences, on a log scale: one strong pair must not hide every other link. */
export function edgeSize(weight: number, maxWeight: number): number {
  if (maxWeight <= 1) return 1;
  return 0.6 + (3.4 * Math.log(weight)) / Math.log(maxWeight);
}

/** The pull of an edge in the force layout: grows with the shared sentences, slowly. */
export function layoutWeight(weight: number): number {
  return 1 + Math.log(weight);
}

/** A number in [0, 1) from a string, the same every time (placements must not jump between reloads). */
export function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * Where each node of `graph` starts: where it was if it was drawn before, else next to its
 * strongest drawn neighbour, else on a circle. The force layout moves them from there; starting
 * new nodes beside the node that brought them in keeps the picture from reshuffling on each click.
 */
export function placeNodes(graph: Subgraph, previous: ReadonlyMap<string, Point>): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const n of graph.nodes) {
    const p = previous.get(n.id);
    if (p) out.set(n.id, p);
  }
  const byWeight = [...graph.edges].sort((a, b) => b.weight - a.weight);
  const anchorOf = (id: string): Point | undefined => {
    for (const e of byWeight) {
      const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
      const p = other === undefined ? undefined : out.get(other);
      if (p) return p;
    }
    return undefined;
  };
  const fresh = graph.nodes.filter((n) => !out.has(n.id));
  // Placed in order of mentions, so the larger nodes anchor the smaller ones.
  fresh.sort((a, b) => b.mentions - a.mentions);
  fresh.forEach((n, i) => {
    const angle = 2 * Math.PI * unitHash(n.id);
    const anchor = anchorOf(n.id);
    if (anchor) out.set(n.id, { x: anchor.x + Math.cos(angle) * 10, y: anchor.y + Math.sin(angle) * 10 });
    else {
      const ring = 50 + 8 * Math.sqrt(i);
      out.set(n.id, { x: Math.cos((2 * Math.PI * i) / Math.max(1, fresh.length)) * ring, y: Math.sin((2 * Math.PI * i) / Math.max(1, fresh.length)) * ring });
    }
  });
  return out;
}

/** A click on a node: it is selected, and its neighbours are drawn (it joins the expanded set). */
export function expand(state: GraphUiState, id: string): GraphUiState {
  return { ...state, selected: id, expanded: state.focus.includes(id) || state.expanded.includes(id) ? state.expanded : [...state.expanded, id] };
}

/** Its neighbours are no longer drawn for it (a focus stays a focus). */
export function collapse(state: GraphUiState, id: string): GraphUiState {
  return { ...state, expanded: state.expanded.filter((x) => x !== id) };
}

/** A search result: added to the focus (the graph keeps what it showed) and selected. */
export function addFocus(state: GraphUiState, id: string): GraphUiState {
  return { ...state, focus: state.focus.includes(id) ? state.focus : [...state.focus, id], selected: id };
}

/** "Show Connections" on an entity: the graph starts again from it. */
export function refocus(state: GraphUiState, id: string): GraphUiState {
  return { ...state, focus: [id], expanded: [], selected: id };
}

/** Back to the corpus's top entities. */
export function reset(state: GraphUiState): GraphUiState {
  return { ...state, focus: [], expanded: [], selected: null };
}

export function toggleType(state: GraphUiState, type: EntityType, on: boolean): GraphUiState {
  const types = on ? [...new Set([...state.types, type])] : state.types.filter((t) => t !== type);
  return { ...state, types };
}

/** The drawn neighbours of a node, strongest link first. */
export function neighboursOf(graph: Subgraph, id: string): { node: GraphNode; edge: GraphEdge }[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: { node: GraphNode; edge: GraphEdge }[] = [];
  for (const e of graph.edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : undefined;
    const node = other === undefined ? undefined : byId.get(other);
    if (node) out.push({ node, edge: e });
  }
  return out.sort((a, b) => b.edge.weight - a.edge.weight || a.node.name.localeCompare(b.node.name));
}

/** The status line: how much is drawn, and why the rest is not. */
export function describeGraph(graph: Subgraph, state: GraphUiState): string {
  const nodes = graph.nodes.length;
  const edges = graph.edges.length;
  const parts = [`${nodes} ${nodes === 1 ? 'entity' : 'entities'}`, `${edges} ${edges === 1 ? 'link' : 'links'}`];
  if (state.minWeight > 1) parts.push(`links of ${state.minWeight}+ shared sentences`);
  if (graph.truncated) parts.push(`limited to ${state.maxNodes} entities, strongest first`);
  return parts.join(' · ');
}
