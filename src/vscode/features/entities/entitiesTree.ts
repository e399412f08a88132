import * as vscode from 'vscode';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import type { MentionRef } from '../../../core/index/corpusIndex';
import type { Entity, EntityType } from '../../../core/model/types';
import type { EntityGroup, EntitySort } from '../../../core/render/entityGroups';
import { entityDescription, groupEntities, plural } from '../../../core/render/entityGroups';
import { entityTooltip, possiblySame } from '../../../core/render/hoverCard';
import { TYPE_ICONS, TYPE_NAMES } from '../../../shared/entityTypes';
import { sentenceSnippet } from '../../../core/render/snippet';
import { articleUri, entityResource, rangeIn } from '../../adapters/positions';
import { Commands, EntityColors, Views } from '../../constants';
import type { CorpusService } from '../../corpusService';
import type { MoreNode } from '../../../core/render/pages';
import { Pages } from '../../../core/render/pages';
import { moreItem } from '../paging';

export type EntityTreeNode =
  | { kind: 'type'; id: string; group: EntityGroup }
  | { kind: 'entity'; id: string; entity: Entity }
  | { kind: 'article'; id: string; entityId: string; articleId: string; mentions: MentionRef[] }
  | { kind: 'mention'; id: string; entityId: string; mention: MentionRef }
  /** An entity this one may be, kept apart because the evidence is split (Entity.possibleSame). */
  | { kind: 'possibleSame'; id: string; entityId: string; other: Entity }
  | MoreNode;

/**
 * Entities grouped by type → entity → articles that mention it → each mention; after the articles,
 * the entities it may be (possibleSame), each revealing that entity on a click. Nodes are cached
 * by id for one corpus generation, so `reveal` and `getParent` hand back the same objects the
 * tree already holds; ids are stable across refreshes, so expansion survives a re-index.
 */
