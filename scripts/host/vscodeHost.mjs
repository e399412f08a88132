// A real VS Code for machines without internet: code-server (VS Code's server and web workbench, on
// npm) plus Debian's headless Chromium driven by playwright-core. Used by the integration test
// runner, `npm start`, `npm run screenshot` and benchmarks. See ../shared/docs/vscode-host-offline.md.
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve } from 'path';
import { fileURLToPath } from 'url';
import { ensureSystemPackages } from './systemPackages.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// 4.100.3 is VS Code 1.100.3, the last line that runs on Node 20 (4.101+ wants Node 22).
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';
const RIPGREP = '/usr/bin/rg';

// @vscode/ripgrep (inside code-server) downloads rg from GitHub in its postinstall unless this
// archive is already in its cache; the names come from @vscode/ripgrep 1.15.11.
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

// npm 11 runs no dependency install scripts unless the package is allowed; these are the native
// modules VS Code's own nested install (lib/vscode) needs. npm 10 ignores the field.
const VSCODE_NATIVE_MODULES = [
  '@parcel/watcher',
  '@vscode/ripgrep',
  '@vscode/spdlog',
  'kerberos',
  'native-watchdog',
  'node-pty',
  '@vscode/deviceid',
  '@vscode/windows-process-tree',
  '@vscode/windows-registry',
];

/** The system packages installing code-server needs, and those a test run needs besides (the browser). */
export const INSTALL_PACKAGES = ['ripgrep', 'libkrb5-dev', 'python3', 'make', 'g++'];
export const BROWSER_PACKAGES = ['chromium'];

/** "npm start", "npm test", ...: the command the user ran, for messages that tell them to run it again. */
export function userCommand() {
  const event = process.env.npm_lifecycle_event;
  return event ? `npm ${event === 'start' || event === 'test' ? event : `run ${event}`}` : 'this command';
}

/** True once code-server is installed (then its build-time system packages are no longer needed). */
export function codeServerInstalled(root = repoRoot) {
  return existsSync(join(codeServerDir(root), '.installed')) && existsSync(codeServerEntry(codeServerDir(root)));
}

export function codeServerDir(root = repoRoot) {
  return join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerEntry(dir) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function run(command, args, { cwd, env = {}, log }) {
  log(`$ ${command} ${args.join(' ')}  (in ${cwd})`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} in ${cwd}\n${tail}`));
    });
  });
}

function placeRipgrepArchive(log) {
  if (!existsSync(RIPGREP)) {
    throw new Error(`${RIPGREP} is missing: install Debian's ripgrep package (apt-get install ripgrep); code-server's install needs it offline.`);
  }
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  // Written under a unique name and renamed, so a concurrent install never reads half an archive.
  const partial = join(RIPGREP_CACHE, `.${process.pid}.partial`);
  const r = spawnSync('tar', ['-czf', partial, '-C', dirname(RIPGREP), 'rg']);
  if (r.status !== 0) throw new Error(`could not pack ${RIPGREP}: ${r.stderr}`);
  renameSync(partial, join(RIPGREP_CACHE, RIPGREP_ARCHIVE));
  log(`ripgrep archive from ${RIPGREP} placed in ${RIPGREP_CACHE}`);
}

/**
 * Installs code-server once into `.vscode-test/code-server-<version>/` and returns that folder.
 * A marker file is written only after every step succeeded, so an interrupted install is redone
 * from scratch instead of leaving a host that fails later in confusing ways.
 */
export async function ensureCodeServer({ root = repoRoot, log = console.log } = {}) {
  const dir = codeServerDir(root);
  const marker = join(dir, '.installed');
  if (codeServerInstalled(root)) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the offline VS Code host (code-server) is set up for linux x64 only, not ${process.platform} ${process.arch}`);
  }
  ensureSystemPackages(INSTALL_PACKAGES, { purpose: userCommand(), log });
  const started = Date.now();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; about 2 minutes)...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  placeRipgrepArchive(log);

  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'code-server': CODE_SERVER_VERSION }, allowScripts: { argon2: true, 'code-server': true } }, null, 2),
  );
  // A nested postinstall runs `npx node-gyp`, which would wait for a "yes" on a closed stdin.
  const yes = { npm_config_yes: 'true' };
  await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env: yes, log });

  const codeServer = join(dir, 'node_modules', 'code-server');
  const vscodePackageFile = join(codeServer, 'lib', 'vscode', 'package.json');
  const vscodePackage = JSON.parse(readFileSync(vscodePackageFile, 'utf8'));
  vscodePackage.allowScripts = Object.fromEntries(VSCODE_NATIVE_MODULES.map((m) => [m, true]));
  writeFileSync(vscodePackageFile, JSON.stringify(vscodePackage, null, 2));

  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  await run('sh', ['./postinstall.sh'], {
    cwd: codeServer,
    env: { ...yes, npm_config_user_agent: `npm/${npmVersion} node/${process.version} linux x64`, npm_config_unsafe_perm: 'true' },
    log,
  });
  // Skipped by --ignore-scripts above; without it code-server dies at start (no argon2.node).
  await run('npm', ['rebuild', 'argon2'], { cwd: dir, env: yes, log });

  if (!existsSync(codeServerEntry(dir))) throw new Error(`code-server install finished but ${codeServerEntry(dir)} is missing`);
  writeFileSync(marker, `code-server ${CODE_SERVER_VERSION}, node ${process.version}, npm ${npmVersion}, ${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return dir;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** User settings that keep the workbench quiet and deterministic (no welcome page, no telemetry). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  // Where trust is on (the restricted scenario), an untrusted folder opens in Restricted Mode without
  // the modal question, which a test workbench refuses with an error and a stack trace in the log.
  'security.workspace.trust.startupPrompt': 'never',
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Starts code-server on 127.0.0.1 serving `folder`. Resolves once it listens, with its port, base
 * URL and `stop()`. `env` is added to the server's environment, which the extension host inherits.
 * `workspaceTrust: true` keeps VS Code's workspace trust on, so a folder nobody trusted yet opens in
 * Restricted Mode; otherwise trust is disabled and every folder counts as trusted.
 */
export async function startCodeServer({
  folder,
  port,
  userDataDir,
  extensionsDir,
  settings = {},
  env = {},
  workspaceTrust = false,
  root = repoRoot,
  log = console.log,
  onOutput = () => {},
  startTimeoutMs = 60_000,
}) {
  const dir = await ensureCodeServer({ root, log });
  port ??= await freePort();
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const trust = { 'security.workspace.trust.enabled': workspaceTrust };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...settings }, null, 2));
  // Without --config code-server writes a config with a password into ~/.config.
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  // Variables a surrounding VS Code sets would leak into the nested extension host.
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  const args = [
    codeServerEntry(dir),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--config',
    config,
    folder,
  ];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const exitPromise = new Promise((resolvePromise) => child.on('exit', (code, signal) => resolvePromise({ code, signal })));
  exitPromise.then(() => (exited = true));

  await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs / 1000} s:\n${output.slice(-3000)}`)), startTimeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      output = (output + text).slice(-20_000);
      for (const line of text.split('\n')) if (line.trim()) onOutput(line);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${signal ?? code}) before listening:\n${output.slice(-3000)}`));
    });
  }).catch((e) => {
    if (!exited) child.kill('SIGKILL');
    throw e;
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(killer);
  };
  return { port, url: `http://127.0.0.1:${port}/`, process: child, stop, output: () => output, exited: exitPromise };
}

