import * as vscode from 'vscode';
import { plural } from '../../core/render/entityGroups';
import { Commands } from '../constants';
import type { FeatureContext } from './feature';

/** "News Lens: N articles · M entities"; opens the summaries panel. Shows indexing progress. */
export function registerStatusBar(ctx: FeatureContext): vscode.StatusBarItem {
  const { corpus } = ctx;
  const item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Lens';
  item.command = { command: Commands.openSummaries, title: 'Open Summaries' };
  const update = (): void => {
    const index = corpus.index;
    if (corpus.state === 'indexing') {
      const p = corpus.progress;
      item.text = `$(sync~spin) News Lens: indexing${p.total ? ` ${p.done}/${p.total}` : '…'}`;
      item.tooltip = 'News Lens is indexing the corpus';
      item.accessibilityInformation = { label: `News Lens is indexing the corpus${p.total ? `, ${p.done} of ${p.total} files` : ''}` };
    } else {
      const articles = plural(index.size, 'article');
      const entities = plural(index.entities().length, 'entity', 'entities');
      item.text = `$(book) News Lens: ${articles} · ${entities}`;
      const problems = index.diagnostics.length;
      item.tooltip = `${corpus.usingSample ? 'Bundled sample corpus. ' : ''}${problems ? `${plural(problems, 'file problem')}, see Problems. ` : ''}Click to open the summaries.`;
      item.accessibilityInformation = { label: `News Lens: ${articles}, ${entities}. Open the summaries.` };
    }
    item.show();
  };
  ctx.extension.subscriptions.push(item, corpus.onDidChange(update), corpus.onDidChangeState(update));
  update();
  return item;
}
