import * as vscode from 'vscode';
import type { ArticleFilter } from '../../../core/index/articleFilter';
import { describeFilter } from '../../../core/render/formatDate';
import { runSliced } from '../../../core/index/steps';
import { summarySnapshotSteps } from '../../../core/render/summaryCards';
import type { EntityRef, HostMessage, PanelUiState, WebviewMessage } from '../../../shared/protocol';
import { parseWebviewMessage, sanitizeUiState } from '../../../shared/protocol';
import { articleOf } from '../../adapters/documents';
import { Panels } from '../../constants';
import type { CorpusService, CorpusState } from '../../corpusService';
import { webviewHtml, webviewOptions } from '../webviewHtml';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
  revealEntity(entityId: string): Promise<boolean>;
  openArticle(articleId: string): Promise<boolean>;
  /** The window's date and source filter, which the page applies and may clear. */
  dateSource: { readonly filter: ArticleFilter; onDidChange: vscode.Event<ArticleFilter>; clear(): Promise<void> };
}

export interface RenderedReport {
  visible: number;
  total: number;
  state: PanelUiState;
}

/**
 * The one summaries panel. Everything it listens to is owned by the panel and disposed with it.
 * The page asks first (`ready`); until then nothing is posted, and later corpus changes push a
 * fresh snapshot. Messages from the page are validated before anything acts on them.
 */
export class SummariesPanel implements vscode.Disposable {
  private static current: SummariesPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly handled = new vscode.EventEmitter<WebviewMessage>();
  /** Fires after the host has handled a message from the page. */
  readonly onDidHandleMessage = this.handled.event;
  private ready = false;
  private lastArticleId: string | null = null;
  private status: CorpusState;
  private pendingEntity: { entity: EntityRef; with: EntityRef | null } | undefined;
  /** The snapshot being built, if any: the next waits for it. */
  private snapshots: Promise<void> = Promise.resolve();
  lastRendered: RenderedReport | undefined;

  static get active(): SummariesPanel | undefined {
    return SummariesPanel.current;
  }

  /**
   * Shows the panel (reusing an open one); with an entity id, filters it to that entity, and with a
   * second one to the articles that mention both.
   */
  static show(deps: PanelDeps, entityId?: string, withId?: string): SummariesPanel {
    const ref = (id: string | undefined): EntityRef | null => {
      const e = id ? deps.corpus.index.entity(id) : undefined;
      return e ? { id: e.id, name: e.name, type: e.type } : null;
    };
    const entity = ref(entityId);
    const focus = entity ? { entity, with: ref(withId) } : undefined;
    const existing = SummariesPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (focus) existing.focusEntity(focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(Panels.summaries, 'News Lens Summaries', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, webviewOptions(deps.extensionUri));
    const created = new SummariesPanel(panel, deps, undefined);
    if (focus) created.focusEntity(focus);
    return created;
  }

  /** Brings back a panel VS Code restored after a reload, with the UI state the page had saved. */
  static revive(deps: PanelDeps, panel: vscode.WebviewPanel, state: unknown): SummariesPanel {
    SummariesPanel.current?.dispose();
    panel.webview.options = { ...webviewOptions(deps.extensionUri) };
    return new SummariesPanel(panel, deps, state === undefined || state === null ? undefined : sanitizeUiState(state));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    private readonly restoreState: PanelUiState | undefined,
  ) {
    SummariesPanel.current = this;
    this.status = deps.corpus.state;
    this.activeArticleId();
    panel.iconPath = { light: vscode.Uri.joinPath(deps.extensionUri, 'media', 'news-lens-light.svg'), dark: vscode.Uri.joinPath(deps.extensionUri, 'media', 'news-lens-dark.svg') };
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, { title: 'News Lens Summaries', script: 'webview.js', styles: ['media/base.css', 'media/summaries.css'] });
    this.disposables.push(
      this.handled,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      deps.corpus.onDidChange(() => this.pushSnapshot()),
      deps.dateSource.onDidChange(() => this.post(this.filterMessage())),
      deps.corpus.onDidChangeState((s) => {
        // Progress ticks fire this too; only a change of status is news to the page.
        if (s !== this.status) this.pushSnapshot();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        const before = this.lastArticleId;
        const id = this.activeArticleId();
        if (id !== before) this.post({ type: 'activeArticle', articleId: id });
      }),
    );
  }

