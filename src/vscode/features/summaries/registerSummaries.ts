import * as vscode from 'vscode';
import { Commands, Panels } from '../../constants';
import { entityIdOf } from '../entities/entitiesTree';
import type { FeatureContext } from '../feature';
import type { PanelDeps } from './summariesPanel';
import { SummariesPanel } from './summariesPanel';

export interface SummariesFeature {
  /** The open panel, if any. */
  readonly panel: SummariesPanel | undefined;
  show(entityId?: string, withId?: string): SummariesPanel;
  /** What VS Code calls after a reload to restore the panel. */
  serializer: vscode.WebviewPanelSerializer;
}

export function registerSummaries(ctx: FeatureContext, actions: Pick<PanelDeps, 'revealEntity' | 'openArticle' | 'dateSource'>): SummariesFeature {
  const deps: PanelDeps = { extensionUri: ctx.extension.extensionUri, corpus: ctx.corpus, log: ctx.log, ...actions };
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      SummariesPanel.revive(deps, panel, state);
    },
  };
  ctx.extension.subscriptions.push(
    // A second entity id (from the connections graph's edges) narrows to the articles that mention both.
    vscode.commands.registerCommand(Commands.openSummaries, (arg?: unknown, withArg?: unknown) => {
      SummariesPanel.show(deps, entityIdOf(arg), typeof withArg === 'string' ? withArg : undefined);
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.summaries, serializer),
    { dispose: () => SummariesPanel.active?.dispose() },
  );
  return {
    get panel() {
      return SummariesPanel.active;
    },
    show: (entityId, withId) => SummariesPanel.show(deps, entityId, withId),
    serializer,
  };
}
