// The connections graph page. The host sends only the part of the graph the page draws (a few
// hundred entities at most); graphology holds it, ForceAtlas2 lays it out in a web worker, and sigma
// draws it with WebGL. Names are hostile text: they reach the DOM through textContent only, and the
// canvas as text. The UI state (query, colouring, selection) is kept with setState.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { ArticleFilter } from '../core/index/articleFilter';
import { NO_FILTER } from '../core/index/articleFilter';
import type { GraphNode, Subgraph } from '../core/model/graph';
import { GRAPH_TYPES } from '../core/model/graph';
import type { EntityType } from '../core/model/types';
import { ENTITY_TYPES } from '../core/model/types';
import { TYPE_ICONS, TYPE_NAMES } from '../shared/entityTypes';
import type { GraphContext, GraphPageMessage, GraphUiState } from '../shared/graphProtocol';
import { parseGraphHostMessage, queryOf, sanitizeGraphState } from '../shared/graphProtocol';
import { entitySearch } from './entitySearch';
import { button, el, highContrast, hostLink, icon, mix, onThemeChange, palette, themeColour } from './dom';
import type { Point } from './model/graphView';
import { addFocus, collapse, describeGraph, edgeSize, expand, layoutWeight, neighboursOf, nodeSize, placeNodes, refocus, reset, toggleType } from './model/graphView';

type NodeAttributes = { x: number; y: number; size: number; label: string; color: string; type?: string; entityType: EntityType; community: number };
type EdgeAttributes = { weight: number; layoutWeight: number; size: number; color: string };

const host = hostLink<GraphUiState, GraphPageMessage>();
let state: GraphUiState = sanitizeGraphState(host.stored);
let context: GraphContext | undefined;
let data: Subgraph = { nodes: [], edges: [], truncated: false };
/** Only the answer to the latest query is drawn: a slower, older one would undo the user's last change. */
let latestQuery = -1;
let hovered: string | null = null;
let selectedEdge: string | null = null;

const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
let renderer: Sigma<NodeAttributes, EdgeAttributes> | undefined;
let layout: FA2Layout | undefined;
let layoutTimer: ReturnType<typeof setTimeout> | undefined;

// ---- Theme -------------------------------------------------------------------------------------
interface Colours {
  types: Record<EntityType, string>;
  communities: string[];
  label: string;
  muted: string;
  edge: string;
  selectedEdge: string;
  hoverBackground: string;
  font: string;
}
const PALETTE_SIZE = 12;
let colours: Colours;

function readColours(): Colours {
  const background = themeColour('graph-background', 'backgroundColor');
  const types = Object.fromEntries(ENTITY_TYPES.map((t) => [t, themeColour(`type-${t} type-colour`)])) as Record<EntityType, string>;
  return {
    types,
    communities: palette(PALETTE_SIZE),
    label: themeColour('graph-label'),
    muted: mix(themeColour('graph-muted'), background, highContrast() ? 0.7 : 0.35),
    edge: mix(themeColour('graph-edge'), background, highContrast() ? 0.7 : 0.22),
    selectedEdge: themeColour('graph-edge-selected'),
    hoverBackground: themeColour('graph-hover', 'backgroundColor'),
    font: getComputedStyle(document.body).fontFamily || 'sans-serif',
  };
}

function nodeColour(a: NodeAttributes): string {
  return state.colorBy === 'community' ? colours.communities[a.community % PALETTE_SIZE] : colours.types[a.entityType];
}

// ---- Static layout -----------------------------------------------------------------------------
const root = document.getElementById('root') as HTMLElement;
const toolbar = el('header', 'toolbar');

const search = entitySearch({
  placeholder: 'Find an entity',
  label: 'Find an entity to add to the graph',
  empty: 'No entity of that name under these filters',
  ask: (text) => host.request((id) => ({ type: 'search', id, text })),
  pick: (id) => {
    selectedEdge = null;
    update(addFocus(state, id), true);
  },
});

const types = el('fieldset', 'types');
types.append(el('legend', undefined, 'Show'));
const typeBoxes = new Map<EntityType, HTMLInputElement>();
for (const t of GRAPH_TYPES) {
  const label = el('label', `type-toggle type-${t}`);
  const box = el('input');
  box.type = 'checkbox';
  box.dataset.type = t;
  typeBoxes.set(t, box);
  label.append(box, icon(TYPE_ICONS[t]), el('span', undefined, TYPE_NAMES[t]));
  types.append(label);
}

