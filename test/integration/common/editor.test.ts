import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../../src/core/index/corpusIndex';
import { escapeMarkdown } from '../../../src/core/render/markdown';
import { Commands, Settings } from '../../../src/vscode/constants';
import { hoverText, openArticle, ready, waitFor } from '../ui';

/** The first plain-text or Markdown article with mentions (in a corpus without any, the first article with mentions, in its news-lens: view), open in an editor. */
async function openFileArticle(): Promise<{ item: IndexedArticle; editor: vscode.TextEditor }> {
  const newsLens = await ready();
  const withMentions = newsLens.corpus.index.articles().filter((a) => a.mentions.length > 0);
  const item = withMentions.find((a) => a.article.format === 'txt' || a.article.format === 'md') ?? withMentions[0];
  assert.ok(item, 'an article with mentions');
  return { item, editor: await openArticle(item) };
}

describe('editor features over the index', () => {
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration(Settings.section);
    await config.update(Settings.hoverEnabled, undefined, vscode.ConfigurationTarget.Global);
    await config.update(Settings.decorationsEnabled, undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the entity card when hovering a mention, trusted for our commands only', async () => {
    const { item, editor } = await openFileArticle();
    const newsLens = await ready();
    const m = item.mentions[0];
    const entity = newsLens.corpus.index.entity(m.entity);
    assert.ok(entity);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(m.start + 1));
    const text = hoverText(hovers);
    assert.ok(text.includes(`**${escapeMarkdown(entity.name)}**`), text);
    assert.ok(text.includes(`${entity.mentionCount} mention`), text);
    for (const command of [Commands.revealEntity, Commands.showMentions, Commands.openSummaries]) assert.ok(text.includes(`command:${command}?`), `links to ${command}`);
    const ours = hovers.find((h) => hoverText([h]).includes(Commands.revealEntity));
    assert.ok(ours?.range, 'the hover covers the mention');
    assert.strictEqual(editor.document.getText(ours.range), m.text);
  });

  it('shows nothing over a word that is not an entity, and nothing when hovers are off', async () => {
    const { item, editor } = await openFileArticle();
    const doc = editor.document;
    // A lower-case word outside every mention ("the" in most articles).
    const words = [...doc.getText().matchAll(/(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu)];
    const word = words.find((w) => !item.mentions.some((m) => m.start < w.index + w[0].length && w.index < m.end));
    assert.ok(word, 'a word that is not a mention');
    const plain = doc.positionAt(word.index + 1);
    const over = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, plain);
    assert.ok(!hoverText(over).includes(Commands.revealEntity), `no card over "${word[0]}"`);

    await vscode.workspace.getConfiguration(Settings.section).update(Settings.hoverEnabled, false, vscode.ConfigurationTarget.Global);
    const off = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(item.mentions[0].start + 1));
    assert.ok(!hoverText(off).includes(Commands.revealEntity), 'no card with newsLens.hover.enabled off');
  });

  it('lists the article entities by type in the outline', async () => {
    const { item, editor } = await openFileArticle();
    const newsLens = await ready();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const ours = symbols.filter((s) => ['People', 'Organizations', 'Places', 'Dates', 'Roles', 'Nationalities'].includes(s.name));
    const inArticle = newsLens.corpus.index.entitiesIn(item.article.id);
    assert.strictEqual(
      ours.reduce((n, g) => n + g.children.length, 0),
      inArticle.length,
      'one symbol per entity of the article',
    );
    for (const group of ours) {
      for (const child of group.children) {
        const e = inArticle.find((x) => x.entity.name === child.name);
        assert.ok(e, `${child.name} is an entity of the article`);
        assert.strictEqual(editor.document.offsetAt(child.selectionRange.start), e.mentions[0].start, 'at its first mention');
      }
    }
  });

  it('finds entities across the corpus with Go to Symbol in Workspace', async () => {
    const newsLens = await ready();
    const entity = newsLens.corpus.index.entities()[0];
    const word = entity.name.split(/\s+/).pop() ?? entity.name;
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', word.slice(0, 4));
    const hit = found.find((s) => s.name === entity.name);
    assert.ok(hit, `${entity.name} among ${found.map((s) => s.name).join(', ')}`);
    const first = newsLens.corpus.index.mentionsOf(entity.id)[0];
    const doc = await vscode.workspace.openTextDocument(hit.location.uri);
    assert.strictEqual(doc.getText(hit.location.range), first.text);
  });

  it('goes to the first mention in the article with Go to Definition', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const twice = index.articles().filter((a) => index.entitiesIn(a.article.id).some((e) => e.mentions.length > 1));
    const item = twice.find((a) => a.article.format === 'txt' || a.article.format === 'md') ?? twice[0];
    assert.ok(item, 'an article naming an entity twice');
    const e = index.entitiesIn(item.article.id).find((x) => x.mentions.length > 1);
    assert.ok(e);
    const editor = await openArticle(item);
    const later = e.mentions[e.mentions.length - 1];
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, editor.document.positionAt(later.start + 1));
    const ranges = defs.map((d) => ('targetRange' in d ? d.targetRange : d.range));
    assert.ok(
      ranges.some((r) => editor.document.offsetAt(r.start) === e.mentions[0].start),
      'points at the first mention',
    );
  });

  it('underlines the mentions of the visible ranges, and none when decorations are off', async () => {
    const { item, editor } = await openFileArticle();
    const newsLens = await ready();
    const byType = newsLens.decorations.rangesFor(editor);
    const ranges = [...byType.values()].flat();
    assert.ok(ranges.length > 0);
    for (const r of ranges) assert.ok(item.mentions.some((m) => m.start === editor.document.offsetAt(r.start) && m.end === editor.document.offsetAt(r.end)), 'each range is a mention');
    const index = newsLens.corpus.index;
    for (const [type, list] of byType) {
      for (const r of list) {
        const m = index.mentionAt(item.article.id, editor.document.offsetAt(r.start));
        assert.strictEqual(m && index.entity(m.entity)?.type, type, 'coloured by its entity type');
      }
    }
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.decorationsEnabled, false, vscode.ConfigurationTarget.Global);
    await waitFor('decorations to turn off', () => [...newsLens.decorations.rangesFor(editor).values()].flat().length === 0);
  });

  it('reveals the entity under the cursor in the Entities view', async () => {
    const { item, editor } = await openFileArticle();
    const newsLens = await ready();
    const m = item.mentions[item.mentions.length - 1];
    editor.selection = new vscode.Selection(editor.document.positionAt(m.start + 1), editor.document.positionAt(m.start + 1));
    await vscode.commands.executeCommand(Commands.revealEntityUnderCursor);
    const node = await waitFor('the entity to be selected', () => {
      const s = newsLens.entities.view.selection[0];
      return s?.kind === 'entity' && s.entity.id === m.entity ? s : undefined;
    });
    assert.ok(node);
  });
});
