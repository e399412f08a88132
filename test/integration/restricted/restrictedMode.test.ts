import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Settings } from '../../../src/vscode/constants';
import { RESTRICTED_SETTINGS } from '../../../src/vscode/corpusService';
import { api, extension, workspaceFolder } from '../extensionApi';

interface UntrustedWorkspaces {
  supported: boolean | 'limited';
  description?: string;
  restrictedConfigurations?: string[];
}

/** What the runner wrote into the untrusted folder's .vscode/settings.json. */
function workspaceSettings(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(workspaceFolder(), '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
}

function outsideFolder(): string {
  const paths = workspaceSettings()['newsLens.corpus.paths'];
  assert.ok(Array.isArray(paths) && typeof paths[0] === 'string', 'the fixture sets newsLens.corpus.paths');
  return paths[0] as string;
}

describe('Restricted Mode: a workspace nobody trusted', () => {
  before(() => {
    const outside = outsideFolder();
    assert.ok(path.isAbsolute(outside) && path.relative(workspaceFolder(), outside).startsWith('..'), `${outside} lies outside the workspace`);
    assert.ok(fs.readdirSync(outside).some((f) => f.endsWith('.txt')), 'the outside folder holds an article');
    assert.ok(fs.lstatSync(path.join(workspaceFolder(), 'linked-notes')).isSymbolicLink(), 'the workspace links to the outside folder');
  });

  it('is untrusted, and News Lens still activates (limited support)', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const declared = extension().packageJSON.capabilities.untrustedWorkspaces as UntrustedWorkspaces;
    assert.strictEqual(declared.supported, 'limited');
    assert.ok(declared.description && declared.description.includes('Restricted Mode'), 'says what Restricted Mode limits');
    assert.deepStrictEqual(
      [...(declared.restrictedConfigurations ?? [])].sort(),
      RESTRICTED_SETTINGS.map((key) => `${Settings.section}.${key}`).sort(),
      'package.json and the corpus service name the same restricted settings',
    );
    await api();
    assert.strictEqual(extension().isActive, true);
  });

  it("does not take the restricted settings from the workspace's settings.json, and takes the others", () => {
    const written = workspaceSettings();
    const config = vscode.workspace.getConfiguration(Settings.section);
    // The same file sets an unrestricted setting: VS Code did read it.
    assert.strictEqual(written[`${Settings.section}.${Settings.summarySentences}`], 2);
    assert.strictEqual(config.get(Settings.summarySentences), 2);
    for (const key of RESTRICTED_SETTINGS) {
      const name = `${Settings.section}.${key}`;
      assert.ok(written[name] !== undefined, `the fixture sets ${name}`);
      assert.strictEqual(config.inspect(key)?.workspaceValue, undefined, `the extension host does not even see the workspace's ${name}`);
      assert.deepStrictEqual(config.get(key), config.inspect(key)?.defaultValue, `${name} keeps its default, not the workspace's ${JSON.stringify(written[name])}`);
    }
  });

  it("indexes the workspace's own article and nothing from outside the workspace", async () => {
    const index = await (await api()).whenReady();
    const root = workspaceFolder();
    assert.strictEqual((await api()).corpus.usingSample, false);
    assert.deepStrictEqual(
      index.articles().map((a) => path.relative(root, a.article.path).split(path.sep).join('/')),
      ['museum-reopens.txt'],
    );
    assert.ok(!index.articles().some((a) => a.article.text.includes('Brennholt')), 'the outside article was read');
    assert.ok(!index.entities().some((e) => e.name.includes('Brennholt')), 'an entity of the outside article is in the index');
    const skipped = index.diagnostics.filter((d) => path.basename(d.path) === 'linked-notes');
    assert.strictEqual(skipped.length, 1, `one message for the link out of the workspace; diagnostics: ${JSON.stringify(index.diagnostics)}`);
    assert.match(skipped[0].message, /outside the corpus folder \(Restricted Mode\)/);
  });
});
