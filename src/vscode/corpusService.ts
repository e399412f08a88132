import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_INCLUDE, includeMatcher, isWithin } from '../core/corpus/discover';
import { nodeSource } from '../core/corpus/nodeSource';
import { formatOf } from '../core/corpus/formats';
import type { RecordFields } from '../core/corpus/records';
import { DEFAULT_LIMITS } from '../core/corpus/source';
import { DEFAULT_CACHE_MAX_MB, pruneCache } from '../core/index/analysisCache';
import { CorpusIndex } from '../core/index/corpusIndex';
import type { CurationInput } from '../core/index/curation';
import { NO_CURATION } from '../core/index/curation';
import type { IndexProgress, IndexSettings } from '../core/index/indexer';
import { indexCorpus, indexFile } from '../core/index/indexer';
import { CancelledError, WorkerPool, defaultPoolSize } from '../core/index/workerPool';
import type { Diagnostic } from '../core/model/types';
import { plural } from '../core/render/entityGroups';
import { printable } from '../core/render/printable';
import { ContextKeys, Settings, Views } from './constants';

/** Shows the progress bar of each News Lens view while `task` runs. */
function withViewProgress<T>(task: () => Promise<T>): Promise<T> {
  const views = [Views.entities, Views.events, Views.articles];
  const nest = (i: number): Promise<T> => (i === views.length ? task() : Promise.resolve(vscode.window.withProgress({ location: { viewId: views[i] } }, () => nest(i + 1))));
  return nest(0);
}

export type CorpusState = 'indexing' | 'ready' | 'empty';

const PROGRESS_EVERY_MS = 150;

/** What the index in place leaves out: the views, the status bar and the log say so. */
export interface IndexGaps {
  /** The last load was cancelled: the index is the one from before it (empty if there was none). */
  cancelled: boolean;
  /** Files (or linked folders) skipped with a problem: nothing of them is in the index. */
  skipped: number;
  /** Files that loaded with some of their records or lines skipped. */
  partial: number;
}

/** One sentence on what the index leaves out, or undefined when it is complete. */
export function describeGaps(gaps: IndexGaps, articles: number): string | undefined {
  const parts: string[] = [];
  if (gaps.cancelled) parts.push(articles ? 'Indexing cancelled: showing the previous index.' : 'Indexing cancelled: nothing is loaded.');
  const problems = [gaps.skipped ? `${plural(gaps.skipped, 'file')} skipped` : '', gaps.partial ? `${plural(gaps.partial, 'file')} partly loaded` : ''].filter(Boolean);
  if (problems.length) parts.push(`Index incomplete: ${problems.join(', ')} \u2014 see Problems.`);
  return parts.length ? parts.join(' ') : undefined;
}

export interface CorpusRoots {
  roots: string[];
  /** True when the bundled sample corpus is what is being analysed. */
  sample: boolean;
}

/** Where the analyst's corrections come from (the workspace's curation files and watchlists). */
export interface CorrectionsSource {
  read(): Promise<CurationInput>;
  readonly onDidChange: vscode.Event<CurationInput>;
}

/** Changed files are gathered for this long before they are re-indexed together. */
const WATCH_DEBOUNCE_MS = 150;

/**
 * Settings VS Code does not take from an untrusted workspace: package.json lists them as the
 * `restrictedConfigurations` of Restricted Mode (workspace values could point the corpus outside the
 * workspace, raise the indexing limits, or choose the include pattern every file name is matched against).
 */
export const RESTRICTED_SETTINGS = [Settings.corpusPaths, Settings.corpusInclude, Settings.workers, Settings.maxFileSizeMB, Settings.fileTimeoutSeconds, Settings.watchlists] as const;

