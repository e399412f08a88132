import * as vscode from 'vscode';
import type { TimelineEntry } from '../../../core/index/corpusIndex';
import type { CorpusService } from '../../corpusService';
import { articleUri, rangeIn } from '../../adapters/positions';

export type EventTreeNode =
  | { kind: 'date'; date: string | null }
  | { kind: 'event'; entry: TimelineEntry }
  | { kind: 'participant'; entry: TimelineEntry; entityId: string; part: 'who' | 'whom' | 'where' }
  | { kind: 'evidence'; entry: TimelineEntry };

export class EventsTreeProvider implements vscode.TreeDataProvider<EventTreeNode> {
  private readonly emitter = new vscode.EventEmitter<EventTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly corpus: CorpusService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: EventTreeNode): EventTreeNode[] {
    const timeline = this.corpus.index.timeline();
    if (!node) {
      const dates: (string | null)[] = [];
      for (const e of timeline) if (!dates.includes(e.date)) dates.push(e.date);
      return dates.map((date) => ({ kind: 'date', date }));
    }
    switch (node.kind) {
      case 'date':
        return timeline.filter((e) => e.date === node.date).map((entry) => ({ kind: 'event', entry }));
      case 'event': {
        const e = node.entry.event;
        const parts: EventTreeNode[] = [];
        for (const part of ['who', 'whom', 'where'] as const) for (const entityId of e[part]) parts.push({ kind: 'participant', entry: node.entry, entityId, part });
        parts.push({ kind: 'evidence', entry: node.entry });
        return parts;
      }
      default:
        return [];
    }
  }

  getParent(node: EventTreeNode): EventTreeNode | undefined {
    if (node.kind === 'event') return { kind: 'date', date: node.entry.date };
    if (node.kind === 'participant' || node.kind === 'evidence') return { kind: 'event', entry: node.entry };
    return undefined;
  }

  getTreeItem(node: EventTreeNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.kind) {
      case 'date': {
        const item = new vscode.TreeItem(node.date ?? 'Undated', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `date:${node.date ?? 'none'}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        return item;
      }
      case 'event': {
        const e = node.entry.event;
        const item = new vscode.TreeItem(e.label ?? e.trigger.text, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `event:${e.id}`;
        item.description = e.where.map((id) => index.entity(id)?.name ?? id).join(', ');
        item.tooltip = `${e.type} · confidence ${e.confidence.toFixed(2)}`;
        item.iconPath = new vscode.ThemeIcon('symbol-event');
        item.contextValue = 'newsLens.event';
        return item;
      }
      case 'participant': {
        const entity = index.entity(node.entityId);
        const item = new vscode.TreeItem(entity?.name ?? node.entityId, vscode.TreeItemCollapsibleState.None);
        item.id = `event:${node.entry.event.id}/${node.part}:${node.entityId}`;
        item.description = node.part;
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        return item;
      }
      case 'evidence': {
        const a = index.article(node.entry.articleId);
        const s = node.entry.event.sentence;
        const item = new vscode.TreeItem(a ? a.article.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim() : '', vscode.TreeItemCollapsibleState.None);
        item.id = `event:${node.entry.event.id}/evidence`;
        item.iconPath = new vscode.ThemeIcon('quote');
        if (a) item.command = { command: 'vscode.open', title: 'Open Evidence', arguments: [articleUri(a.article), { selection: rangeIn(a.article, s) }] };
        return item;
      }
    }
  }
}
