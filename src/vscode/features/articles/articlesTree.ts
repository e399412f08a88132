import * as vscode from 'vscode';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import type { IndexedArticle } from '../../../core/index/corpusIndex';
import { nameOrder } from '../../../core/index/views';
import type { ArticleFormat, Span } from '../../../core/model/types';
import { plural } from '../../../core/render/entityGroups';
import { oneLine } from '../../../core/render/markdown';
import { articleUri, rangeIn } from '../../adapters/positions';
import { Views } from '../../constants';
import type { CorpusService } from '../../corpusService';
import type { MoreNode } from '../../../core/render/pages';
import { Pages } from '../../../core/render/pages';
import { moreItem } from '../paging';

/** The codicon of each kind of file an article is read from. */
const FORMAT_ICONS: Record<ArticleFormat, string> = { txt: 'file-text', md: 'markdown', json: 'json', jsonl: 'json', html: 'globe', feed: 'rss', eml: 'mail', pdf: 'file-pdf' };

export type ArticleTreeNode = { kind: 'article'; id: string; articleId: string } | { kind: 'sentence'; id: string; articleId: string; span: Span } | MoreNode;

/** Articles, newest first (title, date and source) → their summary sentences; only those the date and source filter keeps. */
export class ArticlesTreeProvider implements vscode.TreeDataProvider<ArticleTreeNode> {
  private readonly emitter = new vscode.EventEmitter<ArticleTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Rows shown of the article list (one list: key "root"). */
  private readonly pages = new Pages();

  constructor(
    private readonly corpus: CorpusService,
    private readonly filtered: () => FilteredCorpus | undefined,
  ) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  /** Shows the next page of articles. */
  showMore(key: string): void {
    this.pages.more(key);
    this.emitter.fire(undefined);
  }

  getChildren(node?: ArticleTreeNode): ArticleTreeNode[] {
    if (!node) {
      const kept = this.filtered()?.articleIds;
      const articles = this.corpus.index
        .articles()
        .filter((a) => !kept || kept.has(a.article.id))
        .sort(newestFirst);
      return this.pages.rows('root', 'articles/more', articles, (a): ArticleTreeNode => ({ kind: 'article', id: `article:${a.article.id}`, articleId: a.article.id }));
    }
    if (node.kind === 'article') {
      return (this.corpus.index.article(node.articleId)?.summary ?? []).map((span) => ({ kind: 'sentence', id: `${node.id}/sentence:${span.start}`, articleId: node.articleId, span }));
    }
    return [];
  }

  getParent(node: ArticleTreeNode): ArticleTreeNode | undefined {
    return node.kind === 'sentence' ? { kind: 'article', id: `article:${node.articleId}`, articleId: node.articleId } : undefined;
  }

  getTreeItem(node: ArticleTreeNode): vscode.TreeItem {
    if (node.kind === 'more') return moreItem(Views.articles, node);
    const item = this.corpus.index.article(node.articleId);
    const a = item?.article;
    if (node.kind === 'article') {
      const tree = new vscode.TreeItem(oneLine(a?.title || node.articleId), item?.summary.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      tree.id = node.id;
      tree.description = [a?.date, a?.source].filter(Boolean).join(' · ');
      tree.tooltip = [oneLine(a?.title ?? ''), [a?.source, a?.date].filter(Boolean).join(' · '), item ? `${plural(item.mentions.length, 'mention')} · ${plural(item.events.length, 'event')}` : '', a?.path]
        .filter(Boolean)
        .join('\n');
      tree.iconPath = new vscode.ThemeIcon(a ? FORMAT_ICONS[a.format] : 'file-text');
      tree.contextValue = 'newsLens.article';
      return tree;
    }
    const text = a ? oneLine(a.text.slice(node.span.start, node.span.end)) : '';
    const tree = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    tree.id = node.id;
    tree.tooltip = text;
    tree.iconPath = new vscode.ThemeIcon('quote');
    if (a) tree.command = { command: 'vscode.open', title: 'Open at Sentence', arguments: [articleUri(a), { selection: rangeIn(a, node.span), preview: true }] };
    return tree;
  }
}

function newestFirst(x: IndexedArticle, y: IndexedArticle): number {
  const dx = x.article.date ?? '';
  const dy = y.article.date ?? '';
  return dx === dy ? nameOrder(x.article.title, y.article.title) : dx < dy ? 1 : -1;
}
