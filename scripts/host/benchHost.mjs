// `npm run bench:host -- <corpus dir or file> [options]`: News Lens measured inside a real VS Code
// (code-server + headless Chromium) on a scratch copy of a corpus. Prints one JSON object and a
// table: activation time (the extension's own marks and VS Code's report), time until the Entities
// view shows its first rows (watched in the page), time until the index is complete, hover latency
// through `vscode.executeHoverProvider`, event-loop delay and hover round trips while indexing, and
// the extension host's memory.
//
//   --workers N      newsLens.index.workers for the session (default: the extension's default)
//   --limit N        use only the first N files of a folder, or the first N records of a JSONL file
//   --cold-only      skip the second session, which reopens the same workspace with the analysis cache
//   --hovers N       mentions to hover over (default 200)
//   --no-refresh     skip the Refresh measured with hovers running meanwhile
//   --no-graph       skip the connections graph (opened, centred on an entity, filtered)
//   --timeout-minutes M   per session (default 30)
//   --cpu-profile DIR     write the extension host's CPU profile of each session to DIR/<session>.cpuprofile
//                         (open it in Chrome DevTools or VS Code); sampling slows the host a little
//
// The suite running inside the host is test/bench/hostBench.ts (built to dist/tools/hostBench.js).
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, join, relative, resolve } from 'path';
import { createInterface } from 'readline';
import { parseArgs, format } from 'util';
import { freePort, openWorkbench, repoRoot, startCodeServer, tempDir } from './vscodeHost.mjs';

/* global document, MutationObserver, performance -- the page.evaluate callbacks run in the browser */

const suite = join(repoRoot, 'dist', 'tools', 'hostBench.js');
const ACTIVATION_TARGET_MS = 50;

function say(line) {
  console.error(`[bench:host] ${line}`);
}

function usage() {
  return 'usage: npm run bench:host -- <corpus dir or file> [--workers N] [--limit N] [--cold-only] [--hovers N] [--no-refresh] [--no-graph] [--timeout-minutes M] [--cpu-profile DIR]';
}

/** Copies the corpus (or its first `limit` files / JSONL records) into `dir`, which the host opens. */
async function stage(input, limit, dir) {
  const st = statSync(input);
  if (st.isFile()) {
    const target = join(dir, basename(input));
    if (!limit) return copyFileSync(input, target);
    const lines = [];
    const reader = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
    for await (const line of reader) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length >= limit) break;
    }
    reader.close();
    writeFileSync(target, lines.join('\n') + '\n');
    return;
  }
  let copied = 0;
  const walk = (from) => {
    for (const entry of readdirSync(from, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (limit && copied >= limit) return;
      const source = join(from, entry.name);
      const target = join(dir, relative(input, source));
      if (entry.isDirectory()) {
        mkdirSync(target, { recursive: true });
        walk(source);
      } else if (entry.isFile()) {
        copyFileSync(source, target);
        copied++;
      }
    }
  };
  walk(input);
}

/**
 * Resolves with the epoch time (ms) at which the Entities view first shows a row, observed inside
 * the page so the figure is what a user sees, not when the data was ready.
 */
