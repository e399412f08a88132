import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import type { SearchResult } from '../../shared/pageProtocol';
import type { PageSpec } from './webviewHtml';
import { webviewHtml } from './webviewHtml';

/** Results an entity search on a page lists. */
const SEARCH_LIMIT = 20;

/**
 * What the graph and timeline panels share: the page (strict CSP, see webviewHtml), the check of
 * every message from it before anything acts on it, replies only once it has said `ready`, and one
 * owner for everything the panel listens to, disposed with it.
 */
export abstract class PagePanel<PageMessage extends { type: string }, HostMessage> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly handled = new vscode.EventEmitter<PageMessage>();
  /** Fires after the host has handled a message from the page. */
  readonly onDidHandleMessage = this.handled.event;
  protected ready = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly log: vscode.LogOutputChannel,
    private readonly name: string,
    private readonly parse: (raw: unknown) => PageMessage | undefined,
    extensionUri: vscode.Uri,
    page: PageSpec,
  ) {
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'media', 'news-lens-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'news-lens-dark.svg') };
    panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
    this.disposables.push(
      this.handled,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
    );
  }

  /** Acts on a validated message; a message with an `id` that fails is answered `done` with an error. */
  protected abstract handle(message: PageMessage): Promise<void>;

  protected post(message: HostMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message).then(undefined, (err) => this.log.debug(`${this.name}: post failed: ${err}`));
  }

  /** Entities whose name or alias starts with `text`, with their mentions (under the filter), dates left out. */
  protected search(index: CorpusIndex, text: string, mentions: (id: string) => number): SearchResult[] {
    return index
      .searchEntities(text, SEARCH_LIMIT * 4)
      .filter((e) => e.type !== 'date' && mentions(e.id) > 0)
      .slice(0, SEARCH_LIMIT)
      .map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: mentions(e.id) }));
  }

  private async receive(raw: unknown): Promise<void> {
    const message = this.parse(raw);
    if (!message) {
      this.log.warn(`${this.name}: ignored a malformed message from the page.`);
      return;
    }
    try {
      await this.handle(message);
    } catch (err) {
      this.log.error(`${this.name}: ${err instanceof Error ? err.message : String(err)}`);
      if ('id' in message && typeof message.id === 'number') this.failed(message.id, 'Something went wrong; see News Lens: Show Log.');
    }
    this.handled.fire(message);
  }

  /** Tells the page that request `id` failed. */
  protected abstract failed(id: number, error: string): void;

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
