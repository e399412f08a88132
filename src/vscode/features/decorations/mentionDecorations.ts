import * as vscode from 'vscode';
import type { EntityType, Mention } from '../../../core/model/types';
import { ENTITY_TYPES } from '../../../core/model/types';
import { onDidChangeSetting, setting } from '../../adapters/config';
import { articleOf, rangeOf } from '../../adapters/documents';
import { offsetIn } from '../../adapters/positions';
import { EntityColors, Settings } from '../../constants';
import type { CorpusService } from '../../corpusService';
import type { FeatureContext } from '../feature';

/** Lines decorated beyond the visible ones, so a short scroll shows no undecorated flash. */
const MARGIN_LINES = 30;
const DEBOUNCE_MS = 60;

/**
 * A subtle underline, coloured by entity type, under each entity mention in corpus documents.
 * Only the visible ranges (plus a margin) are decorated, found by binary search in the index.
 */
export class MentionDecorations implements vscode.Disposable {
  private readonly types = new Map<EntityType, vscode.TextEditorDecorationType>();
  private readonly pending = new Map<vscode.TextEditor, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    for (const type of ENTITY_TYPES) {
      this.types.set(
        type,
        vscode.window.createTextEditorDecorationType({
          borderStyle: 'none none dotted none',
          borderWidth: '0 0 1px 0',
          borderColor: new vscode.ThemeColor(EntityColors[type]),
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach((ed) => this.schedule(ed))),
      corpus.onDidChange(() => this.updateAll()),
      onDidChangeSetting([Settings.decorationsEnabled], () => this.updateAll()),
    );
    this.updateAll();
  }

  private updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor);
  }

  private schedule(editor: vscode.TextEditor): void {
    clearTimeout(this.pending.get(editor));
    this.pending.set(
      editor,
      setTimeout(() => {
        this.pending.delete(editor);
        this.update(editor);
      }, DEBOUNCE_MS),
    );
  }

  /** Sets the decorations of one editor. */
  update(editor: vscode.TextEditor): void {
    const byType = this.rangesFor(editor);
    for (const [type, decoration] of this.types) editor.setDecorations(decoration, byType.get(type) ?? []);
  }

  /** The mention ranges to decorate in an editor, by entity type (the API exposes it to tests). */
  rangesFor(editor: vscode.TextEditor): Map<EntityType, vscode.Range[]> {
    const out = new Map<EntityType, vscode.Range[]>();
    if (!setting(Settings.decorationsEnabled, true)) return out;
    const index = this.corpus.index;
    const doc = editor.document;
    const item = articleOf(index, doc);
    if (!item) return out;
    const seen = new Set<Mention>();
    for (const visible of editor.visibleRanges) {
      const from = offsetIn(item.article, new vscode.Position(Math.max(0, visible.start.line - MARGIN_LINES), 0));
      const to = offsetIn(item.article, new vscode.Position(visible.end.line + MARGIN_LINES, Number.MAX_SAFE_INTEGER));
      for (const m of index.mentionsBetween(item.article.id, from, to)) {
        if (seen.has(m)) continue;
        seen.add(m);
        const type = index.entity(m.entity)?.type;
        const range = type && rangeOf(doc, item.article, m);
        if (!type || !range) continue;
        const list = out.get(type);
        if (list) list.push(range);
        else out.set(type, [range]);
      }
    }
    return out;
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.types.values()) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerDecorations(ctx: FeatureContext): MentionDecorations {
  const decorations = new MentionDecorations(ctx.corpus);
  ctx.extension.subscriptions.push(decorations);
  return decorations;
}
