import * as vscode from 'vscode';
import { plural } from '../../core/render/entityGroups';
import { Commands } from '../constants';
import { describeGaps } from '../corpusService';
import type { FeatureContext } from './feature';

/**
 * "News Lens: N articles · M entities"; opens the summaries panel. While indexing it shows the
 * progress and a click cancels; an index that leaves files out, or a cancelled load, gets a
 * warning icon and says why in the tooltip.
 */
export function registerStatusBar(ctx: FeatureContext): vscode.StatusBarItem {
  const { corpus } = ctx;
  const item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'News Lens';
  const update = (): void => {
    const index = corpus.index;
    if (corpus.state === 'indexing') {
      const p = corpus.progress;
      item.text = `$(sync~spin) News Lens: indexing${p.total ? ` ${p.done}/${p.total}` : '…'}`;
      item.tooltip = `News Lens is indexing the corpus${p.total ? ` (${p.done} of ${plural(p.total, 'file')})` : ''}. Click to cancel.`;
      item.command = { command: Commands.cancelIndexing, title: 'Cancel Indexing' };
      item.accessibilityInformation = { label: `News Lens is indexing the corpus${p.total ? `, ${p.done} of ${p.total} files` : ''}. Activate to cancel.` };
    } else {
      const articles = plural(index.size, 'article');
      const entities = plural(index.entities().length, 'entity', 'entities');
      const { cancelled, skipped, partial } = corpus.gaps;
      const gaps = describeGaps(corpus.gaps, index.size);
      const note = cancelled ? 'indexing cancelled' : skipped ? `${skipped} skipped` : partial ? `${partial} partly loaded` : '';
      item.text = `${note ? '$(warning)' : '$(book)'} News Lens: ${articles} · ${entities}${note ? ` · ${note}` : ''}`;
      item.tooltip = `${corpus.usingSample ? 'Bundled sample corpus. ' : ''}${gaps ? `${gaps} ` : ''}Click to open the summaries.`;
      item.command = { command: Commands.openSummaries, title: 'Open Summaries' };
      item.accessibilityInformation = { label: `News Lens: ${articles}, ${entities}.${gaps ? ` ${gaps}` : ''} Open the summaries.` };
    }
    item.show();
  };
  ctx.extension.subscriptions.push(item, corpus.onDidChange(update), corpus.onDidChangeState(update));
  update();
  return item;
}
