import * as vscode from 'vscode';
import type { Article, Span } from '../../core/model/types';
import { ARTICLE_SCHEME } from '../constants';

/**
 * The document an article is shown in. Plain text and Markdown open as their own file (offsets are
 * file offsets); JSON and JSONL articles open in the read-only `news-lens:` view of their text.
 */
export function articleUri(article: Article): vscode.Uri {
  if (article.format === 'txt' || article.format === 'md') return vscode.Uri.file(article.path);
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: `/${encodeURIComponent(article.id)}/${encodeURIComponent(article.title || article.id).slice(0, 80)}.txt` });
}

/** The article id encoded in a `news-lens:` uri. */
export function articleIdOfUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== ARTICLE_SCHEME) return undefined;
  const first = uri.path.split('/')[1];
  return first ? decodeURIComponent(first) : undefined;
}

/** Line/character positions from string offsets, without opening a document. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): vscode.Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - this.starts[lo]);
  }

  range(span: Span): vscode.Range {
    return new vscode.Range(this.position(span.start), this.position(span.end));
  }
}

const lineMaps = new WeakMap<Article, LineMap>();

export function rangeIn(article: Article, span: Span): vscode.Range {
  let map = lineMaps.get(article);
  if (!map) lineMaps.set(article, (map = new LineMap(article.text)));
  return map.range(span);
}