const weightLabel = el('label', 'field');
const minWeight = el('input');
minWeight.type = 'number';
minWeight.min = '1';
minWeight.max = '1000';
minWeight.title = 'Draw only links of at least this many shared sentences';
weightLabel.append(el('span', undefined, 'Min. weight'), minWeight);

const fromLabel = el('label', 'field');
const fromDate = el('input');
fromDate.type = 'date';
fromLabel.append(el('span', undefined, 'From'), fromDate);
const toLabel = el('label', 'field');
const toDate = el('input');
toDate.type = 'date';
toLabel.append(el('span', undefined, 'to'), toDate);

const sourceLabel = el('label', 'field');
const source = el('select');
sourceLabel.append(el('span', undefined, 'Source'), source);

const colourLabel = el('label', 'field');
const colourBy = el('select');
for (const [value, label] of [
  ['type', 'Types'],
  ['community', 'Communities'],
] as const) {
  const o = el('option', undefined, label);
  o.value = value;
  colourBy.append(o);
}
colourBy.setAttribute('aria-label', 'Colour the entities by type or by community (Louvain)');
colourLabel.append(el('span', undefined, 'Colours'), colourBy);

const resetButton = button('action', 'Top entities', { icon: 'home', title: 'Start again from the most mentioned entities' });
const count = el('span', 'count');
count.setAttribute('role', 'status');
count.setAttribute('aria-live', 'polite');
toolbar.append(search.element, types, weightLabel, fromLabel, toLabel, sourceLabel, colourLabel, resetButton, count);

const main = el('div', 'main');
const stage = el('div', 'stage');
const container = el('div', 'graph');
container.tabIndex = 0;
container.setAttribute('role', 'img');
const message = el('p', 'empty overlay');
message.hidden = true;
stage.append(container, message);

const side = el('aside', 'side');
const details = el('section', 'details');
details.setAttribute('aria-live', 'polite');
const nodesSection = el('section', 'nodes');
const nodesHeading = el('h2', undefined, 'Entities');
const nodeList = el('ul', 'node-list');
nodeList.setAttribute('aria-label', 'Entities in the graph');
nodesSection.append(nodesHeading, nodeList);
side.append(details, nodesSection);
main.append(stage, side);
root.append(toolbar, main);

// ---- Talking to the host -----------------------------------------------------------------------
function save(): void {
  host.save(state);
}

/** Changes the UI state; with `requery`, asks the host for the graph it now describes. */
function update(next: GraphUiState, requery: boolean): void {
  state = next;
  save();
  syncControls();
  if (requery) latestQuery = host.request((id) => ({ type: 'query', id, query: queryOf(state) }));
  restyle();
  renderSide();
}

function setFilter(patch: Partial<ArticleFilter>): void {
  const filter = { ...(context?.filter ?? NO_FILTER), ...patch };
  host.request((id) => ({ type: 'setFilter', id, filter }));
}

// ---- Drawing -----------------------------------------------------------------------------------
function edgeKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Makes the graphology graph hold exactly `next`, keeping the positions of nodes it already had. */
function applyGraph(next: Subgraph): void {
  data = next;
  const previous = new Map<string, Point>();
  graph.forEachNode((id, a) => previous.set(id, { x: a.x, y: a.y }));
  const places = placeNodes(next, previous);
  const wanted = new Set(next.nodes.map((n) => n.id));
  for (const id of graph.nodes()) if (!wanted.has(id)) graph.dropNode(id);
  const mentions = next.nodes.map((n) => n.mentions);
  const [lo, hi] = [Math.min(...mentions, 1), Math.max(...mentions, 1)];
  for (const n of next.nodes) {
    const p = places.get(n.id) ?? { x: 0, y: 0 };
    const attributes = { label: n.name, size: nodeSize(n.mentions, lo, hi), entityType: n.type };
    if (graph.hasNode(n.id)) graph.mergeNodeAttributes(n.id, attributes);
    else graph.addNode(n.id, { ...attributes, x: p.x, y: p.y, color: '', community: 0 });
  }
  const edges = new Set(next.edges.map((e) => edgeKey(e.source, e.target)));
  for (const key of graph.edges()) if (!edges.has(key)) graph.dropEdge(key);
  const maxWeight = Math.max(1, ...next.edges.map((e) => e.weight));
  for (const e of next.edges) {
    const key = edgeKey(e.source, e.target);
    const attributes = { weight: e.weight, layoutWeight: layoutWeight(e.weight), size: edgeSize(e.weight, maxWeight), color: '' };
    if (graph.hasEdge(key)) graph.mergeEdgeAttributes(key, attributes);
    else graph.addUndirectedEdgeWithKey(key, e.source, e.target, attributes);
  }
  if (state.selected && !graph.hasNode(state.selected)) state = { ...state, selected: null };
  if (selectedEdge && !graph.hasEdge(selectedEdge)) selectedEdge = null;
  assignCommunities();
  restyle();
  runLayout();
  renderSide();
  reportWhenDrawn();
}

