import * as vscode from 'vscode';
import type { ArticleFilter } from '../../../core/index/articleFilter';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import { runSliced } from '../../../core/index/steps';
import { articlesInBin, timelineSteps } from '../../../core/index/timelineChart';
import type { TimelineChart, TimelineQuery } from '../../../core/model/timeline';
import { plural } from '../../../core/render/entityGroups';
import { describeFilter, formatDate } from '../../../core/render/formatDate';
import type { TimelineContext, TimelineHostMessage, TimelinePageMessage, TimelineUiState } from '../../../shared/timelineProtocol';
import { DEFAULT_TIMELINE_STATE, addCompared, parseTimelinePageMessage, sanitizeTimelineState } from '../../../shared/timelineProtocol';
import { Panels } from '../../constants';
import type { CorpusService } from '../../corpusService';
import { PagePanel } from '../pagePanel';
import { webviewOptions } from '../webviewHtml';

export interface TimelineDeps {
  extensionUri: vscode.Uri;
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
  /** The window's date and source filter: the chart counts the filter's sources, and its brush sets the range. */
  dateSource: { readonly filter: ArticleFilter; readonly view: FilteredCorpus | undefined; onDidChange: vscode.Event<ArticleFilter>; set(filter: Partial<ArticleFilter>): Promise<void> };
  openArticle(articleId: string): Promise<boolean>;
}

export interface TimelineRendered {
  bins: number;
  bars: number;
  points: number;
  state: TimelineUiState;
}

/** Entities compared when the page starts with none. */
const DEFAULT_COMPARED = 3;

/**
 * The timeline panel: mentions of up to five entities and events by type, per day, week or month.
 * The page holds the UI state and asks for the chart; the host counts it from the index in time
 * slices. A brush on the chart sets the window's date range, so the Events view, the summaries and
 * the graph follow.
 */
export class TimelinePanel extends PagePanel<TimelinePageMessage, TimelineHostMessage> {
  private static current: TimelinePanel | undefined;

  private pendingFocus: string | undefined;
  private corpusChanges = 0;
  lastRendered: TimelineRendered | undefined;
  /** The last chart sent to the page. */
  lastChart: TimelineChart | undefined;

  static get active(): TimelinePanel | undefined {
    return TimelinePanel.current;
  }

  /** Shows the panel (reusing an open one); with an entity id, adds it to the comparison. */
  static show(deps: TimelineDeps, entityId?: string): TimelinePanel {
    const focus = entityId && deps.corpus.index.entity(entityId) ? entityId : undefined;
    const existing = TimelinePanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (focus) existing.focus(focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(Panels.timeline, 'News Lens Timeline', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(deps.extensionUri));
    const created = new TimelinePanel(panel, deps, undefined);
    if (focus) created.focus(focus);
    return created;
  }

  /** Brings back a panel VS Code restored after a reload, with the UI state the page had saved. */
  static revive(deps: TimelineDeps, panel: vscode.WebviewPanel, state: unknown): TimelinePanel {
    TimelinePanel.current?.dispose();
    panel.webview.options = { ...webviewOptions(deps.extensionUri) };
    return new TimelinePanel(panel, deps, state === undefined || state === null ? undefined : sanitizeTimelineState(state));
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: TimelineDeps,
    private readonly restoreState: TimelineUiState | undefined,
  ) {
    super(panel, deps.log, 'Timeline', parseTimelinePageMessage, deps.extensionUri, { title: 'News Lens Timeline', script: 'timeline.js', styles: ['dist/uPlot.min.css', 'media/base.css', 'media/timeline.css'] });
    TimelinePanel.current = this;
    this.disposables.push(
      deps.corpus.onDidChange(() => {
        this.corpusChanges++;
        this.pushContext();
      }),
      deps.dateSource.onDidChange(() => this.pushContext()),
    );
  }

  private focus(entityId: string): void {
    if (this.ready) this.post({ type: 'focus', entityId });
    else this.pendingFocus = entityId;
  }

  private context(): TimelineContext {
    const filter = this.deps.dateSource.filter;
    return { status: this.deps.corpus.state, corpus: this.corpusChanges, filter, filterLabel: describeFilter(filter) };
  }

  private pushContext(): void {
    this.post({ type: 'context', context: this.context() });
  }

  /** Mentions of an entity in what the filter keeps (all of them while nothing is filtered). */
  private mentions(id: string): number {
    const view = this.deps.dateSource.view;
    return view ? (view.mentions.get(id) ?? 0) : (this.deps.corpus.index.entity(id)?.mentionCount ?? 0);
  }

  private async chart(query: TimelineQuery): Promise<TimelineChart> {
    const chart = await runSliced(timelineSteps(this.deps.corpus.index, query, this.deps.dateSource.filter));
    this.lastChart = chart;
    return chart;
  }

  protected failed(id: number, error: string): void {
    this.post({ type: 'done', replyTo: id, ok: false, error });
  }

  protected async handle(message: TimelinePageMessage): Promise<void> {
    const index = this.deps.corpus.index;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        let state = message.state ?? this.restoreState ?? DEFAULT_TIMELINE_STATE;
        if (!state.entities.length) {
          const top = index.entities().filter((e) => ['person', 'organization', 'place'].includes(e.type) && this.mentions(e.id) > 0);
          state = { ...state, entities: top.slice(0, DEFAULT_COMPARED).map((e) => e.id) };
        }
        if (this.pendingFocus) state = addCompared(state, this.pendingFocus);
        this.pendingFocus = undefined;
        this.post({ type: 'init', replyTo: message.id, state, context: this.context(), chart: await this.chart(state) });
        break;
      }
      case 'query':
        this.post({ type: 'chart', replyTo: message.id, chart: await this.chart(message.query) });
        break;
      case 'search':
        this.post({ type: 'searchResults', replyTo: message.id, results: this.search(index, message.text, (id) => this.mentions(id)) });
        break;
      case 'brush':
        await this.deps.dateSource.set({ from: message.from, to: message.to });
        this.post({ type: 'done', replyTo: message.id, ok: true });
        break;
      case 'listArticles': {
        const chart = this.lastChart ?? (await this.chart(DEFAULT_TIMELINE_STATE));
        const articles = articlesInBin(index, chart, message.bin, message.series, this.deps.dateSource.filter);
        const entity = message.series ? index.entity(message.series) : undefined;
        const what = entity ? `mentioning ${entity.name}` : message.series ? `with ${chart.events.find((e) => e.type === message.series)?.label ?? message.series} events` : 'with events';
        const when = chart.unit === 'day' ? formatDate(message.bin) : chart.unit === 'week' ? `week of ${formatDate(message.bin)}` : formatDate(message.bin.slice(0, 7));
        this.post({ type: 'articles', replyTo: message.id, heading: `${when}: ${plural(articles.length, 'article')} ${what}`, articles });
        break;
      }
      case 'openArticle': {
        const ok = await this.deps.openArticle(message.articleId);
        this.post({ type: 'done', replyTo: message.id, ok, ...(ok ? {} : { error: 'That article is no longer in the corpus.' }) });
        break;
      }
      case 'rendered':
        this.lastRendered = { bins: message.bins, bars: message.bars, points: message.points, state: message.state };
        break;
    }
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    super.dispose();
  }
}
