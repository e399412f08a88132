// Article text is hostile: HTML and script, markdown and command links, unusual Unicode. Here it
// goes through the real surfaces (the summaries webview, hover cards as the workbench renders
// them, the tree) and must come out as text, with offsets intact.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../../src/core/index/corpusIndex';
import type { Mention } from '../../../src/core/model/types';
import { entityHoverCard } from '../../../src/core/render/hoverCard';
import { escapeMarkdown, oneLine } from '../../../src/core/render/markdown';
import { summaryCard } from '../../../src/core/render/summaryCards';
import { parseWebviewMessage } from '../../../src/shared/protocol';
import { Commands } from '../../../src/vscode/constants';
import type { EntityTreeNode } from '../../../src/vscode/features/entities/entitiesTree';
import { cardMarkdown } from '../../../src/vscode/features/hover/entityHoverProvider';
import { HOSTILE_MARKERS } from '../../support/hostileCorpus';
import { buildIndex, HOSTILE } from '../../unit/support/builtIndex';
import { workspaceFolder } from '../extensionApi';
import { inspectHover, inspectWebview, ready, waitFor } from '../ui';

const OUR_COMMANDS = [Commands.revealEntity, Commands.showMentions, Commands.openSummaries];
/** The corrections a card offers too (Detach Alias… only for an entity with aliases). */
const CORRECTIONS: string[] = [Commands.renameEntity, Commands.retypeEntity, Commands.mergeEntity, Commands.detachAlias, Commands.ignoreEntity];
const ALL_OURS: string[] = [...OUR_COMMANDS, ...CORRECTIONS];

async function article(file: string): Promise<IndexedArticle> {
  const index = await (await ready()).whenReady();
  const [item] = index.articlesAt(path.join(workspaceFolder(), file));
  assert.ok(item, `${file} is indexed`);
  return item;
}

function mentionOf(item: IndexedArticle, text: string): Mention {
  const m = item.mentions.find((x) => x.text === text);
  assert.ok(m, `"${text}" is a mention in ${item.article.path} (mentions: ${item.mentions.map((x) => x.text).join(' | ')})`);
  return m;
}

/** Our card at `offset` of `doc`: its markdown, and the range it covers. */
async function ourHover(doc: vscode.TextDocument, offset: number): Promise<{ markdown: vscode.MarkdownString; range: vscode.Range | undefined }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  const ours = hovers.flatMap((h) => h.contents.map((c) => ({ c, range: h.range }))).filter(({ c }) => typeof c !== 'string' && c.value.includes(`command:${Commands.revealEntity}`));
  assert.strictEqual(ours.length, 1, `one News Lens card at ${offset}`);
  return { markdown: ours[0].c as vscode.MarkdownString, range: ours[0].range };
}

/**
 * Markdown that can only render as text plus our own links: every link target is one of our
 * commands, and no image, HTML tag or theme icon other than our type icon is left unescaped.
 */
