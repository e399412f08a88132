import * as vscode from 'vscode';
import { articleIdOfUri } from '../../adapters/positions';
import { ARTICLE_SCHEME } from '../../constants';
import type { CorpusService } from '../../corpusService';
import type { FeatureContext } from '../feature';

/** Read-only view of the analysed text of an article that is not a file of its own (JSON records, web pages, feed items, e-mail, PDF), so offsets map to positions. */
export class ArticleContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly corpus: CorpusService) {
    // A re-index may change an open article's text; its view is refreshed from the new index.
    this.listener = corpus.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === ARTICLE_SCHEME) this.emitter.fire(doc.uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = articleIdOfUri(uri);
    // The index in place answers at once, during a Refresh too (the view is refreshed after the
    // swap); only an article it does not hold waits for the load in progress, as on the first load.
    const item = (id && this.corpus.index.article(id)) || (id ? (await this.corpus.whenReady()).article(id) : undefined);
    return item ? item.article.text : `This article is no longer in the News Lens corpus (${id ?? uri.toString()}).`;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}

export function registerArticleContent(ctx: FeatureContext): void {
  const provider = new ArticleContentProvider(ctx.corpus);
  ctx.extension.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, provider));
}
