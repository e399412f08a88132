/**
 * Messages between the extension host and the connections graph page, and the page's UI state.
 * Compiled into both sides: no `vscode`, Node or DOM imports. Each side validates what it receives.
 *
 * The page speaks first: `ready` with the UI state it restored; the host answers `init` with the
 * context (sources, dates, the window's filter) and the first graph. Later the page asks for a
 * `query` whenever its state changes and the host answers with a `graph`; the host pushes a new
 * `context` when the corpus or the date and source filter changes (the page then asks again), and
 * `focus` when "Show Connections" is run on an entity while the page is open.
 */
import type { ArticleFilter } from '../core/index/articleFilter';
import { sanitizeFilter } from '../core/index/articleFilter';
import type { GraphEdge, GraphNode, GraphQuery, Subgraph } from '../core/model/graph';
import { GRAPH_TYPES, MAX_NODES } from '../core/model/graph';
import type { EntityType } from '../core/model/types';
import type { SearchResult } from './pageProtocol';
import { isEntityType, parseDone, parseSearchResults } from './pageProtocol';
import type { CorpusStatus } from './protocol';
import { isCount, isId, isObject, isText, textList } from './validate';

export type GraphColouring = 'type' | 'community';

/** What the page keeps with `setState`: the query it draws, the colouring and the selected node. */
export interface GraphUiState {
  focus: string[];
  expanded: string[];
  types: EntityType[];
  minWeight: number;
  maxNodes: number;
  colorBy: GraphColouring;
  selected: string | null;
}

export const DEFAULT_GRAPH_STATE: GraphUiState = { focus: [], expanded: [], types: ['person', 'organization', 'place'], minWeight: 1, maxNodes: 150, colorBy: 'type', selected: null };

/** Ids kept in a query (focus and expanded): far more than anyone clicks, far fewer than a corpus has. */
const MAX_IDS = 200;

export interface GraphContext {
  status: CorpusStatus;
  /** Sources with their article counts, for the source filter ('' for articles without a source). */
  sources: { source: string; articles: number }[];
  /** The corpus's first and last publication dates (bounds of the date inputs). */
  span: { first: string | null; last: string | null };
  filter: ArticleFilter;
  filterLabel: string;
}

// Page -> host
export type GraphPageMessage =
  | { type: 'ready'; id: number; state: GraphUiState | null }
  | { type: 'query'; id: number; query: GraphQuery }
  | { type: 'search'; id: number; text: string }
  | { type: 'revealEntity'; id: number; entityId: string }
  /** The articles mentioning an entity, or both ends of an edge, in the summaries panel. */
  | { type: 'showArticles'; id: number; entityId: string; withId: string | null }
  /** The page's date and source controls: sets the window's filter. */
  | { type: 'setFilter'; id: number; filter: ArticleFilter }
  /** What the page drew, after it drew it. */
  | { type: 'rendered'; nodes: number; edges: number; state: GraphUiState };

// Host -> page
export type GraphHostMessage =
  | { type: 'init'; replyTo: number; state: GraphUiState; context: GraphContext; graph: Subgraph }
  | { type: 'graph'; replyTo: number; graph: Subgraph }
  | { type: 'context'; context: GraphContext }
  | { type: 'focus'; entityId: string }
  | { type: 'searchResults'; replyTo: number; results: SearchResult[] }
  | { type: 'done'; replyTo: number; ok: boolean; error?: string };


function count(x: unknown, min: number, max: number, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.max(min, Math.min(max, Math.round(x))) : fallback;
}

/** A query from the page, repaired field by field. */
export function sanitizeQuery(raw: unknown): GraphQuery {
  const r = isObject(raw) ? raw : {};
  const types = Array.isArray(r.types) ? [...new Set(r.types.filter(isEntityType))].filter((t) => GRAPH_TYPES.includes(t)) : DEFAULT_GRAPH_STATE.types;
  return {
    focus: textList(r.focus, MAX_IDS),
    expanded: textList(r.expanded, MAX_IDS),
    types,
    minWeight: count(r.minWeight, 1, 10_000, DEFAULT_GRAPH_STATE.minWeight),
    maxNodes: count(r.maxNodes, 10, MAX_NODES, DEFAULT_GRAPH_STATE.maxNodes),
  };
}

/** A UI state from storage or a message, repaired field by field. */
export function sanitizeGraphState(raw: unknown): GraphUiState {
  const r = isObject(raw) ? raw : {};
  return {
    ...sanitizeQuery(r),
    colorBy: r.colorBy === 'community' ? 'community' : 'type',
    selected: isText(r.selected, 1000) ? r.selected : null,
  };
}

