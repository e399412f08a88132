import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/index/corpusIndex';
import { ARTICLE_SCHEME, Commands, Settings, Views } from './constants';
import { CorpusService } from './corpusService';
import { ArticleContentProvider } from './features/articleContentProvider';
import { registerStatusBar } from './features/statusBar';
import { ArticlesTreeProvider } from './features/trees/articlesTree';
import { EntitiesTreeProvider } from './features/trees/entitiesTree';
import { EventsTreeProvider } from './features/trees/eventsTree';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface NewsLensApi {
  corpus: CorpusService;
  whenReady(): Promise<CorpusIndex>;
}

/**
 * Composition root. Builds the log and the corpus service, registers each feature (each owns its
 * disposables), and starts indexing without awaiting it: activation reads no corpus and runs no NLP.
 */
export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const log = vscode.window.createOutputChannel('News Lens', { log: true });
  const corpus = new CorpusService(context.extensionPath, (context.storageUri ?? context.globalStorageUri)?.fsPath, log);
  context.subscriptions.push(log, corpus);

  const entities = new EntitiesTreeProvider(corpus);
  const events = new EventsTreeProvider(corpus);
  const articles = new ArticlesTreeProvider(corpus);
  const entitiesView = vscode.window.createTreeView(Views.entities, { treeDataProvider: entities, showCollapseAll: true });
  const eventsView = vscode.window.createTreeView(Views.events, { treeDataProvider: events, showCollapseAll: true });
  const articlesView = vscode.window.createTreeView(Views.articles, { treeDataProvider: articles, showCollapseAll: true });
  context.subscriptions.push(
    entitiesView,
    eventsView,
    articlesView,
    corpus.onDidChange(() => {
      entities.refresh();
      events.refresh();
      articles.refresh();
    }),
    vscode.workspace.registerTextDocumentContentProvider(ARTICLE_SCHEME, new ArticleContentProvider(corpus)),
  );
  registerStatusBar(context, corpus);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () => corpus.reload()),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
    vscode.commands.registerCommand(Commands.useSample, async () => {
      await vscode.workspace.getConfiguration(Settings.section).update(Settings.useSample, true, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(Commands.configure, () => vscode.commands.executeCommand('workbench.action.openSettings', 'newsLens.corpus')),
    vscode.commands.registerCommand(Commands.addFolder, async () => {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Add to News Lens Corpus' });
      if (!picked?.length) return;
      const config = vscode.workspace.getConfiguration(Settings.section);
      const paths = config.get<string[]>(Settings.corpusPaths) ?? [];
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update(Settings.useSample, undefined, target);
      await config.update(Settings.corpusPaths, [...new Set([...paths, ...picked.map((u) => u.fsPath)])], target);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['newsLens.corpus', 'newsLens.index', 'newsLens.summary'].some((s) => e.affectsConfiguration(s))) void corpus.reload();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void corpus.reload()),
  );

  void corpus.reload();
  return { corpus, whenReady: () => corpus.whenReady() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
