import * as vscode from 'vscode';
import { Views } from '../../constants';
import type { FeatureContext } from '../feature';
import type { EventTreeNode } from './eventsTree';
import { EventsTreeProvider } from './eventsTree';

export interface EventsFeature {
  view: vscode.TreeView<EventTreeNode>;
  provider: EventsTreeProvider;
}

export function registerEvents(ctx: FeatureContext): EventsFeature {
  const provider = new EventsTreeProvider(ctx.corpus);
  const view = vscode.window.createTreeView(Views.events, { treeDataProvider: provider, showCollapseAll: true });
  ctx.extension.subscriptions.push(view, ctx.corpus.onDidChange(() => provider.refresh()));
  return { view, provider };
}
