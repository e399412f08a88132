import * as vscode from 'vscode';
import type { EventOrder } from '../../../core/render/eventGroups';
import { describeFilter } from '../../../core/render/formatDate';
import { onDidChangeSetting, setting } from '../../adapters/config';
import { Settings, Views } from '../../constants';
import type { FeatureContext } from '../feature';
import type { ArticleFilterService } from '../filter/articleFilterService';
import type { EventTreeNode } from './eventsTree';
import { EventsTreeProvider } from './eventsTree';

export interface EventsFeature {
  view: vscode.TreeView<EventTreeNode>;
  provider: EventsTreeProvider;
}

export function registerEvents(ctx: FeatureContext, filter: ArticleFilterService): EventsFeature {
  const order = (): EventOrder => (setting<string>(Settings.eventsOrder, 'newest') === 'oldest' ? 'oldest' : 'newest');
  const provider = new EventsTreeProvider(ctx.corpus, { filtered: () => filter.view, order });
  const view = vscode.window.createTreeView(Views.events, { treeDataProvider: provider, showCollapseAll: true });
  // The filter shows in the view's description; the message says how much of the timeline it keeps.
  const describe = (): void => {
    const label = describeFilter(filter.filter);
    view.description = label || undefined;
    const { shown, total } = provider.counts();
    view.message = label && ctx.corpus.state !== 'indexing' ? (shown ? `${shown} of ${total} events: ${label}.` : `No event in ${label}.`) : undefined;
  };
  const refresh = (): void => {
    provider.refresh();
    describe();
  };
  describe();
  ctx.extension.subscriptions.push(view, ctx.corpus.onDidChange(refresh), filter.onDidChange(refresh), onDidChangeSetting([Settings.eventsOrder], refresh));
  return { view, provider };
}
