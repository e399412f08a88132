import * as vscode from 'vscode';
import type { ArticleFilter } from '../../../core/index/articleFilter';
import { hasDateRange, isFiltering, parseDateRange, sanitizeFilter } from '../../../core/index/articleFilter';
import { corpusSources } from '../../../core/index/filteredCorpus';
import { plural } from '../../../core/render/entityGroups';
import { rangeChoices } from '../../../core/render/filterChoices';
import { formatRange } from '../../../core/render/formatDate';
import { Commands, ContextKeys } from '../../constants';
import type { FeatureContext } from '../feature';
import { ArticleFilterService } from './articleFilterService';

export interface ArticleFilterFeature {
  service: ArticleFilterService;
}

type RangeItem = vscode.QuickPickItem & { range?: { from: string | null; to: string | null }; custom?: boolean };

/**
 * The date and source filter: "Filter by Date…" and "Filter by Source…" on the Entities and Events
 * views' title bars (and in the palette), and "Clear Date and Source Filter". Both commands also
 * take the filter as an argument ({ from, to } days, or a list of sources), which is how the
 * timeline's brush sets it.
 */
export function registerArticleFilter(ctx: FeatureContext): ArticleFilterFeature {
  const { corpus } = ctx;
  const service = new ArticleFilterService(corpus, ctx.extension.workspaceState);
  const setContext = (f: ArticleFilter): void => void vscode.commands.executeCommand('setContext', ContextKeys.dateSourceFiltered, isFiltering(f));
  setContext(service.filter);

  const pickRange = async (): Promise<void> => {
    const choices = rangeChoices(corpus.index.articles().map((a) => a.article.date));
    const current = service.filter;
    const items: RangeItem[] = [];
    if (hasDateRange(current)) items.push({ label: '$(close) All dates', description: `now ${formatRange(current.from, current.to)}`, range: { from: null, to: null } });
    for (const c of choices) items.push({ label: c.label, description: c.description, range: { from: c.from, to: c.to }, picked: c.from === current.from && c.to === current.to });
    items.push({ label: '$(edit) Custom range…', description: 'from and to as YYYY-MM-DD, YYYY-MM or YYYY', custom: true });
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Filter by Date',
      placeHolder: choices.length ? 'Keep the articles published, and the events dated, in this range' : 'No article of this corpus has a publication date; a range keeps only dated articles',
      matchOnDescription: true,
    });
    if (!pick) return;
    if (pick.range) return service.set(pick.range);
    const typed = await vscode.window.showInputBox({
      title: 'Filter by Date: custom range',
      prompt: 'From and to, e.g. 2018-01-01 to 2018-02-15, 2018-01, or 2018-01-22.. (open end)',
      value: hasDateRange(current) ? `${current.from ?? ''} to ${current.to ?? ''}` : '',
      validateInput: (text) => {
        const r = parseDateRange(text);
        return 'error' in r ? r.error : undefined;
      },
    });
    if (typed === undefined) return;
    const range = parseDateRange(typed);
    if (!('error' in range)) await service.set(range);
  };

  const pickSources = async (): Promise<void> => {
    const current = new Set(service.filter.sources);
    const sources = corpusSources(corpus.index);
    const items = sources.map((s) => ({ label: s.source || '(no source)', description: plural(s.articles, 'article'), source: s.source, picked: current.has(s.source) }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter by Source', placeHolder: 'Keep the articles of these sources (none picked: every source)', canPickMany: true, matchOnDescription: true });
    if (picked) await service.set({ sources: picked.length === sources.length ? [] : picked.map((p) => p.source) });
  };

  ctx.extension.subscriptions.push(
    service,
    service.onDidChange(setContext),
    vscode.commands.registerCommand(Commands.filterByDate, async (arg?: unknown) => {
      if (typeof arg === 'object' && arg !== null) {
        const f = sanitizeFilter({ ...(arg as object), sources: [] });
        return service.set({ from: f.from, to: f.to });
      }
      return pickRange();
    }),
    vscode.commands.registerCommand(Commands.filterBySource, async (arg?: unknown) => (Array.isArray(arg) ? service.set({ sources: sanitizeFilter({ sources: arg }).sources }) : pickSources())),
    vscode.commands.registerCommand(Commands.clearDateSourceFilter, () => service.clear()),
  );
  return { service };
}