function assertInert(markdown: string): void {
  const unescaped = (re: RegExp): string[] => [...markdown.matchAll(re)].map((m) => m[0]);
  const targets = [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((m) => m[1]);
  assert.ok(targets.length >= OUR_COMMANDS.length, `our links are there: ${markdown}`);
  for (const target of targets) assert.ok(ALL_OURS.some((c) => target.startsWith(`command:${c}?`)), `only links to our commands, not ${target}`);
  assert.deepStrictEqual(unescaped(/(?<!\\)!\[/g), [], 'no image');
  assert.deepStrictEqual(unescaped(/(?<!\\)<[a-z/!]/gi), [], 'no HTML');
  assert.deepStrictEqual(
    unescaped(/(?<!\\)\$\([^)]*\)/g).filter((icon) => !/^\$\((person|organization|location|calendar|briefcase|globe)\)$/.test(icon)),
    [],
    'no theme icon but the type icon',
  );
}

describe('hostile corpus: hostile text', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    (await ready()).summaries.panel?.dispose();
  });
  after(async () => {
    (await ready()).summaries.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hover cards escape markdown, images and command links from article text; only our commands are trusted', async () => {
    const item = await article('markdown-links.md');
    const doc = await vscode.workspace.openTextDocument(item.article.path);
    // Names are cut at markup: "[Olsen](command:...)" names "Olsen", never the link.
    const olsen = mentionOf(item, 'Olsen');
    const berg = item.mentions.filter((m) => m.text === 'Berg').pop();
    assert.ok(berg, 'a mention of Berg');
    for (const m of [berg, olsen]) {
      const { markdown, range } = await ourHover(doc, m.start);
      assertInert(markdown.value);
      const enabled = (markdown.isTrusted as { enabledCommands?: string[] }).enabledCommands ?? [];
      assert.deepStrictEqual(
        enabled.filter((c) => !CORRECTIONS.includes(c)),
        OUR_COMMANDS,
        'trusted for our commands only',
      );
      assert.ok(enabled.every((c) => ALL_OURS.includes(c)), `trusted for our commands only: ${enabled.join(', ')}`);
      assert.notStrictEqual(markdown.supportHtml, true, 'no HTML');
      assert.ok(range && doc.getText(range) === m.text, 'the card covers the mention');
    }
    for (const name of ['Olsen', 'Dahl', 'Mette Ba']) {
      const card = await ourHover(doc, mentionOf(item, name).start);
      assertInert(card.markdown.value);
      assert.ok(card.markdown.value.includes(`**${escapeMarkdown(name)}**`), card.markdown.value);
      assert.doesNotMatch(card.markdown.value, /workbench\.action|tracker\.example|\$\(alert\)/, 'nothing of the markup around the name reaches the card');
    }
  });

  it('the workbench renders that card as text: no image, links only to our commands', async () => {
    const item = await article('markdown-links.md');
    await vscode.window.showTextDocument(vscode.Uri.file(item.article.path), { preview: false });
    const seen = await inspectHover('Olsen', 'Olsen');
    assert.ok(seen.text.includes('Olsen') && !seen.text.includes('command:workbench'), `the name shows without the link around it: ${seen.text}`);
    assert.strictEqual(seen.images, 0, 'no image');
    assert.ok(seen.links.length >= OUR_COMMANDS.length, `our links: ${seen.links.join(', ')}`);
    for (const link of seen.links) assert.ok(ALL_OURS.some((c) => link.startsWith(`command:${c}`)), `only our commands: ${link}`);
  });

  it('the workbench shows icon syntax from article text as text: only the type icon of the card is drawn', async () => {
    // No entity of the corpus carries "$(zap)" (names are cut at markup), so the card is built from
    // a hand-made index and shown through the provider's own markdown, over a scratch document.
    const index = buildIndex([HOSTILE]);
    const entity = index.entities().find((e) => e.name.includes('$(zap)'));
    assert.ok(entity);
    const card = entityHoverCard(index, entity, { revealEntity: Commands.revealEntity, showMentions: Commands.showMentions, openSummaries: Commands.openSummaries });
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Zapcorp met the board on Monday.' });
    await vscode.window.showTextDocument(doc);
    const provider = vscode.languages.registerHoverProvider({ scheme: 'untitled' }, { provideHover: () => new vscode.Hover(cardMarkdown(card)) });
    try {
      const seen = await inspectHover('Zapcorp', 'Evil');
      assert.ok(seen.text.includes('$(zap)'), `the text shows "$(zap)": ${seen.text}`);
      assert.deepStrictEqual(seen.icons, ['codicon-organization'], 'the type icon, and no other');
    } finally {
      provider.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the summaries panel shows script, img, textarea and javascript: text as text, and runs none of it', async () => {
    const newsLens = await ready();
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel, 'the panel is open');
    const received: unknown[] = [];
    const sub = panel.panel.webview.onDidReceiveMessage((m) => received.push(m));
    try {
      await waitFor('the page to render', () => panel.lastRendered);
      const html = await article('html-script.txt');
      const links = await article('markdown-links.md');
      const seen = await inspectWebview('main.cards');
      // The payloads would set the title; the page keeps its own.
      assert.strictEqual(seen.title, 'News Lens Summaries');
      for (const marker of [HOSTILE_MARKERS.script, HOSTILE_MARKERS.img, HOSTILE_MARKERS.textarea, HOSTILE_MARKERS.jsLink, HOSTILE_MARKERS.commandLink, HOSTILE_MARKERS.trackerImage]) {
        assert.ok(seen.text.includes(marker), `shown as text: ${marker}`);
      }
      assert.ok(seen.text.includes(html.article.title) && seen.text.includes(links.article.title), 'hostile titles shown as text');
      assert.deepStrictEqual(
        seen.scripts.map((s) => s.split('/').pop()),
        ['#_vscodeApiScript', 'webview.js'],
        "the page runs VS Code's webview API script and its own, nothing else",
      );
      for (const tag of ['img', 'iframe', 'object', 'embed', 'textarea', 'a', 'b', 'form', 'svg', 'video', 'audio', 'base']) assert.strictEqual(seen.elements[tag], 0, `no <${tag}> element`);
      assert.deepStrictEqual(seen.handlers, [], 'no inline event handler');
      assert.deepStrictEqual(
        seen.urls.filter((u) => /javascript:|tracker\.example|command:|^x$/i.test(u)),
        [],
        'no URL from article text',
      );
      // Everything the page sent is the page's own: valid protocol messages, no click.
      for (const m of received) {
        const parsed = parseWebviewMessage(m);
        assert.ok(parsed && (parsed.type === 'ready' || parsed.type === 'rendered'), `unexpected message ${JSON.stringify(m)}`);
      }
    } finally {
      sub.dispose();
    }
  });

  it('names with RTL marks, combining characters, emoji and zero-width characters keep exact ranges in the tree, hovers and the panel', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const item = await article('unicode-names.txt');
    const doc = await vscode.workspace.openTextDocument(item.article.path);
    const names = ['Zoë Saldaña', 'Renée Fleming', 'José Ñúñez', 'Ya\u0301el Cohen', 'Tel Aviv', 'Zürich'];
    for (const name of names) mentionOf(item, name);
    for (const m of item.mentions) {
      assert.strictEqual(doc.getText(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))), m.text, 'the mention offsets are document offsets');
      const { range } = await ourHover(doc, m.start);
      assert.ok(range, `a card over ${m.text}`);
      assert.strictEqual(doc.getText(range), m.text, 'the card covers exactly the mention');
    }

    // The tree: each entity of the article → this article → its mentions open exactly the mention.
    const { provider } = newsLens.entities;
    const entityNodes = provider.getChildren().flatMap((g) => provider.getChildren(g));
    for (const { entity, mentions } of index.entitiesIn(item.article.id)) {
      const node = entityNodes.find((n) => n.kind === 'entity' && n.entity.id === entity.id);
      assert.ok(node, `${entity.name} is in the Entities view`);
      const label = provider.getTreeItem(node).label;
      assert.strictEqual(typeof label === 'string' ? label : label?.label, entity.name);
      const articleNode = provider.getChildren(node).find((n) => n.kind === 'article' && n.articleId === item.article.id);
      assert.ok(articleNode);
      const mentionNodes = provider.getChildren(articleNode) as Extract<EntityTreeNode, { kind: 'mention' }>[];
      assert.strictEqual(mentionNodes.length, mentions.length);
      for (const mn of mentionNodes) {
        const tree = provider.getTreeItem(mn);
        const treeLabel = tree.label as vscode.TreeItemLabel;
        const [from, to] = treeLabel.highlights?.[0] ?? [0, 0];
        assert.strictEqual(treeLabel.label.slice(from, to), oneLine(mn.mention.text), 'the snippet highlights the mention');
        const options = tree.command?.arguments?.[1] as vscode.TextDocumentShowOptions;
        assert.ok(options.selection);
        assert.strictEqual(doc.getText(options.selection), mn.mention.text, 'clicking opens exactly the mention');
      }
    }

    // The panel: the card shows the names as they are written, and its chips.
    await vscode.commands.executeCommand(Commands.openSummaries);
    const panel = newsLens.summaries.panel;
    assert.ok(panel);
    await waitFor('the page to render', () => panel.lastRendered);
    const seen = await inspectWebview(`.card[data-article-id="${item.article.id}"]`);
    for (const name of names) assert.ok(seen.text.includes(name), `the card shows ${name}: ${seen.text}`);
    for (const chip of summaryCard(index, item).chips) assert.ok(seen.text.includes(chip.name), `chip ${chip.name}`);
  });
});
