import * as vscode from 'vscode';
import { matchesFilter } from '../../../core/render/entityGroups';
import { describeFilter } from '../../../core/render/formatDate';
import { onDidChangeSetting, setting } from '../../adapters/config';
import { mentionAt } from '../../adapters/documents';
import { articleUri, rangeIn } from '../../adapters/positions';
import { Commands, ContextKeys, Settings, Views } from '../../constants';
import { describeGaps } from '../../corpusService';
import type { FeatureContext } from '../feature';
import type { ArticleFilterService } from '../filter/articleFilterService';
import type { EntityTreeNode } from './entitiesTree';
import { EntitiesTreeProvider, entityIdOf } from './entitiesTree';

export interface EntitiesFeature {
  view: vscode.TreeView<EntityTreeNode>;
  provider: EntitiesTreeProvider;
  /** Shows an entity in the Entities view (clearing a filter that hides it); false if unknown. */
  reveal(entityId: string, options?: { focus?: boolean; expand?: boolean }): Promise<boolean>;
}

const REST_MS = 500;

/**
 * The Entities view with its sort and filter actions, reveal commands and reveal-on-cursor. It lists
 * only the entities mentioned in what the date and source filter keeps.
 */
export function registerEntities(ctx: FeatureContext, dateSource: ArticleFilterService): EntitiesFeature {
  const { corpus } = ctx;
  const provider = new EntitiesTreeProvider(corpus, () => dateSource.view);
  const view = vscode.window.createTreeView(Views.entities, { treeDataProvider: provider, showCollapseAll: true });
  const subs = ctx.extension.subscriptions;

  const updateMessage = (): void => {
    const { shown, total } = provider.counts();
    const parts: string[] = [];
    if (corpus.state === 'indexing') {
      if (total > 0) parts.push(`Indexing${corpus.progress.total ? ` ${corpus.progress.done}/${corpus.progress.total} files` : ''}…`);
    } else {
      // An index that leaves files out never passes for the whole corpus.
      const gaps = describeGaps(corpus.gaps, corpus.index.size);
      if (gaps) parts.push(gaps);
    }
    const range = describeFilter(dateSource.filter);
    const filters = [provider.filter ? `“${provider.filter}”` : '', range].filter(Boolean).join(' \u00b7 ');
    if (filters && corpus.state !== 'indexing') parts.push(shown ? `${filters}: ${shown} of ${total} entities.` : `No entity in ${filters}.`);
    view.message = parts.join(' ') || undefined;
    view.description = filters || undefined;
  };
  const setSort = (sort: 'mentions' | 'name'): void => {
    provider.sort = sort;
    void vscode.commands.executeCommand('setContext', ContextKeys.entitySort, sort);
  };
  const setFilter = (filter: string): void => {
    provider.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', ContextKeys.entityFiltered, provider.filter !== '');
    updateMessage();
  };
  setSort('mentions');
  setFilter('');

  const reveal: EntitiesFeature['reveal'] = async (entityId, options = {}) => {
    const entity = corpus.index.entity(entityId);
    if (!entity) return false;
    if (provider.filter && !matchesFilter(entity, provider.filter)) setFilter('');
    // Asked for by name (a hover, the graph, an event): an entity the date or source filter hides is shown by clearing it.
    if (dateSource.view && !dateSource.view.mentions.has(entityId)) {
      ctx.log.info(`Cleared the date and source filter (${describeFilter(dateSource.filter)}) to reveal ${entity.name}, which it hides.`);
      await dateSource.clear();
    }
    provider.showEntity(entityId);
    const node = provider.entityNode(entityId);
    if (!node) return false;
    await view.reveal(node, { select: true, focus: options.focus ?? true, expand: options.expand ?? false });
    return true;
  };

  const filterInput = async (): Promise<void> => {
    const before = provider.filter;
    const input = vscode.window.createInputBox();
    input.title = 'Filter Entities';
    input.placeholder = 'Part of a name, alias or role (empty shows all)';
    input.value = before;
    let accepted = false;
    let timer: NodeJS.Timeout | undefined;
    input.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => setFilter(value), 120);
    });
    input.onDidAccept(() => {
      accepted = true;
      clearTimeout(timer);
      setFilter(input.value);
      input.hide();
    });
    input.onDidHide(() => {
      clearTimeout(timer);
      if (!accepted) setFilter(before);
      input.dispose();
    });
    input.show();
  };

  // Reveal the entity under the cursor once the cursor rests on a mention, if the view is showing.
  let restTimer: NodeJS.Timeout | undefined;
  let lastRevealed: string | undefined;
  const onSelection = (e: vscode.TextEditorSelectionChangeEvent): void => {
    clearTimeout(restTimer);
    if (!setting(Settings.autoReveal, true) || !view.visible) return;
    restTimer = setTimeout(() => {
      if (!view.visible || vscode.window.activeTextEditor !== e.textEditor) return;
      const hit = mentionAt(corpus.index, e.textEditor.document, e.textEditor.selection.active);
      if (!hit || hit.mention.entity === lastRevealed) return;
      lastRevealed = hit.mention.entity;
      void reveal(hit.mention.entity, { focus: false }).catch((err) => ctx.log.debug(`auto-reveal: ${err}`));
    }, REST_MS);
  };

  subs.push(
    view,
    corpus.onDidChange(() => {
      lastRevealed = undefined;
      provider.refresh();
      updateMessage();
    }),
    corpus.onDidChangeState(updateMessage),
    dateSource.onDidChange(() => {
      provider.refresh();
      updateMessage();
    }),
    vscode.window.onDidChangeTextEditorSelection(onSelection),
    onDidChangeSetting([Settings.autoReveal], () => (lastRevealed = undefined)),
    { dispose: () => clearTimeout(restTimer) },
    vscode.commands.registerCommand(Commands.revealEntity, async (arg: unknown) => {
      const entityId = entityIdOf(arg);
      if (!entityId || !(await reveal(entityId, { expand: true }))) {
        void vscode.window.showInformationMessage('News Lens: that entity is no longer in the corpus.');
      }
    }),
    vscode.commands.registerCommand(Commands.revealEntityUnderCursor, async () => {
      const editor = vscode.window.activeTextEditor;
      const hit = editor && mentionAt(corpus.index, editor.document, editor.selection.active, true);
      if (!hit) {
        void vscode.window.showInformationMessage('News Lens: the cursor is not on a mention of a known entity.');
        return;
      }
      await reveal(hit.mention.entity, { focus: true, expand: true });
    }),
    vscode.commands.registerCommand(Commands.sortByName, () => setSort('name')),
    vscode.commands.registerCommand(Commands.sortByMentions, () => setSort('mentions')),
    vscode.commands.registerCommand(Commands.filterEntities, filterInput),
    vscode.commands.registerCommand(Commands.clearEntityFilter, () => setFilter('')),
    vscode.commands.registerCommand(Commands.showMentions, (arg: unknown, uri?: unknown, line?: unknown, character?: unknown) =>
      showMentions(ctx, entityIdOf(arg) ?? '', typeof uri === 'string' && Number.isInteger(line) && Number.isInteger(character) ? { uri, line: line as number, character: character as number } : undefined),
    ),
  );
  return { view, provider, reveal };
}