export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityTreeNode> {
  private readonly emitter = new vscode.EventEmitter<EntityTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private groups: EntityGroup[] | undefined;
  private nodes = new Map<string, EntityTreeNode>();
  private currentSort: EntitySort = 'mentions';
  private currentFilter = '';
  /** Rows shown per type group, keyed by entity type. */
  private readonly pages = new Pages();

  /** `filtered`: what the date and source filter keeps (undefined when nothing is filtered). */
  constructor(
    private readonly corpus: CorpusService,
    private readonly filtered: () => FilteredCorpus | undefined,
  ) {}

  get sort(): EntitySort {
    return this.currentSort;
  }

  set sort(sort: EntitySort) {
    this.currentSort = sort;
    this.pages.reset();
    this.refresh();
  }

  get filter(): string {
    return this.currentFilter;
  }

  set filter(filter: string) {
    this.currentFilter = filter;
    this.pages.reset();
    this.refresh();
  }

  refresh(): void {
    this.groups = undefined;
    this.nodes = new Map();
    this.emitter.fire(undefined);
  }

  /** Entities shown / all entities, under the current filters. */
  counts(): { shown: number; total: number } {
    return { shown: this.currentGroups().reduce((n, g) => n + g.entities.length, 0), total: this.corpus.index.entities().length };
  }

  private currentGroups(): EntityGroup[] {
    return (this.groups ??= groupEntities(this.corpus.index.entities(), this.currentSort, this.currentFilter, this.filtered()?.mentions));
  }

  private node<T extends EntityTreeNode>(made: T): T {
    const known = this.nodes.get(made.id);
    if (known) return known as T;
    this.nodes.set(made.id, made);
    return made;
  }

  private typeNode(group: EntityGroup): EntityTreeNode {
    return this.node({ kind: 'type', id: `type:${group.type}`, group });
  }

  /** Shows the next page of a type group. */
  showMore(type: string): void {
    const group = this.currentGroups().find((g) => g.type === type);
    if (!group) return;
    this.pages.more(type);
    this.emitter.fire(this.typeNode(group));
  }

  /** Grows the entity's type group far enough to show it, so it can be revealed. */
  showEntity(entityId: string): void {
    const entity = this.corpus.index.entity(entityId);
    const group = entity && this.currentGroups().find((g) => g.type === entity.type);
    if (group && this.pages.reach(group.type, group.entities.indexOf(entity))) this.emitter.fire(this.typeNode(group));
  }

  /** The node of an entity, when the current filter shows it. */
  entityNode(entityId: string): EntityTreeNode | undefined {
    const entity = this.corpus.index.entity(entityId);
    if (!entity || !this.currentGroups().some((g) => g.type === entity.type && g.entities.includes(entity))) return undefined;
    return this.node({ kind: 'entity', id: `entity:${entity.id}`, entity });
  }

  getChildren(node?: EntityTreeNode): EntityTreeNode[] {
    const index = this.corpus.index;
    if (!node) return this.currentGroups().map((g) => this.typeNode(g));
    switch (node.kind) {
      case 'type': {
        // The view may ask for the children of a group it got before the last rebuild: they are
        // the current index's, or the stale entities would be kept as the nodes of this one.
        const group = this.currentGroups().find((g) => g.type === node.group.type);
        if (!group) return [];
        return this.pages.rows(group.type, `${node.id}/more`, group.entities, (entity): EntityTreeNode => this.node({ kind: 'entity', id: `entity:${entity.id}`, entity }));
      }
      case 'entity': {
        const byArticle = new Map<string, MentionRef[]>();
        const kept = this.filtered()?.articleIds;
        for (const m of index.mentionsOf(node.entity.id)) {
          if (kept && !kept.has(m.articleId)) continue;
          const list = byArticle.get(m.articleId);
          if (list) list.push(m);
          else byArticle.set(m.articleId, [m]);
        }
        const articles = [...byArticle].map(([articleId, mentions]): EntityTreeNode => this.node({ kind: 'article', id: `${node.id}/article:${articleId}`, entityId: node.entity.id, articleId, mentions }));
        const maybe = possiblySame(index, node.entity).map((other): EntityTreeNode => this.node({ kind: 'possibleSame', id: `${node.id}/possibleSame:${other.id}`, entityId: node.entity.id, other }));
        return [...articles, ...maybe];
      }
      case 'article':
        return node.mentions.map((mention) => this.node({ kind: 'mention', id: `${node.id}/mention:${mention.start}`, entityId: node.entityId, mention }));
      default:
        return [];
    }
  }

  getParent(node: EntityTreeNode): EntityTreeNode | undefined {
    switch (node.kind) {
      case 'type':
        return undefined;
      case 'more': {
        const group = this.currentGroups().find((g) => g.type === node.key);
        return group ? this.typeNode(group) : undefined;
      }
      case 'entity': {
        const group = this.currentGroups().find((g) => g.type === node.entity.type);
        return group ? this.typeNode(group) : undefined;
      }
      case 'article':
      case 'possibleSame':
        return this.entityNode(node.entityId);
      case 'mention': {
        const parent = this.entityNode(node.entityId);
        return parent ? this.getChildren(parent).find((n) => n.kind === 'article' && n.articleId === node.mention.articleId) : undefined;
      }
    }
  }

  /** Tooltips are built when the pointer rests on an item, not for every item a group shows. */
  resolveTreeItem(item: vscode.TreeItem, node: EntityTreeNode): vscode.TreeItem {
    if (node.kind === 'entity' && !item.tooltip) {
      // Theme icons on, as the escaping of article text expects (see escapeMarkdown).
      const tooltip = new vscode.MarkdownString(entityTooltip(this.corpus.index, node.entity), true);
      tooltip.isTrusted = false;
      item.tooltip = tooltip;
    }
    return item;
  }

  getTreeItem(node: EntityTreeNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'more':
        return moreItem(Views.entities, node);
      case 'type': {
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = String(node.group.entities.length);
        item.iconPath = typeIcon(node.group.type);
        item.contextValue = 'newsLens.entityType';
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = entityDescription(e, this.filtered()?.mentions.get(e.id));
        item.iconPath = typeIcon(e.type);
        item.contextValue = 'newsLens.entity';
        if (e.watchlists?.length) item.resourceUri = entityResource(e.id);
        item.accessibilityInformation = { label: `${e.name}, ${e.type}, ${entityDescription(e)}, ${plural(e.mentionCount, 'mention')} in ${plural(e.articleCount, 'article')}` };
        return item;
      }
      case 'article': {
        const a = index.article(node.articleId)?.article;
        const item = new vscode.TreeItem(a?.title || node.articleId, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = [a?.date, plural(node.mentions.length, 'mention')].filter(Boolean).join(' · ');
        item.tooltip = [a?.title, a?.source, a?.date, a?.path].filter(Boolean).join('\n');
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.contextValue = 'newsLens.article';
        return item;
      }
      case 'possibleSame': {
        const o = node.other;
        const item = new vscode.TreeItem(`Possibly the same as ${o.name}`, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = `${TYPE_NAMES[o.type]} · ${plural(o.mentionCount, 'mention')}`;
        item.tooltip = 'Kept apart: the texts do not settle whether these are one. Click to reveal it.';
        item.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor(EntityColors[o.type]));
        item.contextValue = 'newsLens.possibleSame';
        item.command = { command: Commands.revealEntity, title: 'Reveal Entity', arguments: [o.id] };
        return item;
      }
      case 'mention': {
        const item = index.article(node.mention.articleId);
        const m = node.mention;
        if (!item) return new vscode.TreeItem(m.text);
        const snippet = sentenceSnippet(item.article.text, item.analysis.sentences, m.start, m.end, 80, 10);
        const tree = new vscode.TreeItem({ label: snippet.text, highlights: [snippet.highlight] }, vscode.TreeItemCollapsibleState.None);
        const range = rangeIn(item.article, m);
        tree.id = node.id;
        tree.description = `line ${range.start.line + 1}`;
        tree.tooltip = sentenceSnippet(item.article.text, item.analysis.sentences, m.start, m.end, 400).text;
        tree.iconPath = new vscode.ThemeIcon('quote');
        tree.contextValue = 'newsLens.mention';
        tree.command = {
          command: 'vscode.open',
          title: 'Open Mention',
          arguments: [articleUri(item.article), { selection: range, preview: true } satisfies vscode.TextDocumentShowOptions],
        };
        return tree;
      }
    }
  }
}

export function typeIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type], new vscode.ThemeColor(EntityColors[type]));
}

/**
 * The entity id a command was invoked with: an id from a hover link or the panel, or the tree
 * node of an entity or event participant when run from a view's context menu.
 */
export function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { entity?: { id?: unknown }; entityId?: unknown; kind?: unknown };
  if (node.kind === 'entity' && typeof node.entity?.id === 'string') return node.entity.id;
  return typeof node.entityId === 'string' ? node.entityId : undefined;
}
