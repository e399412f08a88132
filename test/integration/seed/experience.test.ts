// What a user sees on the bundled seed article. Several of these depend on the quality of the
// extraction (the full name "Sergei Lavrov" with his role, "Lavrov" alone resolved to him, the
// meeting event); they state what the product must show and are kept strict on purpose.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { hoverText, openArticle, positionOf, ready, seedArticle } from '../ui';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('the seed article in VS Code', () => {
  it('Entities: People contains Sergei Lavrov with his role', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.entities;
    const people = provider.getChildren().find((g) => g.kind === 'type' && g.group.type === 'person');
    assert.ok(people, 'a People group');
    assert.strictEqual(label(provider.getTreeItem(people)), 'People');
    const items = provider.getChildren(people).map((n) => provider.getTreeItem(n));
    const lavrov = items.find((i) => label(i) === 'Sergei Lavrov');
    assert.ok(lavrov, `Sergei Lavrov among People: ${items.map(label).join(', ')}`);
    assert.match(String(lavrov.description), /Foreign Minister/, 'his role is the description');
  });

  it('Events: the meeting of Lavrov and Jaishankar', async () => {
    const newsLens = await ready();
    const { provider } = newsLens.events;
    const events = provider.getChildren().flatMap((d) => provider.getChildren(d));
    const labels = events.map((e) => label(provider.getTreeItem(e)));
    const meeting = events.find((_, i) => /Lavrov/.test(labels[i]) && /Jaishankar/.test(labels[i]));
    assert.ok(meeting, `an event naming Lavrov and Jaishankar among: ${labels.join(' | ') || '(no events)'}`);
    const parts = provider.getChildren(meeting).map((p) => label(provider.getTreeItem(p)));
    assert.ok(parts.includes('Sergei Lavrov') && parts.some((p) => p.includes('Jaishankar')), `participants: ${parts.join(', ')}`);
  });

  it('hovering "Lavrov" shows his card with role and aliases', async () => {
    const newsLens = await ready();
    const editor = await openArticle(seedArticle(newsLens));
    // "During the two-day visit, Lavrov had in-depth exchanges": the surname alone.
    const at = positionOf(editor.document, 'Lavrov', 1);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text, /\*\*Sergei Lavrov\*\* · Person/, text || '(no hover)');
    assert.match(text, /Foreign Minister/, 'role');
    assert.match(text, /Also: .*Lavrov/, 'aliases');
    assert.ok(text.includes(`command:${Commands.revealEntity}?`));
  });

  it('hovering "the" shows no card', async () => {
    const newsLens = await ready();
    const editor = await openArticle(seedArticle(newsLens));
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'the', 2)));
    assert.ok(!text.includes(Commands.revealEntity), text);
  });

  it('the outline lists Sergei Lavrov under People', async () => {
    const newsLens = await ready();
    const editor = await openArticle(seedArticle(newsLens));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const people = symbols.find((s) => s.name === 'People');
    assert.ok(people, `groups: ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(people.children.some((c) => c.name === 'Sergei Lavrov'), `people: ${people.children.map((c) => c.name).join(', ')}`);
  });

  it('Go to Symbol in Workspace finds Sergei Lavrov in the seed', async () => {
    const newsLens = await ready();
    const seed = seedArticle(newsLens);
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lavrov');
    const lavrov = found.find((s) => s.name === 'Sergei Lavrov');
    assert.ok(lavrov, `found: ${found.map((s) => s.name).join(', ')}`);
    assert.strictEqual(lavrov.location.uri.fsPath, seed.article.path);
    assert.strictEqual(lavrov.containerName.startsWith('Person'), true);
  });
});
