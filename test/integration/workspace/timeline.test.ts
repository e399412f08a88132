import * as assert from 'assert';
import * as vscode from 'vscode';
import { articlePasses, dateOverlaps } from '../../../src/core/index/articleFilter';
import { filedDate } from '../../../src/core/index/corpusIndex';
import { runSync } from '../../../src/core/index/steps';
import { articlesInBin, timelineSteps } from '../../../src/core/index/timelineChart';
import type { TimelineChart } from '../../../src/core/model/timeline';
import { describeFilter } from '../../../src/core/render/formatDate';
import type { TimelinePageMessage } from '../../../src/shared/timelineProtocol';
import { Commands, Panels } from '../../../src/vscode/constants';
import type { NewsLensApi } from '../../../src/vscode/extension';
import type { TimelinePanel, TimelineRendered } from '../../../src/vscode/features/timeline/timelinePanel';
import { drawnCounts } from '../../../src/webview/model/timelineView';
import { dragInWebview, fixture, inspectWebview, nextRendered, ready, useCorpus, waitFor } from '../ui';

const PAGE = 'News Lens Timeline';

/** The chart the host computes for the page's state: what the page must have drawn. */
function expected(newsLens: NewsLensApi, state: TimelineRendered['state']): TimelineChart {
  return runSync(timelineSteps(newsLens.corpus.index, state, newsLens.filter.service.filter));
}

async function openTimeline(newsLens: NewsLensApi, arg?: unknown): Promise<{ panel: TimelinePanel; rendered: TimelineRendered }> {
  newsLens.timeline.panel?.dispose();
  await vscode.commands.executeCommand(Commands.showTimeline, arg);
  const panel = newsLens.timeline.panel;
  assert.ok(panel, 'the timeline panel is open');
  const rendered = await waitFor('the timeline page to draw', () => panel.lastRendered, 30_000);
  return { panel, rendered };
}

/** A point inside the plot of the events chart over bin `i` of `bins`, near its base (where every bar is). */
function overBin(i: number, bins: number): { x: number; y: number } {
  return { x: (i + 0.5) / bins, y: 0.97 };
}

