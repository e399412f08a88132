// Helpers for the tests of the VS Code experience: waiting on real events, finding words in
// documents, switching the corpus as a user would (settings), and asking the runner to click
// inside a webview (the runner drives the workbench with Playwright; see scripts/host/runIntegration.mjs).
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../src/core/index/corpusIndex';
import type { NewsLensApi } from '../../src/vscode/extension';
import { articleUri } from '../../src/vscode/adapters/positions';
import { Settings } from '../../src/vscode/constants';
import { api, extension } from './extensionApi';

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The next drawing a page reports (its `rendered` message) that passes `done`, once `action` has
 * run: what the page drew after a user's or the host's action.
 */
export function nextRendered<R>(page: { onDidHandleMessage: vscode.Event<{ type: string }>; readonly lastRendered: R | undefined }, done: (r: R) => boolean, action: () => unknown, timeoutMs = 30_000): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the page drew nothing new within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const sub = page.onDidHandleMessage((m) => {
      const r = page.lastRendered;
      if (m.type !== 'rendered' || r === undefined || !done(r)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
    void Promise.resolve(action());
  });
}

/** The ready API with a loaded index. */
export async function ready(): Promise<NewsLensApi> {
  const newsLens = await api();
  await newsLens.whenReady();
  return newsLens;
}

export const SEED_TITLE = 'The Russian Foreign Minister reiterated his support for India s accession to the permanent program';

export function seedArticle(newsLens: NewsLensApi): IndexedArticle {
  const seed = newsLens.corpus.index.articles().find((a) => a.article.title === SEED_TITLE);
  assert.ok(seed, 'the seed article is in the index');
  return seed;
}

/** Opens an article's document (its file, or its read-only news-lens: view) in an editor. */
export async function openArticle(item: IndexedArticle): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(articleUri(item.article), { preview: false });
}

/** The position inside the `nth` whole-word occurrence of `word` (one character in). */
export function positionOf(doc: vscode.TextDocument, word: string, nth = 0): vscode.Position {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  const text = doc.getText();
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text)) !== null) if (i++ === nth) return doc.positionAt(m.index + 1);
  throw new Error(`"${word}" #${nth} is not in ${doc.uri.fsPath}`);
}

/** The plain text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function fixture(...parts: string[]): string {
  return path.join(extension().extensionPath, 'test', 'fixtures', ...parts);
}

/**
 * Points `newsLens.corpus.paths` (user settings) at `paths`, as a user would, and waits until the
 * index holds exactly the articles under them. `undefined` restores the default.
 */
export async function useCorpus(paths: string[] | undefined): Promise<NewsLensApi> {
  const newsLens = await ready();
  const before = newsLens.corpus.index;
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.corpusPaths, paths, vscode.ConfigurationTarget.Global);
  await waitFor('the corpus to reload after a settings change', () => newsLens.corpus.index !== before && newsLens.corpus.state !== 'indexing');
  await newsLens.whenReady();
  return newsLens;
}

/** True when the runner can click inside webviews (code-server + Playwright). */
export function hasUiDriver(): boolean {
  return process.env.NEWS_LENS_UI_DRIVER === '1';
}

let uiRequests = 0;

/**
 * Asks the runner to click the element matching `selector` inside the webview titled `title`,
 * as a user's mouse would. The runner watches the extension host's console for these lines.
 */
export function clickInWebview(title: string, selector: string): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: clicks inside webviews need the code-server runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'click', webview: title, selector })}`);
}

/** Asks the runner to type `text` into the input matching `selector` inside a webview (replacing its value). */
export function fillInWebview(selector: string, text: string): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: typing inside webviews needs the code-server runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'fill', selector, text })}`);
}

/**
 * Asks the runner to drag the mouse across the element matching `selector` inside a webview, between
 * two points given as fractions of its box.
 */
export function dragInWebview(selector: string, from: { x: number; y: number }, to: { x: number; y: number }): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: dragging inside webviews needs the code-server runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'drag', selector, from, to })}`);
}

/** What the runner saw in a webview (scripts/host/workbenchUi.mjs `inspectWebview`). */
export interface WebviewInspection {
  title: string;
  /** textContent of the element the selector matched. */
  text: string;
  /** textContent of every element the selector matches. */
  texts: string[];
  /** Count of elements per tag name in the whole page. */
  elements: Record<string, number>;
  /** src of each script element; `#id` (or "(inline)") for one without src. */
  scripts: string[];
  /** "tag attribute" of each inline event handler attribute. */
  handlers: string[];
  /** Every href, src, action and srcset value in the page. */
  urls: string[];
}

/** What the runner saw in the hover it opened (scripts/host/workbenchUi.mjs `inspectHover`). */
export interface HoverInspection {
  text: string;
  images: number;
  /** The codicon class of each theme icon drawn (`codicon-person`). */
  icons: string[];
  /** Target of each link (its data-href, else href). */
  links: string[];
}

/**
 * Asks the runner to look at the workbench (read-only) and waits for its answer, which it writes
 * to a file in the temporary folder.
 */
async function inspect<T>(request: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
  assert.ok(hasUiDriver(), 'this host has no UI driver: inspecting the rendered workbench needs the runner (scripts/host/runIntegration.mjs)');
  const id = ++uiRequests;
  const reply = path.join(os.tmpdir(), `news-lens-ui-${process.pid}-${id}.json`);
  await fs.rm(reply, { force: true });
  console.log(`[news-lens:ui] ${JSON.stringify({ id, ...request, reply })}`);
  const text = await waitFor(`the runner to answer ${String(request.action)}`, () => fs.readFile(reply, 'utf8').catch(() => undefined), timeoutMs);
  await fs.rm(reply, { force: true });
  const answer = JSON.parse(text) as { ok: boolean; result?: T; error?: string };
  if (!answer.ok) throw new Error(`the runner could not ${String(request.action)}: ${answer.error}`);
  return answer.result as T;
}

/** The page of the webview that shows `selector`, as the runner reads it inside the real webview frame. */
export function inspectWebview(selector: string): Promise<WebviewInspection> {
  return inspect({ action: 'inspectWebview', selector });
}

/** Rests the real mouse on `word` in the active editor; what the workbench rendered in the hover (with `expect` in it). */
export function inspectHover(word: string, expect: string): Promise<HoverInspection> {
  return inspect({ action: 'inspectHover', word, expect });
}

/** Asks the runner to click the workbench element matching `selector` (the status bar, a view title), as a user's mouse would. */
export function clickInWorkbench(selector: string): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: clicks on the workbench need the runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'clickWorkbench', selector })}`);
}

/** Asks the runner to right-click the tree row `item` of view `view` and choose `entry` from its context menu. */
export function treeContextMenu(view: string, item: string, entry: string): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: context menus need the runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'treeContextMenu', view, item, entry })}`);
}

/**
 * Asks the runner to type `text` into the input box or quick pick the workbench shows, wait for a
 * row saying `pick` when given, and press Enter.
 */
export function quickInput(text: string, pick?: string): void {
  assert.ok(hasUiDriver(), 'this host has no UI driver: typing into a quick input needs the runner (scripts/host/runIntegration.mjs)');
  console.log(`[news-lens:ui] ${JSON.stringify({ id: ++uiRequests, action: 'quickInput', text, ...(pick ? { pick } : {}) })}`);
}