/**
 * Every mention of an entity across the corpus: in the references peek at the hovered word (or
 * the cursor), else (no editor open) in a Quick Pick.
 */
async function showMentions(ctx: FeatureContext, entityId: string, at?: { uri: string; line: number; character: number }): Promise<void> {
  const index = ctx.corpus.index;
  const entity = index.entity(entityId);
  if (!entity) {
    void vscode.window.showInformationMessage('News Lens: that entity is no longer in the corpus.');
    return;
  }
  const mentions = index.mentionsOf(entityId).flatMap((m) => {
    const item = index.article(m.articleId);
    return item ? [{ m, item, location: new vscode.Location(articleUri(item.article), rangeIn(item.article, m)) }] : [];
  });
  const editor = vscode.window.activeTextEditor;
  const anchor = at ? { uri: vscode.Uri.parse(at.uri, true), position: new vscode.Position(at.line, at.character) } : editor ? { uri: editor.document.uri, position: editor.selection.active } : undefined;
  if (anchor) {
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      anchor.uri,
      anchor.position,
      mentions.map((x) => x.location),
    );
    return;
  }
  const pick = await vscode.window.showQuickPick(
    mentions.map((x) => ({
      label: x.item.article.title || x.item.article.id,
      description: `line ${x.location.range.start.line + 1}`,
      detail: x.item.article.text.slice(Math.max(0, x.m.start - 60), x.m.end + 60).replace(/\s+/g, ' ').trim(),
      location: x.location,
    })),
    { title: `Mentions of ${entity.name}`, matchOnDetail: true, placeHolder: `${mentions.length} mentions` },
  );
  if (pick) await vscode.window.showTextDocument(pick.location.uri, { selection: pick.location.range });
}
