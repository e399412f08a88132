import * as vscode from 'vscode';
import { Commands, Panels } from '../../constants';
import { entityIdOf } from '../entities/entitiesTree';
import type { FeatureContext } from '../feature';
import type { GraphDeps } from './graphPanel';
import { GraphPanel } from './graphPanel';

export interface GraphFeature {
  /** The open panel, if any. */
  readonly panel: GraphPanel | undefined;
  show(entityId?: string): GraphPanel;
  /** What VS Code calls after a reload to restore the panel. */
  serializer: vscode.WebviewPanelSerializer;
}

/**
 * "Show Connections": from the palette it centres on the entity selected in the Entities view (or
 * shows the corpus's top entities), from an entity's context menu on that entity.
 */
export function registerGraph(ctx: FeatureContext, actions: Pick<GraphDeps, 'revealEntity' | 'showArticles' | 'dateSource'>, selectedEntity: () => string | undefined): GraphFeature {
  const deps: GraphDeps = { extensionUri: ctx.extension.extensionUri, corpus: ctx.corpus, log: ctx.log, ...actions };
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      GraphPanel.revive(deps, panel, state);
    },
  };
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.showConnections, (arg?: unknown) => {
      GraphPanel.show(deps, entityIdOf(arg) ?? selectedEntity());
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.connections, serializer),
    { dispose: () => GraphPanel.active?.dispose() },
  );
  return {
    get panel() {
      return GraphPanel.active;
    },
    show: (entityId) => GraphPanel.show(deps, entityId),
    serializer,
  };
}
