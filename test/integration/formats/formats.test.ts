// The folder a newsroom has on disk (test/fixtures/formats): saved web pages, an RSS and an Atom
// feed, an e-mailed press release, a PDF, a NewsAPI response and XSum JSONL, opened in the real host.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../../src/core/index/corpusIndex';
import { escapeMarkdown } from '../../../src/core/render/markdown';
import { ARTICLE_SCHEME, Commands } from '../../../src/vscode/constants';
import { sameFolder, workspaceFolder } from '../extensionApi';
import { fixture, hoverText, inspectWebview, openArticle, ready, waitFor } from '../ui';

/** File name, title, date and source of every article, in the order the index lists them. */
const EXPECTED = [
  ['baltic-report.atom', 'Riga port expands its container terminal', '2024-03-04', 'Baltic Report'],
  ['council-budget.html', 'Stavanger council approves a budget for new schools', '2024-02-28', 'West News'],
  ['harbour-reopens.html', 'Bergen harbour reopens after three-day storm', '2024-03-05', 'Coast Post'],
  ['newsapi.json', 'Iceland lifts the eruption warning for Grindavik', '2024-03-04', 'Reykjavik Daily'],
  ['newsapi.json', 'Copenhagen approves a tunnel under the harbour', '2024-03-02', 'Danish Times'],
  ['nordic-wire.rss', 'Oslo opens a new metro line to Fornebu', '2024-03-01', 'Nordic Wire'],
  ['nordic-wire.rss', 'Finnish parliament debates a new energy law', '2024-02-29', 'Nordic Wire'],
  ['press-release.eml', 'Cruise season in Bergen opens with record bookings – press release', '2024-03-06', 'Bergen Port Authority'],
  ['report.pdf', 'Tromso airport expands its runway', '2024-03-07', 'Avinor'],
  ['xsum.jsonl', 'Storms closed roads across the Scottish Highlands on Sunday, Transport Scotland said.', null, null],
  ['xsum.jsonl', 'Aberdeen City Council has approved plans for a new harbour at Nigg Bay, which the port said would bring 2,300 jobs to…', null, null],
];

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function article(file: string): Promise<IndexedArticle> {
  const newsLens = await ready();
  const item = newsLens.corpus.index.articles().find((a) => path.basename(a.article.path) === file);
  assert.ok(item, `${file} is in the index`);
  return item;
}

