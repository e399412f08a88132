// The generated hostile corpus (test/support/hostileCorpus.ts) opened as the workspace: every bad
// file is one problem with its reason, in the Problems panel and the log; the rest loads; the UI
// never presents the index as the whole corpus; the per-file limits follow their settings.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { NewsLensApi } from '../../../src/vscode/extension';
import { Settings } from '../../../src/vscode/constants';
import { hostileExpectations } from '../../support/hostileCorpus';
import { extension, sameFolder, workspaceFolder } from '../extensionApi';
import { ready, waitFor } from '../ui';

const expected = hostileExpectations();

function rel(file: string): string {
  return path.relative(workspaceFolder(), file).split(path.sep).join('/');
}

/** The News Lens entries of the Problems panel, by path relative to the workspace. */
function problems(): Map<string, vscode.Diagnostic[]> {
  const out = new Map<string, vscode.Diagnostic[]>();
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    const ours = list.filter((d) => d.source === 'News Lens');
    if (ours.length) out.set(rel(uri.fsPath), ours);
  }
  return out;
}

/** Changes a setting (user settings, as a user would) and waits for the re-index it causes; nothing when it already has that value. */
async function reloadWith(key: string, value: unknown): Promise<NewsLensApi> {
  const newsLens = await ready();
  const config = vscode.workspace.getConfiguration(Settings.section);
  if (JSON.stringify(config.inspect(key)?.globalValue) === JSON.stringify(value)) return newsLens;
  const before = newsLens.corpus.index;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(`the corpus to reload after ${key} changed`, () => newsLens.corpus.index !== before && newsLens.corpus.state !== 'indexing', 60_000);
  await newsLens.whenReady();
  return newsLens;
}

async function logText(newsLens: NewsLensApi): Promise<string> {
  return fs.readFile(path.join(newsLens.logUri.fsPath, 'News Lens.log'), 'utf8').catch(() => '');
}

// Skipped files, the folder link that loops back, and the partly loaded JSONL file.
const SKIPPED = Object.keys(expected.skipped).length + 1;
const INCOMPLETE = `Index incomplete: ${SKIPPED} files skipped, 1 file partly loaded \u2014 see Problems.`;

