import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { CorpusService } from '../corpusService';

/** "News Lens: N articles · M entities"; opens the summaries panel. Shows indexing progress. */
export function registerStatusBar(context: vscode.ExtensionContext, corpus: CorpusService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Lens';
  item.command = Commands.openSummaries;
  const update = (): void => {
    const index = corpus.index;
    if (corpus.state === 'indexing') {
      const p = corpus.progress;
      item.text = `$(sync~spin) News Lens: indexing ${p.total ? `${p.done}/${p.total}` : '…'}`;
      item.tooltip = 'News Lens is indexing the corpus';
    } else {
      item.text = `$(book) News Lens: ${index.size} article${index.size === 1 ? '' : 's'} · ${index.entities().length} entities`;
      const problems = index.diagnostics.length;
      item.tooltip = `${corpus.usingSample ? 'Bundled sample corpus. ' : ''}${problems ? `${problems} file problem(s), see Problems. ` : ''}Click to open summaries.`;
    }
    item.show();
  };
  context.subscriptions.push(item, corpus.onDidChange(update), corpus.onDidChangeState(update));
  update();
  return item;
}
