// Find All References and Go to Definition across a corpus of two articles that name the same
// people and places (test/fixtures/two-articles), loaded through the corpus paths setting.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixture, positionOf, useCorpus } from '../ui';

describe('references across two articles', () => {
  const folder = fixture('two-articles');
  const berlin = path.join(folder, 'summit-berlin.txt');
  const paris = path.join(folder, 'paris-visit.txt');

  before(async () => {
    const newsLens = await useCorpus([folder]);
    assert.deepStrictEqual(newsLens.corpus.index.articles().map((a) => a.article.path).sort(), [paris, berlin].sort());
  });
  after(() => useCorpus(undefined));

  async function references(file: string, word: string, nth = 0): Promise<vscode.Location[]> {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, word, nth));
  }

  async function texts(locations: vscode.Location[]): Promise<string[]> {
    const out: string[] = [];
    for (const l of locations) out.push(`${path.basename(l.uri.fsPath)}:${(await vscode.workspace.openTextDocument(l.uri)).getText(l.range)}`);
    return out.sort();
  }

  it('lists every mention of a place in both articles', async () => {
    const found = await texts(await references(berlin, 'Paris'));
    assert.deepStrictEqual(found, ['paris-visit.txt:Paris', 'paris-visit.txt:Paris', 'summit-berlin.txt:Paris'], found.join(', '));
  });

  it('lists every mention of a person, full name and surname, in both articles', async () => {
    const found = await texts(await references(paris, 'Merkel', 2));
    assert.deepStrictEqual(
      found.filter((f) => f.startsWith('summit-berlin.txt')),
      ['summit-berlin.txt:Angela Merkel', 'summit-berlin.txt:Merkel', 'summit-berlin.txt:Merkel', 'summit-berlin.txt:Merkel'],
      found.join(', '),
    );
    assert.deepStrictEqual(
      found.filter((f) => f.startsWith('paris-visit.txt')),
      ['paris-visit.txt:Angela Merkel', 'paris-visit.txt:Merkel', 'paris-visit.txt:Merkel'],
      found.join(', '),
    );
  });

  it('goes from a later mention to the first one in the same article', async () => {
    const doc = await vscode.workspace.openTextDocument(paris);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'Paris', 1));
    const ranges = defs.map((d) => ('targetRange' in d ? d.targetRange : d.range));
    const first = positionOf(doc, 'Paris', 0);
    assert.ok(ranges.some((r) => r.contains(first)), 'the first "Paris" of the article');
  });
});