/** Louvain communities of the drawn graph, with a fixed random source so colours do not change on reload. */
function assignCommunities(): void {
  if (graph.size === 0) {
    graph.forEachNode((id) => graph.setNodeAttribute(id, 'community', 0));
    return;
  }
  let seed = 42;
  const rng = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng });
  // Largest community first gets the first colour.
  const sizes = new Map<number, number>();
  for (const c of Object.values(communities)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const rank = new Map([...sizes].sort((a, b) => b[1] - a[1]).map(([c], i) => [c, i]));
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'community', rank.get(communities[id]) ?? 0));
}

function restyle(): void {
  if (!colours) return;
  graph.forEachNode((id, a) => graph.setNodeAttribute(id, 'color', nodeColour(a)));
  graph.forEachEdge((id) => graph.setEdgeAttribute(id, 'color', colours.edge));
  renderer?.setSetting('labelColor', { color: colours.label });
  renderer?.setSetting('labelFont', colours.font);
  renderer?.refresh();
}

/** ForceAtlas2 in its web worker, for a few seconds after each change: then the picture rests (and the CPU too). */
function runLayout(): void {
  layout?.kill();
  clearTimeout(layoutTimer);
  if (graph.order < 2) return;
  // The library's advice for the graph's size, with strong gravity so that entities linked to
  // nothing drawn stay near the rest instead of pushing the picture's edges out.
  layout = new FA2Layout(graph, { getEdgeWeight: 'layoutWeight', settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 0.5, barnesHutOptimize: graph.order > 150 } });
  layout.start();
  layoutTimer = setTimeout(() => layout?.stop(), Math.min(8000, 3000 + graph.order * 10));
}

/** After the next frame sigma draws, tells the host what is on screen (the integration tests read it). */
function reportWhenDrawn(): void {
  const report = (): void => host.post({ type: 'rendered', nodes: renderer ? graph.order : 0, edges: renderer ? graph.size : 0, state });
  if (!renderer) return report();
  renderer.once('afterRender', report);
  renderer.scheduleRefresh();
}

/** What the reducers highlight: the node under the pointer, else the selected one, with its links. */
function highlighted(): string | null {
  return hovered ?? state.selected;
}

const drawHover: Settings<NodeAttributes, EdgeAttributes>['defaultDrawNodeHover'] = (context2d, node, settings) => {
  const size = settings.labelSize;
  context2d.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const label = typeof node.label === 'string' ? node.label : '';
  const width = context2d.measureText(label).width;
  context2d.fillStyle = colours.hoverBackground;
  context2d.beginPath();
  context2d.roundRect(node.x - node.size - 3, node.y - Math.max(node.size, size / 2) - 3, width + node.size * 2 + 12, Math.max(node.size, size / 2) * 2 + 6, 4);
  context2d.fill();
  context2d.fillStyle = colours.label;
  context2d.fillText(label, node.x + node.size + 4, node.y + size / 3);
};

