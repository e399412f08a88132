import * as path from 'path';
import * as vscode from 'vscode';
import { CURATION_FILE, appendDecision, removeDecision } from '../../../core/corpus/curationFile';
import type { Watchlist } from '../../../core/corpus/watchlists';
import { parseWatchlist } from '../../../core/corpus/watchlists';
import type { CurationInput } from '../../../core/index/curation';
import { correctionsFrom } from '../../../core/index/curation';
import type { Diagnostic } from '../../../core/model/types';
import { Settings } from '../../constants';

/** Changes to the files are gathered for this long: a git pull or a save writes in bursts. */
const DEBOUNCE_MS = 100;

interface Written {
  uri: vscode.Uri;
  /** The file's text before (undefined: there was no file). */
  before: string | undefined;
  after: string;
  decision: Record<string, unknown>;
}

/**
 * The analyst's corrections as the workspace holds them: `.newslens/curation.json` in each
 * workspace folder (their decisions apply folder by folder, in the workspace's order) and the
 * watchlists of `newsLens.watchlists`. Reads them on demand, watches them (hand edits, a git
 * pull), writes decisions the editor's commands make and undoes them. The files are data: this
 * works the same in Restricted Mode.
 */
export class CurationStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CurationInput>();
  /** Fires with the corrections after the files or the watchlists changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** What the last read found, as text: an event for files whose text did not change is ours. */
  private signature = '';
  private lists = new Map<string, { text: string; list: Watchlist; diagnostics: Diagnostic[] }>();
  private readonly undoStack: Written[] = [];
  private readonly undoable = new vscode.EventEmitter<boolean>();
  /** Fires when there comes to be, or no longer is, a correction to undo. */
  readonly onDidChangeUndoable = this.undoable.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.undoable,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.watchlists}`)) {
          this.watch();
          this.schedule();
        }
      }),
    );
    this.watch();
  }

  /** The curation file of each workspace folder on disk (file scheme), in the workspace's order. */
  files(): vscode.Uri[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => vscode.Uri.joinPath(f.uri, CURATION_FILE));
  }

  /** The curation file a correction about `near` (an article's path) goes to: its workspace folder's, else the first. */
  fileFor(near?: string): vscode.Uri | undefined {
    const folder = near ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(near)) : undefined;
    if (folder?.uri.scheme === 'file') return vscode.Uri.joinPath(folder.uri, CURATION_FILE);
    return this.files()[0];
  }

  private watchlistPaths(): string[] {
    const configured = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.watchlists);
    const base = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    return (Array.isArray(configured) ? configured : [])
      .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
      .map((p) => (path.isAbsolute(p) || !base ? p : path.join(base, p)));
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const patterns = [
      // The folder too: deleting it (git clean, rm -r) is reported as the folder's deletion only.
      ...(vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => new vscode.RelativePattern(f, `{${path.dirname(CURATION_FILE)},${CURATION_FILE}}`)),
      ...this.watchlistPaths().map((file) => new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file))),
    ];
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onEvent = (): void => this.schedule();
      this.watchers.push(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent));
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), DEBOUNCE_MS);
  }

  /** Reads the files again and fires when their text changed since the last read. */
  private async reload(): Promise<void> {
    const before = this.signature;
    const input = await this.read();
    if (this.signature !== before) this.changed.fire(input);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * The corrections the workspace holds now. A watchlist whose text did not change is the same
   * object as before: the index keeps the names found for it.
   */
  async read(): Promise<CurationInput> {
    const files: { path: string; text: string }[] = [];
    for (const uri of this.files()) {
      const text = await this.readText(uri);
      if (text !== undefined) files.push({ path: uri.fsPath, text });
    }
    const { decisions, diagnostics = [] } = correctionsFrom(files, []);
    const watchlists: Watchlist[] = [];
    const lists = new Map<string, { text: string; list: Watchlist; diagnostics: Diagnostic[] }>();
    for (const p of this.watchlistPaths()) {
      const text = await this.readText(vscode.Uri.file(p));
      if (text === undefined) {
        diagnostics.push({ path: p, severity: 'warning', message: `watchlist: cannot read this file (${Settings.section}.${Settings.watchlists})` });
        continue;
      }
      const known = this.lists.get(p);
      const read = known && known.text === text ? known : { text, ...parseWatchlist(p, text) };
      lists.set(p, read);
      if (read.list.entries.length) watchlists.push(read.list);
      diagnostics.push(...read.diagnostics);
    }
    this.lists = lists;
    this.signature = JSON.stringify([files, [...lists].map(([p, l]) => [p, l.text])]);
    return { decisions, watchlists, diagnostics };
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * Appends a decision to a curation file and returns the corrections the workspace then holds
   * (the caller applies them at once, without waiting for the file watcher).
   */
  async add(file: vscode.Uri, decision: Record<string, unknown>): Promise<CurationInput> {
    const before = await this.readText(file);
    const entry = { ...decision, at: new Date().toISOString() };
    const after = appendDecision(before, entry);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await vscode.workspace.fs.writeFile(file, Buffer.from(after, 'utf8'));
    this.undoStack.push({ uri: file, before, after, decision: entry });
    if (this.undoStack.length === 1) this.undoable.fire(true);
    this.log.info(`Correction written to ${file.fsPath}: ${JSON.stringify(decision)}`);
    return this.read();
  }

  /**
   * Takes back the last correction written: the file as it was when it still reads as written
   * (deleted, if there was none), else only that decision, wherever it now stands. Returns the
   * corrections then held, or undefined when the decision is no longer in the file.
   */
  async undo(): Promise<CurationInput | undefined> {
    const last = this.undoStack.pop();
    if (!last) return undefined;
    if (!this.undoStack.length) this.undoable.fire(false);
    const now = await this.readText(last.uri);
    if (now === last.after) {
      if (last.before === undefined) await vscode.workspace.fs.delete(last.uri);
      else await vscode.workspace.fs.writeFile(last.uri, Buffer.from(last.before, 'utf8'));
    } else {
      const without = now === undefined ? undefined : removeDecision(now, last.decision);
      if (without === undefined) return undefined;
      await vscode.workspace.fs.writeFile(last.uri, Buffer.from(without, 'utf8'));
    }
    this.log.info(`Correction undone in ${last.uri.fsPath}: ${JSON.stringify(last.decision)}`);
    return this.read();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

