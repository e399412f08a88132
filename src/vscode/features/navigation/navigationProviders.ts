import * as vscode from 'vscode';
import type { CorpusIndex } from '../../../core/index/corpusIndex';
import type { Entity, EntityType, Mention } from '../../../core/model/types';
import { entityDescription, groupEntities, plural } from '../../../core/render/entityGroups';
import { TYPE_NAMES } from '../../../shared/entityTypes';
import { ARTICLE_DOCUMENTS, articleOf, mentionAt } from '../../adapters/documents';
import { articleUri, rangeIn } from '../../adapters/positions';
import type { CorpusService } from '../../corpusService';
import type { FeatureContext } from '../feature';

const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Struct,
  date: vscode.SymbolKind.Constant,
  role: vscode.SymbolKind.Property,
  nationality: vscode.SymbolKind.EnumMember,
};

/** Outline and breadcrumbs: the article's entities grouped by type, each at its first mention. */
export class EntitySymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const index = this.corpus.index;
    const item = articleOf(index, document);
    if (!item) return [];
    const inArticle = index.entitiesIn(item.article.id);
    const mentionsOf = new Map(inArticle.map((e) => [e.entity.id, e.mentions]));
    const rangeAt = (m: Mention): vscode.Range => rangeIn(item.article, m);
    return groupEntities(
      inArticle.map((e) => e.entity),
      'mentions',
    ).map((group) => {
      const children = group.entities.map((entity) => {
        const mentions = mentionsOf.get(entity.id) ?? [];
        const range = rangeAt(mentions[0]);
        const symbol = new vscode.DocumentSymbol(entity.name, `${entity.roles[0] ? `${entity.roles[0]} · ` : ''}${plural(mentions.length, 'mention')}`, SYMBOL_KINDS[entity.type], range, range);
        return symbol;
      });
      const start = children.reduce((p, c) => (c.range.start.isBefore(p) ? c.range.start : p), children[0].range.start);
      const end = children.reduce((p, c) => (c.range.end.isAfter(p) ? c.range.end : p), children[0].range.end);
      const groupRange = new vscode.Range(start, end);
      const symbol = new vscode.DocumentSymbol(group.label, String(group.entities.length), vscode.SymbolKind.Namespace, groupRange, children[0].selectionRange);
      symbol.children = children.sort((a, b) => a.range.start.compareTo(b.range.start));
      return symbol;
    });
  }
}

/** Go to Symbol in Workspace: entities across the corpus, by the start of any word of a name or alias. */
export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const index = this.corpus.index;
    return index.searchEntities(query, 200).flatMap((entity) => {
      const location = firstLocation(index, entity);
      return location ? [new vscode.SymbolInformation(entity.name, SYMBOL_KINDS[entity.type], `${TYPE_NAMES[entity.type]} · ${entityDescription(entity)}`, location)] : [];
    });
  }
}

function firstLocation(index: CorpusIndex, entity: Entity): vscode.Location | undefined {
  const m = index.mentionsOf(entity.id)[0];
  const item = m && index.article(m.articleId);
  return item ? new vscode.Location(articleUri(item.article), rangeIn(item.article, m)) : undefined;
}

/** Find All References: every mention of the entity under the cursor, across the corpus. */
export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const index = this.corpus.index;
    const hit = mentionAt(index, document, position, true);
    if (!hit) return undefined;
    return index.mentionsOf(hit.mention.entity).flatMap((m) => {
      const item = index.article(m.articleId);
      return item ? [new vscode.Location(articleUri(item.article), rangeIn(item.article, m))] : [];
    });
  }
}

/**
 * Go to Definition: the entity's first mention in the same article, where news writing introduces
 * a name in full with its role ("Russian Foreign Minister Sergei Lavrov"); later mentions are short.
 */
export class EntityDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const index = this.corpus.index;
    const hit = mentionAt(index, document, position, true);
    if (!hit) return undefined;
    const first = index.entitiesIn(hit.item.article.id).find((e) => e.entity.id === hit.mention.entity)?.mentions[0] ?? hit.mention;
    return new vscode.Location(document.uri, rangeIn(hit.item.article, first));
  }
}

export function registerNavigation(ctx: FeatureContext): void {
  const { corpus } = ctx;
  const symbols = new EntitySymbolProvider(corpus);
  // VS Code keeps a document's outline until the document changes, and a provider has no event to
  // say its symbols changed; registering the provider again is what empties that cache. A corpus
  // change (a correction, another file re-indexed) changes the symbols of unchanged documents.
  let registered = vscode.languages.registerDocumentSymbolProvider(ARTICLE_DOCUMENTS, symbols, { label: 'News Lens' });
  ctx.extension.subscriptions.push(
    { dispose: () => registered.dispose() },
    corpus.onDidChange(() => {
      registered.dispose();
      registered = vscode.languages.registerDocumentSymbolProvider(ARTICLE_DOCUMENTS, symbols, { label: 'News Lens' });
    }),
    vscode.languages.registerWorkspaceSymbolProvider(new EntityWorkspaceSymbolProvider(corpus)),
    vscode.languages.registerReferenceProvider(ARTICLE_DOCUMENTS, new EntityReferenceProvider(corpus)),
    vscode.languages.registerDefinitionProvider(ARTICLE_DOCUMENTS, new EntityDefinitionProvider(corpus)),
  );
}
