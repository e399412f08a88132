import * as vscode from 'vscode';
import type { TimelineEntry } from '../../../core/index/corpusIndex';
import { filedDate } from '../../../core/index/corpusIndex';
import { plural } from '../../../core/render/entityGroups';
import { formatDate } from '../../../core/render/formatDate';
import { eventLine } from '../../../core/render/hoverCard';
import { oneLine } from '../../../core/render/markdown';
import { articleUri, rangeIn } from '../../adapters/positions';
import { Commands, Views } from '../../constants';
import type { CorpusService } from '../../corpusService';
import { typeIcon } from '../entities/entitiesTree';
import type { MoreNode } from '../../../core/render/pages';
import { PAGE_SIZE, Pages } from '../../../core/render/pages';
import { moreItem } from '../paging';

export type EventTreeNode =
  | { kind: 'date'; id: string; date: string | null; entries: TimelineEntry[] }
  | { kind: 'event'; id: string; entry: TimelineEntry }
  | { kind: 'participant'; id: string; entry: TimelineEntry; entityId: string; part: 'who' | 'whom' | 'where' }
  | { kind: 'evidence'; id: string; entry: TimelineEntry }
  | MoreNode;

const ROOT = 'root';

/** Codicons for the event taxonomy (src/core/nlp/eventTypes.ts); unknown types get the generic icon. */
const EVENT_ICONS: Record<string, string> = {
  statement: 'quote',
  meeting: 'comment-discussion',
  cooperation: 'check-all',
  support: 'thumbsup',
  criticism: 'thumbsdown',
  conflict: 'flame',
  disaster: 'warning',
  legal: 'law',
  election: 'checklist',
  economic: 'graph',
  contest: 'star-full',
  movement: 'arrow-right',
};

const PART_LABELS = { who: 'who', whom: 'with', where: 'where' } as const;

/** Timeline grouped by resolved date (undated last) → event → participants and evidence sentence. */
export class EventsTreeProvider implements vscode.TreeDataProvider<EventTreeNode> {
  private readonly emitter = new vscode.EventEmitter<EventTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: EventTreeNode[] | undefined;
  /** Rows shown of the dates (key "root") and of each date's events (key: the date node's id). */
  private readonly pages = new Pages();

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  /** Shows the next page of the dates, or of one date's events. */
  showMore(key: string): void {
    this.pages.more(key);
    this.emitter.fire(key === ROOT ? undefined : this.dateNodes().find((d) => d.id === key));
  }

  private dateNodes(): EventTreeNode[] {
    if (this.roots) return this.roots;
    const byDate = new Map<string | null, TimelineEntry[]>();
    for (const e of this.corpus.index.timeline()) {
      const date = filedDate(e);
      const list = byDate.get(date);
      if (list) list.push(e);
      else byDate.set(date, [e]);
    }
    // ISO values of any precision sort as strings ("2024" before "2024-01-31"); undated last.
    const dates = [...byDate.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
    return (this.roots = dates.map((date) => ({ kind: 'date', id: `date:${date ?? 'undated'}`, date, entries: byDate.get(date) ?? [] })));
  }

  getChildren(node?: EventTreeNode): EventTreeNode[] {
    if (!node) {
      return this.pages.rows(ROOT, 'dates/more', this.dateNodes(), (d) => d);
    }
    switch (node.kind) {
      case 'date': {
        return this.pages.rows(node.id, `${node.id}/more`, node.entries, (entry): EventTreeNode => ({ kind: 'event', id: `event:${entry.event.id}`, entry }));
      }
      case 'event': {
        const e = node.entry.event;
        const parts: EventTreeNode[] = [];
        for (const part of ['who', 'whom', 'where'] as const) {
          for (const entityId of e[part]) parts.push({ kind: 'participant', id: `${node.id}/${part}:${entityId}`, entry: node.entry, entityId, part });
        }
        parts.push({ kind: 'evidence', id: `${node.id}/evidence`, entry: node.entry });
        return parts;
      }
      default:
        return [];
    }
  }

  getParent(node: EventTreeNode): EventTreeNode | undefined {
    if (node.kind === 'date') return undefined;
    if (node.kind === 'more') return node.key === ROOT ? undefined : this.dateNodes().find((d) => d.id === node.key);
    if (node.kind === 'event') return this.dateNodes().find((d) => d.kind === 'date' && d.date === filedDate(node.entry));
    return { kind: 'event', id: `event:${node.entry.event.id}`, entry: node.entry };
  }

  getTreeItem(node: EventTreeNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'more':
        return moreItem(Views.events, node);
      case 'date': {
        // A long timeline opens collapsed: expanding every day at once would ask for every event.
        const open = index.timeline().length <= PAGE_SIZE;
        const item = new vscode.TreeItem(node.date ? formatDate(node.date) : 'Undated', open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = plural(node.entries.length, 'event');
        item.tooltip = node.date
          ? `Events dated ${node.date} by the text, or reported on that day without a date of their own`
          : 'Events with no date in the text, in undated articles';
        item.iconPath = new vscode.ThemeIcon('calendar');
        return item;
      }
      case 'event': {
        const { entry } = node;
        const e = entry.event;
        const item = new vscode.TreeItem(oneLine(e.label?.trim() || eventLine(index, entry)), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = e.where.map((id) => index.entity(id)?.name ?? id).join(', ');
        const a = index.article(entry.articleId)?.article;
        item.tooltip = [`${e.type} · “${e.trigger.text}” · confidence ${e.confidence.toFixed(2)}`, e.when ? `when: ${e.when.text}${e.when.date && e.when.date !== e.when.text ? ` (${e.when.date})` : ''}` : '', a ? `in: ${a.title}` : '']
          .filter(Boolean)
          .join('\n');
        item.iconPath = new vscode.ThemeIcon(EVENT_ICONS[e.type.toLowerCase()] ?? 'symbol-event');
        item.contextValue = 'newsLens.event';
        return item;
      }
      case 'participant': {
        const entity = index.entity(node.entityId);
        const item = new vscode.TreeItem(entity?.name ?? node.entityId, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = [PART_LABELS[node.part], entity?.roles[0]].filter(Boolean).join(' · ');
        item.iconPath = entity ? typeIcon(entity.type) : new vscode.ThemeIcon('symbol-field');
        item.tooltip = 'Reveal in the Entities view';
        item.command = { command: Commands.revealEntity, title: 'Reveal Entity', arguments: [node.entityId] };
        item.contextValue = 'newsLens.participant';
        return item;
      }
      case 'evidence': {
        const item = index.article(node.entry.articleId);
        const s = node.entry.event.sentence;
        const text = item ? oneLine(item.article.text.slice(s.start, s.end)) : '';
        const tree = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
        tree.id = node.id;
        tree.tooltip = text;
        tree.description = item?.article.title;
        tree.iconPath = new vscode.ThemeIcon('quote');
        if (item) tree.command = { command: 'vscode.open', title: 'Open Evidence', arguments: [articleUri(item.article), { selection: rangeIn(item.article, s), preview: true }] };
        return tree;
      }
    }
  }
}
