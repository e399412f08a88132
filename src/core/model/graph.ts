/** The connections graph as plain data: what a page asks to see and what it is sent (see index/connections.ts). */
import type { EntityType } from './types';

/** What the page asks to see. */
export interface GraphQuery {
  /** Entities the graph centres on; none: the corpus's most mentioned entities. */
  focus: string[];
  /** Entities whose neighbours are shown besides the focus's (a click on a node adds it). */
  expanded: string[];
  /** Types drawn (dates never are: they co-occur with everything). */
  types: EntityType[];
  /** Fewest shared sentences an edge needs. */
  minWeight: number;
  /** Most nodes drawn. */
  maxNodes: number;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions (in what the date and source filter keeps). */
  mentions: number;
  /** Neighbours of the drawn types and weights that are not drawn: what expanding it would add. */
  hidden: number;
  focus: boolean;
  expanded: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Sentences mentioning both. */
  weight: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when nodes or edges were left out to stay within the limits. */
  truncated: boolean;
}

export const GRAPH_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'nationality', 'role'];
/** Nodes a query may ask for: what a page draws fluidly, with labels that can still be read. */
export const MAX_NODES = 400;
/** Neighbours each focused or expanded entity brings in. */
export const NEIGHBOURS_PER_NODE = 15;
/** Entities shown when nothing is focused. */
export const TOP_ENTITIES = 40;
/** Edges drawn at most (the strongest). */
export const MAX_EDGES = 3000;