function createRenderer(): void {
  try {
    renderer = new Sigma(graph, container, {
      allowInvalidContainer: true,
      // Room for the labels of the outermost entities, which are drawn to the right of them.
      stagePadding: 48,
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelDensity: 0.8,
      labelRenderedSizeThreshold: 7,
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: colours.label },
      labelFont: colours.font,
      defaultDrawNodeHover: drawHover,
      zIndex: true,
      nodeReducer: (node, a) => {
        const focus = highlighted();
        const out: Partial<NodeDisplayData> = { ...a };
        if (focus && node !== focus && !graph.areNeighbors(node, focus)) {
          out.color = colours.muted;
          out.label = null;
          out.zIndex = 0;
        } else if (focus) {
          out.zIndex = 1;
          out.forceLabel = true;
        }
        if (node === state.selected) out.highlighted = true;
        return out;
      },
      edgeReducer: (edge, a) => {
        const focus = highlighted();
        if (edge === selectedEdge) return { ...a, color: colours.selectedEdge, size: a.size + 1.5, zIndex: 2 };
        if (focus && !graph.hasExtremity(edge, focus)) return { ...a, hidden: true };
        return { ...a };
      },
    });
  } catch (err) {
    renderer = undefined;
    showMessage(`The graph cannot be drawn here: ${err instanceof Error ? err.message : String(err)}. The list beside it still works.`);
    return;
  }
  let clickTimer: ReturnType<typeof setTimeout> | undefined;
  // A double click also sends two clicks: the click waits to see whether a second one follows.
  renderer.on('clickNode', ({ node }) => {
    clearTimeout(clickTimer);
    clickTimer = setTimeout(() => expandNode(node), 250);
  });
  renderer.on('doubleClickNode', (e) => {
    clearTimeout(clickTimer);
    e.preventSigmaDefault();
    select(e.node);
    host.request((id) => ({ type: 'revealEntity', id, entityId: e.node }));
  });
  renderer.on('clickEdge', ({ edge }) => {
    selectedEdge = edge;
    state = { ...state, selected: null };
    save();
    renderSide();
    renderer?.refresh();
    showEdgeArticles(edge);
  });
  renderer.on('clickStage', () => {
    selectedEdge = null;
    update({ ...state, selected: null }, false);
  });
  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    container.style.cursor = 'pointer';
    renderer?.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    hovered = null;
    container.style.cursor = '';
    renderer?.refresh({ skipIndexation: true });
  });
  renderer.on('enterEdge', () => (container.style.cursor = 'pointer'));
  renderer.on('leaveEdge', () => (container.style.cursor = ''));
}

function showEdgeArticles(edge: string): void {
  const [a, b] = graph.extremities(edge);
  host.request((id) => ({ type: 'showArticles', id, entityId: a, withId: b }));
}

function expandNode(id: string): void {
  selectedEdge = null;
  const node = data.nodes.find((n) => n.id === id);
  update(expand(state, id), !!node && node.hidden > 0 && !node.expanded && !node.focus);
}

/** Room kept around a node brought into view: its own size and the label drawn to its right. */
const IN_VIEW_MARGIN = { left: 24, right: 120, y: 24 };

/**
 * Selects an entity. `centre` moves the camera onto it; `intoView` only when it is outside the
 * view, so choosing from the lists does not push the rest of the picture off the stage.
 */
function select(id: string | null, move: 'centre' | 'intoView' | null = null): void {
  selectedEdge = null;
  update({ ...state, selected: id }, false);
  if (!move || !id || !renderer || !graph.hasNode(id)) return;
  const p = renderer.getNodeDisplayData(id);
  if (!p) return;
  if (move === 'intoView') {
    const at = renderer.framedGraphToViewport(p);
    const { width, height } = renderer.getDimensions();
    const m = IN_VIEW_MARGIN;
    if (at.x >= m.left && at.x <= width - m.right && at.y >= m.y && at.y <= height - m.y) return;
  }
  void renderer.getCamera().animate({ x: p.x, y: p.y }, { duration: 400 });
}

function showMessage(text: string | null): void {
  message.hidden = text === null;
  message.textContent = text ?? '';
}

