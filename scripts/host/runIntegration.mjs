// Runs the integration suite (out/test/integration/index.js, compiled by `npm test` beforehand)
// inside a real VS Code extension host, once per scenario, and writes
// {host, vscodeVersion, passed, failed, pending, sessions} to the file named by the first argument.
//
// NEWS_LENS_SCENARIOS=restricted,seed runs only the named scenarios (while working on them; `npm test`
// runs them all).
//
// Host: NEWS_LENS_HOST=electron|code-server forces one. Otherwise desktop VS Code through
// @vscode/test-electron when it can be downloaded (or already was) and can show a window, else
// code-server + headless Chromium, which needs no internet. A host that cannot start fails the
// run: nothing is ever skipped.
import { spawn, spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { get } from 'https';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { format } from 'util';
import { BROWSER_PACKAGES, INSTALL_PACKAGES, QUIET_SETTINGS, codeServerInstalled, freePort, openWorkbench, repoRoot, startCodeServer, tempDir, userCommand } from './vscodeHost.mjs';
import { ensureSystemPackages } from './systemPackages.mjs';
import { clickInWebview, clickInWorkbench, dragInWebview, fillInWebview, inspectHover, inspectWebview, quickInput, treeContextMenu } from './workbenchUi.mjs';

const SESSION_TIMEOUT_MS = Number(process.env.NEWS_LENS_SESSION_TIMEOUT_MS) || 5 * 60_000;
const suite = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const testElectronCache = join(repoRoot, '.vscode-test');

/**
 * A folder nobody has trusted, whose own settings point the corpus at a folder outside it, with a
 * link to that folder too: test/fixtures/restricted/ copied to a temporary folder, since the
 * settings need the outside folder's absolute path.
 */
function restrictedWorkspace() {
  const base = tempDir('news-lens-restricted-');
  const fixtures = join(repoRoot, 'test', 'fixtures', 'restricted');
  const workspace = join(base, 'workspace');
  const outside = join(base, 'outside');
  cpSync(join(fixtures, 'workspace'), workspace, { recursive: true });
  cpSync(join(fixtures, 'outside'), outside, { recursive: true });
  mkdirSync(join(workspace, '.vscode'));
  const settings = {
    'newsLens.corpus.paths': [outside],
    // A pattern that would take minutes to match against one long name, were it read.
    'newsLens.corpus.include': '**/*a*a*a*a*a*a*a*a*a*a*b.txt',
    'newsLens.index.workers': 16,
    'newsLens.index.maxFileSizeMB': 500,
    'newsLens.index.fileTimeoutSeconds': 3600,
    'newsLens.summary.sentences': 2,
    // A "watchlist" that is a file outside the folder: read as one, its words could be shown as names.
    'newsLens.watchlists': [join(outside, 'private-briefing.txt')],
  };
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  symlinkSync(outside, join(workspace, 'linked-notes'), 'dir');
  return workspace;
}

/**
 * Each scenario opens one folder; the suite picks its test files by scenario name. `workspaceTrust`
 * leaves VS Code's workspace trust on (the folder then opens in Restricted Mode); `cleanup` removes
 * what `folder()` created.
 */
const scenarios = [
  { name: 'workspace', folder: () => join(repoRoot, 'test', 'fixtures', 'workspace') },
  { name: 'seed', folder: () => tempDir('news-lens-empty-'), cleanup: (folder) => rmSync(folder, { recursive: true, force: true }) },
  { name: 'hostile', folder: hostileCorpus },
  { name: 'restricted', folder: restrictedWorkspace, workspaceTrust: true, cleanup: (folder) => rmSync(dirname(folder), { recursive: true, force: true }) },
  { name: 'formats', folder: () => join(repoRoot, 'test', 'fixtures', 'formats') },
  // What `npm start` opens.
  { name: 'sample', folder: () => join(repoRoot, 'seeds') },
];

/** test/fixtures/hostile/: `npm test` generates it (nothing binary is committed); so does this runner when it is missing. */
function hostileCorpus() {
  const dir = join(repoRoot, 'test', 'fixtures', 'hostile');
  if (existsSync(join(dir, 'html-script.txt'))) return dir;
  say(`generating the hostile fixture corpus in ${dir}`);
  const r = spawnSync(process.execPath, [join(repoRoot, 'out', 'test', 'support', 'hostileCorpus.js'), dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not generate the hostile fixture corpus (compile the tests first: npx tsc -p .)');
  return dir;
}

function say(line) {
  console.log(`[integration] ${line}`);
}

function reachable(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function downloadedVsCode() {
  return existsSync(testElectronCache) && readdirSync(testElectronCache).some((n) => n.startsWith('vscode-'));
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Desktop VS Code on Linux needs a display; xvfb-run provides one on a headless machine. */
function electronDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { ok: true, wrap: [] };
  if (hasCommand('xvfb-run')) return { ok: true, wrap: ['xvfb-run', '-a'] };
  return { ok: false, wrap: [] };
}

async function chooseHost() {
  const forced = process.env.NEWS_LENS_HOST;
  if (forced) {
    if (forced !== 'electron' && forced !== 'code-server') throw new Error(`NEWS_LENS_HOST must be "electron" or "code-server", not "${forced}"`);
    say(`host forced by NEWS_LENS_HOST: ${forced}`);
    return forced;
  }
  if (!electronDisplay().ok) {
    say('no display and no xvfb-run: desktop VS Code cannot open a window here; using code-server + headless Chromium');
    return 'code-server';
  }
  if (downloadedVsCode()) {
    say('desktop VS Code already downloaded in .vscode-test/: using @vscode/test-electron');
    return 'electron';
  }
  if (await reachable('https://update.code.visualstudio.com/api/releases/stable', 4000)) {
    say('update.code.visualstudio.com is reachable: using @vscode/test-electron');
    return 'electron';
  }
  say('VS Code cannot be downloaded from here (no route to update.code.visualstudio.com): using code-server + headless Chromium');
  return 'code-server';
}

function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function userDirs() {
  const base = tempDir('news-lens-host-');
  return { base, userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions') };
}

// The workbench forwards console calls with their arguments (mocha's reporter uses '%s' formats).
function formatLog(args) {
  return Array.isArray(args) ? format(...args) : format(args);
}

// A test asks for a user action it cannot perform from the extension host (a click inside a
// webview or on the workbench) or for a look at what the workbench renders by logging one of these lines; the runner
// performs it with Playwright. Inspections are read-only; their answer goes to the file the
// request names (a JSON file in the temporary folder), which the test waits for.
const UI_REQUEST = /\[news-lens:ui\] (\{.*\})\s*$/;
const REPLY_FILE = /^news-lens-ui-[\w-]+\.json$/;

const isPoint = (p) => typeof p === 'object' && p !== null && [p.x, p.y].every((v) => typeof v === 'number' && v >= 0 && v <= 1);

async function performUiRequest(page, line) {
  const request = JSON.parse(line);
  if (request.action === 'click' && typeof request.selector === 'string') return clickInWebview(page, request.selector);
  if (request.action === 'clickWorkbench' && typeof request.selector === 'string') return clickInWorkbench(page, request.selector);
  if (request.action === 'fill' && typeof request.selector === 'string' && typeof request.text === 'string') return fillInWebview(page, request.selector, request.text);
  if (request.action === 'drag' && typeof request.selector === 'string' && isPoint(request.from) && isPoint(request.to)) return dragInWebview(page, request.selector, request.from, request.to);
  if (request.action === 'treeContextMenu' && typeof request.view === 'string' && typeof request.item === 'string' && typeof request.entry === 'string') return treeContextMenu(page, request);
  if (request.action === 'quickInput' && typeof request.text === 'string') return quickInput(page, request);
  const inspect =
    request.action === 'inspectWebview' && typeof request.selector === 'string'
      ? () => inspectWebview(page, request.selector)
      : request.action === 'inspectHover' && typeof request.word === 'string'
        ? () => inspectHover(page, request.word, { expect: request.expect })
        : undefined;
  if (!inspect || typeof request.reply !== 'string' || dirname(request.reply) !== tmpdir() || !REPLY_FILE.test(basename(request.reply))) {
    throw new Error(`unknown UI request ${line}`);
  }
  let answer;
  try {
    answer = { ok: true, result: await inspect() };
  } catch (e) {
    answer = { ok: false, error: e.message };
  }
  writeFileSync(`${request.reply}.partial`, JSON.stringify(answer));
  renameSync(`${request.reply}.partial`, request.reply);
}

// Expected on a machine without internet and harmless: the extension gallery lookup.
const NOISE = /open-vsx\.org/;

async function runInCodeServer({ name: scenario, workspaceTrust }, folder, resultsFile) {
  const dirs = userDirs();
  let server;
  let workbench;
  let timer;
  try {
    server = await startCodeServer({
      folder,
      userDataDir: dirs.userDataDir,
      extensionsDir: dirs.extensionsDir,
      env: { NEWS_LENS_SCENARIO: scenario, NEWS_LENS_TEST_RESULTS: resultsFile, NEWS_LENS_UI_DRIVER: '1' },
      workspaceTrust,
      log: say,
    });
    say(`[${scenario}] code-server listening on ${server.url}`);
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    timer = setTimeout(() => finish({ timedOut: true }), SESSION_TIMEOUT_MS);
    server.exited.then(({ code, signal }) => finish({ serverExited: `${signal ?? code}` }));
    workbench = await openWorkbench({
      port: server.port,
      folder,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      onLog: (type, args) => {
        const text = formatLog(args);
        if (NOISE.test(text)) return;
        for (const line of text.split('\n')) {
          const ui = UI_REQUEST.exec(line);
          if (ui && workbench) void performUiRequest(workbench.page, ui[1]).catch((e) => say(`[${scenario}] UI request failed: ${e.message}`));
          console.log(`[${scenario}] ${type === 'info' ? '' : `${type}: `}${line}`);
        }
      },
      onExit: (code) => finish({ code }),
    });
    const outcome = await finished;
    if (outcome.timedOut) return { error: `timed out after ${SESSION_TIMEOUT_MS / 1000} s` };
    if (outcome.serverExited) return { error: `code-server exited (${outcome.serverExited}) during the run:\n${server.output().slice(-3000)}` };
    return { exitCode: outcome.code };
  } finally {
    clearTimeout(timer);
    await workbench?.close().catch(() => {});
    await server?.stop();
    rmSync(dirs.base, { recursive: true, force: true });
  }
}

async function electronExecutable() {
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  const version = process.env.NEWS_LENS_VSCODE_VERSION || 'stable';
  return downloadAndUnzipVSCode({ version, cachePath: testElectronCache });
}

async function runInElectron({ name: scenario, workspaceTrust = false }, folder, resultsFile, executable) {
  const dirs = userDirs();
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'security.workspace.trust.enabled': workspaceTrust }, null, 2));
  // The tests' UI requests are performed over the DevTools protocol of the window, as on code-server.
  const debugPort = await freePort();
  const args = [
    folder,
    `--remote-debugging-port=${debugPort}`,
    `--extensionDevelopmentPath=${repoRoot}`,
    `--extensionTestsPath=${suite}`,
    `--user-data-dir=${dirs.userDataDir}`,
    `--extensions-dir=${dirs.extensionsDir}`,
    '--disable-extensions',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-gpu',
    '--no-sandbox',
  ];
  const { wrap } = electronDisplay();
  const [command, ...rest] = [...wrap, executable, ...args];
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  const child = spawn(command, rest, { env: { ...env, NEWS_LENS_SCENARIO: scenario, NEWS_LENS_TEST_RESULTS: resultsFile, NEWS_LENS_UI_DRIVER: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let window;
  const workbenchWindow = async () => {
    if (!window) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
      window = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes('workbench'));
      if (!window) throw new Error('no workbench window behind the DevTools port');
    }
    return window;
  };
  const print = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      const ui = UI_REQUEST.exec(line);
      if (ui) void workbenchWindow().then((page) => performUiRequest(page, ui[1])).catch((e) => say(`[${scenario}] UI request failed: ${e.message}`));
      console.log(`[${scenario}] ${line}`);
    }
  };
  child.stdout.on('data', print);
  child.stderr.on('data', print);
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ error: `timed out after ${SESSION_TIMEOUT_MS / 1000} s` });
      }, SESSION_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ error: `could not start ${executable}: ${e.message}` });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve(signal ? { error: `VS Code was killed by ${signal}` } : { exitCode: code });
      });
    });
  } finally {
    rmSync(dirs.base, { recursive: true, force: true });
  }
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/host/runIntegration.mjs <results.json>');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: compile the tests first (npx tsc -p .)`);
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: build first (node esbuild.mjs)');
  rmSync(out, { force: true });

  const host = await chooseHost();
  // Once, before any scenario: a missing package would otherwise fail every scenario in turn.
  if (host === 'code-server') ensureSystemPackages([...BROWSER_PACKAGES, ...(codeServerInstalled() ? [] : INSTALL_PACKAGES)], { purpose: userCommand(), log: say });
  let executable;
  if (host === 'electron') {
    try {
      executable = await electronExecutable();
    } catch (e) {
      throw new Error(`desktop VS Code could not be downloaded (${e.message}); set NEWS_LENS_HOST=code-server to use the offline host`);
    }
  }

  const total = { host, vscodeVersion: null, passed: 0, failed: 0, pending: 0, sessions: [] };
  const resultsDir = tempDir('news-lens-results-');
  const only = process.env.NEWS_LENS_SCENARIOS?.split(',').map((n) => n.trim());
  const unknown = (only ?? []).filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown scenario(s) in NEWS_LENS_SCENARIOS: ${unknown.join(', ')}; scenarios: ${scenarios.map((s) => s.name).join(', ')}`);
  for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
    const folder = scenario.folder();
    const resultsFile = join(resultsDir, `${scenario.name}.json`);
    const started = Date.now();
    say(`[${scenario.name}] starting ${host} on ${folder}`);
    let outcome;
    try {
      outcome = host === 'electron' ? await runInElectron(scenario, folder, resultsFile, executable) : await runInCodeServer(scenario, folder, resultsFile);
    } catch (e) {
      outcome = { error: `the host could not start: ${e.message}` };
    }
    scenario.cleanup?.(folder);
    const r = readResults(resultsFile);
    const session = { scenario: scenario.name, seconds: Math.round((Date.now() - started) / 100) / 10, exitCode: outcome.exitCode ?? null };
    if (r) {
      Object.assign(session, { vscodeVersion: r.vscodeVersion, passed: r.passed, failed: r.failed, pending: r.pending, failures: r.failures });
      total.vscodeVersion ??= r.vscodeVersion;
      total.passed += r.passed;
      total.failed += r.failed + r.pending;
      total.pending += r.pending;
    }
    // A session that produced no results, or whose host disagrees with them, counts as one failure.
    let problem = outcome.error;
    if (!problem && !r) problem = `the suite wrote no results (host exit code ${outcome.exitCode})`;
    if (!problem && r.passed === 0) problem = 'no test passed';
    if (!problem && outcome.exitCode !== 0 && r.failed + r.pending === 0) problem = `the host exited with ${outcome.exitCode} although the suite reported no failure`;
    if (problem) {
      session.error = problem;
      total.failed += 1;
      say(`[${scenario.name}] FAILED: ${problem}`);
    } else {
      say(`[${scenario.name}] ${r.passed} passed, ${r.failed} failed, ${r.pending} pending in ${session.seconds} s (VS Code ${r.vscodeVersion})`);
    }
    total.sessions.push(session);
  }
  rmSync(resultsDir, { recursive: true, force: true });

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(total, null, 2));
  say(`host ${host}, VS Code ${total.vscodeVersion ?? 'unknown'}: ${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`[integration] FAILED: ${e.message}`);
    process.exitCode = 1;
  },
);