/**
 * Owns the corpus of one window: where it comes from, the indexing pool and its cache, the current
 * index and its problems, and the watcher that keeps the index current. Each full load is a
 * session with its own cancellation; a new load cancels the old one. File changes re-index only
 * the files concerned.
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
  private poolKey = '';
  private lastGaps: IndexGaps = { cancelled: false, skipped: 0, partial: 0 };
  private loading: Promise<CorpusIndex> | undefined;
  private updating: Promise<void> = Promise.resolve();
  private sample = false;
  /** The analysis settings the current index was built with: its analyses are reused only under the same. */
  private currentSettingsKey = '';
  private roots: string[] = [];
  private watchers: vscode.Disposable[] = [];
  private pendingChanges = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private progressTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** The corrections read last: every index put in place applies them. */
  private corrections: CurationInput = NO_CURATION;
  progress: IndexProgress = { done: 0, total: 0 };

  private readonly problems = vscode.languages.createDiagnosticCollection('news-lens');
  // Trust lifts Restricted Mode: the workspace's own corpus settings apply from then on.
  private readonly trustGranted = vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload());
  private readonly correctionsChanged: vscode.Disposable;

  constructor(
    private readonly extensionPath: string,
    private readonly storagePath: string | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly correctionsSource: CorrectionsSource,
  ) {
    this.correctionsChanged = correctionsSource.onDidChange((input) => void this.applyCorrections(input));
  }

  get index(): CorpusIndex {
    return this.current;
  }

  get state(): CorpusState {
    return this.currentState;
  }

  get usingSample(): boolean {
    return this.sample;
  }

  /** What the index in place leaves out (cancelled load, skipped files). */
  get gaps(): IndexGaps {
    return this.lastGaps;
  }

  /** Resolves when the load in progress (or the last one) and pending file updates have finished. */
  async whenReady(): Promise<CorpusIndex> {
    await (this.loading ?? Promise.resolve());
    await this.updating;
    return this.current;
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

  private settings(): IndexSettings & { include: string } {
    const config = vscode.workspace.getConfiguration(Settings.section);
    const maxMb = config.get<number>(Settings.maxFileSizeMB) ?? 20;
    const fields = recordFields(config.get<unknown>(Settings.corpusFields));
    return {
      include: config.get<string>(Settings.corpusInclude) || DEFAULT_INCLUDE,
      limits: { ...DEFAULT_LIMITS, maxFileBytes: Math.max(1, maxMb) * 1024 * 1024, maxFileBytesOption: `${Settings.section}.${Settings.maxFileSizeMB}` },
      analyze: { summarySentences: Math.max(1, config.get<number>(Settings.summarySentences) ?? 3) },
      read: fields ? { fields } : undefined,
      cacheDir: this.storagePath && config.get<boolean>(Settings.cacheEnabled, true) ? path.join(this.storagePath, 'analysis-cache') : undefined,
    };
  }

  /**
   * The first load, started on the next turn of the event loop so that activation returns first:
   * reading the settings and starting discovery took most of `activate()` (6-14 ms in code-server).
   * `whenReady` waits for it; a reload asked for meanwhile replaces it.
   */
  start(): void {
    const first: Promise<CorpusIndex> = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.disposed ? this.current : this.loading === first ? this.reload() : this.whenReady(),
    );
    this.loading = first;
  }

  /** (Re)indexes the whole corpus. Cancels a load in progress. */
  reload(): Promise<CorpusIndex> {
    this.stopSession();
    this.session?.dispose();
    const session = (this.session = new vscode.CancellationTokenSource());
    this.progress = { done: 0, total: 0 };
    const run = this.load(session.token).finally(() => {
      if (this.loading === run) this.loading = undefined;
    });
    this.loading = run;
    return run;
  }

  /** Stops the load in progress; the previous index stays in place and the UI says so. */
  cancel(): void {
    if (this.currentState === 'indexing') this.stopSession();
  }

  /**
   * Cancels the current load. Its pool goes with it: its workers take no more files (one finishing
   * its file gets 3 s, to write the analyses it holds to the cache, then stops), and the stopped
   * load, which still holds that pool, cannot cancel work queued by the next load in a fresh one.
   */
  private stopSession(): void {
    if (!this.session || this.session.token.isCancellationRequested) return;
    this.session.cancel();
    if (this.loading) {
      void this.pool?.dispose();
      this.pool = undefined;
    }
  }

  /** After a cancelled load. Only the load the user stopped reports; a replaced one leaves that to its successor. */
  private cancelled(token: vscode.CancellationToken): CorpusIndex {
    if (this.session?.token !== token) return this.current;
    this.log.warn(`Indexing cancelled after ${this.progress.done} of ${this.progress.total} files; the previous index stays (${plural(this.current.size, 'article')}).`);
    this.lastGaps = { ...this.lastGaps, cancelled: true };
    this.setState(this.current.size > 0 ? 'ready' : 'empty');
    return this.current;
  }

  private async load(token: vscode.CancellationToken): Promise<CorpusIndex> {
    this.setState('indexing');
    const settings = this.settings();
    const settingsKey = JSON.stringify([settings.analyze, settings.limits, settings.read]);
    const previous = settingsKey === this.currentSettingsKey ? this.current : undefined;
    let { roots, sample } = this.configuredRoots();
    const started = Date.now();
    const pool = this.ensurePool();
    const restricted = !vscode.workspace.isTrusted;
    this.corrections = await this.correctionsSource.read();
    const run = (r: string[]) =>
      withViewProgress(() =>
        indexCorpus(nodeSource, pool, {
          ...settings,
          previous,
          curation: this.corrections,
          roots: r,
          confineLinks: restricted,
          includeOption: `${Settings.section}.${Settings.corpusInclude}`,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (p) => this.reportProgress(p),
        }),
      );
    this.log.info(`Indexing ${sample ? 'the bundled sample corpus' : roots.join(', ')}`);
    if (restricted) this.logRestrictedMode();
    let outcome = await run(roots);
    const configured = vscode.workspace.getConfiguration(Settings.section).get<string[]>(Settings.corpusPaths) ?? [];
    if (!token.isCancellationRequested && outcome.files.length === 0 && !sample && configured.length === 0) {
      this.log.info('No article files in the workspace; using the bundled sample corpus.');
      roots = [this.sampleRoot()];
      sample = true;
      outcome = await run(roots);
    }
    if (token.isCancellationRequested || outcome.cancelled) return this.cancelled(token);
    // Merging entities across the corpus takes seconds on large corpora: done in slices before
    // the swap, so hovers and trees keep answering from the previous index meanwhile.
    await this.prepareWithCorrections(outcome.index);
    if (token.isCancellationRequested) return this.cancelled(token);
    this.sample = sample;
    this.roots = roots;
    this.current = outcome.index;
    this.currentSettingsKey = settingsKey;
    this.watch(roots, settings.include);
    this.publishProblems();
    const gaps = describeGaps(this.lastGaps, outcome.index.size);
    this.log.info(
      `Indexed ${outcome.index.size} articles from ${outcome.files.length} files (${outcome.analysed} analysed, ${outcome.cached} from cache${outcome.mergedFromCache ? ', entities merged from cache' : ''}), ` +
        `${outcome.index.entities().length} entities in ${Date.now() - started} ms`,
    );
    if (gaps) this.log.warn(gaps);
    this.setState(outcome.index.size > 0 ? 'ready' : 'empty');
    this.changed.fire(this.current);
    // The workers write the load's cache entries behind it, while the views already answer.
    void pool.settle().then(() => (settings.cacheDir ? this.pruneCache(settings.cacheDir, started) : undefined));
    return this.current;
  }

  /** Keeps the cache within its size: the least recently used analyses go, this load's stay. */
  private async pruneCache(dir: string, loadStarted: number): Promise<void> {
    const maxMb = Math.max(0, vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.cacheMaxMB) ?? DEFAULT_CACHE_MAX_MB);
    const r = await pruneCache(dir, { maxBytes: maxMb * 1024 * 1024, keepSince: loadStarted });
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    if (r.removed) this.log.info(`Cache: removed ${r.removed} least recently used analyses (${mb(r.removedBytes)}); ${r.kept} kept (${mb(r.keptBytes)}).`);
  }

  /**
   * Says what Restricted Mode withholds. VS Code hides restricted workspace values from the
   * extension host entirely (even from inspect()), so the log cannot tell whether this workspace set any.
   */
  private logRestrictedMode(): void {
    const names = RESTRICTED_SETTINGS.map((key) => `${Settings.section}.${key}`).join(', ');
    this.log.info(
      'Restricted Mode: the corpus is limited to the workspace folders (or folders from your user settings), links leading out of a corpus folder are not followed, ' +
        `and this workspace's own ${names} take effect only once you trust it.`,
    );
  }

  /** Watches the corpus roots; changed, created and deleted article files are re-indexed alone. */
  private watch(roots: string[], include: string): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    // A refused pattern was reported by the load; the watcher follows the default the load used.
    const { match: matches, include: used } = includeMatcher(include);
    for (const root of roots) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), used));
      const onEvent = (uri: vscode.Uri): void => {
        const rel = path.relative(root, uri.fsPath).replace(/\\/g, '/');
        if (rel.startsWith('..') || !matches(rel) || !formatOf(uri.fsPath)) return;
        this.queueChange(uri.fsPath);
      };
      this.watchers.push(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent));
    }
  }

  private queueChange(file: string): void {
    this.pendingChanges.add(file);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const files = [...this.pendingChanges];
      this.pendingChanges.clear();
      this.updating = this.updating.then(() => this.applyChanges(files));
    }, WATCH_DEBOUNCE_MS);
  }

  /**
   * Re-indexes the given files (deleted ones are dropped). Only those files go through NLP; the
   * corpus-level views are re-derived from the stored analyses of the others.
   */
  async applyChanges(files: string[]): Promise<void> {
    if (this.loading) await this.loading.catch(() => undefined);
    const live = this.current;
    // Changes go into a copy that replaces the live index once its views are ready (see load).
    const index = live.clone();
    const settings = this.settings();
    const pool = this.ensurePool();
    const started = Date.now();
    const confinedTo = vscode.workspace.isTrusted ? undefined : await this.realRoots();
    await Promise.all(
      files.map(async (file) => {
        let size: number;
        try {
          const st = await nodeSource.stat(file);
          size = st.size;
          if (confinedTo && !confinedTo.some((root) => isWithin(st.realPath, root))) {
            this.log.warn(`${printable(file)}: skipped: a link leading outside the corpus folder (Restricted Mode)`);
            return;
          }
        } catch {
          if (index.deleteFile(file)) this.log.info(`Removed ${printable(file)} from the index`);
          index.diagnostics = index.diagnostics.filter((d) => d.path !== file);
          return;
        }
        try {
          const sameSettings = JSON.stringify([settings.analyze, settings.limits, settings.read]) === this.currentSettingsKey;
          await indexFile(index, pool, file, size, sameSettings ? { ...settings, previous: live } : settings);
        } catch (err) {
          if (!(err instanceof CancelledError)) throw err;
        }
      }),
    );
    await this.prepareWithCorrections(index);
    if (live !== this.current) return;
    this.current = index;
    this.publishProblems(this.lastGaps.cancelled);
    this.log.info(`Re-indexed ${files.length} changed file(s) in ${Date.now() - started} ms`);
    this.setState(index.size > 0 ? 'ready' : 'empty');
    this.changed.fire(index);
  }

  /** Derives an index's views with the corrections read last (they may have changed while it was built). */
  private async prepareWithCorrections(index: CorpusIndex): Promise<void> {
    await index.prepare();
    while (index.corrections !== this.corrections) {
      index.setCuration(this.corrections);
      await index.prepare();
    }
  }

  /**
   * Applies other corrections to the index in place (after a load or a file update in progress,
   * which apply them too). Decisions alone update the views at once; other watchlists derive them
   * again aside while the current index keeps answering.
   */
  applyCorrections(input: CurationInput): Promise<void> {
    this.corrections = input;
    this.updating = this.updating.then(async () => {
      if (this.loading) await this.loading.catch(() => undefined);
      const live = this.current;
      if (this.corrections !== input || live.corrections === input) return;
      const started = performance.now();
      const lists = live.corrections.watchlists;
      if (input.watchlists.length === lists.length && input.watchlists.every((w, i) => w === lists[i])) live.setCuration(input);
      else {
        const next = live.withCuration(input);
        await next.prepare();
        if (live !== this.current || this.corrections !== input) return;
        this.current = next;
      }
      this.publishProblems(this.lastGaps.cancelled);
      this.log.info(`Applied ${plural(input.decisions.length, 'curation decision')} and ${plural(input.watchlists.length, 'watchlist')} in ${Math.round(performance.now() - started)} ms`);
      this.changed.fire(this.current);
    });
    return this.updating;
  }

  private realRoots(): Promise<string[]> {
    return Promise.all(this.roots.map((root) => nodeSource.stat(root).then((st) => st.realPath, () => root)));
  }

  /** The indexing pool, rebuilt when its size or per-file time limit setting changed. */
  private ensurePool(): WorkerPool {
    const configured = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.workers) ?? 0;
    const size = configured > 0 ? Math.min(16, Math.floor(configured)) : defaultPoolSize();
    const timeout = Math.max(1000, (vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.fileTimeoutSeconds) ?? 60) * 1000);
    const key = `${size}/${timeout}`;
    if (this.pool && this.poolKey !== key) {
      void this.pool.dispose();
      this.pool = undefined;
    }
    if (!this.pool) {
      this.pool = new WorkerPool({
        script: path.join(this.extensionPath, 'dist', 'worker.js'),
        size,
        fileTimeoutMs: timeout,
        timeoutOption: `${Settings.section}.${Settings.fileTimeoutSeconds}`,
      });
      this.poolKey = key;
    }
    return this.pool;
  }

  /**
   * Problems panel and log: one entry per problem; counts the files skipped or partly loaded
   * (the curation files' and watchlists' problems are listed, but leave no file out).
   */
  private publishProblems(cancelled = false): void {
    const corrections = this.current.curationDiagnostics();
    const diagnostics: Diagnostic[] = [...this.current.diagnostics, ...corrections];
    this.problems.clear();
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      // A file name or a JSON snippet in a message may hold line breaks or control characters.
      const message = printable(d.message);
      this.log[d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warn' : 'info'](`${printable(d.path)}${d.line ? `:${d.line}` : ''}: ${message}`);
      const line = Math.max(0, (d.line ?? 1) - 1);
      const diag = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, 0),
        message,
        d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diag.source = 'News Lens';
      const list = byPath.get(d.path) ?? [];
      list.push(diag);
      byPath.set(d.path, list);
    }
    for (const [p, list] of byPath) this.problems.set(vscode.Uri.file(p), list);
    // Notes (an e-mail's attachments, an XML file that is not a feed) lose nothing: they are not gaps;
    // nor do the corrections' problems, which leave no file out.
    const lossy = new Set(this.current.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.path));
    const partial = [...lossy].filter((p) => this.current.articlesAt(p).length > 0).length;
    this.lastGaps = { cancelled, skipped: lossy.size - partial, partial };
  }

  /**
   * Progress reaches the views and the status bar at most every PROGRESS_EVERY_MS: files from the
   * cache finish by the thousand per second, and an update per file kept the workbench so busy
   * re-rendering that a hover asked for during a Refresh waited about a second.
   */
  private reportProgress(p: IndexProgress): void {
    this.progress = p;
    this.progressTimer ??= setTimeout(() => {
      this.progressTimer = undefined;
      this.stateChanged.fire(this.currentState);
    }, PROGRESS_EVERY_MS);
  }

  private setState(state: CorpusState): void {
    this.currentState = state;
    void vscode.commands.executeCommand('setContext', ContextKeys.state, state);
    this.stateChanged.fire(state);
  }

  /** The corpus roots of the current index. */
  get corpusRoots(): readonly string[] {
    return this.roots;
  }

  dispose(): void {
    this.disposed = true;
    this.session?.cancel();
    this.session?.dispose();
    this.trustGranted.dispose();
    this.correctionsChanged.dispose();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.progressTimer) clearTimeout(this.progressTimer);
    for (const w of this.watchers) w.dispose();
    void this.pool?.dispose();
    this.problems.dispose();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}

/** The `newsLens.corpus.fields` setting: its non-empty string entries, or undefined when there are none. */
export function recordFields(value: unknown): RecordFields | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const fields: RecordFields = {};
  for (const key of ['text', 'title', 'date', 'source', 'records'] as const) {
    const name = (value as Record<string, unknown>)[key];
    if (typeof name === 'string' && name.trim() !== '') fields[key] = name.trim();
  }
  return Object.keys(fields).length ? fields : undefined;
}
