// `npm run screenshot`: PNGs of the real workbench (code-server + headless Chromium) with the
// extension loaded on the bundled seeds, saved to screenshots/ for reviewers.
// `npm run screenshot -- sidebar-dark` takes only the named scenes.
//
// To add a scene, append to `scenes`: a name (the file name), a theme, optional user `settings`,
// and `setup({ page })`, which drives the workbench into the state to capture (helpers in
// host/workbenchUi.mjs). Each scene gets its own code-server and browser, so scenes never see each
// other's state.
import { spawnSync } from 'child_process';
import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import { openWorkbench, repoRoot, startCodeServer, tempDir } from './host/vscodeHost.mjs';
import { clearNotifications, expandTreeItem, openFile, openNewsLens, waitForTreeItems, waitForWorkbench } from './host/workbenchUi.mjs';

const DARK = 'Default Dark Modern';
const LIGHT = 'Default Light Modern';
const SEED_FILE = '000_11cfc1119cf92189.txt';
const readable = { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false };

/** The seed article in the editor, the News Lens sidebar beside it with People expanded. */
async function sidebarWithPeople({ page }) {
  await openNewsLens(page);
  const entities = await waitForTreeItems(page, 'Entities');
  await expandTreeItem(entities, 'People');
  await openFile(page, SEED_FILE);
  await clearNotifications(page);
}

export const scenes = [
  { name: 'sidebar-dark', theme: DARK, settings: readable, setup: sidebarWithPeople },
  { name: 'sidebar-light', theme: LIGHT, settings: readable, setup: sidebarWithPeople },
];

const viewport = { width: 1280, height: 800 };
const outDir = join(repoRoot, 'screenshots');
const seeds = join(repoRoot, 'seeds');

async function shoot(scene) {
  const dirs = tempDir('news-lens-shot-');
  const started = Date.now();
  let server;
  let workbench;
  try {
    server = await startCodeServer({
      folder: seeds,
      userDataDir: join(dirs, 'user-data'),
      extensionsDir: join(dirs, 'extensions'),
      settings: { ...scene.settings, 'workbench.colorTheme': scene.theme },
    });
    workbench = await openWorkbench({
      port: server.port,
      folder: seeds,
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