describe('hostile corpus: bad files', () => {
  before(() => {
    assert.ok(sameFolder(workspaceFolder(), path.join(extension().extensionPath, 'test', 'fixtures', 'hostile')), `the runner opened ${workspaceFolder()}, not the hostile corpus`);
  });

  it('loads every good file, the good lines of a broken JSONL file, and nothing of the bad ones', async () => {
    const index = await (await ready()).whenReady();
    for (const [file, title] of Object.entries(expected.loads)) {
      const titles = index.articlesAt(path.join(workspaceFolder(), file)).map((a) => a.article.title);
      assert.ok(titles.includes(title), `${file} loads (titles: ${JSON.stringify(titles)})`);
    }
    assert.deepStrictEqual(
      index.articlesAt(path.join(workspaceFolder(), 'partial.jsonl')).map((a) => a.article.id),
      ['p1', 'p4'],
    );
    for (const file of Object.keys(expected.skipped)) assert.deepStrictEqual(index.articlesAt(path.join(workspaceFolder(), file)), [], `${file} is not in the index`);
    assert.strictEqual(index.size, Object.keys(expected.loads).length + 2, 'one article per good file, two from partial.jsonl and from lone-surrogates.jsonl');
  });

  it('puts each problem in the Problems panel once, on its file, with the reason', async () => {
    await ready();
    const found = problems();
    const expectedPaths = [...Object.keys(expected.skipped), 'loop/back-to-parent', 'partial.jsonl'].sort();
    assert.deepStrictEqual([...found.keys()].sort(), expectedPaths, 'exactly the bad files have problems');
    for (const [file, reason] of Object.entries(expected.skipped)) {
      const list = found.get(file) ?? [];
      assert.strictEqual(list.length, 1, `${file}: one problem (${list.map((d) => d.message).join(' | ')})`);
      assert.match(list[0].message, reason, file);
      assert.strictEqual(list[0].severity, vscode.DiagnosticSeverity.Error, file);
    }
    const loop = found.get('loop/back-to-parent') ?? [];
    assert.deepStrictEqual(
      loop.map((d) => [d.severity, /symbolic link loop/.test(d.message)]),
      [[vscode.DiagnosticSeverity.Warning, true]],
    );
    const jsonl = found.get('partial.jsonl') ?? [];
    assert.deepStrictEqual(
      jsonl.map((d) => d.range.start.line),
      [1, 2],
      'each broken line is reported on its line',
    );
    for (const d of jsonl) assert.match(d.message, /malformed JSON.*line skipped/);
  });

  it('reports the 50 MB file with the limit and the setting that sets it', async () => {
    await ready();
    const [huge] = problems().get('huge.txt') ?? [];
    assert.ok(huge, 'huge.txt has a problem');
    assert.strictEqual(huge.message, 'skipped: 50.0 MB is over the 20.0 MB per-file limit (newsLens.index.maxFileSizeMB)');
  });

  it('writes every problem to the News Lens log, with the file and the reason', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    const log = await waitFor('the log to hold every problem', async () => {
      const text = await logText(newsLens);
      return index.diagnostics.every((d) => text.includes(`${d.path}${d.line ? `:${d.line}` : ''}: ${d.message}`)) && text.includes(INCOMPLETE) && text;
    });
    assert.ok(log.includes(INCOMPLETE), 'the log says the index is incomplete');
  });

  it('never passes the index off as the whole corpus: Entities view message, status bar, API', async () => {
    const newsLens = await ready();
    const index = newsLens.corpus.index;
    assert.deepStrictEqual(newsLens.corpus.gaps, { cancelled: false, skipped: SKIPPED, partial: 1 });
    assert.strictEqual(newsLens.entities.view.message, INCOMPLETE);
    const n = index.size;
    const m = index.entities().length;
    assert.strictEqual(newsLens.statusBar.text, `$(warning) News Lens: ${n} articles \u00b7 ${m} entities \u00b7 ${SKIPPED} skipped`);
    assert.ok(String(newsLens.statusBar.tooltip).includes(INCOMPLETE), String(newsLens.statusBar.tooltip));
    assert.ok(newsLens.statusBar.accessibilityInformation?.label.includes(INCOMPLETE));
  });

  it('follows newsLens.index.maxFileSizeMB: a lower limit skips the 5 MB file, naming the setting', async () => {
    try {
      const newsLens = await reloadWith(Settings.maxFileSizeMB, 1);
      const index = newsLens.corpus.index;
      assert.deepStrictEqual(index.articlesAt(path.join(workspaceFolder(), 'long-line.txt')), []);
      assert.deepStrictEqual(
        (problems().get('long-line.txt') ?? []).map((d) => d.message),
        ['skipped: 5.0 MB is over the 1.0 MB per-file limit (newsLens.index.maxFileSizeMB)'],
      );
      assert.strictEqual(newsLens.corpus.gaps.skipped, SKIPPED + 1);
    } finally {
      await reloadWith(Settings.maxFileSizeMB, undefined);
    }
    const newsLens = await ready();
    assert.strictEqual(newsLens.corpus.index.articlesAt(path.join(workspaceFolder(), 'long-line.txt')).length, 1, 'back under the default limit');
    assert.strictEqual(problems().has('long-line.txt'), false);
  });

  it('follows newsLens.index.fileTimeoutSeconds: a file that takes longer is skipped, the others load', async () => {
    // An article that takes over ten seconds to analyse, next to a short one. The limit counts from
    // when a file is handed to a worker, which for a fresh worker includes its start (about a second).
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-lens-slow-'));
    const sentence = (i: number): string => `On Monday Anna Berg told reporters in Oslo that Lars Olsen would meet the Norwegian Red Cross in Bergen on day ${i}. `;
    await fs.writeFile(path.join(dir, 'slow.txt'), `A long report\n\n${Array.from({ length: 10_000 }, (_, i) => sentence(i)).join('')}\n`);
    await fs.writeFile(path.join(dir, 'short.txt'), 'Ferry resumes in Helsinki\n\nThe ferry to Tallinn resumed service from Helsinki on Monday.\n');
    try {
      await reloadWith(Settings.fileTimeoutSeconds, 3);
      const newsLens = await reloadWith(Settings.corpusPaths, [dir]);
      const index = newsLens.corpus.index;
      assert.deepStrictEqual(
        index.articles().map((a) => path.basename(a.article.path)),
        ['short.txt'],
        JSON.stringify(index.diagnostics),
      );
      assert.deepStrictEqual(
        index.diagnostics.map((d) => [path.basename(d.path), d.message]),
        [['slow.txt', 'analysis took longer than 3 s (newsLens.index.fileTimeoutSeconds); file skipped']],
      );
      assert.deepStrictEqual(newsLens.corpus.gaps, { cancelled: false, skipped: 1, partial: 0 });
    } finally {
      await reloadWith(Settings.corpusPaths, undefined);
      await reloadWith(Settings.fileTimeoutSeconds, undefined);
      await fs.rm(dir, { recursive: true, force: true });
    }
    const newsLens = await ready();
    assert.deepStrictEqual(newsLens.corpus.gaps, { cancelled: false, skipped: SKIPPED, partial: 1 }, 'the hostile corpus is back');
  });
});
