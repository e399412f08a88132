import * as vscode from 'vscode';
import type { MentionRef } from '../../../core/index/corpusIndex';
import type { Entity, EntityType } from '../../../core/model/types';
import { ENTITY_TYPES } from '../../../core/model/types';
import { TYPE_LABELS } from '../../../core/render/textReport';
import type { CorpusService } from '../../corpusService';
import { articleUri, rangeIn } from '../../adapters/positions';

export type EntitySort = 'mentions' | 'name';

export const TYPE_ICONS: Record<EntityType, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
  role: 'briefcase',
  nationality: 'globe',
};

export type EntityTreeNode =
  | { kind: 'type'; type: EntityType }
  | { kind: 'entity'; entity: Entity }
  | { kind: 'article'; entityId: string; articleId: string }
  | { kind: 'mention'; entityId: string; mention: MentionRef };

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityTreeNode> {
  private readonly emitter = new vscode.EventEmitter<EntityTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  sort: EntitySort = 'mentions';
  filter = '';

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private visible(type: EntityType): Entity[] {
    const f = this.filter.toLowerCase();
    const list = this.corpus.index
      .entities()
      .filter((e) => e.type === type && (!f || e.name.toLowerCase().includes(f) || e.aliases.some((a) => a.toLowerCase().includes(f))));
    return this.sort === 'name' ? [...list].sort((a, b) => a.name.localeCompare(b.name)) : list;
  }

  getChildren(node?: EntityTreeNode): EntityTreeNode[] {
    const index = this.corpus.index;
    if (!node) return ENTITY_TYPES.filter((t) => this.visible(t).length > 0).map((type) => ({ kind: 'type', type }));
    switch (node.kind) {
      case 'type':
        return this.visible(node.type).map((entity) => ({ kind: 'entity', entity }));
      case 'entity':
        return index.articleIdsOf(node.entity.id).map((articleId) => ({ kind: 'article', entityId: node.entity.id, articleId }));
      case 'article':
        return index
          .mentionsOf(node.entityId)
          .filter((m) => m.articleId === node.articleId)
          .map((mention) => ({ kind: 'mention', entityId: node.entityId, mention }));
      default:
        return [];
    }
  }

  getParent(node: EntityTreeNode): EntityTreeNode | undefined {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'entity':
        return { kind: 'type', type: node.entity.type };
      case 'article': {
        const entity = index.entity(node.entityId);
        return entity ? { kind: 'entity', entity } : undefined;
      }
      case 'mention':
        return { kind: 'article', entityId: node.entityId, articleId: node.mention.articleId };
      default:
        return undefined;
    }
  }

  getTreeItem(node: EntityTreeNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'type': {
        const count = this.visible(node.type).length;
        const item = new vscode.TreeItem(TYPE_LABELS[node.type], vscode.TreeItemCollapsibleState.Expanded);
        item.id = `type:${node.type}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
        item.contextValue = 'newsLens.entityType';
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${e.id}`;
        item.description = e.roles[0] ?? `${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`;
        const tip = new vscode.MarkdownString();
        tip.appendText(`${e.name} (${e.type})\n\n`);
        if (e.roles.length) tip.appendText(`Roles: ${e.roles.join(', ')}\n\n`);
        if (e.aliases.length) tip.appendText(`Also: ${e.aliases.join(', ')}\n\n`);
        tip.appendText(`${e.mentionCount} mentions in ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`);
        item.tooltip = tip;
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[e.type]);
        item.contextValue = 'newsLens.entity';
        return item;
      }
      case 'article': {
        const a = index.article(node.articleId);
        const count = index.mentionsOf(node.entityId).filter((m) => m.articleId === node.articleId).length;
        const item = new vscode.TreeItem(a?.article.title || node.articleId, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${node.entityId}/article:${node.articleId}`;
        item.description = [a?.article.date, `${count}×`].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.contextValue = 'newsLens.article';
        return item;
      }
      case 'mention': {
        const a = index.article(node.mention.articleId);
        const m = node.mention;
        const snippet = a ? sentenceSnippet(a.article.text, a.analysis.sentences, m.start, m.end) : m.text;
        const item = new vscode.TreeItem(snippet, vscode.TreeItemCollapsibleState.None);
        item.id = `entity:${node.entityId}/mention:${m.articleId}:${m.start}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'newsLens.mention';
        if (a) {
          const range = rangeIn(a.article, m);
          item.description = `line ${range.start.line + 1}`;
          item.command = {
            command: 'vscode.open',
            title: 'Open Mention',
            arguments: [articleUri(a.article), { selection: range, preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
          };
        }
        return item;
      }
    }
  }
}

/** The sentence around a mention, shortened around it, on one line. */
export function sentenceSnippet(text: string, sentences: { start: number; end: number }[], start: number, end: number, width = 90): string {
  const s = sentences.find((x) => x.start <= start && end <= x.end) ?? { start: Math.max(0, start - width), end: Math.min(text.length, end + width) };
  let from = s.start;
  let to = s.end;
  if (to - from > width) {
    from = Math.max(s.start, start - Math.floor((width - (end - start)) / 2));
    to = Math.min(s.end, from + width);
  }
  return `${from > s.start ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < s.end ? '…' : ''}`;
}