/**
 * The workbench treats every theme found inside the extension under development as that
 * extension's own and switches to it, so with code-server cached in the repository's .vscode-test/
 * all built-in themes would count and the user's theme setting would be ignored. Loading the
 * extension through a symlink outside the repository keeps the two apart.
 */
function developmentPath(extensionDevelopmentPath) {
  const ext = resolve(extensionDevelopmentPath);
  const inside = relative(ext, codeServerDir(ext));
  if (inside.startsWith('..') || !existsSync(codeServerDir(ext))) return ext;
  const link = join(tmpdir(), `news-lens-dev-${createHash('sha1').update(ext).digest('hex').slice(0, 10)}`);
  let current;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== ext) {
    const partial = `${link}.${process.pid}`;
    rmSync(partial, { force: true });
    symlinkSync(ext, partial, 'dir');
    renameSync(partial, link);
  }
  return link;
}

/**
 * The workbench URL for `folder`, loading the extension under development (and a test suite)
 * through the `payload` query, as `--extensionDevelopmentPath` / `--extensionTestsPath` do.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(developmentPath(extensionDevelopmentPath))]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder: resolve(folder) });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query}`;
}

/**
 * Opens the workbench in headless Chromium. `onLog(type, args)` receives the extension host's
 * log lines and `onExit(code)` the end of a test run (the workbench calls the page functions
 * `codeAutomationLog` / `codeAutomationExit` when they exist). Never downloads a browser.
 */
export async function openWorkbench({
  port,
  folder,
  extensionDevelopmentPath,
  extensionTestsPath,
  viewport = { width: 1280, height: 800 },
  colorScheme = 'dark',
  onLog,
  onExit,
  onConsole,
}) {
  ensureSystemPackages(BROWSER_PACKAGES, { purpose: userCommand() });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium).`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    if (onLog) await page.exposeFunction('codeAutomationLog', (type, args) => onLog(type, args));
    if (onExit) await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    if (onConsole) page.on('console', (m) => onConsole(m.type(), m.text()));
    const url = workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return { browser, page, url, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** A fresh temporary directory under $TMPDIR; the caller removes it. */
export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
