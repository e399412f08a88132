// Indexing a corpus of a few hundred articles takes seconds: a user can stop it from the status bar
// (or News Lens: Cancel Indexing, also on the Entities view title), and a cancelled load never
// passes for a complete one.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { articleUri } from '../../../src/vscode/adapters/positions';
import { ARTICLE_SCHEME, Commands, EXTENSION_ID, Settings, Views } from '../../../src/vscode/constants';
import { extension } from '../extensionApi';
import { clickInWorkbench, ready, waitFor } from '../ui';

const ARTICLES = 600;

function commandOf(item: vscode.StatusBarItem): string | undefined {
  return typeof item.command === 'string' ? item.command : item.command?.command;
}

describe('cancelling indexing', () => {
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-lens-many-'));
    const places = ['Oslo', 'Bergen', 'Helsinki', 'Tallinn', 'Riga', 'Lisbon', 'Zürich', 'Vilnius'];
    for (let i = 0; i < ARTICLES; i++) {
      const place = places[i % places.length];
      const text =
        `Council meeting ${i} in ${place}\n\nWire Service Updated on 2024-03-${String((i % 28) + 1).padStart(2, '0')}\n\n` +
        `Mayor Anna Berg met Lars Olsen of the Norwegian Red Cross in ${place} on Monday to discuss item ${i} of the budget. ` +
        `The council of ${place} will vote on the plan next week, officials said. Olsen said the Red Cross would open ${i % 7} new shelters.\n`;
      await fs.writeFile(path.join(dir, `article-${i}.txt`), text);
    }
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration(Settings.section);
    if (config.inspect(Settings.corpusPaths)?.globalValue !== undefined) await config.update(Settings.corpusPaths, undefined, vscode.ConfigurationTarget.Global);
    await (await ready()).whenReady();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is offered on the Entities view title while indexing', () => {
    const menus = extension().packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    const entry = menus['view/title'].find((m) => m.command === Commands.cancelIndexing);
    assert.strictEqual(entry?.when, `view == ${Views.entities} && newsLens.state == indexing`);
    assert.strictEqual(menus.commandPalette.find((m) => m.command === Commands.cancelIndexing)?.when, 'newsLens.state == indexing');
  });

  it('a click on the status bar while indexing stops the load; the previous index stays and the UI says so', async () => {
    const newsLens = await ready();
    const previous = newsLens.corpus.index;
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.corpusPaths, [dir], vscode.ConfigurationTarget.Global);
    // Progress reaches the status bar in ticks (at most every 150 ms), not with every file.
    const counting = new RegExp(`News Lens: indexing \\d+/${ARTICLES}`);
    await waitFor('indexing with a count', () => newsLens.corpus.state === 'indexing' && counting.test(newsLens.statusBar.text));
    assert.strictEqual(commandOf(newsLens.statusBar), Commands.cancelIndexing, 'while indexing the status bar cancels');
    assert.match(String(newsLens.statusBar.tooltip), /indexing the corpus.*Click to cancel/);

    clickInWorkbench(`[id="${EXTENSION_ID}.newsLens.status"]`);
    await waitFor('the load to stop', () => newsLens.corpus.state !== 'indexing', 30_000);
    assert.strictEqual(await newsLens.whenReady(), previous, 'the previous index stays in place');
    const { done, total } = newsLens.corpus.progress;
    assert.ok(done < total, `stopped before the end (${done} of ${total})`);
    assert.strictEqual(newsLens.corpus.gaps.cancelled, true);

    assert.ok(newsLens.entities.view.message?.startsWith('Indexing cancelled: showing the previous index.'), newsLens.entities.view.message);
    assert.ok(newsLens.statusBar.text.startsWith('$(warning) News Lens: ') && newsLens.statusBar.text.endsWith(' \u00b7 indexing cancelled'), newsLens.statusBar.text);
    assert.match(String(newsLens.statusBar.tooltip), /Indexing cancelled: showing the previous index\./);
    assert.strictEqual(commandOf(newsLens.statusBar), Commands.openSummaries);
    const log = await waitFor('the log to say so', async () => {
      const text = await fs.readFile(path.join(newsLens.logUri.fsPath, 'News Lens.log'), 'utf8').catch(() => '');
      return text.includes(`Indexing cancelled after ${done} of ${ARTICLES} files; the previous index stays`) && text;
    });
    assert.ok(log);
  });

  it('the next complete load clears the notice', async () => {
    const newsLens = await ready();
    const before = newsLens.corpus.index;
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.corpusPaths, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the workspace corpus to load again', () => newsLens.corpus.index !== before && newsLens.corpus.state !== 'indexing', 60_000);
    assert.strictEqual(newsLens.corpus.gaps.cancelled, false);
    assert.ok(!newsLens.entities.view.message?.includes('cancelled'), newsLens.entities.view.message);
    assert.ok(!newsLens.statusBar.text.includes('cancelled'), newsLens.statusBar.text);
  });

  it('an article view opened while a load runs shows the article from the index in place at once', async () => {
    const newsLens = await ready();
    const item = newsLens.corpus.index.articles().find((a) => articleUri(a.article).scheme === ARTICLE_SCHEME);
    assert.ok(item, 'the hostile workspace has JSON articles, shown as news-lens: views');
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.corpusPaths, [dir], vscode.ConfigurationTarget.Global);
    await waitFor('a load to run', () => newsLens.corpus.state === 'indexing');
    const doc = await vscode.workspace.openTextDocument(articleUri(item.article));
    assert.strictEqual(newsLens.corpus.state, 'indexing', 'the view did not wait for the load');
    assert.strictEqual(doc.getText(), item.article.text);
    newsLens.corpus.cancel();
    await waitFor('the load to stop', () => newsLens.corpus.state !== 'indexing', 30_000);
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.corpusPaths, undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the workspace corpus to load again', () => newsLens.corpus.state !== 'indexing' && !newsLens.corpus.gaps.cancelled, 60_000);
  });
});
