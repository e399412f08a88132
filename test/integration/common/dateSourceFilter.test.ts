import * as assert from 'assert';
import * as vscode from 'vscode';
import { articlePasses, dateOverlaps } from '../../../src/core/index/articleFilter';
import { filedDate } from '../../../src/core/index/corpusIndex';
import { corpusSpan } from '../../../src/core/index/filteredCorpus';
import { groupEvents } from '../../../src/core/render/eventGroups';
import { describeFilter } from '../../../src/core/render/formatDate';
import { Commands, Settings } from '../../../src/vscode/constants';
import type { NewsLensApi } from '../../../src/vscode/extension';
import type { EventTreeNode } from '../../../src/vscode/features/events/eventsTree';
import { clickInWebview, ready, waitFor } from '../ui';

/** Every event row of the Events view, through its date groups (and Earlier mentions). */
function eventRows(newsLens: NewsLensApi): Extract<EventTreeNode, { kind: 'event' }>[] {
  const { provider } = newsLens.events;
  const dates = provider.getChildren().flatMap((r) => (r.kind === 'section' ? provider.getChildren(r) : [r]));
  return dates.flatMap((d) => provider.getChildren(d)).filter((e): e is Extract<EventTreeNode, { kind: 'event' }> => e.kind === 'event');
}

describe('date and source filter', () => {
  afterEach(async () => {
    const newsLens = await ready();
    await vscode.commands.executeCommand(Commands.clearDateSourceFilter);
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.eventsOrder, undefined, vscode.ConfigurationTarget.Global);
    newsLens.summaries.panel?.dispose();
  });

  it('narrows the Entities, Events and Articles views to a source and a date range, and says so in their descriptions', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const article = index.articles().find((a) => a.article.date !== null && a.mentions.length > 0) ?? index.articles()[0];
    const { date, source } = article.article;
    await vscode.commands.executeCommand(Commands.filterBySource, [source ?? '']);
    if (date) await vscode.commands.executeCommand(Commands.filterByDate, { from: date, to: date });
    const filter = newsLens.filter.service.filter;
    assert.deepStrictEqual(filter, { from: date, to: date, sources: [source ?? ''] });
    const label = describeFilter(filter);
    assert.strictEqual(newsLens.entities.view.description, label);
    assert.strictEqual(newsLens.events.view.description, label);
    assert.strictEqual(newsLens.articles.view.description, label);

    const kept = index.articles().filter((a) => articlePasses(a.article, filter));
    assert.ok(kept.some((a) => a.article.id === article.article.id));
    const articleRows = newsLens.articles.provider.getChildren().filter((n) => n.kind === 'article');
    assert.deepStrictEqual(articleRows.map((n) => (n.kind === 'article' ? n.articleId : '')).sort(), kept.map((a) => a.article.id).sort());

    const { provider } = newsLens.entities;
    const groups = provider.getChildren();
    const listed = groups.flatMap((g) => provider.getChildren(g)).filter((n) => n.kind === 'entity');
    const mentioned = new Set(kept.flatMap((a) => a.mentions.map((m) => m.entity)));
    assert.strictEqual(groups.reduce((n, g) => n + (g.kind === 'type' ? g.group.entities.length : 0), 0), mentioned.size, 'the type groups hold exactly the entities the kept articles mention');
    for (const n of listed) assert.ok(n.kind === 'entity' && mentioned.has(n.entity.id));
    for (const n of listed.slice(0, 5)) {
      if (n.kind !== 'entity') continue;
      for (const a of provider.getChildren(n)) assert.ok(a.kind === 'article' && kept.some((k) => k.article.id === a.articleId), 'an entity lists only the kept articles that mention it');
    }

    const events = eventRows(newsLens);
    const expected = index.timeline().filter((e) => filter.sources.includes(index.article(e.articleId)?.article.source ?? '') && dateOverlaps(filedDate(e), filter));
    assert.strictEqual(events.length, expected.length);
    for (const e of events) assert.ok(dateOverlaps(filedDate(e.entry), filter));
  });

  it('applies to the summaries panel, whose clear button clears it in every view', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const source = index.articles()[0].article.source ?? '';
    await vscode.commands.executeCommand(Commands.filterBySource, [source]);
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel);
    const expected = index.articles().filter((a) => (a.article.source ?? '') === source).length;
    const rendered = await waitFor('the page to render the filtered cards', () => panel.lastRendered?.visible === expected && panel.lastRendered);
    assert.strictEqual(rendered.total, index.size);
    const cleared = new Promise<void>((resolve) => {
      const sub = newsLens.filter.service.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    clickInWebview('News Lens Summaries', '.filter.range .clear');
    await cleared;
    assert.strictEqual(newsLens.entities.view.description, undefined);
    // A page VS Code has hidden meanwhile (another editor in its group) gets no messages; shown again, it reloads and asks.
    if (!panel.panel.visible) panel.panel.reveal(undefined, true);
    const all = await waitFor('the page to show every card again', () => {
      const r = panel.lastRendered;
      return r && r.visible === r.total ? r : undefined;
    }).catch((e: Error) => assert.fail(`${e.message}; the page last drew ${JSON.stringify(panel.lastRendered && { visible: panel.lastRendered.visible, total: panel.lastRendered.total, entity: panel.lastRendered.state.entity?.id, shown: panel.panel.visible })} of ${newsLens.corpus.index.size} articles`));
    assert.strictEqual(all.total, newsLens.corpus.index.size);
  });

  it('lists the oldest dates first when the setting says so, earlier mentions first and later ones after the dates', async () => {
    const newsLens = await ready();
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.eventsOrder, 'oldest', vscode.ConfigurationTarget.Global);
    const index = newsLens.corpus.index;
    const { provider } = newsLens.events;
    const g = groupEvents(index.timeline(), 'oldest', corpusSpan(index));
    const expected = [...(g.earlier.length ? ['earlier'] : []), ...g.dated.map((d) => d.date), ...(g.later.length ? ['later'] : []), ...(g.undated ? [null] : [])];
    const rows = (): (string | null)[] => provider.getChildren().map((r) => (r.kind === 'date' ? r.date : r.kind === 'section' ? r.id : r.kind));
    await waitFor('the Events view to list the oldest dates first', () => JSON.stringify(rows()) === JSON.stringify(expected));
  });
});