// ---- Side panel ----------------------------------------------------------------------------------
function entityLine(n: Pick<GraphNode, 'name' | 'type'>, className: string): HTMLElement {
  const span = el('span', `${className} type-${n.type}`);
  span.append(icon(TYPE_ICONS[n.type]), el('span', 'name', n.name));
  return span;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function renderDetails(): void {
  details.replaceChildren();
  const node = state.selected ? data.nodes.find((n) => n.id === state.selected) : undefined;
  if (selectedEdge && graph.hasEdge(selectedEdge)) {
    const [a, b] = graph.extremities(selectedEdge).map((id) => data.nodes.find((n) => n.id === id));
    if (!a || !b) return;
    const weight = graph.getEdgeAttribute(selectedEdge, 'weight');
    const heading = el('h2', 'pair');
    heading.append(entityLine(a, 'entity'), el('span', 'sep', '\u2014'), entityLine(b, 'entity'));
    const articles = button('action primary', 'Articles mentioning both', { icon: 'preview', title: 'Show them in the summaries panel' });
    articles.addEventListener('click', () => showEdgeArticles(selectedEdge as string));
    details.append(heading, el('p', 'meta', `${plural(weight, 'shared sentence')}`), articles);
    return;
  }
  if (!node) {
    details.append(
      el('h2', undefined, 'Connections'),
      el('p', 'hint', 'Click an entity to show its connections, double-click it to reveal it in the Entities view, click a link to read the articles that mention both. Drag to pan, scroll to zoom.'),
    );
    return;
  }
  const heading = el('h2');
  heading.append(entityLine(node, 'entity'));
  const meta = el('p', 'meta', [TYPE_NAMES[node.type], plural(node.mentions, 'mention'), node.hidden ? `${plural(node.hidden, 'link')} not drawn` : ''].filter(Boolean).join(' \u00b7 '));
  const actions = el('div', 'actions');
  const isExpanded = node.expanded;
  const toggle = button('action primary expand', isExpanded ? (node.focus ? 'Centred here' : 'Hide its connections') : 'Show its connections', {
    icon: isExpanded ? 'fold' : 'type-hierarchy-sub',
    title: isExpanded ? 'Stop drawing its neighbours' : 'Draw its strongest neighbours',
  });
  toggle.disabled = node.focus || (!isExpanded && node.hidden === 0);
  toggle.addEventListener('click', () => (isExpanded ? update(collapse(state, node.id), true) : expandNode(node.id)));
  const reveal = button('action reveal', 'Reveal', { icon: 'target', title: 'Reveal in the Entities view (or double-click the entity)' });
  reveal.addEventListener('click', () => host.request((id) => ({ type: 'revealEntity', id, entityId: node.id })));
  const articles = button('action articles', 'Articles', { icon: 'preview', title: 'Show the articles that mention it in the summaries panel' });
  articles.addEventListener('click', () => host.request((id) => ({ type: 'showArticles', id, entityId: node.id, withId: null })));
  const centre = button('action centre', 'Centre', { icon: 'screen-full', title: 'Centre the graph on it' });
  centre.addEventListener('click', () => select(node.id, 'centre'));
  actions.append(toggle, reveal, articles, centre);
  details.append(heading, meta, actions);
  const linked = neighboursOf(data, node.id);
  if (linked.length) {
    details.append(el('h3', undefined, 'Linked entities'));
    const list = el('ul', 'linked');
    for (const { node: other, edge } of linked.slice(0, 30)) {
      const li = el('li');
      const go = el('button', 'link-entity');
      go.type = 'button';
      go.append(entityLine(other, 'entity'));
      go.title = `Select ${other.name}`;
      go.addEventListener('click', () => select(other.id, 'intoView'));
      const both = button('icon-button pair-articles', `Articles mentioning ${node.name} and ${other.name}`, { icon: 'preview', iconOnly: true, title: 'Articles mentioning both' });
      both.addEventListener('click', () => host.request((id) => ({ type: 'showArticles', id, entityId: node.id, withId: other.id })));
      li.append(go, el('span', 'weight', String(edge.weight)), both);
      list.append(li);
    }
    details.append(list);
  }
}

function renderNodeList(): void {
  nodesHeading.textContent = `Entities (${data.nodes.length})`;
  const sorted = [...data.nodes].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  nodeList.replaceChildren(
    ...sorted.map((n) => {
      const li = el('li');
      const b = el('button', 'node');
      b.type = 'button';
      b.dataset.id = n.id;
      b.append(entityLine(n, 'entity'), el('span', 'n', String(n.mentions)));
      b.setAttribute('aria-label', `${n.name}, ${TYPE_NAMES[n.type]}, ${plural(n.mentions, 'mention')}${n.hidden ? `, ${n.hidden} more links` : ''}`);
      if (n.id === state.selected) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => select(n.id, 'intoView'));
      li.append(b);
      return li;
    }),
  );
}

function renderSide(): void {
  renderDetails();
  renderNodeList();
  count.textContent = describeGraph(data, state);
  container.setAttribute('aria-label', `Graph of ${plural(data.nodes.length, 'entity', 'entities')} and ${plural(data.edges.length, 'link')}; the list of entities beside it does the same by keyboard`);
  if (context?.status === 'indexing' && !data.nodes.length) showMessage('Indexing the corpus…');
  else if (context?.status === 'empty') showMessage('No articles are loaded.');
  else if (renderer && !data.nodes.length) showMessage(state.types.length ? 'No entity is linked to another under these filters.' : 'Tick a type of entity to show.');
  else if (renderer) showMessage(null);
}

