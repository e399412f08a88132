import * as assert from 'assert';
import * as vscode from 'vscode';
import { connectionsSubgraph, filteredGraphSteps, indexGraphSource } from '../../../src/core/index/connections';
import { filterSteps } from '../../../src/core/index/filteredCorpus';
import { runSync } from '../../../src/core/index/steps';
import { NEIGHBOURS_PER_NODE } from '../../../src/core/model/graph';
import { queryOf } from '../../../src/shared/graphProtocol';
import { Commands, Panels } from '../../../src/vscode/constants';
import type { NewsLensApi } from '../../../src/vscode/extension';
import type { GraphPanel, GraphRendered } from '../../../src/vscode/features/graph/graphPanel';
import { clickInWebview, fillInWebview, fixture, inspectWebview, nextRendered, ready, useCorpus, waitFor } from '../ui';

const PAGE = 'News Lens Connections';

/** What the host computes for the page's current state: the graph the page must have drawn. */
function expected(newsLens: NewsLensApi, state: GraphRendered['state']): { nodes: number; edges: number } {
  const index = newsLens.corpus.index;
  const view = newsLens.filter.service.view;
  const source = view ? runSync(filteredGraphSteps(index, view)) : indexGraphSource(index);
  const g = connectionsSubgraph(source, queryOf(state));
  return { nodes: g.nodes.length, edges: g.edges.length };
}

async function openGraph(newsLens: NewsLensApi, arg?: unknown): Promise<{ panel: GraphPanel; rendered: GraphRendered }> {
  newsLens.graph.panel?.dispose();
  await vscode.commands.executeCommand(Commands.showConnections, arg);
  const panel = newsLens.graph.panel;
  assert.ok(panel, 'the graph panel is open');
  const rendered = await waitFor('the graph page to draw', () => panel.lastRendered, 30_000);
  return { panel, rendered };
}

