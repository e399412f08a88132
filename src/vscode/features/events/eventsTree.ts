import * as vscode from 'vscode';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import { corpusSpan } from '../../../core/index/filteredCorpus';
import type { TimelineEntry } from '../../../core/index/corpusIndex';
import { filedDate } from '../../../core/index/corpusIndex';
import { plural } from '../../../core/render/entityGroups';
import type { DateGroup, EventOrder } from '../../../core/render/eventGroups';
import { groupEvents, groupsToOpen } from '../../../core/render/eventGroups';
import { formatDate } from '../../../core/render/formatDate';
import { eventLine } from '../../../core/render/hoverCard';
import { oneLine } from '../../../core/render/markdown';
import { articleUri, rangeIn } from '../../adapters/positions';
import { Commands, Views } from '../../constants';
import type { CorpusService } from '../../corpusService';
import { EVENT_ICONS } from '../../../shared/entityTypes';
import { typeIcon } from '../entities/entitiesTree';
import type { MoreNode } from '../../../core/render/pages';
import { PAGE_SIZE, Pages } from '../../../core/render/pages';
import { moreItem } from '../paging';

export type EventTreeNode =
  | { kind: 'date'; id: string; date: string | null; entries: TimelineEntry[]; section?: Section; open: boolean }
  | { kind: 'section'; id: Section; dates: EventTreeNode[]; events: number; bound: string }
  | { kind: 'event'; id: string; entry: TimelineEntry }
  | { kind: 'participant'; id: string; entry: TimelineEntry; entityId: string; part: 'who' | 'whom' | 'where' }
  | { kind: 'evidence'; id: string; entry: TimelineEntry }
  | MoreNode;

const ROOT = 'root';

/** The dates outside the corpus's publication dates, each set under one collapsed row. */
type Section = 'earlier' | 'later';

/** What the Events view shows besides the corpus: the date and source filter, and the order of its dates. */
export interface EventsTreeOptions {
  /** What the date and source filter keeps; undefined when nothing is filtered. */
  filtered(): FilteredCorpus | undefined;
  order(): EventOrder;
}

const PART_LABELS = { who: 'who', whom: 'with', where: 'where' } as const;

/**
 * Timeline grouped by the date events are filed under, newest first by default, with the dates
 * before the corpus's first article under "Earlier mentions", those after its last under "Later
 * mentions", and undated events last → event → participants and evidence sentence. Only the events
 * the date and source filter keeps.
 */
export class EventsTreeProvider implements vscode.TreeDataProvider<EventTreeNode> {
  private readonly emitter = new vscode.EventEmitter<EventTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: EventTreeNode[] | undefined;
  /** Rows shown of the dates (key "root"), of the earlier and later dates (keys "earlier", "later") and of each date's events (key: the date node's id). */
  private readonly pages = new Pages();

  constructor(
    private readonly corpus: CorpusService,
    private readonly options: EventsTreeOptions,
  ) {}

  refresh(): void {
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  /** The events the view lists (what the filter keeps), and of how many in the corpus. */
  counts(): { shown: number; total: number } {
    const total = this.corpus.index.timeline().length;
    return { shown: this.options.filtered()?.events.length ?? total, total };
  }

  /** Shows the next page of the dates, the earlier dates, or one date's events. */
  showMore(key: string): void {
    this.pages.more(key);
    this.emitter.fire(key === ROOT ? undefined : this.findNode(key));
  }

  private findNode(id: string): EventTreeNode | undefined {
    for (const node of this.rootNodes()) {
      if (node.id === id) return node;
      if (node.kind === 'section') {
        const found = node.dates.find((d) => d.id === id);
        if (found) return found;
      }
    }
    return undefined;
  }

  private rootNodes(): EventTreeNode[] {
    if (this.roots) return this.roots;
    const index = this.corpus.index;
    const span = corpusSpan(index);
    const newest = this.options.order() === 'newest';
    const { dated, earlier, later, undated } = groupEvents(this.options.filtered()?.events ?? index.timeline(), newest ? 'newest' : 'oldest', span);
    const main = undated ? [...dated, undated] : dated;
    // The first dates open (the most recent stretch, newest first) as long as their events stay within a page.
    const open = groupsToOpen(main, PAGE_SIZE);
    const dateNode = (g: DateGroup, section: Section | undefined, isOpen: boolean): EventTreeNode => ({ kind: 'date', id: `date:${g.date ?? 'undated'}`, date: g.date, entries: g.entries, section, open: isOpen });
    const sectionNode = (id: Section, groups: DateGroup[], bound: string | null): EventTreeNode[] =>
      groups.length && bound ? [{ kind: 'section', id, dates: groups.map((g) => dateNode(g, id, false)), events: groups.reduce((n, g) => n + g.entries.length, 0), bound }] : [];
    const before = sectionNode('earlier', earlier, span.first);
    const after = sectionNode('later', later, span.last);
    const days = main.map((g, i) => dateNode(g, undefined, i < open));
    // In time order: the later mentions first when newest come first, the earlier ones otherwise.
    const dayRows = days.slice(0, dated.length);
    const undatedRows = days.slice(dated.length);
    return (this.roots = newest ? [...after, ...dayRows, ...before, ...undatedRows] : [...before, ...dayRows, ...after, ...undatedRows]);
  }

  getChildren(node?: EventTreeNode): EventTreeNode[] {
    if (!node) {
      return this.pages.rows(ROOT, 'dates/more', this.rootNodes(), (d) => d);
    }
    switch (node.kind) {
      case 'section':
        return this.pages.rows(node.id, `${node.id}/more`, node.dates, (d) => d);
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
    if (node.kind === 'section') return undefined;
    if (node.kind === 'date') return node.section ? this.findNode(node.section) : undefined;
    if (node.kind === 'more') return node.key === ROOT ? undefined : this.findNode(node.key);
    if (node.kind === 'event') {
      const date = `date:${filedDate(node.entry) ?? 'undated'}`;
      return this.findNode(date);
    }
    return { kind: 'event', id: `event:${node.entry.event.id}`, entry: node.entry };
  }

  getTreeItem(node: EventTreeNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'more':
        return moreItem(Views.events, node);
      case 'section': {
        const earlier = node.id === 'earlier';
        const item = new vscode.TreeItem(earlier ? 'Earlier mentions' : 'Later mentions', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = `${plural(node.events, 'event')} ${earlier ? 'before' : 'after'} ${formatDate(node.bound)}`;
        item.tooltip = earlier
          ? `Dates that end before the corpus's first article (${formatDate(node.bound)}): history the articles recall rather than what they report`
          : `Dates that start after the corpus's last article (${formatDate(node.bound)}): plans and expectations the articles report`;
        item.iconPath = new vscode.ThemeIcon(earlier ? 'history' : 'watch');
        return item;
      }
      case 'date': {
        // Only the first dates open: expanding every day at once would ask for every event.
        const item = new vscode.TreeItem(node.date ? formatDate(node.date) : 'Undated', node.open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
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
