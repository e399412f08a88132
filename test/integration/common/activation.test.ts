import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Views } from '../../../src/vscode/constants';
import { api, extension } from '../extensionApi';

interface Contributes {
  commands: { command: string }[];
  viewsContainers: { activitybar: { id: string }[] };
  views: Record<string, { id: string }[]>;
}

const contributes = (): Contributes => extension().packageJSON.contributes as Contributes;

describe('extension activation', () => {
  it('activates and returns an API whose whenReady() resolves with the loaded index', async () => {
    const ext = extension();
    const newsLens = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    const index = await newsLens.whenReady();
    assert.ok(index.size > 0, `the index holds articles (size ${index.size})`);
    assert.strictEqual(newsLens.corpus.index, index);
    assert.strictEqual(newsLens.corpus.state, 'ready');
  });

  it('registers every command contributed in package.json', async () => {
    await api();
    const contributed = contributes().commands.map((c) => c.command);
    assert.deepStrictEqual([...contributed].sort(), Object.values(Commands).sort(), 'package.json and constants.ts list the same commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
      'contributed commands without a handler',
    );
  });

  it('contributes the News Lens view container and its three views, which open', async () => {
    await api();
    assert.deepStrictEqual(
      contributes().viewsContainers.activitybar.map((c) => c.id),
      [Views.container],
    );
    const views = contributes().views[Views.container].map((v) => v.id);
    assert.deepStrictEqual(views, [Views.entities, Views.events, Views.articles]);
    // The workbench registers these commands only for view containers and views that exist, and
    // executing an unknown command rejects.
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
    for (const view of views) await vscode.commands.executeCommand(`${view}.focus`);
  });

  it('reloads the corpus through the Refresh command', async () => {
    const newsLens = await api();
    const before = await newsLens.whenReady();
    await vscode.commands.executeCommand(Commands.refresh);
    const after = await newsLens.whenReady();
    assert.notStrictEqual(after, before, 'a reload builds a new index');
    assert.deepStrictEqual(
      after.articles().map((a) => a.article.path),
      before.articles().map((a) => a.article.path),
    );
  });
});
