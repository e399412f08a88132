import * as vscode from 'vscode';
import type { Decision } from '../../../core/corpus/curationFile';
import { CURATION_FILE } from '../../../core/corpus/curationFile';
import type { Entity, EntityType } from '../../../core/model/types';
import { ENTITY_TYPES } from '../../../core/model/types';
import { plural, withArticle } from '../../../core/render/entityGroups';
import { TYPE_ICONS, TYPE_NAMES } from '../../../shared/entityTypes';
import { articleOf } from '../../adapters/documents';
import { entityIdOfResource } from '../../adapters/positions';
import { Commands, ContextKeys, ENTITY_SCHEME } from '../../constants';
import { entityIdOf } from '../entities/entitiesTree';
import type { FeatureContext } from '../feature';
import type { CurationStore } from './curationStore';

export interface CurationDeps {
  store: CurationStore;
  /** Shows an entity in the Entities view. */
  revealEntity(entityId: string): Promise<boolean>;
}

/** What the correction commands hand back (the integration tests wait on it). */
export interface CurationFeature {
  /** Settles when the last correction a command made is written and shown. */
  lastCorrection: Promise<void>;
  /** Whether Undo Last Correction has a correction to take back. */
  canUndo(): boolean;
}

/** A "W" badge on the tree items of entities a watchlist names (see entityResource), the lists in its tooltip. */
class WatchlistBadges implements vscode.FileDecorationProvider {
  private readonly emitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;

  constructor(private readonly entity: (id: string) => Entity | undefined) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ENTITY_SCHEME) return undefined;
    const lists = this.entity(entityIdOfResource(uri))?.watchlists;
    return lists?.length ? new vscode.FileDecoration('W', `On watchlist: ${lists.join(', ')}`) : undefined;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

const MARK_TYPES: [string, EntityType][] = [
  [Commands.markAsPerson, 'person'],
  [Commands.markAsOrganization, 'organization'],
  [Commands.markAsPlace, 'place'],
  [Commands.markAsRole, 'role'],
];

/**
 * The analyst's corrections from the editor: on an entity (its tree item, its hover card) Rename,
 * Change Type, Merge Into, Detach Alias and Not an Entity; on a selected name in an article Mark
 * as Person / Organization / Place / Role; and Undo. Each is written to the curation file of the
 * workspace folder holding the article and shown at once.
 */
