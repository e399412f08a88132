import * as vscode from 'vscode';
import type { ArticleFilter } from '../../../core/index/articleFilter';
import { NO_FILTER, isFiltering, sameFilter, sanitizeFilter } from '../../../core/index/articleFilter';
import type { FilteredCorpus } from '../../../core/index/filteredCorpus';
import { filterSteps } from '../../../core/index/filteredCorpus';
import { runSliced } from '../../../core/index/steps';
import type { CorpusService } from '../../corpusService';

const STATE_KEY = 'newsLens.articleFilter';

/**
 * The one date and source filter of the window, shared by the trees, the summaries, the graph and
 * the timeline. What it keeps of the corpus is counted in time slices whenever the filter or the
 * corpus changes; `onDidChange` fires once that count is in place. The filter is kept in the
 * workspace state, so the views reopen as they were left.
 */
export class ArticleFilterService implements vscode.Disposable {
  private current: ArticleFilter;
  private counted: FilteredCorpus | undefined;
  /** Bumped by every change: a count of an older filter or corpus is never installed. */
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<ArticleFilter>();
  /** Fires when the filter, or what it keeps of a changed corpus, is in place. */
  readonly onDidChange = this.changed.event;
  private readonly corpusChanged: vscode.Disposable;

  constructor(
    private readonly corpus: CorpusService,
    private readonly memento: vscode.Memento,
  ) {
    this.current = sanitizeFilter(memento.get(STATE_KEY));
    this.corpusChanged = corpus.onDidChange(() => {
      if (isFiltering(this.current)) this.pending = this.count();
    });
  }

  get filter(): ArticleFilter {
    return this.current;
  }

  /** What the filter keeps of the corpus; undefined while nothing is filtered (everything counts). */
  get view(): FilteredCorpus | undefined {
    return isFiltering(this.current) ? this.counted : undefined;
  }

  /** Resolves once the views of the last change are in place. */
  whenSettled(): Promise<void> {
    return this.pending;
  }

  /** Sets the filter (repaired: see sanitizeFilter); resolves when the views have what it keeps. */
  set(filter: Partial<ArticleFilter>): Promise<void> {
    const next = sanitizeFilter({ ...this.current, ...filter });
    if (sameFilter(next, this.current)) return this.pending;
    this.current = next;
    void this.memento.update(STATE_KEY, isFiltering(next) ? next : undefined);
    this.pending = this.count();
    return this.pending;
  }

  clear(): Promise<void> {
    return this.set(NO_FILTER);
  }

  private async count(): Promise<void> {
    const generation = ++this.generation;
    const filter = this.current;
    const counted = isFiltering(filter) ? await runSliced(filterSteps(this.corpus.index, filter)) : undefined;
    if (generation !== this.generation) return;
    this.counted = counted;
    this.changed.fire(filter);
  }

  dispose(): void {
    this.corpusChanged.dispose();
    this.changed.dispose();
  }
}
