import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { MoreNode } from '../../core/render/pages';
import { PAGE_SIZE } from '../../core/render/pages';
import type { FeatureContext } from './feature';

/** The "Show more" row of a list in view `viewId`. */
export function moreItem(viewId: string, node: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`Show ${Math.min(PAGE_SIZE, node.hidden)} more…`, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${node.hidden.toLocaleString('en-US')} not shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'newsLens.more';
  item.command = { command: Commands.showMore, title: 'Show More', arguments: [viewId, node.key] };
  return item;
}

/** The "Show more" command: `lists` maps each view id to the tree that pages its lists. */
export function registerShowMore(ctx: FeatureContext, lists: Record<string, { showMore(key: string): void }>): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.showMore, (viewId: unknown, key: unknown) => {
      if (typeof viewId === 'string' && typeof key === 'string') lists[viewId]?.showMore(key);
    }),
  );
}
