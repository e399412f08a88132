import * as vscode from 'vscode';
import type { ArticleFilter } from '../../../core/index/articleFilter';
import type { GraphSource } from '../../../core/index/connections';
import { connectionsSubgraph, filteredGraphSteps, indexGraphSource } from '../../../core/index/connections';
import type { CorpusIndex } from '../../../core/index/corpusIndex';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import { corpusSources, corpusSpan } from '../../../core/index/filteredCorpus';
import { runSliced } from '../../../core/index/steps';
import type { GraphQuery, Subgraph } from '../../../core/model/graph';
import { describeFilter } from '../../../core/render/formatDate';
import type { GraphContext, GraphHostMessage, GraphPageMessage, GraphUiState } from '../../../shared/graphProtocol';
import { DEFAULT_GRAPH_STATE, parseGraphPageMessage, queryOf, sanitizeGraphState } from '../../../shared/graphProtocol';
import { Panels } from '../../constants';
import type { CorpusService } from '../../corpusService';
import { PagePanel } from '../pagePanel';
import { webviewOptions } from '../webviewHtml';

export interface GraphDeps {
  extensionUri: vscode.Uri;
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
  /** The window's date and source filter: the graph counts only what it keeps, and its controls set it. */
  dateSource: { readonly filter: ArticleFilter; readonly view: FilteredCorpus | undefined; onDidChange: vscode.Event<ArticleFilter>; set(filter: Partial<ArticleFilter>): Promise<void> };
  revealEntity(entityId: string): Promise<boolean>;
  /** The articles mentioning an entity (and a second one, for an edge) in the summaries panel. */
  showArticles(entityId: string, withId: string | null): void;
}

export interface GraphRendered {
  nodes: number;
  edges: number;
  state: GraphUiState;
}

/**
 * The connections graph panel. The page holds the UI state and asks for the part of the graph it
 * draws; the host answers from the index's co-occurrence maps (or, under a date and source
 * filter, from the sentences of the kept articles, counted once per filter in time slices).
 */
export class GraphPanel extends PagePanel<GraphPageMessage, GraphHostMessage> {
  private static current: GraphPanel | undefined;

  private pendingFocus: string | undefined;
  /** The graph source for one index and filter; rebuilt when either changes. */
  private source: { index: CorpusIndex; view: FilteredCorpus | undefined; source: Promise<GraphSource> } | undefined;
  private context: { index: CorpusIndex; sources: GraphContext['sources']; span: GraphContext['span'] } | undefined;
  lastRendered: GraphRendered | undefined;
  /** The last graph sent to the page. */
  lastGraph: Subgraph | undefined;

  static get active(): GraphPanel | undefined {
    return GraphPanel.current;
  }

  /** Shows the panel (reusing an open one); with an entity id, centres the graph on it. */
  static show(deps: GraphDeps, entityId?: string): GraphPanel {
    const focus = entityId && deps.corpus.index.entity(entityId) ? entityId : undefined;
    const existing = GraphPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (focus) existing.focus(focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(Panels.connections, 'News Lens Connections', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(deps.extensionUri));
    const created = new GraphPanel(panel, deps, undefined);
    if (focus) created.focus(focus);
    return created;
  }

  /** Brings back a panel VS Code restored after a reload, with the UI state the page had saved. */
  static revive(deps: GraphDeps, panel: vscode.WebviewPanel, state: unknown): GraphPanel {
    GraphPanel.current?.dispose();
    panel.webview.options = { ...webviewOptions(deps.extensionUri) };
    return new GraphPanel(panel, deps, state === undefined || state === null ? undefined : sanitizeGraphState(state));
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: GraphDeps,
    private readonly restoreState: GraphUiState | undefined,
  ) {
    super(panel, deps.log, 'Connections graph', parseGraphPageMessage, deps.extensionUri, { title: 'News Lens Connections', script: 'graph.js', styles: ['media/base.css', 'media/graph.css'], workers: true });
    GraphPanel.current = this;
    this.disposables.push(
      deps.corpus.onDidChange(() => this.pushContext()),
      deps.dateSource.onDidChange(() => this.pushContext()),
    );
  }

  private focus(entityId: string): void {
    if (this.ready) this.post({ type: 'focus', entityId });
    else this.pendingFocus = entityId;
  }

  private contextOf(index: CorpusIndex): GraphContext {
    if (this.context?.index !== index) this.context = { index, sources: corpusSources(index), span: corpusSpan(index) };
    const filter = this.deps.dateSource.filter;
    return { status: this.deps.corpus.state, sources: this.context.sources, span: this.context.span, filter, filterLabel: describeFilter(filter) };
  }

  private pushContext(): void {
    if (this.ready) this.post({ type: 'context', context: this.contextOf(this.deps.corpus.index) });
  }

  private graphSource(): Promise<GraphSource> {
    const index = this.deps.corpus.index;
    const view = this.deps.dateSource.view;
    if (this.source?.index !== index || this.source.view !== view) {
      this.source = { index, view, source: view ? runSliced(filteredGraphSteps(index, view)) : Promise.resolve(indexGraphSource(index)) };
    }
    return this.source.source;
  }

  private async graph(query: GraphQuery): Promise<Subgraph> {
    const graph = connectionsSubgraph(await this.graphSource(), query);
    this.lastGraph = graph;
    return graph;
  }

  protected failed(id: number, error: string): void {
    this.post({ type: 'done', replyTo: id, ok: false, error });
  }

  protected async handle(message: GraphPageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        let state = message.state ?? this.restoreState ?? DEFAULT_GRAPH_STATE;
        if (this.pendingFocus) state = { ...state, focus: [this.pendingFocus], expanded: [], selected: this.pendingFocus };
        this.pendingFocus = undefined;
        const index = this.deps.corpus.index;
        this.post({ type: 'init', replyTo: message.id, state, context: this.contextOf(index), graph: await this.graph(queryOf(state)) });
        break;
      }
      case 'query':
        this.post({ type: 'graph', replyTo: message.id, graph: await this.graph(message.query) });
        break;
      case 'search': {
        const source = await this.graphSource();
        this.post({ type: 'searchResults', replyTo: message.id, results: this.search(this.deps.corpus.index, message.text, (id) => source.mentions(id)) });
        break;
      }
      case 'revealEntity': {
        const ok = await this.deps.revealEntity(message.entityId);
        this.post({ type: 'done', replyTo: message.id, ok, ...(ok ? {} : { error: 'That entity is no longer in the corpus.' }) });
        break;
      }
      case 'showArticles':
        this.deps.showArticles(message.entityId, message.withId);
        this.post({ type: 'done', replyTo: message.id, ok: true });
        break;
      case 'setFilter':
        await this.deps.dateSource.set(message.filter);
        this.post({ type: 'done', replyTo: message.id, ok: true });
        break;
      case 'rendered':
        this.lastRendered = { nodes: message.nodes, edges: message.edges, state: message.state };
        break;
    }
  }

  dispose(): void {
    if (GraphPanel.current === this) GraphPanel.current = undefined;
    super.dispose();
  }
}