  /**
   * The article of the active editor. While the panel itself has focus there is no active text
   * editor; the article last shown stays current as long as an editor still shows it.
   */
  private activeArticleId(): string | null {
    const index = this.deps.corpus.index;
    const active = vscode.window.activeTextEditor;
    const visible = (id: string | null): boolean => !!id && vscode.window.visibleTextEditors.some((e) => articleOf(index, e.document)?.article.id === id);
    const id = active ? (articleOf(index, active.document)?.article.id ?? null) : visible(this.lastArticleId) ? this.lastArticleId : null;
    this.lastArticleId = id;
    return id;
  }

  /**
   * Builds a snapshot of the current corpus in time slices and posts it. Snapshots go out in the
   * order they were asked for, so the page never ends on an older corpus than the host's.
   */
  private sendSnapshot(replyTo?: number): Promise<void> {
    this.snapshots = this.snapshots.then(async () => {
      if (!this.ready) return;
      const state = this.deps.corpus.state;
      const snapshot = await runSliced(summarySnapshotSteps(this.deps.corpus.index, state, this.deps.corpus.usingSample));
      this.status = state;
      this.post({
        type: 'snapshot',
        ...(replyTo !== undefined ? { replyTo } : {}),
        snapshot,
        activeArticleId: this.activeArticleId(),
        ...(this.restoreState ? { restoreState: this.restoreState } : {}),
      });
    }).catch((err) => this.deps.log.error(`Summaries panel: ${err instanceof Error ? err.message : String(err)}`));
    return this.snapshots;
  }

  private pushSnapshot(): void {
    if (this.ready) void this.sendSnapshot();
  }

  private filterMessage(): HostMessage {
    const filter = this.deps.dateSource.filter;
    return { type: 'filter', filter, label: describeFilter(filter) };
  }

  private focusEntity(focus: { entity: EntityRef; with: EntityRef | null }): void {
    if (this.ready) this.post({ type: 'focusEntity', ...focus });
    else this.pendingEntity = focus;
  }

  private post(message: HostMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message).then(undefined, (err) => this.deps.log.debug(`summaries panel: post failed: ${err}`));
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn('Summaries panel: ignored a malformed message from the page.');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // The filter first: the page counts what it shows once the snapshot is in.
        this.post(this.filterMessage());
        await this.sendSnapshot(message.id);
        if (this.pendingEntity) this.post({ type: 'focusEntity', ...this.pendingEntity });
        this.pendingEntity = undefined;
        break;
      case 'revealEntity':
        await this.reply(message.id, () => this.deps.revealEntity(message.entityId), 'That entity is no longer in the corpus.');
        break;
      case 'openArticle':
        await this.reply(message.id, () => this.deps.openArticle(message.articleId), 'That article is no longer in the corpus.');
        break;
      case 'clearFilter':
        await this.reply(message.id, async () => (await this.deps.dateSource.clear(), true), '');
        break;
      case 'rendered':
        this.lastRendered = { visible: message.visible, total: message.total, state: message.state };
        break;
    }
    this.handled.fire(message);
  }

  private async reply(id: number, action: () => Promise<boolean>, failure: string): Promise<void> {
    try {
      const ok = await action();
      this.post({ type: 'done', replyTo: id, ok, ...(ok ? {} : { error: failure }) });
    } catch (err) {
      this.deps.log.error(`Summaries panel: ${err instanceof Error ? err.message : String(err)}`);
      this.post({ type: 'done', replyTo: id, ok: false, error: 'Something went wrong; see News Lens: Show Log.' });
    }
  }

  dispose(): void {
    if (SummariesPanel.current === this) SummariesPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
