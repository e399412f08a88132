// `npm run screenshot`: PNGs of the real workbench (code-server + headless Chromium) with the
// extension loaded on the bundled seeds, saved to screenshots/ for reviewers.
// `npm run screenshot -- sidebar-dark` takes only the named scenes.
//
// To add a scene, append to `scenes`: a name (the file name), a theme, optional user `settings`,
// an optional `corpus` (a folder of the development corpora, which are not in the repository:
// $NEWS_LENS_CORPORA, by default ../shared/corpora beside the checkout; the bundled seeds
// otherwise), and `setup({ page })`, which drives the workbench into the state to capture (helpers
// in host/workbenchUi.mjs). Each scene gets its own code-server and browser, so scenes never see
// each other's state.
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { openWorkbench, repoRoot, startCodeServer, tempDir } from './host/vscodeHost.mjs';
import { clearNotifications, clickInWebview, dragInWebview, expandTreeItem, hoverWord, openFile, openNewsLens, quickInput, runCommand, treeContextMenu, waitForIndex, waitForTreeItems, waitForWebview, waitForWorkbench } from './host/workbenchUi.mjs';

const DARK = 'Default Dark Modern';
const LIGHT = 'Default Light Modern';
const HIGH_CONTRAST = 'Default High Contrast';
const SEED_FILE = '000_11cfc1119cf92189.txt';
const readable = { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false };

/**
 * The seed article in the editor, the News Lens sidebar beside it: People expanded, Lavrov expanded
 * down to the lines that mention him.
 */
async function sidebarWithPeople({ page }) {
  await openNewsLens(page);
  const entities = await waitForTreeItems(page, 'Entities');
  await expandTreeItem(entities, 'People');
  const lavrov = entities.locator('[role="treeitem"]', { hasText: 'Lavrov' }).first();
  if ((await lavrov.getAttribute('aria-expanded')) === 'false') await lavrov.click();
  const article = entities.locator('[role="treeitem"][aria-level="3"]').first();
  await article.waitFor();
  if ((await article.getAttribute('aria-expanded')) === 'false') await article.click();
  await entities.locator('[role="treeitem"][aria-level="4"]').first().waitFor();
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
}

/** The entity card over "Lavrov" in the seed article. */
async function hoverCard({ page }) {
  await openNewsLens(page);
  await waitForTreeItems(page, 'Entities');
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
  await hoverWord(page, 'Lavrov', { expect: 'Reveal in Tree' });
}

/** The summaries panel beside the seed article, whose card is highlighted. */
async function summariesPanel({ page }) {
  await openNewsLens(page);
  await waitForTreeItems(page, 'Entities');
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
  await runCommand(page, 'News Lens: Open Summaries');
  await waitForWebview(page, '.card.active');
  await page.mouse.move(640, 790);
}

/** Everything at once, for the README: sidebar, summaries panel, and the card over "Lavrov". */
async function overview({ page }) {
  await sidebarWithPeople({ page });
  await runCommand(page, 'News Lens: Open Summaries');
  await waitForWebview(page, '.card.active');
  await page.locator('.tabs-container .tab', { hasText: SEED_FILE }).first().click();
  await hoverWord(page, 'Lavrov', { expect: 'Reveal in Tree' });
}

/**
 * The connections graph of the corpus's top entities, one of them selected with its links listed
 * beside the graph, after the layout has settled.
 */
async function connections({ page }) {
  await openNewsLens(page);
  await waitForIndex(page);
  await clearNotifications(page);
  await runCommand(page, 'News Lens: Show Connections');
  await waitForWebview(page, '.node-list .node');
  await page.waitForTimeout(2500);
  await clickInWebview(page, '.node-list li:nth-child(2) .node');
  await page.waitForTimeout(4000);
  await page.mouse.move(900, 47);
}

/** The timeline of the corpus's most mentioned entities, with a stretch brushed: the views beside it follow the range. */
async function timeline({ page }) {
  await openNewsLens(page);
  await waitForIndex(page);
  await clearNotifications(page);
  await runCommand(page, 'News Lens: Show Timeline');
  await waitForWebview(page, '.chart.events .u-over');
  await page.waitForTimeout(1500);
  await dragInWebview(page, '.chart.events .u-over', { x: 0.78, y: 0.5 }, { x: 0.93, y: 0.5 });
  await page.waitForTimeout(2500);
  await page.mouse.move(900, 47);
}

/**
 * Rename… chosen from the context menu of “Sergei Lavrov” in the Entities view: the input box with
 * the name selected. Nothing is accepted, so nothing is written to the seeds folder.
 */
async function renameInput({ page }) {
  await openNewsLens(page);
  await waitForTreeItems(page, 'Entities');
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
  await treeContextMenu(page, { view: 'Entities', item: 'Sergei Lavrov', entry: 'Rename…' });
  await page.locator('.quick-input-widget input[type="text"]').waitFor({ state: 'visible' });
  await restOnQuickInput(page);
}

/**
 * Moves the pointer off the tree onto the quick input's title, and waits for the tooltip of the
 * tree item the context menu left it on (shown after a delay) to be gone: it would cover the shot.
 */