export function registerCuration(ctx: FeatureContext, deps: CurationDeps): CurationFeature {
  const { corpus, log } = ctx;
  const { store } = deps;
  const feature: CurationFeature = { lastCorrection: Promise.resolve(), canUndo: () => store.canUndo };
  const badges = new WatchlistBadges((id) => corpus.index.entity(id));

  const entityOf = (arg: unknown): Entity | undefined => {
    const id = entityIdOf(arg);
    const entity = id ? corpus.index.entity(id) : undefined;
    if (!entity) void vscode.window.showInformationMessage('News Lens: that entity is no longer in the corpus.');
    return entity;
  };

  /** The entity's type, when its name or an alias is also another entity's: the decision then says which. */
  const typeIfShared = (entity: Entity, name = entity.name): { type?: EntityType } =>
    corpus.index.entities().some((e) => e.id !== entity.id && e.type !== entity.type && (e.name === name || e.aliases.includes(name))) ? { type: entity.type } : {};

  /** The curation file for a correction about an entity: that of the folder holding its first article. */
  const fileNear = (entityId?: string, path?: string): vscode.Uri | undefined => {
    const first = entityId ? corpus.index.mentionsOf(entityId)[0] : undefined;
    const file = store.fileFor(path ?? (first ? corpus.index.article(first.articleId)?.article.path : undefined));
    if (!file) void vscode.window.showWarningMessage(`News Lens: open a folder to keep corrections; they are written to ${CURATION_FILE} in it.`);
    return file;
  };

  const correct = (decision: Decision, file: vscode.Uri, done: string, show?: (entities: Entity[]) => Entity | undefined): Promise<void> => {
    const run = (async () => {
      try {
        await corpus.applyCorrections(await store.add(file, decision));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        log.error(`Correction not written: ${why}`);
        void vscode.window.showErrorMessage(`News Lens: the correction was not written: ${why}`);
        return;
      }
      badges.refresh();
      const target = show?.(corpus.index.entities());
      if (target) void deps.revealEntity(target.id).catch((err) => log.debug(`reveal after a correction: ${err}`));
      void vscode.window.showInformationMessage(`News Lens: ${done}`, 'Undo', 'Open Curation File').then((pick) => {
        if (pick === 'Undo') void vscode.commands.executeCommand(Commands.undoCorrection);
        if (pick === 'Open Curation File') void vscode.window.showTextDocument(file);
      });
    })();
    feature.lastCorrection = run;
    return run;
  };

  const rename = async (arg: unknown): Promise<void> => {
    const entity = entityOf(arg);
    const file = entity && fileNear(entity.id);
    if (!entity || !file) return;
    const to = await vscode.window.showInputBox({
      title: `Rename “${entity.name}”`,
      value: entity.name,
      valueSelection: [0, entity.name.length],
      prompt: `The name this ${TYPE_NAMES[entity.type].toLowerCase()} goes by in every view; “${entity.name}” stays an alias. Kept in ${CURATION_FILE}.`,
      validateInput: (v) => (v.trim() ? undefined : 'A name cannot be empty.'),
      // Open while the analyst checks the spelling in the article or copies it from there.
      ignoreFocusOut: true,
    });
    const name = to?.trim();
    if (!name || name === entity.name) return;
    await correct({ op: 'rename', entity: entity.name, ...typeIfShared(entity), to: name }, file, `renamed “${entity.name}” to “${name}”.`, (all) => all.find((e) => e.name === name && e.type === entity.type));
  };

  const retype = async (arg: unknown): Promise<void> => {
    const entity = entityOf(arg);
    const file = entity && fileNear(entity.id);
    if (!entity || !file) return;
    const pick = await vscode.window.showQuickPick(
      ENTITY_TYPES.filter((t) => t !== entity.type).map((type) => ({ label: `$(${TYPE_ICONS[type]}) ${TYPE_NAMES[type]}`, type })),
      { title: `Change the type of “${entity.name}” (${TYPE_NAMES[entity.type]})`, placeHolder: 'The type it really is' },
    );
    if (!pick) return;
    await correct({ op: 'retype', entity: entity.name, ...typeIfShared(entity), to: pick.type }, file, `“${entity.name}” is now ${withArticle(TYPE_NAMES[pick.type].toLowerCase())}.`, (all) =>
      all.find((e) => e.name === entity.name && e.type === pick.type),
    );
  };

  const merge = async (arg: unknown): Promise<void> => {
    const entity = entityOf(arg);
    const file = entity && fileNear(entity.id);
    if (!entity || !file) return;
    const candidates = corpus.index.entities().filter((e) => e.id !== entity.id);
    // Its own type first: the same thing is most often of the same type.
    const ordered = [...candidates.filter((e) => e.type === entity.type), ...candidates.filter((e) => e.type !== entity.type)];
    const pick = await vscode.window.showQuickPick(
      ordered.map((e) => ({
        label: `$(${TYPE_ICONS[e.type]}) ${e.name}`,
        description: `${TYPE_NAMES[e.type]} · ${plural(e.mentionCount, 'mention')} in ${plural(e.articleCount, 'article')}`,
        detail: e.aliases.length ? `also ${e.aliases.slice(0, 6).join(', ')}` : undefined,
        entity: e,
      })),
      // Open while the analyst looks the other entity up in the tree or an article.
      { title: `Merge “${entity.name}” into…`, placeHolder: 'The entity it is the same as (type to search names and aliases)', matchOnDetail: true, ignoreFocusOut: true },
    );
    if (!pick) return;
    const into = pick.entity;
    await correct({ op: 'merge', entities: [entity.name, into.name], into: into.name }, file, `merged “${entity.name}” into “${into.name}”.`, (all) => all.find((e) => e.name === into.name && e.type === into.type));
  };

  const detach = async (arg: unknown): Promise<void> => {
    const entity = entityOf(arg);
    const file = entity && fileNear(entity.id);
    if (!entity || !file) return;
    if (!entity.aliases.length) {
      void vscode.window.showInformationMessage(`News Lens: “${entity.name}” has no alias to detach.`);
      return;
    }
    const counts = new Map<string, number>();
    for (const m of corpus.index.mentionsOf(entity.id)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    const pick = await vscode.window.showQuickPick(
      entity.aliases.map((alias) => ({ label: alias, description: plural(counts.get(alias) ?? 0, 'mention'), alias })),
      { title: `Detach an alias from “${entity.name}”`, placeHolder: 'Its mentions become an entity of their own' },
    );
    if (!pick) return;
    await correct({ op: 'detach', entity: entity.name, ...typeIfShared(entity), alias: pick.alias }, file, `“${pick.alias}” is no longer “${entity.name}”.`, (all) =>
      all.find((e) => e.name === pick.alias && e.type === entity.type),
    );
  };

  const ignore = async (arg: unknown): Promise<void> => {
    const entity = entityOf(arg);
    const file = entity && fileNear(entity.id);
    if (!entity || !file) return;
    await correct({ op: 'ignore', name: entity.name, ...typeIfShared(entity) }, file, `“${entity.name}” is not an entity.`);
  };

  const markAs = async (type: EntityType): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const item = editor && articleOf(corpus.index, editor.document);
    const name = editor ? editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim() : '';
    if (!editor || !item || !/[\p{L}\p{N}]/u.test(name) || name.length > 200) {
      void vscode.window.showInformationMessage('News Lens: select a name in an article of the corpus first.');
      return;
    }
    const file = fileNear(undefined, item.article.path);
    if (!file) return;
    await correct({ op: 'add', name, type }, file, `“${name}” is ${withArticle(TYPE_NAMES[type].toLowerCase())}, found in every article.`, (all) => all.find((e) => e.type === type && (e.name === name || e.aliases.includes(name))));
  };

  const undo = async (): Promise<void> => {
    const run = (async () => {
      const input = await store.undo();
      if (!input) {
        void vscode.window.showInformationMessage('News Lens: there is no correction to undo (or it is no longer in the curation file).');
        return;
      }
      await corpus.applyCorrections(input);
      badges.refresh();
    })();
    feature.lastCorrection = run;
    await run;
  };

  const openFile = async (): Promise<void> => {
    const file = store.files()[0];
    if (!file) {
      void vscode.window.showInformationMessage(`News Lens: open a folder first; corrections are kept in ${CURATION_FILE} in it.`);
      return;
    }
    try {
      await vscode.window.showTextDocument(file);
    } catch {
      void vscode.window.showInformationMessage(`News Lens: there are no corrections yet; the first one creates ${CURATION_FILE}.`);
    }
  };

  const setUndoable = (can: boolean): void => void vscode.commands.executeCommand('setContext', ContextKeys.canUndoCorrection, can);
  setUndoable(false);
  ctx.extension.subscriptions.push(
    badges,
    vscode.window.registerFileDecorationProvider(badges),
    corpus.onDidChange(() => badges.refresh()),
    store.onDidChangeUndoable(setUndoable),
    vscode.commands.registerCommand(Commands.renameEntity, rename),
    vscode.commands.registerCommand(Commands.retypeEntity, retype),
    vscode.commands.registerCommand(Commands.mergeEntity, merge),
    vscode.commands.registerCommand(Commands.detachAlias, detach),
    vscode.commands.registerCommand(Commands.ignoreEntity, ignore),
    ...MARK_TYPES.map(([command, type]) => vscode.commands.registerCommand(command, () => markAs(type))),
    vscode.commands.registerCommand(Commands.undoCorrection, undo),
    vscode.commands.registerCommand(Commands.openCurationFile, openFile),
  );
  return feature;
}
