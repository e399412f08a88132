import * as vscode from 'vscode';
import type { CorpusService } from '../corpusService';
import { articleIdOfUri } from '../adapters/positions';

/** Read-only view of a JSON/JSONL article's analysed text, so offsets map to positions. */
export class ArticleContentProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly corpus: CorpusService) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = articleIdOfUri(uri);
    const index = await this.corpus.whenReady();
    const item = id ? index.article(id) : undefined;
    return item ? item.article.text : `This article is no longer in the News Lens corpus (${id ?? uri.toString()}).`;
  }
}