describe('timeline (a corpus of eight dated articles)', () => {
  before(async () => {
    // Toasts an earlier suite raised sit over the bottom right of the chart, where a click would land.
    await vscode.commands.executeCommand('notifications.clearAll');
    await useCorpus([fixture('newsroom')]);
  });
  after(async () => {
    const newsLens = await ready();
    newsLens.timeline.panel?.dispose();
    await vscode.commands.executeCommand(Commands.clearDateSourceFilter);
    await useCorpus(undefined);
  });

  it('opens on the most mentioned entities and draws a bar for every event count and a point for every mention count the host sent', async () => {
    const newsLens = await ready();
    const { panel, rendered } = await openTimeline(newsLens);
    const index = newsLens.corpus.index;
    assert.strictEqual(rendered.state.entities.length, 3);
    for (const id of rendered.state.entities) assert.ok(['person', 'organization', 'place'].includes(index.entity(id)?.type ?? ''));
    const chart = expected(newsLens, rendered.state);
    assert.strictEqual(chart.unit, 'day', 'five weeks of articles are counted by day');
    assert.strictEqual(rendered.bins, chart.bins.length);
    assert.deepStrictEqual({ bars: rendered.bars, points: rendered.points }, drawnCounts(chart));
    assert.ok(rendered.bars > 5 && rendered.points > 5, `bars and points drawn (${rendered.bars}, ${rendered.points})`);
    assert.deepStrictEqual(panel.lastChart?.bins, chart.bins);
    const page = await inspectWebview('.chart.events');
    assert.deepStrictEqual(page.handlers, [], 'no inline event handlers');
    assert.ok(page.scripts.every((s) => s.startsWith('#') || /\/dist\/timeline\.js$/.test(s)), `only the page's own bundle runs: ${page.scripts.join(', ')}`);
    assert.ok(/default-src 'none'/.test(panel.panel.webview.html) && !/worker-src/.test(panel.panel.webview.html));
  });

  it('adds an entity from its context menu to the comparison', async () => {
    const newsLens = await ready();
    const { panel, rendered } = await openTimeline(newsLens);
    const index = newsLens.corpus.index;
    const other = index.entities().find((e) => e.type === 'person' && !rendered.state.entities.includes(e.id));
    assert.ok(other);
    const added = await nextRendered(panel, (r) => r.state.entities.includes(other.id), () => vscode.commands.executeCommand(Commands.showTimeline, newsLens.entities.provider.entityNode(other.id)));
    assert.deepStrictEqual(added.state.entities, [...rendered.state.entities, other.id]);
    const chart = expected(newsLens, added.state);
    assert.deepStrictEqual({ bars: added.bars, points: added.points }, drawnCounts(chart));
    assert.ok(added.points > rendered.points);
  });

  it('brushing a range filters the Events view, the summaries and the graph to those dates', async () => {
    const newsLens = await ready();
    const { panel } = await openTimeline(newsLens);
    const chart = panel.lastChart;
    assert.ok(chart);
    const changed = new Promise<void>((resolve) => {
      const sub = newsLens.filter.service.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    dragInWebview('.chart.events .u-over', overBin(3, chart.bins.length), overBin(15, chart.bins.length));
    await changed;
    const filter = newsLens.filter.service.filter;
    assert.ok(filter.from && filter.to, `a range was brushed (${JSON.stringify(filter)})`);
    assert.ok(filter.from >= chart.bins[2] && filter.from <= chart.bins[4] && filter.to >= chart.bins[14] && filter.to <= chart.bins[16], `the brushed days ${filter.from}..${filter.to} are the bins under the drag`);
    assert.strictEqual(newsLens.events.view.description, describeFilter(filter));
    const { provider } = newsLens.events;
    const days = provider.getChildren().flatMap((r) => (r.kind === 'section' ? provider.getChildren(r) : [r]));
    const events = days.flatMap((d) => provider.getChildren(d)).filter((e) => e.kind === 'event');
    assert.ok(events.length > 0);
    for (const e of events) assert.ok(e.kind === 'event' && dateOverlaps(filedDate(e.entry), filter));

    await vscode.commands.executeCommand(Commands.openSummaries);
    const kept = newsLens.corpus.index.articles().filter((a) => articlePasses(a.article, filter)).length;
    await waitFor('the summaries to show the brushed articles', () => newsLens.summaries.panel?.lastRendered?.visible === kept);
    newsLens.summaries.panel?.dispose();

    const page = await inspectWebview('.range');
    assert.strictEqual(page.text, `Range: ${describeFilter(filter)}`);
  });

  it('lists the articles of a bar that is clicked', async () => {
    const newsLens = await ready();
    await vscode.commands.executeCommand(Commands.clearDateSourceFilter);
    const { panel } = await openTimeline(newsLens);
    const chart = panel.lastChart;
    assert.ok(chart);
    const totals = chart.bins.map((_, i) => chart.events.reduce((n, e) => n + e.counts[i], 0));
    const bin = totals.indexOf(Math.max(...totals));
    const asked = new Promise<Extract<TimelinePageMessage, { type: 'listArticles' }>>((resolve) => {
      const sub = panel.onDidHandleMessage((m) => {
        if (m.type !== 'listArticles') return;
        sub.dispose();
        resolve(m);
      });
    });
    const at = overBin(bin, chart.bins.length);
    dragInWebview('.chart.events .u-over', at, at);
    const request = await asked;
    assert.strictEqual(request.bin, chart.bins[bin]);
    const want = articlesInBin(newsLens.corpus.index, chart, request.bin, request.series, newsLens.filter.service.filter);
    assert.ok(want.length > 0);
    const shown = await waitFor('the page to list the articles', async () => {
      const page = await inspectWebview('.articles .article-list');
      return want.every((a) => page.text.includes(a.title)) ? page : undefined;
    });
    assert.ok(shown.text.length > 0);
  });

  it('keeps its view across a reload of the page, and is rebuilt by its serializer with a unit of weeks', async () => {
    const newsLens = await ready();
    const person = newsLens.corpus.index.entities().find((e) => e.type === 'person');
    assert.ok(person);
    const { panel } = await openTimeline(newsLens, person.id);
    const again = await nextRendered(panel, () => true, async () => {
      panel.panel.reveal(undefined, false);
      await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    });
    assert.ok(again.state.entities.includes(person.id), 'the page restored its state with getState()');
    panel.dispose();
    const raw = vscode.window.createWebviewPanel(Panels.timeline, PAGE, vscode.ViewColumn.Active, {});
    await newsLens.timeline.serializer.deserializeWebviewPanel(raw, { entities: [person.id], unit: 'week' });
    const revived = newsLens.timeline.panel;
    assert.ok(revived && revived.panel === raw);
    const rendered = await waitFor('the restored page to draw', () => revived.lastRendered);
    assert.deepStrictEqual(rendered.state, { entities: [person.id], unit: 'week' });
    const chart = expected(newsLens, rendered.state);
    assert.strictEqual(chart.unit, 'week');
    assert.deepStrictEqual({ bins: rendered.bins, bars: rendered.bars, points: rendered.points }, { bins: chart.bins.length, ...drawnCounts(chart) });
  });
});