// ---- Controls ------------------------------------------------------------------------------------
function syncControls(): void {
  for (const [t, box] of typeBoxes) box.checked = state.types.includes(t);
  minWeight.value = String(state.minWeight);
  colourBy.value = state.colorBy;
  if (!context) return;
  const f = context.filter;
  fromDate.value = f.from ?? '';
  toDate.value = f.to ?? '';
  for (const input of [fromDate, toDate]) {
    input.min = context.span.first ?? '';
    input.max = context.span.last ?? '';
    input.disabled = context.span.first === null;
  }
  fromDate.title = toDate.title = context.span.first ? `The corpus runs from ${context.span.first} to ${context.span.last}` : 'No article of this corpus is dated';
  source.replaceChildren();
  const all = el('option', undefined, 'All sources');
  all.value = '*';
  source.append(all);
  if (f.sources.length > 1) {
    const several = el('option', undefined, `${f.sources.length} sources`);
    several.value = '+';
    source.append(several);
  }
  for (const [i, s] of context.sources.entries()) {
    const o = el('option', undefined, `${s.source || '(no source)'} (${s.articles})`);
    o.value = String(i);
    source.append(o);
  }
  source.value = f.sources.length === 0 ? '*' : f.sources.length > 1 ? '+' : String(context.sources.findIndex((s) => s.source === f.sources[0]));
}

for (const [t, box] of typeBoxes) box.addEventListener('change', () => update(toggleType(state, t, box.checked), true));
minWeight.addEventListener('change', () => {
  const n = Math.max(1, Math.min(1000, Math.round(Number(minWeight.value) || 1)));
  update({ ...state, minWeight: n }, true);
});
fromDate.addEventListener('change', () => setFilter({ from: fromDate.value || null }));
toDate.addEventListener('change', () => setFilter({ to: toDate.value || null }));
source.addEventListener('change', () => {
  if (source.value === '+') return;
  const picked = context?.sources[Number(source.value)];
  setFilter({ sources: source.value === '*' || !picked ? [] : [picked.source] });
});
colourBy.addEventListener('change', () => update({ ...state, colorBy: colourBy.value === 'community' ? 'community' : 'type' }, false));
resetButton.addEventListener('click', () => {
  selectedEdge = null;
  update(reset(state), true);
});

// The entity list is one tab stop: arrows move within it.
nodeList.addEventListener('keydown', (e) => {
  const items = [...nodeList.querySelectorAll<HTMLButtonElement>('button.node')];
  const i = items.indexOf(document.activeElement as HTMLButtonElement);
  let next: HTMLButtonElement | undefined;
  if (e.key === 'ArrowDown' || e.key === 'j') next = items[i + 1];
  else if (e.key === 'ArrowUp' || e.key === 'k') next = items[i - 1];
  else if (e.key === 'Home') next = items[0];
  else if (e.key === 'End') next = items[items.length - 1];
  else if (e.key === 'e' && i >= 0) expandNode(items[i].dataset.id ?? '');
  else if (e.key === 'r' && i >= 0) host.request((id) => ({ type: 'revealEntity', id, entityId: items[i].dataset.id ?? '' }));
  else return;
  next?.focus();
  e.preventDefault();
});

// The graph itself: + and - zoom, 0 fits it to the view.
container.addEventListener('keydown', (e) => {
  const camera = renderer?.getCamera();
  if (!camera) return;
  if (e.key === '+' || e.key === '=') void camera.animatedZoom({ duration: 200 });
  else if (e.key === '-') void camera.animatedUnzoom({ duration: 200 });
  else if (e.key === '0') void camera.animatedReset({ duration: 200 });
  else return;
  e.preventDefault();
});

// ---- Messages from the host --------------------------------------------------------------------
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = parseGraphHostMessage(event.data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      state = m.state;
      save();
      context = m.context;
      syncControls();
      latestQuery = m.replyTo;
      applyGraph(m.graph);
      break;
    case 'graph':
      if (m.replyTo === latestQuery) applyGraph(m.graph);
      break;
    case 'context':
      context = m.context;
      syncControls();
      update(state, true);
      break;
    case 'focus':
      selectedEdge = null;
      update(refocus(state, m.entityId), true);
      break;
    case 'searchResults':
      search.showResults(m.replyTo, m.results);
      break;
    case 'done':
      if (!m.ok && m.error) count.textContent = m.error;
      break;
  }
});

onThemeChange(() => {
  colours = readColours();
  restyle();
});

// The host is asked first, so that its answer travels while WebGL starts (a good part of a second
// in software rendering); no message is handled before this script has run to its end.
host.request((id) => ({ type: 'ready', id, state: host.stored === undefined || host.stored === null ? null : state }));
colours = readColours();
createRenderer();
syncControls();
renderSide();
