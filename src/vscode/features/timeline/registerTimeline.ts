import * as vscode from 'vscode';
import { Commands, Panels } from '../../constants';
import { entityIdOf } from '../entities/entitiesTree';
import type { FeatureContext } from '../feature';
import type { TimelineDeps } from './timelinePanel';
import { TimelinePanel } from './timelinePanel';

export interface TimelineFeature {
  /** The open panel, if any. */
  readonly panel: TimelinePanel | undefined;
  show(entityId?: string): TimelinePanel;
  /** What VS Code calls after a reload to restore the panel. */
  serializer: vscode.WebviewPanelSerializer;
}

/** "Show Timeline": from an entity's context menu (or with one selected in the Entities view) it adds that entity to the comparison. */
export function registerTimeline(ctx: FeatureContext, actions: Pick<TimelineDeps, 'openArticle' | 'dateSource'>, selectedEntity: () => string | undefined): TimelineFeature {
  const deps: TimelineDeps = { extensionUri: ctx.extension.extensionUri, corpus: ctx.corpus, log: ctx.log, ...actions };
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      TimelinePanel.revive(deps, panel, state);
    },
  };
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.showTimeline, (arg?: unknown) => {
      TimelinePanel.show(deps, entityIdOf(arg) ?? selectedEntity());
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.timeline, serializer),
    { dispose: () => TimelinePanel.active?.dispose() },
  );
  return {
    get panel() {
      return TimelinePanel.active;
    },
    show: (entityId) => TimelinePanel.show(deps, entityId),
    serializer,
  };
}
