import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { nodeSource } from '../core/corpus/nodeSource';
import { CorpusIndex } from '../core/index/corpusIndex';
import type { IndexProgress } from '../core/index/indexer';
import { indexCorpus } from '../core/index/indexer';
import { WorkerPool } from '../core/index/workerPool';
import type { Diagnostic } from '../core/model/types';
import { DEFAULT_ANALYZE_OPTIONS } from '../core/nlp/analysis';
import { ContextKeys, Settings, Views } from './constants';

/** Shows the progress bar of each News Lens view while `task` runs. */
function withViewProgress<T>(task: () => Promise<T>): Promise<T> {
  const views = [Views.entities, Views.events, Views.articles];
  const nest = (i: number): Promise<T> => (i === views.length ? task() : Promise.resolve(vscode.window.withProgress({ location: { viewId: views[i] } }, () => nest(i + 1))));
  return nest(0);
}

export type CorpusState = 'indexing' | 'ready' | 'empty';

export interface CorpusRoots {
  roots: string[];
  /** True when the bundled sample corpus is what is being analysed. */
  sample: boolean;
}

/**
 * Owns the corpus of one window: where it comes from, the indexing pool, the current index and
 * its problems. Each load is a session with its own cancellation; a new load cancels the old one.
 */
export class CorpusService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CorpusIndex>();
  private readonly stateChanged = new vscode.EventEmitter<CorpusState>();
  readonly onDidChange = this.changed.event;
  readonly onDidChangeState = this.stateChanged.event;

  private current = new CorpusIndex();
  private currentState: CorpusState = 'indexing';
  private session: vscode.CancellationTokenSource | undefined;
  private pool: WorkerPool | undefined;
  private loading: Promise<CorpusIndex> | undefined;
  private sample = false;
  progress: IndexProgress = { done: 0, total: 0 };

  private readonly problems = vscode.languages.createDiagnosticCollection('news-lens');

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get index(): CorpusIndex {
    return this.current;
  }

  get state(): CorpusState {
    return this.currentState;
  }

  get usingSample(): boolean {
    return this.sample;
  }

  /** Resolves when the load in progress (or the last one) has finished. */
  whenReady(): Promise<CorpusIndex> {
    return this.loading ?? Promise.resolve(this.current);
  }

  sampleRoot(): string {
    return path.join(this.extensionPath, 'seeds');
  }

  /** Where the corpus comes from, per the settings and the open workspace. */
  configuredRoots(): CorpusRoots {
    const config = vscode.workspace.getConfiguration(Settings.section);
    if (config.get<boolean>(Settings.useSample)) return { roots: [this.sampleRoot()], sample: true };
    const folders = vscode.workspace.workspaceFolders ?? [];
    const paths = (config.get<string[]>(Settings.corpusPaths) ?? []).filter((p) => typeof p === 'string' && p.trim() !== '');
    if (paths.length) {
      const base = folders[0]?.uri.fsPath ?? os.homedir();
      return { roots: paths.map((p) => (path.isAbsolute(p) ? p : path.join(base, p))), sample: false };
    }
    if (folders.length) return { roots: folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath), sample: false };
    return { roots: [this.sampleRoot()], sample: true };
  }

  /** (Re)indexes the whole corpus. Cancels a load in progress. */
  reload(): Promise<CorpusIndex> {
    this.session?.cancel();
    this.session?.dispose();
    const session = (this.session = new vscode.CancellationTokenSource());
    const run = this.load(session.token).finally(() => {
      if (this.loading === run) this.loading = undefined;
    });
    this.loading = run;
    return run;
  }

  private async load(token: vscode.CancellationToken): Promise<CorpusIndex> {
    this.setState('indexing');
    const config = vscode.workspace.getConfiguration(Settings.section);
    const include = config.get<string>(Settings.corpusInclude) || undefined;
    let { roots, sample } = this.configuredRoots();
    const started = Date.now();
    this.log.info(`Indexing ${sample ? 'the bundled sample corpus' : roots.join(', ')}`);
    const pool = this.ensurePool();
    const summarySentences = config.get<number>(Settings.summarySentences);
    const analyze = { ...DEFAULT_ANALYZE_OPTIONS, ...(Number.isInteger(summarySentences) && (summarySentences as number) > 0 ? { summarySentences } : {}) };
    const run = (r: string[]) =>
      withViewProgress(() =>
        indexCorpus(nodeSource, pool, {
          roots: r,
          include,
          analyze,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (p) => {
            this.progress = p;
            this.stateChanged.fire(this.currentState);
          },
        }),
      );
    let outcome = await run(roots);
    if (!token.isCancellationRequested && outcome.index.size === 0 && outcome.index.paths().length === 0 && !sample && !config.get<string[]>(Settings.corpusPaths)?.length) {
      this.log.info('No article files in the workspace; using the bundled sample corpus.');
      roots = [this.sampleRoot()];
      sample = true;
      outcome = await run(roots);
    }
    if (token.isCancellationRequested || outcome.cancelled) {
      this.log.info('Indexing cancelled.');
      return this.current;
    }
    this.sample = sample;
    this.current = outcome.index;
    this.publishProblems(outcome.index.diagnostics);
    this.log.info(
      `Indexed ${outcome.index.size} articles, ${outcome.index.entities().length} entities in ${Date.now() - started} ms` +
        (outcome.index.diagnostics.length ? `; ${outcome.index.diagnostics.length} problem(s)` : ''),
    );
    this.setState(outcome.index.size > 0 ? 'ready' : 'empty');
    this.changed.fire(this.current);
    return this.current;
  }

  private ensurePool(): WorkerPool {
    if (!this.pool) {
      const size = Math.max(1, Math.min(8, (os.availableParallelism?.() ?? os.cpus().length) - 0 || 1));
      this.pool = new WorkerPool({ script: path.join(this.extensionPath, 'dist', 'worker.js'), size, fileTimeoutMs: 60_000 });
    }
    return this.pool;
  }

  private publishProblems(diagnostics: Diagnostic[]): void {
    this.problems.clear();
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      this.log[d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warn' : 'info'](`${d.path}${d.line ? `:${d.line}` : ''}: ${d.message}`);
      const line = Math.max(0, (d.line ?? 1) - 1);
      const diag = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, 0),
        d.message,
        d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diag.source = 'News Lens';
      const list = byPath.get(d.path) ?? [];
      list.push(diag);
      byPath.set(d.path, list);
    }
    for (const [p, list] of byPath) this.problems.set(vscode.Uri.file(p), list);
  }

  private setState(state: CorpusState): void {
    this.currentState = state;
    void vscode.commands.executeCommand('setContext', ContextKeys.state, state);
    this.stateChanged.fire(state);
  }

  dispose(): void {
    this.session?.cancel();
    this.session?.dispose();
    void this.pool?.dispose();
    this.problems.dispose();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}
