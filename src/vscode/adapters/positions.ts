import * as vscode from 'vscode';
import type { Article, Span } from '../../core/model/types';
import { articleIdOfUriPath, articleUriPath } from '../../core/render/articleUriPath';
import { ARTICLE_SCHEME, ENTITY_SCHEME } from '../constants';

/**
 * The document an article is shown in. Plain text and Markdown open as their own file (offsets are
 * file offsets); every other article (a JSON record, a web page, a feed item, an e-mail, a PDF) opens
 * in the read-only `news-lens:` view of its extracted text.
 */
export function articleUri(article: Article): vscode.Uri {
  if (article.format === 'txt' || article.format === 'md') return vscode.Uri.file(article.path);
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: articleUriPath(article.id, article.title) });
}

/** The article id encoded in a `news-lens:` uri. */
export function articleIdOfUri(uri: vscode.Uri): string | undefined {
  return uri.scheme === ARTICLE_SCHEME ? articleIdOfUriPath(uri.path) : undefined;
}

/** The resource an entity's tree item names, so file decorations can badge it. */
export function entityResource(entityId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: ENTITY_SCHEME, path: `/${encodeURIComponent(entityId)}` });
}

export function entityIdOfResource(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.slice(1));
}

/**
 * Line/character positions of offsets into an article's text, and back, without opening a
 * document. Lines end at \r\n, \r or \n, as VS Code counts them. VS Code normalises a document's
 * line endings when it opens it (one CRLF on the title line of an LF file becomes LF), which moves
 * every offset after it; lines and characters do not move, so offsets into the article go through
 * them to reach the document's text, and the document's positions come back the same way.
 */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): vscode.Position {
    const line = this.lineOf(offset);
    return new vscode.Position(line, offset - this.starts[line]);
  }

  /** The offset of a position, its character held to its line (as a document holds it). */
  offset(position: vscode.Position): number {
    const line = Math.min(Math.max(0, position.line), this.starts.length - 1);
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(span: Span): vscode.Range {
    return new vscode.Range(this.position(span.start), this.position(span.end));
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const lineMaps = new WeakMap<Article, LineMap>();

function lineMapOf(article: Article): LineMap {
  let map = lineMaps.get(article);
  if (!map) lineMaps.set(article, (map = new LineMap(article.text)));
  return map;
}

/** The range of an article's span in any document showing the article, whatever its line endings. */
export function rangeIn(article: Article, span: Span): vscode.Range {
  return lineMapOf(article).range(span);
}

/** The article offset at a position of a document showing the article. */
export function offsetIn(article: Article, position: vscode.Position): number {
  return lineMapOf(article).offset(position);
}
