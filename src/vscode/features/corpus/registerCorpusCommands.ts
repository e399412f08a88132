import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { Commands, Settings, Views } from '../../constants';
import type { FeatureContext } from '../feature';

/**
 * When the window's folder is the bundled sample itself (what `npm start` opens), News Lens shows
 * its views at once instead of leaving a new user in the Explorer. The sample's article is what
 * activates News Lens at startup there (package.json: `workspaceContains` of its file name).
 */
async function showViewsOnTheSample(ctx: FeatureContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length !== 1 || folders[0].uri.scheme !== 'file') return;
  const real = (p: string): Promise<string | undefined> => fs.realpath(p).catch(() => undefined);
  const [folder, sample] = await Promise.all([real(folders[0].uri.fsPath), real(ctx.corpus.sampleRoot())]);
  if (folder && folder === sample) await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
}

/** Where the corpus comes from and when it is re-read: refresh, cancel, add a folder, the sample, settings. */
export function registerCorpusCommands(ctx: FeatureContext): void {
  const { corpus, log } = ctx;
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () => corpus.reload()),
    vscode.commands.registerCommand(Commands.cancelIndexing, () => corpus.cancel()),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.useSample, async () => {
      const config = vscode.workspace.getConfiguration(Settings.section);
      if (config.get<boolean>(Settings.useSample)) await corpus.reload();
      else await config.update(Settings.useSample, true, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(Commands.configure, () => vscode.commands.executeCommand('workbench.action.openSettings', 'newsLens.corpus')),
    vscode.commands.registerCommand(Commands.addFolder, async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Add to News Lens Corpus' });
      if (!picked?.length) return;
      const config = vscode.workspace.getConfiguration(Settings.section);
      const paths = config.get<string[]>(Settings.corpusPaths) ?? [];
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update(Settings.useSample, undefined, vscode.ConfigurationTarget.Global);
      await config.update(Settings.corpusPaths, [...new Set([...paths, ...picked.map((u) => u.fsPath)])], target);
    }),
    // Summaries are computed while indexing, so a new summary length needs a re-index too.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['corpus', 'index', 'summary'].some((s) => e.affectsConfiguration(`${Settings.section}.${s}`))) void corpus.reload();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void corpus.reload()),
  );
  void showViewsOnTheSample(ctx).catch((err: unknown) => log.warn(`Could not show the News Lens views: ${err instanceof Error ? err.message : String(err)}`));
}
