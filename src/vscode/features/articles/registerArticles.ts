import * as vscode from 'vscode';
import { articleUri, rangeIn } from '../../adapters/positions';
import { Commands, Views } from '../../constants';
import { describeFilter } from '../../../core/render/formatDate';
import type { FeatureContext } from '../feature';
import type { ArticleFilterService } from '../filter/articleFilterService';
import type { ArticleTreeNode } from './articlesTree';
import { ArticlesTreeProvider } from './articlesTree';

/** The Articles view, and "open article" (at its first summary sentence) used by views and the panel. */
export interface ArticlesFeature {
  view: vscode.TreeView<ArticleTreeNode>;
  provider: ArticlesTreeProvider;
}

export function registerArticles(ctx: FeatureContext, filter: ArticleFilterService): ArticlesFeature {
  const provider = new ArticlesTreeProvider(ctx.corpus, () => filter.view);
  const view = vscode.window.createTreeView(Views.articles, { treeDataProvider: provider, showCollapseAll: true });
  const refresh = (): void => {
    provider.refresh();
    view.description = describeFilter(filter.filter) || undefined;
  };
  refresh();
  ctx.extension.subscriptions.push(
    view,
    ctx.corpus.onDidChange(refresh),
    filter.onDidChange(refresh),
    vscode.commands.registerCommand(Commands.openArticle, (arg: unknown) => {
      const articleId = typeof arg === 'string' ? arg : isArticleNode(arg) ? arg.articleId : undefined;
      return articleId ? openArticle(ctx, articleId) : false;
    }),
  );
  return { view, provider };
}

function isArticleNode(x: unknown): x is { articleId: string } {
  return typeof x === 'object' && x !== null && typeof (x as { articleId?: unknown }).articleId === 'string';
}

/** Opens an article with its first summary sentence selected (the title when it has no summary). */
export async function openArticle(ctx: FeatureContext, articleId: string): Promise<boolean> {
  const item = ctx.corpus.index.article(articleId);
  if (!item) {
    void vscode.window.showInformationMessage('News Lens: that article is no longer in the corpus.');
    return false;
  }
  const first = item.summary[0] ?? { start: item.article.bodyStart, end: item.article.bodyStart };
  await vscode.window.showTextDocument(articleUri(item.article), { selection: rangeIn(item.article, first), preview: true });
  return true;
}
