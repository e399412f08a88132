import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/vscode/constants';
import { workspaceFolder } from '../extensionApi';
import { ready, waitFor } from '../ui';

describe('Restricted Mode: corrections are data', () => {
  const folder = (): string => path.join(workspaceFolder(), '.newslens');

  after(async () => {
    await fs.rm(folder(), { recursive: true, force: true });
    const newsLens = await ready();
    await waitFor('the corrections to be gone', () => newsLens.corpus.index.corrections.decisions.length === 0);
  });

  it('applies the untrusted folder’s curation file and writes corrections to it', async () => {
    const newsLens = await ready();
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.ok(newsLens.corpus.index.entity('person:miriam-okafor'));
    assert.ok(!newsLens.corpus.index.entities().some((e) => e.watchlists), 'the workspace\'s watchlist setting is not read');
    await fs.mkdir(folder(), { recursive: true });
    await fs.writeFile(path.join(folder(), 'curation.json'), JSON.stringify({ version: 1, decisions: [{ op: 'rename', entity: 'Miriam Okafor', to: 'Miriam A. Okafor' }] }));
    await waitFor('the file to be applied', () => newsLens.corpus.index.entity('person:miriam-a-okafor'), 30_000);
    await vscode.commands.executeCommand(Commands.ignoreEntity, 'place:port-elwin');
    await newsLens.curation.lastCorrection;
    assert.strictEqual(newsLens.corpus.index.entity('place:port-elwin'), undefined);
    const written = JSON.parse(await fs.readFile(path.join(folder(), 'curation.json'), 'utf8')) as { decisions: { op: string }[] };
    assert.deepStrictEqual(
      written.decisions.map((d) => d.op),
      ['rename', 'ignore'],
    );
  });
});
