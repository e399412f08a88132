import type * as vscode from 'vscode';
import type { CorpusService } from '../corpusService';

/** What every feature is given by the composition root. Each feature pushes its own disposables. */
export interface FeatureContext {
  extension: vscode.ExtensionContext;
  corpus: CorpusService;
  log: vscode.LogOutputChannel;
}