function firstEntitiesRow(page) {
  return page.evaluate(
    () =>
      new Promise((resolvePromise) => {
        const find = () => {
          for (const pane of document.querySelectorAll('[id="workbench.view.extension.newsLens"] .pane')) {
            const header = pane.querySelector('.pane-header');
            if (header && /Entities/.test(header.textContent ?? '') && pane.querySelector('.monaco-list[role="tree"] [role="treeitem"]')) return true;
          }
          return false;
        };
        const done = () => resolvePromise(performance.timeOrigin + performance.now());
        if (find()) return done();
        const observer = new MutationObserver(() => {
          if (find()) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.documentElement, { childList: true, subtree: true });
      }),
  );
}

/** What to stop if the run is interrupted (Ctrl+C): the current host and browser, the scratch folder. */
const cleanups = new Set();

function onInterrupt() {
  say('interrupted: stopping code-server and the browser');
  Promise.allSettled([...cleanups].map((c) => c())).finally(() => process.exit(130));
}

async function session({ name, folder, dirs, port, settings, timeoutMs, env }) {
  const resultsFile = join(dirs.base, `${name}.json`);
  const signalFile = join(dirs.base, `${name}.first-row`);
  rmSync(resultsFile, { force: true });
  rmSync(signalFile, { force: true });
  let server;
  let workbench;
  let timer;
  const logs = [];
  const stop = async () => {
    await workbench?.close().catch(() => {});
    await server?.stop();
  };
  cleanups.add(stop);
  try {
    server = await startCodeServer({
      folder,
      port,
      userDataDir: dirs.userDataDir,
      extensionsDir: dirs.extensionsDir,
      settings,
      env: { ...env, NEWS_LENS_BENCH_RESULTS: resultsFile, NEWS_LENS_BENCH_SIGNAL: signalFile },
      log: say,
    });
    let finish;
    const finished = new Promise((r) => (finish = r));
    timer = setTimeout(() => finish({ error: `timed out after ${timeoutMs / 60_000} minutes` }), timeoutMs);
    server.exited.then(({ code, signal }) => finish({ error: `code-server exited (${signal ?? code})` }));
    workbench = await openWorkbench({
      port: server.port,
      folder,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      onLog: (_type, args) => {
        const text = Array.isArray(args) ? format(...args) : format(args);
        logs.push(text);
        if (text.startsWith('[bench]')) say(`[${name}] ${text.slice(8)}`);
      },
      onExit: (code) => finish({ code }),
    });
    const pageOrigin = await workbench.page.evaluate(() => performance.timeOrigin);
    let firstRow;
    // The suite waits for this file before it opens documents and hovers, which would otherwise
    // compete with the tree's first rendering.
    firstEntitiesRow(workbench.page).then(
      (t) => {
        firstRow = t;
        writeFileSync(signalFile, String(t));
      },
      () => {},
    );
    const outcome = await finished;
    if (outcome.error || outcome.code !== 0 || !existsSync(resultsFile)) {
      const tail = logs.slice(-30).join('\n');
      throw new Error(`session ${name} failed: ${outcome.error ?? `suite exit code ${outcome.code}`}\n${tail}`);
    }
    const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
    r.entitiesView = firstRow
      ? {
          firstRowAfterActivateMs: Math.round(firstRow - r.epoch.activateStart),
          firstRowAfterPageLoadMs: Math.round(firstRow - pageOrigin),
        }
      : { note: 'the Entities view showed no row while the suite ran' };
    r.indexReadyAfterPageLoadMs = Math.round(r.epoch.indexReady - pageOrigin);
    return r;
  } finally {
    clearTimeout(timer);
    await stop();
    cleanups.delete(stop);
  }
}

function latencyText(l) {
  return l.count ? `p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms (${l.count})` : 'none measured';
}

function table(rows) {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}

/** A step's longest stall, with the CPU time the host had over its sampling interval (the stall + 200 ms). */
function stallText(g, step) {
  const ms = g.longestStallMs[step];
  return ms ? `${ms} ms (host CPU ${g.longestStallCpuMs[step]} ms of ${ms + 200} ms)` : 'none';
}

function describe(report) {
  const rows = [
    ['corpus', `${report.corpus}${report.limit ? ` (first ${report.limit})` : ''}`],
    ['host', `${report.appName} ${report.vscodeVersion}, workers ${report.workers ?? 'default'}`],
  ];
  for (const s of report.sessions) {
    const p = `${s.name}:`;
    const a = s.activation;
    rows.push([
      `${p} activation (VS Code's report)`,
      a.vscode
        ? `${a.vscode.activationMs} ms = load code ${a.vscode.loadCodeMs} ms + call activate ${a.vscode.callActivateMs} ms (target ≤ ${ACTIVATION_TARGET_MS} ms: ${a.vscode.activationMs <= ACTIVATION_TARGET_MS ? 'met' : 'MISSED'}); by ${a.vscode.event}`
        : a.vscodeUnavailable,
    ]);
    rows.push([`${p} activation (own marks)`, `activate() ${a.activateMs} ms; bundle start → activate() returned ${a.bundleStartToActivateReturnMs} ms (includes VS Code creating the extension context)`]);
    rows.push([`${p} Entities view first row`, s.entitiesView.note ?? `${s.entitiesView.firstRowAfterActivateMs} ms after activate() (${s.entitiesView.firstRowAfterPageLoadMs} ms after page load)`]);
    rows.push([`${p} index complete`, `${s.index.readyAfterActivateMs} ms after activate(): ${s.index.articles} articles, ${s.index.entities} entities, ${s.index.files} files`]);
    rows.push([`${p} event-loop delay while indexing`, `p50 ${s.whileIndexing.eventLoopDelay.p50Ms} ms, p99 ${s.whileIndexing.eventLoopDelay.p99Ms} ms, max ${s.whileIndexing.eventLoopDelay.maxMs} ms`]);
    rows.push([`${p} hover round trip while indexing`, latencyText(s.whileIndexing.hoverRoundTrip)]);
    rows.push([`${p} hover (executeHoverProvider)`, s.hover.note ?? `${latencyText(s.hover)}, ${s.hover.returned} returned a hover`]);
    if (s.graph) {
      const g = s.graph;
      rows.push([
        `${p} connections graph`,
        `first drawing ${g.firstDrawMs} ms after the command, as the window's first page (page ready ${g.pageReadyMs} ms, then drawn ${g.readyToDrawMs} ms later; ${g.nodes} entities, ${g.edges} links; target ≤ 1000 ms: ${g.firstDrawMs <= 1000 ? 'met' : 'MISSED'}); ` +
          `as a later page ${g.laterPage.firstDrawMs} ms (page ready ${g.laterPage.pageReadyMs} ms), where an empty page takes ${g.emptyPageMs} ms on this host and the summaries page ${g.summariesFirstDrawMs} ms (event loop max ${g.summariesEventLoopDelay.maxMs} ms while those two opened); ` +
          `centred on the top entity ${g.focusDrawMs} ms (${g.focusNodes}); under a source filter ${g.filteredDrawMs} ms (${g.filteredNodes})`,
      ]);
      rows.push([`${p} event loop while graphing`, `p50 ${g.eventLoopDelay.p50Ms} ms, p99 ${g.eventLoopDelay.p99Ms} ms, max ${g.eventLoopDelay.maxMs} ms; stalls > 100 ms: ${g.stallsOver100Ms}; longest while opening ${stallText(g, 'open')}, centring ${stallText(g, 'focus')}, filtering ${stallText(g, 'filter')}`]);
    }
    if (s.refresh) {
      rows.push([`${p} Refresh`, `${s.refresh.ms} ms; event-loop delay p99 ${s.refresh.eventLoopDelay.p99Ms} ms, max ${s.refresh.eventLoopDelay.maxMs} ms`]);
      rows.push([`${p} hover during Refresh`, `${latencyText(s.refresh.hover)}, ${s.refresh.hover.returned} returned a hover`]);
    }
    rows.push([
      `${p} extension host stalls > 100 ms`,
      s.stalls.count ? `${s.stalls.count}; longest ${s.stalls.longest.map((x) => `${x.ms} ms at +${x.afterActivateMs} ms`).join(', ')} (after activate())` : 'none',
    ]);
    const peaks = s.memory.sampledPeakRssByPhaseMB;
    rows.push([
      `${p} extension host memory`,
      `RSS ${s.memory.rssAfterIndexMB} MB after indexing (heap ${s.memory.heapUsedAfterIndexMB} MB); sampled peak ${s.memory.sampledPeakRssMB} MB ` +
        `(indexing ${peaks.indexing}, at rest ${peaks.rest}, Refresh ${peaks.refresh || 'not run'}), maxRSS ${s.memory.maxRssMB} MB`,
    ]);
  }
  return table(rows);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workers: { type: 'string' },
      limit: { type: 'string' },
      'cold-only': { type: 'boolean' },
      hovers: { type: 'string' },
      'no-refresh': { type: 'boolean' },
      'no-graph': { type: 'boolean' },
      'timeout-minutes': { type: 'string' },
      'cpu-profile': { type: 'string' },
    },
  });
  if (!positionals[0]) {
    console.error(usage());
    process.exitCode = 2;
    return;
  }
  const input = resolve(positionals[0]);
  if (!existsSync(input)) throw new Error(`${input} does not exist`);
  if (!existsSync(suite)) throw new Error(`${suite} is missing: build first (node esbuild.mjs)`);
  const limit = values.limit ? Number(values.limit) : undefined;
  const workers = values.workers ? Number(values.workers) : undefined;
  if ((limit !== undefined && !(limit > 0)) || (workers !== undefined && !(workers > 0))) throw new Error(usage());

  const base = tempDir('news-lens-bench-host-');
  const dirs = { base, userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions') };
  const folder = join(base, 'corpus');
  const removeScratch = () => rmSync(base, { recursive: true, force: true });
  cleanups.add(removeScratch);
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    mkdirSync(folder);
    await stage(input, limit, folder);
    say(`staged ${input}${limit ? ` (first ${limit})` : ''} in ${folder}`);
    const settings = workers ? { 'newsLens.index.workers': workers } : {};
    const env = {
      NEWS_LENS_BENCH_HOVERS: values.hovers ?? '',
      NEWS_LENS_BENCH_REFRESH: values['no-refresh'] ? '0' : '1',
      NEWS_LENS_BENCH_GRAPH: values['no-graph'] ? '0' : '1',
      NEWS_LENS_BENCH_CPU_PROFILE: values['cpu-profile'] ? resolve(values['cpu-profile']) : '',
    };
    const timeoutMs = (Number(values['timeout-minutes']) || 30) * 60_000;
    // The workbench names the workspace after its URI, which holds the port: the warm session must
    // use the same port to find the cold session's workspace storage (and so the analysis cache).
    const port = await freePort();
    const names = values['cold-only'] ? ['cold'] : ['cold', 'warm'];
    const sessions = [];
    for (const name of names) {
      say(`[${name}] starting code-server on the staged corpus${name === 'warm' ? ' (same user data: the analysis cache is kept)' : ''}`);
      const r = await session({ name, folder, dirs, port, settings, timeoutMs, env });
      sessions.push({ name, ...r });
    }
    const report = { corpus: input, limit, workers, vscodeVersion: sessions[0].vscodeVersion, appName: sessions[0].appName, sessions };
    console.log(JSON.stringify(report, null, 2));
    console.log(describe(report));
  } finally {
    removeScratch();
  }
}

main().catch((e) => {
  console.error(`bench:host failed: ${e.stack ?? e.message}`);
  process.exitCode = 1;
});