export function queryOf(state: GraphUiState): GraphQuery {
  const { focus, expanded, types, minWeight, maxNodes } = state;
  return { focus, expanded, types, minWeight, maxNodes };
}

/** Validates a message from the graph page; unknown shapes are dropped, never acted on. */
export function parseGraphPageMessage(raw: unknown): GraphPageMessage | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'rendered') return isId(raw.nodes) && isId(raw.edges) ? { type: 'rendered', nodes: raw.nodes, edges: raw.edges, state: sanitizeGraphState(raw.state) } : undefined;
  if (!isId(raw.id)) return undefined;
  const id = raw.id;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready', id, state: raw.state === null || raw.state === undefined ? null : sanitizeGraphState(raw.state) };
    case 'query':
      return isObject(raw.query) ? { type: 'query', id, query: sanitizeQuery(raw.query) } : undefined;
    case 'search':
      return isText(raw.text, 200) ? { type: 'search', id, text: raw.text } : undefined;
    case 'revealEntity':
      return isText(raw.entityId, 1000) ? { type: 'revealEntity', id, entityId: raw.entityId } : undefined;
    case 'showArticles':
      return isText(raw.entityId, 1000) && (raw.withId === null || isText(raw.withId, 1000)) ? { type: 'showArticles', id, entityId: raw.entityId, withId: raw.withId } : undefined;
    case 'setFilter':
      return isObject(raw.filter) ? { type: 'setFilter', id, filter: sanitizeFilter(raw.filter) } : undefined;
    default:
      return undefined;
  }
}

function parseNode(x: unknown): GraphNode | undefined {
  if (!isObject(x) || !isText(x.id, 1000) || !isText(x.name, 1000) || !isEntityType(x.type) || !isCount(x.mentions) || !isCount(x.hidden)) return undefined;
  return { id: x.id, name: x.name, type: x.type, mentions: x.mentions, hidden: x.hidden, focus: x.focus === true, expanded: x.expanded === true };
}

function parseEdge(x: unknown): GraphEdge | undefined {
  return isObject(x) && isText(x.source, 1000) && isText(x.target, 1000) && isCount(x.weight) ? { source: x.source, target: x.target, weight: x.weight } : undefined;
}

/** A subgraph from the host, keeping only well-formed nodes and the edges between them. */
export function parseSubgraph(raw: unknown): Subgraph {
  const r = isObject(raw) ? raw : {};
  const nodes = (Array.isArray(r.nodes) ? r.nodes : []).slice(0, MAX_NODES).map(parseNode).filter((n): n is GraphNode => n !== undefined);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = (Array.isArray(r.edges) ? r.edges : []).map(parseEdge).filter((e): e is GraphEdge => e !== undefined && ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  return { nodes, edges, truncated: r.truncated === true };
}

function parseContext(raw: unknown): GraphContext {
  const r = isObject(raw) ? raw : {};
  const span = isObject(r.span) ? r.span : {};
  const day = (x: unknown): string | null => (isText(x, 10) && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : null);
  return {
    status: r.status === 'indexing' || r.status === 'empty' ? r.status : 'ready',
    sources: (Array.isArray(r.sources) ? r.sources : []).filter((s): s is { source: string; articles: number } => isObject(s) && isText(s.source, 1000) && isCount(s.articles)).slice(0, 5000),
    span: { first: day(span.first), last: day(span.last) },
    filter: sanitizeFilter(r.filter),
    filterLabel: isText(r.filterLabel, 500) ? r.filterLabel : '',
  };
}

/** Validates a message from the host before the page acts on it. */
export function parseGraphHostMessage(raw: unknown): GraphHostMessage | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'init':
      return isId(raw.replyTo) ? { type: 'init', replyTo: raw.replyTo, state: sanitizeGraphState(raw.state), context: parseContext(raw.context), graph: parseSubgraph(raw.graph) } : undefined;
    case 'graph':
      return isId(raw.replyTo) ? { type: 'graph', replyTo: raw.replyTo, graph: parseSubgraph(raw.graph) } : undefined;
    case 'context':
      return { type: 'context', context: parseContext(raw.context) };
    case 'focus':
      return isText(raw.entityId, 1000) ? { type: 'focus', entityId: raw.entityId } : undefined;
    case 'searchResults':
      return isId(raw.replyTo) ? { type: 'searchResults', replyTo: raw.replyTo, results: parseSearchResults(raw.results) } : undefined;
    case 'done':
      return parseDone(raw);
    default:
      return undefined;
  }
}
