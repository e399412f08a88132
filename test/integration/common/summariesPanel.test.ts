import * as assert from 'assert';
import * as vscode from 'vscode';
import { summaryCard } from '../../../src/core/render/summaryCards';
import type { WebviewMessage } from '../../../src/shared/protocol';
import { Commands, Panels } from '../../../src/vscode/constants';
import type { SummariesPanel } from '../../../src/vscode/features/summaries/summariesPanel';
import { clickInWebview, ready, waitFor } from '../ui';

/** The next message of `type` the host handles from the page. */
function nextMessage<T extends WebviewMessage['type']>(panel: SummariesPanel, type: T, timeoutMs = 20_000): Promise<Extract<WebviewMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no "${type}" message from the summaries page within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const sub = panel.onDidHandleMessage((m) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(m as Extract<WebviewMessage, { type: T }>);
    });
  });
}

async function closePanel(): Promise<void> {
  const newsLens = await ready();
  newsLens.summaries.panel?.dispose();
}

describe('summaries panel', () => {
  before(closePanel);
  after(closePanel);

  it('opens once, says ready, receives the corpus and renders a card per article', async () => {
    const newsLens = await ready();
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel, 'a panel is open');
    const rendered = await waitFor('the page to render the snapshot', () => panel.lastRendered);
    assert.strictEqual(rendered.total, newsLens.corpus.index.size);
    assert.strictEqual(rendered.visible, newsLens.corpus.index.size);
    await vscode.commands.executeCommand(Commands.openSummaries);
    assert.strictEqual(newsLens.summaries.panel, panel, 'the open panel is reused');
    assert.strictEqual(panel.panel.webview.options.enableScripts, true);
    assert.ok(/default-src 'none'/.test(panel.panel.webview.html) && /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/.test(panel.panel.webview.html), 'strict CSP with a nonce');
  });

  it('filters to the articles of an entity when opened from a hover card', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const entity = index.entities()[0];
    const panel = newsLens.summaries.panel ?? newsLens.summaries.show();
    const next = nextMessage(panel, 'rendered');
    await vscode.commands.executeCommand(Commands.openSummaries, entity.id);
    const rendered = await next;
    assert.strictEqual(rendered.state.entity?.id, entity.id);
    assert.strictEqual(rendered.visible, index.articleIdsOf(entity.id).length);
  });

  it('a chip click reaches the host, reveals the entity in the tree and filters the panel', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    // A fresh panel, so no filter left by another test hides the card.
    await closePanel();
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel);
    await waitFor('the page to render', () => panel.lastRendered);
    const item = index.articles()[0];
    const chip = summaryCard(index, item).chips[0];
    assert.ok(chip, 'the card has entity chips');
    const chipEntity = index.entity(chip.id);
    assert.ok(chipEntity);
    const reveal = nextMessage(panel, 'revealEntity');
    clickInWebview('News Lens Summaries', `.card[data-article-id="${item.article.id}"] .chip[data-entity-id="${chipEntity.id}"]`);
    const message = await reveal;
    assert.strictEqual(message.entityId, chipEntity.id);
    const selected = await waitFor('the entity to be selected in the Entities view', () => {
      const s = newsLens.entities.view.selection[0];
      return s?.kind === 'entity' && s.entity.id === chipEntity.id ? s : undefined;
    });
    assert.ok(selected);
    const rendered = await waitFor('the panel to filter by the chip', () => panel.lastRendered?.state.entity?.id === chipEntity.id && panel.lastRendered);
    assert.strictEqual(rendered.visible, index.articleIdsOf(chipEntity.id).length);
  });

  it('restores its UI state after the webview reloads', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const entity = index.entities()[0];
    const panel = newsLens.summaries.panel ?? newsLens.summaries.show();
    const filtered = nextMessage(panel, 'rendered');
    await vscode.commands.executeCommand(Commands.openSummaries, entity.id);
    await filtered;
    const readyAgain = nextMessage(panel, 'ready');
    const renderedAgain = nextMessage(panel, 'rendered');
    panel.panel.reveal(undefined, false);
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    const r = await readyAgain;
    assert.strictEqual(r.state?.entity?.id, entity.id, 'the page restored its state with getState()');
    assert.strictEqual((await renderedAgain).state.entity?.id, entity.id);
  });

  it('is rebuilt by its serializer with the saved state, as after a window reload', async () => {
    const newsLens = await ready();
    newsLens.summaries.panel?.dispose();
    const entity = newsLens.corpus.index.entities()[0];
    const saved = { search: '', sort: 'title', entity: { id: entity.id, name: entity.name, type: entity.type }, scrollTop: 0, shown: 100 };
    const raw = vscode.window.createWebviewPanel(Panels.summaries, 'News Lens Summaries', vscode.ViewColumn.Beside, {});
    await newsLens.summaries.serializer.deserializeWebviewPanel(raw, saved);
    const panel = newsLens.summaries.panel;
    assert.ok(panel && panel.panel === raw, 'the restored panel is the current one');
    const rendered = await waitFor('the restored page to render', () => panel.lastRendered);
    assert.deepStrictEqual([rendered.state.sort, rendered.state.entity?.id], ['title', entity.id]);
    assert.strictEqual(rendered.visible, newsLens.corpus.index.articleIdsOf(entity.id).length);
  });
});
