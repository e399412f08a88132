// Text as scrapers leave it, through the editor's own navigation: half an emoji in a JSON title
// or id (a lone surrogate, which encodeURIComponent refuses), and a file whose line endings VS Code
// normalises when it opens it (one CRLF in an LF file), which moves every later offset.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../../src/core/index/corpusIndex';
import { Commands } from '../../../src/vscode/constants';
import type { EntityTreeNode } from '../../../src/vscode/features/entities/entitiesTree';
import { LONE_SURROGATE_RECORDS, MIXED_EOL } from '../../support/hostileCorpus';
import { workspaceFolder } from '../extensionApi';
import { ready } from '../ui';

async function articlesOf(file: string): Promise<IndexedArticle[]> {
  const index = await (await ready()).whenReady();
  const items = index.articlesAt(path.join(workspaceFolder(), file));
  assert.ok(items.length > 0, `${file} is indexed`);
  return items;
}

/** Where an offset of the file's text lies as VS Code counts lines (\r\n, \r and \n each end one); computed here, not by the code under test. */
function positionInFile(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\r|\n/g)];
  const last = breaks[breaks.length - 1];
  return new vscode.Position(breaks.length, last ? offset - ((last.index ?? 0) + last[0].length) : offset);
}

describe('hostile corpus: lone surrogates and mixed line endings', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a title or id holding half a surrogate pair opens, and navigation over the whole corpus works', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const cut = await articlesOf('lone-surrogates.jsonl');
    assert.deepStrictEqual(
      cut.map((a) => a.article.id),
      LONE_SURROGATE_RECORDS.map((r) => r.id),
    );
    const macron = index.searchEntities('Macron').find((e) => e.type === 'person');
    assert.ok(macron, 'Emmanuel Macron is an entity');

    // Go to Symbol in Workspace lists the entity at mentions in every article, these included.
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Macron');
    assert.ok(symbols.some((s) => s.name === macron.name), `symbols: ${symbols.map((s) => s.name).join(', ')}`);

    // Find All References from a good article (a plain file) reaches the cut records' views.
    const good = (await articlesOf('mixed-eol.txt'))[0];
    const doc = await vscode.workspace.openTextDocument(good.article.path);
    const first = good.mentions.find((m) => m.entity === macron.id);
    assert.ok(first);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionInFile(good.article.text, first.start + 1));
    const views = refs.filter((r) => r.uri.scheme === 'news-lens');
    assert.strictEqual(views.length, index.mentionsOf(macron.id).filter((m) => cut.some((c) => c.article.id === m.articleId)).length, 'every mention in the cut records');
    for (const ref of views) {
      const view = await vscode.workspace.openTextDocument(ref.uri);
      const item = cut.find((c) => c.article.text === view.getText());
      assert.ok(item, `the view ${ref.uri.toString()} shows a cut record's text`);
      assert.ok(/Macron$/.test(view.getText(ref.range)), `the reference selects Macron: ${view.getText(ref.range)}`);
    }

    // Show All Mentions and the mention rows of the Entities view.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(Commands.showMentions, macron.id);
    const { provider } = newsLens.entities;
    const node = provider
      .getChildren()
      .flatMap((g) => provider.getChildren(g))
      .find((n) => n.kind === 'entity' && n.entity.id === macron.id);
    assert.ok(node, 'Macron is in the Entities view');
    for (const item of cut) {
      const articleNode: EntityTreeNode | undefined = provider.getChildren(node).find((n) => n.kind === 'article' && n.articleId === item.article.id);
      assert.ok(articleNode, `the cut record ${JSON.stringify(item.article.id)} is listed under Macron`);
      const rows = provider.getChildren(articleNode) as Extract<EntityTreeNode, { kind: 'mention' }>[];
      for (const row of rows) {
        const command = provider.getTreeItem(row).command;
        const [uri, options] = (command?.arguments ?? []) as [vscode.Uri, vscode.TextDocumentShowOptions];
        const editor = await vscode.window.showTextDocument(uri, options);
        assert.strictEqual(editor.document.getText(), item.article.text);
        assert.strictEqual(editor.document.getText(editor.selection), row.mention.text, 'clicking the row selects the mention');
      }
    }
  });

  it('a file VS Code opens with other line endings keeps every mention on its text: hovers, decorations, outline, references, definition', async () => {
    const newsLens = await ready();
    const [item] = await articlesOf('mixed-eol.txt');
    assert.strictEqual(item.article.text, MIXED_EOL);
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(item.article.path), { preview: false });
    const doc = editor.document;
    assert.notStrictEqual(doc.getText(), item.article.text, 'VS Code normalised the line endings');
    assert.ok(item.mentions.length >= 10, `mentions: ${item.mentions.map((m) => m.text).join(', ')}`);

    for (const m of item.mentions) {
      const at = positionInFile(item.article.text, m.start);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at.translate(0, 1));
      const ours = hovers.filter((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes(`command:${Commands.revealEntity}`)));
      assert.strictEqual(ours.length, 1, `a card over "${m.text}" at ${at.line}:${at.character}`);
      assert.strictEqual(doc.getText(ours[0].range), m.text, 'the card covers exactly the mention');
    }

    const decorated = [...newsLens.decorations.rangesFor(editor).values()].flat();
    assert.deepStrictEqual(decorated.map((r) => doc.getText(r)).sort(), item.mentions.map((m) => m.text).sort(), 'every mention is underlined, on its text');

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const children = symbols.flatMap((s) => s.children);
    assert.ok(children.length > 0);
    for (const s of children) assert.ok(item.mentions.some((m) => m.text === doc.getText(s.selectionRange)), `the outline selects a mention, not "${doc.getText(s.selectionRange)}"`);

    const later = [...item.mentions].reverse().find((m) => m.text === 'Macron');
    assert.ok(later);
    const laterAt = positionInFile(item.article.text, later.start + 1);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, laterAt);
    const target = defs.map((d) => ('targetRange' in d ? d.targetRange : d.range))[0];
    assert.ok(target);
    const firstOfEntity = item.mentions.find((m) => m.entity === later.entity);
    assert.strictEqual(doc.getText(target), firstOfEntity?.text, 'Go to Definition selects the first mention');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, laterAt);
    const here = refs.filter((r) => r.uri.fsPath === doc.uri.fsPath);
    assert.deepStrictEqual(here.map((r) => doc.getText(r.range)).sort(), item.mentions.filter((m) => m.entity === later.entity).map((m) => m.text).sort());
  });
});
