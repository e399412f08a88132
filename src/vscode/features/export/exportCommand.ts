import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusIndex } from '../../../core/index/corpusIndex';
import { coOccurrenceGraphml, entitiesCsv, eventsCsv, exportJson, mentionsCsv } from '../../../core/render/export';
import { Commands } from '../../constants';
import type { FeatureContext } from '../feature';

interface ExportFormat extends vscode.QuickPickItem {
  file: string;
  filter: Record<string, string[]>;
  write(index: CorpusIndex): string;
}

const FORMATS: ExportFormat[] = [
  { label: 'JSON', description: 'Entities, mentions, events and co-occurrences', file: 'news-lens.json', filter: { JSON: ['json'] }, write: (i) => JSON.stringify(exportJson(i), null, 2) + '\n' },
  { label: 'CSV: Entities', description: 'One row per entity', file: 'news-lens-entities.csv', filter: { CSV: ['csv'] }, write: entitiesCsv },
  { label: 'CSV: Mentions', description: 'One row per mention', file: 'news-lens-mentions.csv', filter: { CSV: ['csv'] }, write: mentionsCsv },
  { label: 'CSV: Events', description: 'One row per event', file: 'news-lens-events.csv', filter: { CSV: ['csv'] }, write: eventsCsv },
  { label: 'GraphML', description: 'Entity co-occurrence graph (Gephi, yEd, Cytoscape)', file: 'news-lens-cooccurrence.graphml', filter: { GraphML: ['graphml'] }, write: coOccurrenceGraphml },
];

/** "News Lens: Export…": pick a format, choose a file, write it. */
export function registerExport(ctx: FeatureContext): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.export, async () => {
      const index = await ctx.corpus.whenReady();
      if (index.size === 0) {
        void vscode.window.showInformationMessage('News Lens: there is nothing to export; no articles are loaded.');
        return;
      }
      const format = await vscode.window.showQuickPick(FORMATS, { title: 'Export News Lens Analysis', placeHolder: 'Choose a format' });
      if (!format) return;
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
      const target = await vscode.window.showSaveDialog({
        title: `Export ${format.label}`,
        filters: format.filter,
        saveLabel: 'Export',
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, format.file) } : {}),
      });
      if (!target) return;
      try {
        await vscode.workspace.fs.writeFile(target, Buffer.from(format.write(index), 'utf8'));
        ctx.log.info(`Exported ${format.label} to ${target.fsPath}`);
        const open = await vscode.window.showInformationMessage(`News Lens: exported ${format.label} to ${path.basename(target.fsPath)}.`, 'Open');
        if (open) await vscode.window.showTextDocument(target);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        ctx.log.error(`Export to ${target.toString()} failed: ${why}`);
        void vscode.window.showErrorMessage(`News Lens: could not write ${target.fsPath}: ${why}`);
      }
    }),
  );
}