async function restOnQuickInput(page) {
  const box = await page.locator('.quick-input-widget .quick-input-title').boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const tooltip = page.locator('.monaco-hover:not(.hidden)').first();
  await page.waitForTimeout(1000);
  if (box && (await tooltip.isVisible())) await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 4 });
  await tooltip.waitFor({ state: 'hidden', timeout: 5000 });
}

/** Merge Into… on “Lavrov”: the quick pick of the corpus's entities with type and counts, filtered by “in”. */
async function mergePick({ page }) {
  await openNewsLens(page);
  await waitForTreeItems(page, 'Entities');
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
  await treeContextMenu(page, { view: 'Entities', item: 'Sergei Lavrov', entry: 'Merge Into…' });
  await quickInput(page, { text: 'in', pick: 'India', accept: false });
  await restOnQuickInput(page);
}

export const scenes = [
  { name: 'sidebar-dark', theme: DARK, settings: readable, setup: sidebarWithPeople },
  { name: 'sidebar-light', theme: LIGHT, settings: readable, setup: sidebarWithPeople },
  { name: 'hover-dark', theme: DARK, settings: readable, setup: hoverCard },
  { name: 'hover-light', theme: LIGHT, settings: readable, setup: hoverCard },
  { name: 'summaries-dark', theme: DARK, settings: readable, setup: summariesPanel },
  { name: 'summaries-light', theme: LIGHT, settings: readable, setup: summariesPanel },
  { name: 'summaries-high-contrast', theme: HIGH_CONTRAST, settings: readable, setup: summariesPanel },
  { name: 'overview-dark', theme: DARK, settings: readable, setup: overview },
  { name: 'graph-dark', theme: DARK, settings: readable, corpus: 'news-cluster', setup: connections },
  { name: 'graph-light', theme: LIGHT, settings: readable, corpus: 'news-cluster', setup: connections },
  { name: 'timeline-dark', theme: DARK, settings: readable, corpus: 'news-cluster', setup: timeline },
  { name: 'timeline-light', theme: LIGHT, settings: readable, corpus: 'news-cluster', setup: timeline },
  { name: 'rename-dark', theme: DARK, settings: readable, setup: renameInput },
  { name: 'rename-light', theme: LIGHT, settings: readable, setup: renameInput },
  { name: 'merge-dark', theme: DARK, settings: readable, setup: mergePick },
  { name: 'merge-light', theme: LIGHT, settings: readable, setup: mergePick },
];

const viewport = { width: 1280, height: 800 };
const outDir = join(repoRoot, 'screenshots');
const seeds = join(repoRoot, 'seeds');
const corpora = resolve(process.env.NEWS_LENS_CORPORA ?? join(repoRoot, '..', 'shared', 'corpora'));

function sceneFolder(scene) {
  if (!scene.corpus) return seeds;
  const folder = join(corpora, scene.corpus);
  if (!existsSync(folder)) throw new Error(`scene ${scene.name} needs the ${scene.corpus} corpus in ${corpora} (set NEWS_LENS_CORPORA to the folder holding it)`);
  return folder;
}

async function shoot(scene) {
  const dirs = tempDir('news-lens-shot-');
  const folder = sceneFolder(scene);
  const started = Date.now();
  let server;
  let workbench;
  try {
    server = await startCodeServer({
      folder,
      userDataDir: join(dirs, 'user-data'),
      extensionsDir: join(dirs, 'extensions'),
      settings: { ...scene.settings, 'workbench.colorTheme': scene.theme },
    });
    workbench = await openWorkbench({
      port: server.port,
      folder,
      extensionDevelopmentPath: repoRoot,
      viewport,
      colorScheme: scene.theme === LIGHT ? 'light' : 'dark',
    });
    const { page } = workbench;
    await waitForWorkbench(page);
    await scene.setup({ page });
    // Let tree and theme transitions settle before capturing.
    await page.waitForTimeout(500);
    const file = join(outDir, `${scene.name}.png`);
    await page.screenshot({ path: file });
    console.log(`saved ${file} (${Math.round((Date.now() - started) / 100) / 10} s)`);
  } catch (e) {
    if (workbench) {
      const file = join(outDir, `${scene.name}.failed.png`);
      await workbench.page.screenshot({ path: file }).catch(() => {});
      console.error(`scene ${scene.name} failed; what the page showed: ${file}`);
    }
    throw e;
  } finally {
    await workbench?.close().catch(() => {});
    await server?.stop();
    rmSync(dirs, { recursive: true, force: true });
  }
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((n) => !scenes.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown scene(s) ${unknown.join(', ')}; scenes: ${scenes.map((s) => s.name).join(', ')}`);
  const build = spawnSync('node', ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  mkdirSync(outDir, { recursive: true });
  for (const scene of scenes.filter((s) => !wanted.length || wanted.includes(s.name))) {
    rmSync(join(outDir, `${scene.name}.failed.png`), { force: true });
    await shoot(scene);
  }
}

main().catch((e) => {
  console.error(`screenshot failed: ${e.stack ?? e.message}`);
  process.exitCode = 1;
});