describe('connections graph (a corpus of eight linked articles)', () => {
  before(async () => {
    await useCorpus([fixture('newsroom')]);
  });
  after(async () => {
    const newsLens = await ready();
    newsLens.graph.panel?.dispose();
    newsLens.summaries.panel?.dispose();
    await vscode.commands.executeCommand(Commands.clearDateSourceFilter);
    await useCorpus(undefined);
  });

  it('opens from the palette on the corpus\'s top entities and draws exactly what the host sent, under a strict CSP that admits its layout worker', async () => {
    const newsLens = await ready();
    const { panel, rendered } = await openGraph(newsLens);
    assert.deepStrictEqual(rendered.state.focus, []);
    const want = expected(newsLens, rendered.state);
    assert.ok(want.nodes > 5 && want.edges > 5, `a graph worth drawing (${JSON.stringify(want)})`);
    assert.deepStrictEqual({ nodes: rendered.nodes, edges: rendered.edges }, want, 'the page drew every node and edge it was sent, in WebGL');
    assert.deepStrictEqual({ nodes: panel.lastGraph?.nodes.length, edges: panel.lastGraph?.edges.length }, want);
    const html = panel.panel.webview.html;
    assert.ok(/default-src 'none'/.test(html) && /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/.test(html) && /worker-src blob:/.test(html), 'strict CSP with a nonce; workers from blobs only');
    const page = await inspectWebview('.node-list .node');
    assert.deepStrictEqual(page.handlers, [], 'no inline event handlers');
    assert.ok(page.scripts.every((s) => s.startsWith('#') || /\/dist\/graph\.js$/.test(s)), `only the page's own bundle runs: ${page.scripts.join(', ')}`);
  });

  it('centres on an entity from its context menu with its strongest neighbours, and a click in the page expands a neighbour', async () => {
    const newsLens = await ready();
    const entities = newsLens.entities;
    const hub = newsLens.corpus.index.entities().find((e) => e.type === 'person' && newsLens.corpus.index.coMentions(e.id).size >= 3);
    assert.ok(hub, 'a person linked to three others');
    const node = entities.provider.entityNode(hub.id);
    const { panel, rendered } = await openGraph(newsLens, node);
    assert.deepStrictEqual(rendered.state.focus, [hub.id]);
    const want = expected(newsLens, rendered.state);
    assert.deepStrictEqual({ nodes: rendered.nodes, edges: rendered.edges }, want);
    const index = newsLens.corpus.index;
    const linked = [...index.coMentions(hub.id)].filter(([id, c]) => c.sentences > 0 && rendered.state.types.includes(index.entity(id)?.type ?? 'date'));
    assert.strictEqual(rendered.nodes, 1 + Math.min(NEIGHBOURS_PER_NODE, linked.length), 'the focus and its strongest neighbours');

    const neighbour = panel.lastGraph?.nodes.find((n) => !n.focus && n.hidden > 0);
    assert.ok(neighbour, 'a neighbour with links not drawn yet');
    clickInWebview(PAGE, `.node-list .node[data-id="${neighbour.id}"]`);
    await waitFor('the page to show the selected neighbour', async () => (await inspectWebview('.details h2')).text === neighbour.name);
    const expandedRender = await nextRendered(
      panel,
      (r) => r.state.expanded.includes(neighbour.id),
      () => clickInWebview(PAGE, '.details .expand'),
    );
    assert.ok(expandedRender.nodes > rendered.nodes, `expanding drew more entities (${rendered.nodes} -> ${expandedRender.nodes})`);
    assert.deepStrictEqual({ nodes: expandedRender.nodes, edges: expandedRender.edges }, expected(newsLens, expandedRender.state));
  });

  it('narrows to a date range set anywhere: the page asks again and draws only the links of those articles', async () => {
    const newsLens = await ready();
    const { panel, rendered: before } = await openGraph(newsLens);
    const filtered = await nextRendered(
      panel,
      () => newsLens.filter.service.filter.from === '2024-03-01',
      () => vscode.commands.executeCommand(Commands.filterByDate, { from: '2024-03-01', to: '2024-03-08' }),
    );
    const kept = runSync(filterSteps(newsLens.corpus.index, newsLens.filter.service.filter));
    assert.strictEqual(kept.articleIds.size, 2, 'the articles of 4 and 7 March');
    const want = connectionsSubgraph(runSync(filteredGraphSteps(newsLens.corpus.index, kept)), queryOf(filtered.state));
    assert.deepStrictEqual({ nodes: filtered.nodes, edges: filtered.edges }, { nodes: want.nodes.length, edges: want.edges.length });
    assert.ok(filtered.nodes < before.nodes, `fewer entities in a week (${before.nodes} -> ${filtered.nodes})`);
    const page = await inspectWebview('.count');
    assert.match(page.text, new RegExp(`^${filtered.nodes} entities`));
    const cleared = await nextRendered(panel, () => newsLens.filter.service.filter.from === null, () => vscode.commands.executeCommand(Commands.clearDateSourceFilter));
    assert.strictEqual(cleared.nodes, before.nodes);
  });

  it('finds an entity by name and adds it to the graph', async () => {
    const newsLens = await ready();
    const { panel } = await openGraph(newsLens);
    const target = newsLens.corpus.index.searchEntities('tallinn').find((e) => e.type === 'place');
    assert.ok(target, 'Tallinn is a place of the corpus');
    fillInWebview('.search input', 'Tallinn');
    const rendered = await nextRendered(
      panel,
      (r) => r.state.focus.includes(target.id),
      async () => {
        await inspectWebview(`.results .result[data-id="${target.id}"]`);
        clickInWebview(PAGE, `.results .result[data-id="${target.id}"]`);
      },
    );
    assert.strictEqual(rendered.state.selected, target.id);
    assert.deepStrictEqual({ nodes: rendered.nodes, edges: rendered.edges }, expected(newsLens, rendered.state));
  });

  it('reveals a selected entity in the Entities view and lists the articles of a link in the summaries panel', async () => {
    const newsLens = await ready();
    const { panel } = await openGraph(newsLens);
    const graph = panel.lastGraph;
    const edge = graph?.edges[0];
    assert.ok(edge, 'the graph has a link');
    const source = graph.nodes.find((n) => n.id === edge.source);
    clickInWebview(PAGE, `.node-list .node[data-id="${edge.source}"]`);
    await waitFor('the page to show the selected entity', async () => (await inspectWebview('.details h2')).text === source?.name);
    clickInWebview(PAGE, '.details .reveal');
    await waitFor('the entity to be selected in the Entities view', () => {
      const s = newsLens.entities.view.selection[0];
      return s?.kind === 'entity' && s.entity.id === edge.source;
    });
    clickInWebview(PAGE, '.linked .pair-articles');
    const summaries = await waitFor('the summaries panel to open on a pair', () => {
      const r = newsLens.summaries.panel?.lastRendered;
      return r?.state.with ? r : undefined;
    });
    const both = (id: string): Set<string> => new Set(newsLens.corpus.index.articleIdsOf(id));
    const a = both(summaries.state.entity?.id ?? '');
    const b = both(summaries.state.with?.id ?? '');
    assert.strictEqual(summaries.state.entity?.id, edge.source);
    assert.strictEqual(summaries.visible, [...a].filter((id) => b.has(id)).length, 'the cards of the articles mentioning both');
    assert.ok(summaries.visible > 0);
  });

  it('keeps its view across a reload of the page, and is rebuilt by its serializer', async () => {
    const newsLens = await ready();
    const hub = newsLens.corpus.index.entities().find((e) => e.type === 'person');
    assert.ok(hub);
    const { panel } = await openGraph(newsLens, hub.id);
    const again = nextRendered(panel, () => true, async () => {
      panel.panel.reveal(undefined, false);
      await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    });
    assert.deepStrictEqual((await again).state.focus, [hub.id], 'the page restored its state with getState()');
    panel.dispose();
    const raw = vscode.window.createWebviewPanel(Panels.connections, PAGE, vscode.ViewColumn.Active, {});
    await newsLens.graph.serializer.deserializeWebviewPanel(raw, { ...(await again).state, colorBy: 'community' });
    const revived = newsLens.graph.panel;
    assert.ok(revived && revived.panel === raw);
    const rendered = await waitFor('the restored page to draw', () => revived.lastRendered);
    assert.deepStrictEqual([rendered.state.focus, rendered.state.colorBy], [[hub.id], 'community']);
    assert.deepStrictEqual({ nodes: rendered.nodes, edges: rendered.edges }, expected(newsLens, rendered.state));
  });
});