describe('a folder of web pages, feeds, e-mail, PDF and API dumps', () => {
  before(() => {
    assert.ok(sameFolder(workspaceFolder(), fixture('formats')), `the runner opened ${workspaceFolder()}, not test/fixtures/formats`);
  });

  it('indexes every article with its title, date and source; the only problem is the note on the attachment', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    assert.deepStrictEqual(
      index.articles().map(({ article: a }) => [path.basename(a.path), a.title, a.date, a.source]),
      EXPECTED,
    );
    for (const { article: a, mentions } of index.articles()) {
      assert.doesNotMatch(a.text, /<\/?[a-z][^>]*>|&amp;|Share on|Sign up|Return-Path:|Content-Type:/i, a.id);
      for (const m of mentions) assert.strictEqual(a.text.slice(m.start, m.end), m.text);
    }
    const problems = vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'News Lens'));
    assert.deepStrictEqual(
      problems.map(([uri, list]) => [path.basename(uri.fsPath), list.map((d) => [d.severity, d.message])]),
      [['press-release.eml', [[vscode.DiagnosticSeverity.Information, 'attachments not analysed: cruise-calls-2024.pdf (application/pdf, 57 B)']]]],
    );
    assert.deepStrictEqual(newsLens.corpus.gaps, { cancelled: false, skipped: 0, partial: 0 }, 'a note loses nothing: the index is complete');
  });

  it('lists them in the Articles view with date and source, each opening its extracted text', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.articles;
    const rows = provider.getChildren();
    const items = rows.map((r) => provider.getTreeItem(r));
    for (const [, title, date, source] of EXPECTED) {
      const item = items.find((i) => label(i) === title);
      assert.ok(item, `a row for "${title}"`);
      assert.ok(String(item.description ?? '').includes(date ?? '') && String(item.description ?? '').includes(source ?? ''), `${title}: ${String(item.description)}`);
    }
    assert.deepStrictEqual(
      [...new Set(items.map((i) => (i.iconPath instanceof vscode.ThemeIcon ? i.iconPath.id : '')))].sort(),
      ['file-pdf', 'globe', 'json', 'mail', 'rss'],
      'each row shows the kind of file it was read from',
    );
    const pdf = await article('report.pdf');
    const row = rows.find((r) => r.kind === 'article' && r.articleId === pdf.article.id);
    assert.ok(row, 'a row for the PDF article');
    await vscode.commands.executeCommand(Commands.openArticle, row);
    const editor = await waitFor('the PDF article in an editor', () => vscode.window.activeTextEditor?.document.uri.scheme === ARTICLE_SCHEME && vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.getText(), pdf.article.text, 'the news-lens: view shows the text read from the PDF');
  });

  it('shows entity cards over mentions in the news-lens: view of a web page, a feed item, an e-mail and a PDF', async () => {
    const newsLens = await ready();
    for (const file of ['harbour-reopens.html', 'nordic-wire.rss', 'press-release.eml', 'report.pdf']) {
      const item = await article(file);
      const m = item.mentions.find((x) => newsLens.corpus.index.entity(x.entity)?.type === 'person') ?? item.mentions[0];
      assert.ok(m, `${file} has mentions`);
      const entity = newsLens.corpus.index.entity(m.entity);
      assert.ok(entity);
      const editor = await openArticle(item);
      assert.strictEqual(editor.document.uri.scheme, ARTICLE_SCHEME, `${file} opens in the read-only view`);
      assert.strictEqual(editor.document.getText(), item.article.text);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(m.start + 1));
      const text = hoverText(hovers);
      assert.ok(text.includes(`**${escapeMarkdown(entity.name)}**`), `${file}: card for ${entity.name}: ${text}`);
      const ours = hovers.find((h) => hoverText([h]).includes(Commands.revealEntity));
      assert.ok(ours?.range && editor.document.getText(ours.range) === m.text, `${file}: the card covers "${m.text}"`);
    }
  });

  it('merges a person named in a web page and in an e-mail into one entity of the Entities view', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const html = await article('harbour-reopens.html');
    const eml = await article('press-release.eml');
    const shared = index.entitiesIn(html.article.id).filter((e) => index.entitiesIn(eml.article.id).some((x) => x.entity.id === e.entity.id) && e.entity.type === 'person');
    assert.ok(shared.some((e) => /Kjell Olsen/.test(e.entity.name)), `shared people: ${shared.map((e) => e.entity.name).join(', ')}`);
    const { provider } = newsLens.entities;
    const people = provider.getChildren().find((g) => label(provider.getTreeItem(g)).startsWith('People'));
    assert.ok(people, 'a People group');
    const olsen = provider.getChildren(people).find((n) => n.kind === 'entity' && /Kjell Olsen/.test(n.entity.name));
    assert.ok(olsen, 'Kjell Olsen in the Entities view');
    const files = provider.getChildren(olsen).map((n) => (n.kind === 'article' ? path.basename(index.article(n.articleId)?.article.path ?? '') : ''));
    assert.deepStrictEqual(files.sort(), ['harbour-reopens.html', 'press-release.eml']);
  });

  it('renders a summary card for each in the real summaries panel', async () => {
    const newsLens = await ready();
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel);
    const rendered = await waitFor('the page to render the snapshot', () => panel.lastRendered);
    assert.strictEqual(rendered.total, EXPECTED.length);
    const page = await inspectWebview('main.cards');
    for (const [, title, , source] of EXPECTED) {
      assert.ok(page.text.includes(title as string), `a card titled "${title}"`);
      if (source) assert.ok(page.text.includes(source), `the card shows ${source}`);
    }
    assert.doesNotMatch(page.text, /Share on|Sign up|Return-Path|Content-Type|&amp;/);
    panel.dispose();
  });
});
