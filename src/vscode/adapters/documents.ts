import type * as vscode from 'vscode';
import type { CorpusIndex, IndexedArticle } from '../../core/index/corpusIndex';
import type { Article, Mention } from '../../core/model/types';
import { ARTICLE_SCHEME } from '../constants';
import { articleIdOfUri, offsetIn, rangeIn } from './positions';

/** The documents our editor features apply to: plain text and Markdown files, and `news-lens:` article views. */
export const ARTICLE_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: ARTICLE_SCHEME },
];

/**
 * The indexed article a document shows, when its offsets are the article's offsets: a `.txt` or
 * `.md` file holding exactly one article, or the `news-lens:` view of any other article.
 * A map lookup; never a scan.
 */
export function articleOf(index: CorpusIndex, document: vscode.TextDocument): IndexedArticle | undefined {
  if (document.uri.scheme === ARTICLE_SCHEME) {
    const id = articleIdOfUri(document.uri);
    return id ? index.article(id) : undefined;
  }
  if (document.uri.scheme !== 'file') return undefined;
  const items = index.articlesAt(document.uri.fsPath);
  return items.length === 1 && (items[0].article.format === 'txt' || items[0].article.format === 'md') ? items[0] : undefined;
}

export interface MentionHit {
  item: IndexedArticle;
  mention: Mention;
  range: vscode.Range;
}

/**
 * The mention under `position`. The document may have been edited since it was indexed: a
 * mention counts only where the document still holds its text, so stale offsets give nothing
 * rather than a wrong entity. `lenient` also accepts a cursor just after the mention (the caret
 * at the end of a word, as for Find All References).
 */
export function mentionAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position, lenient = false): MentionHit | undefined {
  const item = articleOf(index, document);
  if (!item) return undefined;
  const offset = offsetIn(item.article, position);
  const mention = index.mentionAt(item.article.id, offset) ?? (lenient && offset > 0 ? index.mentionAt(item.article.id, offset - 1) : undefined);
  if (!mention) return undefined;
  const range = rangeOf(document, item.article, mention);
  return range ? { item, mention, range } : undefined;
}

/**
 * The document range of a span of the article the document shows, when the document still holds
 * `text` there (line endings aside: the editor may have normalised them).
 */
export function rangeOf(document: vscode.TextDocument, article: Article, span: { start: number; end: number; text: string }): vscode.Range | undefined {
  const range = rangeIn(article, span);
  return sameLines(document.getText(range), span.text) ? range : undefined;
}

function sameLines(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}
