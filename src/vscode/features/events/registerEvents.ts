import * as vscode from 'vscode';
import { Views } from '../../constants';
import type { FeatureContext } from '../feature';
import type { EventTreeNode } from './eventsTree';
import { EventsTreeProvider } from './eventsTree';

export function registerEvents(ctx: FeatureContext): vscode.TreeView<EventTreeNode> {
  const provider = new EventsTreeProvider(ctx.corpus);
  const view = vscode.window.createTreeView(Views.events, { treeDataProvider: provider, showCollapseAll: true });
  ctx.extension.subscriptions.push(view, ctx.corpus.onDidChange(() => provider.refresh()));
  return view;
}
