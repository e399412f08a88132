// `npm start` opens the bundled sample folder itself: News Lens must start on its own and show its
// views, so that a new user does not face a workbench with nothing of News Lens in it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { NewsLensApi } from '../../../src/vscode/extension';
import { extension, workspaceFolder } from '../extensionApi';
import { waitFor } from '../ui';

describe('the bundled sample opened as the folder (npm start)', () => {
  before(() => {
    const seeds = path.join(extension().extensionPath, 'seeds');
    assert.strictEqual(fs.realpathSync(workspaceFolder()), fs.realpathSync(seeds), `the runner opened ${workspaceFolder()}, not the sample folder`);
  });

  it('activates News Lens at startup, without a view or command asking for it', async () => {
    const ext = extension();
    await waitFor('News Lens to activate by itself', () => ext.isActive, 60_000);
  });

  it('shows the News Lens views, with the sample loaded in them', async () => {
    const ext = extension();
    await waitFor('News Lens to activate by itself', () => ext.isActive, 60_000);
    const newsLens: NewsLensApi = ext.exports;
    await waitFor('the Entities view to be visible', () => newsLens.entities.view.visible);
    const index = await newsLens.whenReady();
    assert.ok(index.articles().some((a) => a.article.source === 'Mondo International'), 'the sample article is loaded');
    assert.ok(newsLens.entities.provider.getChildren().length > 0, 'the Entities view has rows');
  });
});
