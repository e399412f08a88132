import * as vscode from 'vscode';
import type { IndexedArticle } from '../../../core/index/corpusIndex';
import type { Span } from '../../../core/model/types';
import type { CorpusService } from '../../corpusService';
import { articleUri, rangeIn } from '../../adapters/positions';

export type ArticleTreeNode = { kind: 'article'; articleId: string } | { kind: 'sentence'; articleId: string; span: Span };

export class ArticlesTreeProvider implements vscode.TreeDataProvider<ArticleTreeNode> {
  private readonly emitter = new vscode.EventEmitter<ArticleTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: ArticleTreeNode): ArticleTreeNode[] {
    if (!node) {
      return [...this.corpus.index.articles()]
        .sort(byDateThenTitle)
        .map((a) => ({ kind: 'article', articleId: a.article.id }));
    }
    if (node.kind === 'article') {
      return (this.corpus.index.article(node.articleId)?.summary ?? []).map((span) => ({ kind: 'sentence', articleId: node.articleId, span }));
    }
    return [];
  }

  getParent(node: ArticleTreeNode): ArticleTreeNode | undefined {
    return node.kind === 'sentence' ? { kind: 'article', articleId: node.articleId } : undefined;
  }

  getTreeItem(node: ArticleTreeNode): vscode.TreeItem {
    const a = this.corpus.index.article(node.articleId);
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(a?.article.title || node.articleId, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `article:${node.articleId}`;
      item.description = [a?.article.date, a?.article.source].filter(Boolean).join(' · ');
      item.tooltip = a?.analysis.headline;
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.contextValue = 'newsLens.article';
      return item;
    }
    const text = a ? a.article.text.slice(node.span.start, node.span.end).replace(/\s+/g, ' ').trim() : '';
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    item.id = `article:${node.articleId}/sentence:${node.span.start}`;
    item.tooltip = text;
    item.iconPath = new vscode.ThemeIcon('quote');
    if (a) item.command = { command: 'vscode.open', title: 'Open at Sentence', arguments: [articleUri(a.article), { selection: rangeIn(a.article, node.span) }] };
    return item;
  }
}

function byDateThenTitle(x: IndexedArticle, y: IndexedArticle): number {
  const dx = x.article.date ?? '';
  const dy = y.article.date ?? '';
  return dx === dy ? x.article.title.localeCompare(y.article.title) : dx < dy ? 1 : -1;
}
