// Identity across articles as a user meets it (test/fixtures/identity, loaded through the corpus
// paths setting): a short name kept apart from the full name it may stand for says so in its hover
// card and under its node in the Entities view; an acronym one article defines is that article's.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../src/core/render/markdown';
import { Commands } from '../../../src/vscode/constants';
import type { EntityTreeNode } from '../../../src/vscode/features/entities/entitiesTree';
import { fixture, hoverText, positionOf, ready, useCorpus, waitFor } from '../ui';

describe('identity across articles', () => {
  const folder = fixture('identity');

  before(async () => {
    const newsLens = await useCorpus([folder]);
    assert.strictEqual(newsLens.corpus.index.articles().length, 5);
  });
  after(() => useCorpus(undefined));

  async function hoverOver(file: string, word: string): Promise<string> {
    const doc = await vscode.workspace.openTextDocument(path.join(folder, file));
    await vscode.window.showTextDocument(doc);
    return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, word)));
  }

  it('the card over a short name kept apart names the entity it may be, with a link that reveals it', async () => {
    const text = await hoverOver('breakwater-plan.txt', 'Ribeiro');
    assert.ok(text.includes('**Ribeiro**'), text);
    assert.ok(text.includes('**Possibly the same as:**'), text);
    const link = /\[Ana Ribeiro\]\((command:[^ )]+)/.exec(text);
    assert.ok(link, text);
    assert.ok(link[1].startsWith(`command:${Commands.revealEntity}?`), link[1]);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1].split('?')[1])), ['person:ana-ribeiro']);
  });

  it('the Entities view lists it under the entity, and a click reveals that entity', async () => {
    const { provider, view } = (await ready()).entities;
    const node = provider.entityNode('person:ribeiro');
    assert.ok(node, 'Ribeiro is in the view');
    const maybe = provider.getChildren(node).filter((n) => n.kind === 'possibleSame');
    assert.deepStrictEqual(
      maybe.map((n) => (n.kind === 'possibleSame' ? n.other.id : '')),
      ['person:ana-ribeiro'],
    );
    const item = provider.getTreeItem(maybe[0]);
    assert.strictEqual(item.label, 'Possibly the same as Ana Ribeiro');
    assert.strictEqual(provider.getParent(maybe[0])?.id, node.id);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const selected = await waitFor('Ana Ribeiro to be selected', () => {
      const s = view.selection[0] as EntityTreeNode | undefined;
      return s?.kind === 'entity' && s.entity.id === 'person:ana-ribeiro' ? s : undefined;
    });
    assert.strictEqual(selected.kind, 'entity');
  });

  it('an acronym one article defines is that article\'s: "BBC" is the bowls club there and the broadcaster elsewhere', async () => {
    assert.ok((await hoverOver('bowls-club.txt', 'BBC')).includes(`**${escapeMarkdown('Benavista Bowls Club')}**`));
    const elsewhere = await hoverOver('licence-fee.txt', 'BBC');
    assert.ok(elsewhere.includes('**BBC**') && !elsewhere.includes('Benavista'), elsewhere);
  });
});

