// Playwright steps on the VS Code web workbench (code-server), shared by screenshots and
// benchmarks. Selectors target the workbench's ARIA roles and labels, which VS Code keeps stable
// for screen readers, rather than its internal class names where possible.

const VIEW_CONTAINER = 'workbench.view.extension.newsLens';

/** Waits until the workbench has rendered and the News Lens status bar item reports a loaded corpus. */
export async function waitForWorkbench(page, { timeout = 90_000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.part.statusbar').waitFor({ timeout });
}

/** Runs a command by its title through the command palette, as a user would. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file by name through Quick Open and waits for its editor. */
export async function openFile(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Opens the News Lens view container from the activity bar. */
export async function openNewsLens(page) {
  const tab = page.locator('.part.activitybar').getByRole('tab', { name: 'News Lens' });
  await tab.waitFor();
  const container = page.locator(`[id="${VIEW_CONTAINER}"]`);
  if (!(await container.isVisible())) await tab.click();
  await container.waitFor();
  // Park the pointer over the editor area so the activity bar's tooltip does not stay in the shot.
  await page.mouse.move(800, 400);
  return container;
}

/** The tree of one News Lens view (Entities, Events, Articles). */
export function viewTree(page, viewTitle) {
  const pane = page.locator(`[id="${VIEW_CONTAINER}"] .pane`).filter({ has: page.locator('.pane-header', { hasText: viewTitle }) });
  return pane.locator('.monaco-list[role="tree"]');
}

/** Waits until a view's tree shows at least `min` rows, and returns the tree. */
export async function waitForTreeItems(page, viewTitle, { min = 1, timeout = 120_000 } = {}) {
  const tree = viewTree(page, viewTitle);
  await tree.locator('[role="treeitem"]').nth(min - 1).waitFor({ timeout });
  return tree;
}

/** Expands a tree row whose label starts with `label` (no-op when already expanded). */
export async function expandTreeItem(tree, label) {
  const named = tree.page().locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}`) });
  const row = tree.locator('[role="treeitem"]').filter({ has: named }).first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await tree.locator('[role="treeitem"][aria-expanded="true"]').filter({ has: named }).first().waitFor();
  return row;
}

/** Waits until the News Lens status bar item says the corpus is indexed ("News Lens: N articles · M entities"). */
export async function waitForIndex(page, { timeout = 300_000 } = {}) {
  await page.locator('.part.statusbar', { hasText: /News Lens: [\d,]+ articles? ·/ }).waitFor({ timeout });
}

/** The row of a view's tree whose label is exactly `label`. */
export function treeRow(tree, label) {
  const named = tree.page().locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  return tree.locator('[role="treeitem"]').filter({ has: named }).first();
}

/**
 * Opens the context menu of the tree row labelled `item` in view `view` with a right click, and
 * clicks its entry `entry`, as a user's mouse would.
 */
export async function treeContextMenu(page, { view, item, entry, timeout = 20_000 }) {
  const row = treeRow(await waitForTreeItems(page, view, { timeout }), item);
  await row.waitFor({ timeout });
  await row.scrollIntoViewIfNeeded();
  await row.click({ button: 'right' });
  const menuItem = page.getByRole('menuitem', { name: entry }).first();
  await menuItem.waitFor({ timeout });
  // A hand's pause: a click within some 50 ms of the menu opening was dropped now and then
  // (the command never ran), never one after 80 ms.
  await page.waitForTimeout(300);
  await menuItem.click();
}

/**
 * Types into the quick input the workbench shows (an input box or a quick pick), waits for a row
 * saying `pick` when given, and presses Enter unless `accept` is false.
 */
export async function quickInput(page, { text, pick, accept = true, timeout = 20_000 }) {
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(text);
  if (pick) await page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first().waitFor({ timeout });
  if (accept) {
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  }
}

/** Hides toasts (for example the offline extension gallery error) so they do not cover the shot. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/**
 * Clicks the first element matching `selector` inside any webview (webview content runs in nested
 * iframes). Waits up to `timeout` for it to appear.
 */
export async function clickInWebview(page, selector, { timeout = 20_000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const target = await frame.$(selector).catch(() => null);
      if (target) {
        await target.click();
        return;
      }
    }
    if (Date.now() > until) throw new Error(`no webview element matches ${selector}`);
    await page.waitForTimeout(100);
  }
}

/** Types `text` into the first input matching `selector` inside any webview, replacing its value, as a user would. */
export async function fillInWebview(page, selector, text, { timeout = 20_000 } = {}) {
  const frame = await waitForWebview(page, selector, { timeout });
  await frame.fill(selector, text);
}

/**
 * Drags the mouse across the first element matching `selector` inside any webview, from one point to
 * another given as fractions of its box ({ x: 0.2, y: 0.5 } is a fifth of the way across, half way
 * down), in small steps as a hand would.
 */
export async function dragInWebview(page, selector, from, to, { timeout = 20_000 } = {}) {
  const frame = await waitForWebview(page, selector, { timeout });
  const target = await frame.$(selector);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  const at = (p) => [box.x + box.width * p.x, box.y + box.height * p.y];
  // Through Playwright's checks first: a toast or menu over the start point fails here, by name,
  // instead of taking the press itself.
  await target.hover({ position: { x: box.width * from.x, y: box.height * from.y }, timeout });
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at(to), { steps: 12 });
  await page.mouse.up();
}

/** Clicks the first workbench element matching `selector` (outside webviews: the status bar, a view's title). */
export async function clickInWorkbench(page, selector, { timeout = 20_000 } = {}) {
  await page.locator(selector).first().click({ timeout });
}

/* global document, NodeFilter -- used inside page.evaluate, which runs in the browser */

/** The centre of the `nth` occurrence of `word` in the active editor's rendered text, or null. */
function wordPoint(page, word, nth) {
  return page.evaluate(
    ({ word, nth }) => {
      const lines = document.querySelector('.editor-instance .monaco-editor .view-lines');
      if (!lines) return null;
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.replace(/\u00a0/g, ' ');
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
          if (seen++ !== nth) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
      }
      return null;
    },
    { word, nth },
  );
}

/**
 * Rests the mouse on the `nth` occurrence of `word` in the active editor's rendered text and waits
 * for a hover to show (Monaco renders each line as spans; the word's box comes from a DOM range).
 * The word is measured until its place settles (an editor just opened may still be laying out),
 * and the mouse rests on it again when no hover came.
 */
export async function hoverWord(page, word, { nth = 0, expect, timeout = 15_000 } = {}) {
  const hover = page.locator('.monaco-hover:not(.hidden)', expect ? { hasText: expect } : {}).first();
  const until = Date.now() + timeout;
  for (;;) {
    let point = await wordPoint(page, word, nth);
    for (let i = 0; i < 10 && point; i++) {
      await page.waitForTimeout(150);
      const again = await wordPoint(page, word, nth);
      if (again && again.x === point.x && again.y === point.y) break;
      point = again;
    }
    if (!point) throw new Error(`"${word}" (occurrence ${nth}) is not on screen`);
    await page.mouse.move(point.x - 30, point.y);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    try {
      await hover.waitFor({ timeout: Math.max(1, Math.min(5000, until - Date.now())) });
      return hover;
    } catch (e) {
      if (Date.now() >= until) throw e;
      await page.mouse.move(5, 5);
    }
  }
}

/** Waits until an element matching `selector` shows inside some webview. */
export async function waitForWebview(page, selector, { timeout = 30_000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) if (await frame.$(selector).catch(() => null)) return frame;
    if (Date.now() > until) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(100);
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What the webview showing `selector` renders, read without touching it: its document title, the
 * text of the matched element (and of every element it matches), and everything in the page that could run code or load something
 * (script, img, iframe, ... elements, inline event handler attributes, href and src values). A
 * script without src is named by its id (VS Code injects `#_vscodeApiScript`).
 */
export async function inspectWebview(page, selector, { timeout = 30_000 } = {}) {
  const frame = await waitForWebview(page, selector, { timeout });
  return frame.evaluate((sel) => {
    const tags = ['script', 'img', 'iframe', 'object', 'embed', 'textarea', 'a', 'b', 'form', 'svg', 'video', 'audio', 'base', 'meta', 'link', 'style'];
    const all = [...document.querySelectorAll('*')];
    return {
      title: document.title,
      text: document.querySelector(sel)?.textContent ?? '',
      texts: [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''),
      elements: Object.fromEntries(tags.map((t) => [t, document.getElementsByTagName(t).length])),
      scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? (s.id ? `#${s.id}` : '(inline)')),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName.toLowerCase()} ${a.name}`)),
      urls: all.flatMap((el) => ['href', 'src', 'action', 'srcset'].filter((a) => el.hasAttribute(a)).map((a) => el.getAttribute(a))),
    };
  }, selector);
}

/**
 * Rests the mouse on `word` in the active editor and reports the hover the workbench renders (the
 * parts of it that say `expect`): text, how many images, the theme icons drawn and the target of every
 * link. Hides it afterwards.
 */
export async function inspectHover(page, word, { nth = 0, expect } = {}) {
  let hover;
  try {
    hover = await hoverWord(page, word, { nth, expect });
  } catch (e) {
    const shown = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
    throw new Error(`${e.message}; hovers shown: ${JSON.stringify(shown)}`);
  }
  // Only the hover's parts that say `expect`: other extensions may add their own parts.
  const seen = await hover.evaluate((el, expect) => {
    const rows = [...el.querySelectorAll('.hover-row')].filter((r) => !expect || r.innerText.includes(expect));
    const parts = rows.length ? rows : [el];
    return {
      text: parts.map((r) => r.innerText).join('\n'),
      images: parts.reduce((n, r) => n + r.querySelectorAll('img').length, 0),
      icons: parts.flatMap((r) => [...r.querySelectorAll('.codicon')].map((i) => [...i.classList].find((c) => c.startsWith('codicon-')) ?? 'codicon')),
      links: parts.flatMap((r) => [...r.querySelectorAll('a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '')),
    };
  }, expect);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  return seen;
}
