// The measurement suite of `npm run bench:host` (scripts/host/benchHost.mjs), loaded as
// `extensionTestsPath` into a real VS Code extension host whose workspace is a scratch copy of a
// corpus. It is not a test: it asserts nothing and writes figures to $NEWS_LENS_BENCH_RESULTS.
// Built by esbuild into dist/tools/hostBench.js; the integration run never loads it.
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { Session } from 'inspector';
import { basename, join } from 'path';
import type { IntervalHistogram } from 'perf_hooks';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import type { IndexedArticle } from '../../src/core/index/corpusIndex';
import { articleUri, rangeIn } from '../../src/vscode/adapters/positions';
import { Commands, EXTENSION_ID, Views } from '../../src/vscode/constants';
import type { NewsLensApi } from '../../src/vscode/extension';

const HOVER_SAMPLE = Number(process.env.NEWS_LENS_BENCH_HOVERS) || 200;
const SAMPLE_EVERY_MS = 200;
const PROBE_EVERY_MS = 250;
const STALL_MS = 100;
const STALLS_LISTED = 5;

interface Latencies {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

type Phase = 'indexing' | 'rest' | 'refresh';

interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** What VS Code itself recorded for the activation, from its "Startup Performance" report. */
interface VsCodeActivation {
  loadCodeMs: number;
  callActivateMs: number;
  finishActivateMs: number;
  /** What "Developer: Show Running Extensions" shows as the activation time: load code + call activate. */
  activationMs: number;
  event: string;
}

export interface HostBenchResult {
  vscodeVersion: string;
  appName: string;
  /** Was the extension already active when the suite started (it should not be). */
  activeBeforeSuite: boolean;
  /** Epoch ms (performance.timeOrigin + performance.now()) so the runner can line up its own clock. */
  epoch: { bundleEvaluationStart: number; activateStart: number; activateEnd: number; indexPublished?: number; indexReady: number };
  activation: {
    /** The extension's own marks: activate() from its first to its last line. */
    activateMs: number;
    /**
     * From the first line of the bundle to activate()'s return. Besides our code this includes what
     * VS Code does between loading the code and calling activate() (creating the extension context).
     */
    bundleStartToActivateReturnMs: number;
    vscode?: VsCodeActivation;
    vscodeUnavailable?: string;
  };
  index: {
    articles: number;
    entities: number;
    files: number;
    /** activate() start until the corpus service published a non-empty index (the trees' data). */
    publishedAfterActivateMs?: number;
    /** activate() start until whenReady() resolved. */
    readyAfterActivateMs: number;
  };
  whileIndexing: {
    eventLoopDelay: LoopDelay;
    /** Hover requests sent through the workbench and answered on this extension host while indexing ran. */
    hoverRoundTrip: Latencies;
  };
  hover: Latencies & { returned: number; note?: string };
  /**
   * The connections graph on the indexed corpus: from "Show Connections" to the page's report that
   * it drew (the top entities), as the window's first page and again later, then centred on the
   * most mentioned entity, then under a source filter that keeps every article (so the links are
   * counted again from the sentences, in time slices); with the event-loop delay and the stalls of
   * this host meanwhile.
   */
  graph?: GraphTimes & {
    /**
     * The same opening later in the session (after the summaries page), where this host makes every
     * webview but its first far more slowly: see `emptyPageMs`. Centring and filtering run on this page.
     */
    laterPage: GraphTimes;
    /**
     * What any later page costs on this host: from creating a webview panel whose page is one line of
     * inline script to that script's first message reaching the host (after the graph's first opening).
     */
    emptyPageMs: number;
    /**
     * For scale: from "Open Summaries" to the summaries page's report that it drew its cards (a page
     * without WebGL or a worker, opened as a later page), on the same machine at the same moment.
     */
    summariesFirstDrawMs: number;
    /** The event-loop delay while the empty and the summaries pages opened (kept out of `eventLoopDelay`). */
    summariesEventLoopDelay: LoopDelay;
    nodes: number;
    edges: number;
    focusDrawMs: number;
    focusNodes: number;
    filteredDrawMs: number;
    filteredNodes: number;
    eventLoopDelay: LoopDelay;
    stallsOver100Ms: number;
    /** The longest stall (ms) of each step: opening, centring, filtering (0: none over 100 ms). */
    longestStallMs: { open: number; focus: number; filter: number };
    /**
     * For each of those stalls, the CPU time this process had over the sampling interval holding it
     * (the stall plus 200 ms): well under that interval means the machine did not run the host
     * rather than the host being busy (these machines are shared).
     */
    longestStallCpuMs: { open: number; focus: number; filter: number };
  };
  refresh?: {
    ms: number;
    eventLoopDelay: LoopDelay;
    /** Real hovers over indexed mentions while the Refresh command re-indexed the corpus. */
    hover: Latencies & { returned: number };
  };
  /**
   * The longest times this extension host's thread did not run timers (over 100 ms), with when
   * they started relative to activate(), over the whole suite; `count` is how many there were.
   */
  stalls: { count: number; longest: { afterActivateMs: number; ms: number }[] };
  memory: {
    rssAfterIndexMB: number;
    heapUsedAfterIndexMB: number;
    /** Highest RSS sampled every 200 ms from the start of the suite to the end of the refresh. */
    sampledPeakRssMB: number;
    /** The same, per phase: the first indexing, hovering at rest, the Refresh (old and new index alive). */
    sampledPeakRssByPhaseMB: Record<Phase, number>;
    /** process.resourceUsage().maxRSS: the extension host's peak since it started. */
    maxRssMB: number;
  };
}

function say(line: string): void {
  console.log(`[bench] ${line}`);
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function latencies(times: number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0);
  return { count: sorted.length, p50Ms: round(at(0.5), 2), p99Ms: round(at(0.99), 2), maxMs: round(sorted[sorted.length - 1] ?? 0, 2) };
}

function loopDelay(h: IntervalHistogram): LoopDelay {
  const ms = (ns: number): number => round(ns / 1e6, 1);
  return { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
}

/** Each figure the larger of two measures' (an upper bound for the pair, not their merged percentiles). */
function worstOf(a: LoopDelay, b: LoopDelay): LoopDelay {
  return { p50Ms: Math.max(a.p50Ms, b.p50Ms), p99Ms: Math.max(a.p99Ms, b.p99Ms), maxMs: Math.max(a.maxMs, b.maxMs) };
}

function epoch(t: number): number {
  return round(performance.timeOrigin + t, 1);
}

/**
 * VS Code's own activation figures (code loading, activate call, activate resolved) as its
 * "Developer: Startup Performance" report lists them. The report is a text document of the
 * workbench; its content provider exists once the command has opened the report.
 */
async function vscodeActivationTimes(): Promise<VsCodeActivation | string> {
  try {
    await vscode.commands.executeCommand('perfview.show');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' }));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const row = doc
      .getText()
      .split('\n')
      .find((l) => l.startsWith('|') && l.includes(EXTENSION_ID));
    if (!row) return `no row for ${EXTENSION_ID} in the Startup Performance report`;
    // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    const [, , , load, call, finish, event] = row.split('|').map((c) => c.trim());
    const figures = { loadCodeMs: Number(load), callActivateMs: Number(call), finishActivateMs: Number(finish), activationMs: Number(load) + Number(call), event };
    if ([figures.loadCodeMs, figures.callActivateMs, figures.finishActivateMs].some((n) => !Number.isFinite(n))) return `unexpected row in the Startup Performance report: ${row}`;
    return figures;
  } catch (e) {
    return `the Startup Performance report could not be opened: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** `count` mentions spread evenly over the corpus (by position in the list of all mentions). */
function sampleMentions(articles: IndexedArticle[], count: number): { item: IndexedArticle; offset: number }[] {
  const total = articles.reduce((n, a) => n + a.mentions.length, 0);
  const picks: { item: IndexedArticle; offset: number }[] = [];
  if (!total) return picks;
  let a = 0;
  let before = 0;
  for (let k = 0; k < Math.min(count, total); k++) {
    const target = Math.floor(((k + 0.5) * total) / Math.min(count, total));
    while (before + articles[a].mentions.length <= target) before += articles[a++].mentions.length;
    const m = articles[a].mentions[target - before];
    picks.push({ item: articles[a], offset: (m.start + m.end) >> 1 });
  }
  return picks;
}

/**
 * Waits (at most a minute) until the runner has seen the Entities view's first row in the page and
 * says so through a file, so that what follows (opening documents, hovering) does not compete with
 * the tree's first rendering and inflate that figure.
 */
async function entitiesRowShown(): Promise<void> {
  const signal = process.env.NEWS_LENS_BENCH_SIGNAL;
  const until = performance.now() + 60_000;
  while (signal && !existsSync(signal) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
}

/** A time this thread did not run its timers: when it began, how long, and the CPU time the process had meanwhile. */
interface Stall {
  at: number;
  ms: number;
  cpuMs: number;
}

type HoverTarget = { uri: vscode.Uri; position: vscode.Position };

/** Opens each sampled article once (not timed) and returns where to hover. */
async function hoverTargets(picks: { item: IndexedArticle; offset: number }[]): Promise<HoverTarget[]> {
  const opened = new Map<string, vscode.Uri>();
  const targets: HoverTarget[] = [];
  for (const { item, offset } of picks) {
    const uri = articleUri(item.article);
    if (!opened.has(uri.toString())) {
      await vscode.workspace.openTextDocument(uri);
      opened.set(uri.toString(), uri);
    }
    targets.push({ uri, position: rangeIn(item.article, { start: offset, end: offset }).start });
  }
  return targets;
}

async function hover(target: HoverTarget): Promise<{ ms: number; returned: boolean }> {
  const t = performance.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', target.uri, target.position);
  const ms = performance.now() - t;
  return { ms, returned: (hovers ?? []).some((h) => h.contents.length > 0) };
}

/** Polls until `probe` gives something (every 5 ms, so the figure is not rounded up by the poll). */
async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** See `emptyPageMs`: a page with nothing to load, so what it takes is the workbench's alone. */
async function emptyPage(): Promise<number> {
  const t = performance.now();
  const panel = vscode.window.createWebviewPanel('newsLens.benchEmptyPage', 'Empty page', vscode.ViewColumn.Active, { enableScripts: true });
  const arrived = new Promise<void>((resolve) => panel.webview.onDidReceiveMessage(() => resolve()));
  const nonce = randomBytes(16).toString('base64');
  panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><script nonce="${nonce}">acquireVsCodeApi().postMessage('ready');</script></body></html>`;
  await arrived;
  const ms = Math.round(performance.now() - t);
  panel.dispose();
  return ms;
}

/** Show Connections, timed: the window's first page unless said otherwise. */
interface GraphTimes {
  /** From the command to the page's report that it drew. */
  firstDrawMs: number;
  /** From the command until the host answered the page's `ready` with the first graph (the workbench making the webview, the page loading its script, the host choosing the graph). */
  pageReadyMs: number;
  /** From then to the page's report that it drew (the message to the page, its drawing). */
  readyToDrawMs: number;
  /** From the command until the page's first message (`ready`) reached the host: the page made and its script run. */
  readyArrivedMs: number;
}

interface GraphOpening {
  panel: NonNullable<NewsLensApi['graph']['panel']>;
  first: NonNullable<NonNullable<NewsLensApi['graph']['panel']>['lastRendered']>;
  times: GraphTimes;
}

/** Runs Show Connections and times the page until it reports its first drawing. */
async function openGraph(api: NewsLensApi): Promise<GraphOpening> {
  const t = performance.now();
  await vscode.commands.executeCommand(Commands.showConnections);
  const panel = await until('the graph panel', () => api.graph.panel);
  let readyAt: number | undefined;
  let readyArrivedAt: number | undefined;
  const onArrived = panel.panel.webview.onDidReceiveMessage(() => (readyArrivedAt ??= performance.now()));
  const onReady = panel.onDidHandleMessage((m) => {
    if (m.type === 'ready') readyAt ??= performance.now();
  });
  const first = await until('the first drawing of the graph', () => panel.lastRendered);
  const drawnAt = performance.now();
  onReady.dispose();
  onArrived.dispose();
  const firstDrawMs = Math.round(drawnAt - t);
  const pageReadyMs = Math.round((readyAt ?? drawnAt) - t);
  return { panel, first, times: { firstDrawMs, pageReadyMs, readyToDrawMs: firstDrawMs - pageReadyMs, readyArrivedMs: Math.round((readyArrivedAt ?? drawnAt) - t) } };
}

async function measureGraph(api: NewsLensApi, stalls: Stall[]): Promise<HostBenchResult['graph']> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  api.summaries.panel?.dispose();
  const start = performance.now();
  const stallsBefore = stalls.length;
  loop.enable();
  const asFirstPage = await openGraph(api);
  asFirstPage.panel.dispose();
  // The pages opened for scale are not the graph's: their delays are kept apart. A histogram enabled
  // again counts the pause as one long delay, so the rest of the graph's steps get their own.
  loop.disable();
  const summariesLoop = monitorEventLoopDelay({ resolution: 10 });
  summariesLoop.enable();
  const scaleStart = performance.now();
  const emptyPageMs = await emptyPage();
  let t = performance.now();
  await vscode.commands.executeCommand(Commands.openSummaries);
  await until('the summaries page to draw', () => api.summaries.panel?.lastRendered);
  const summariesFirstDrawMs = Math.round(performance.now() - t);
  api.summaries.panel?.dispose();
  summariesLoop.disable();
  const scaleEnd = performance.now();
  const laterLoop = monitorEventLoopDelay({ resolution: 10 });
  laterLoop.enable();
  const later = await openGraph(api);
  const { panel } = later;
  const focusStart = performance.now();

  const top = api.corpus.index.entities().find((e) => e.type === 'person') ?? api.corpus.index.entities()[0];
  t = performance.now();
  await vscode.commands.executeCommand(Commands.showConnections, top.id);
  const focused = await until('the graph centred on the top entity', () => (panel.lastRendered?.state.focus[0] === top.id ? panel.lastRendered : undefined));
  const focusDrawMs = Math.round(performance.now() - t);

  const sources = [...new Set(api.corpus.index.articles().map((a) => a.article.source ?? ''))];
  const before = panel.lastRendered;
  const filterStart = performance.now();
  t = performance.now();
  await vscode.commands.executeCommand(Commands.filterBySource, sources);
  const filtered = await until('the graph under a source filter', () => (panel.lastRendered !== before && api.filter.service.filter.sources.length ? panel.lastRendered : undefined), 120_000);
  const filteredDrawMs = Math.round(performance.now() - t);
  await vscode.commands.executeCommand(Commands.clearDateSourceFilter);
  laterLoop.disable();
  panel.dispose();
  const during = stalls.slice(stallsBefore).filter((s) => s.at >= start && (s.at < scaleStart || s.at >= scaleEnd));
  const longestOf = (from: number, to: number): Stall | undefined => during.filter((s) => s.at >= from && s.at < to).sort((a, b) => b.ms - a.ms)[0];
  const steps = { open: longestOf(start, focusStart), focus: longestOf(focusStart, filterStart), filter: longestOf(filterStart, Infinity) };
  return {
    ...asFirstPage.times,
    laterPage: later.times,
    emptyPageMs,
    summariesFirstDrawMs,
    summariesEventLoopDelay: loopDelay(summariesLoop),
    nodes: asFirstPage.first.nodes,
    edges: asFirstPage.first.edges,
    focusDrawMs,
    focusNodes: focused.nodes,
    filteredDrawMs,
    filteredNodes: filtered.nodes,
    eventLoopDelay: worstOf(loopDelay(loop), loopDelay(laterLoop)),
    stallsOver100Ms: during.length,
    longestStallMs: { open: Math.round(steps.open?.ms ?? 0), focus: Math.round(steps.focus?.ms ?? 0), filter: Math.round(steps.filter?.ms ?? 0) },
    longestStallCpuMs: { open: Math.round(steps.open?.cpuMs ?? 0), focus: Math.round(steps.focus?.cpuMs ?? 0), filter: Math.round(steps.filter?.cpuMs ?? 0) },
  };
}

/** Starts V8's sampling profiler on this extension host (`--cpu-profile`); the returned function writes the profile. */
function startCpuProfile(dir: string, name: string): () => Promise<void> {
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  const started = post('Profiler.enable').then(() => post('Profiler.start'));
  return async () => {
    await started;
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    say(`CPU profile of the extension host: ${file}`);
  };
}

export async function run(): Promise<void> {
  const resultsFile = process.env.NEWS_LENS_BENCH_RESULTS;
  if (!resultsFile) throw new Error('NEWS_LENS_BENCH_RESULTS is not set; run this suite through `npm run bench:host`');
  const profileDir = process.env.NEWS_LENS_BENCH_CPU_PROFILE;
  const stopProfile = profileDir ? startCpuProfile(profileDir, basename(resultsFile, '.json')) : undefined;
  const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this host`);
  const activeBeforeSuite = ext.isActive;

  let peakRss = process.memoryUsage().rss;
  let phase: Phase = 'indexing';
  const phasePeaks: Record<Phase, number> = { indexing: 0, rest: 0, refresh: 0 };
  const sampleRss = (): void => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    phasePeaks[phase] = Math.max(phasePeaks[phase], rss);
  };
  // The same timer also finds the stalls of this thread (and when they happened), which the
  // event-loop delay histogram cannot place in time.
  const stalls: Stall[] = [];
  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  const sampler = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    if (now - lastTick > SAMPLE_EVERY_MS + STALL_MS) stalls.push({ at: lastTick, ms: now - lastTick - SAMPLE_EVERY_MS, cpuMs: (cpu.user + cpu.system) / 1000 });
    lastTick = now;
    lastCpu = process.cpuUsage();
    sampleRss();
  }, SAMPLE_EVERY_MS);

  // A provider of this suite, answering at once: its round trip through the workbench shows how
  // long any hover waits for this extension host while indexing keeps it busy.
  const probeDoc = await vscode.workspace.openTextDocument({ content: 'responsiveness probe', language: 'plaintext' });
  const probeProvider = vscode.languages.registerHoverProvider({ scheme: 'untitled' }, { provideHover: () => new vscode.Hover('probe') });

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Opening the News Lens view is what activates the extension for a user (onView), and it makes
  // the workbench ask the Entities tree for its children, which the runner watches in the page.
  await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
  const api = await ext.activate();
  const { bundleEvaluationStart, activateStart, activateEnd } = api.activation;
  say(`activated: activate() took ${round(activateEnd - activateStart, 2)} ms`);

  let published: number | undefined;
  const onPublished = api.corpus.onDidChange((index) => {
    if (published === undefined && index.size > 0) published = performance.now();
  });

  const probeTimes: number[] = [];
  let indexing = true;
  const probing = (async () => {
    while (indexing) {
      const t = performance.now();
      await vscode.commands.executeCommand('vscode.executeHoverProvider', probeDoc.uri, new vscode.Position(0, 2));
      probeTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
  })();
  const index = await api.whenReady();
  const readyAt = performance.now();
  indexing = false;
  await probing;
  loop.disable();
  const whileIndexing = { eventLoopDelay: loopDelay(loop), hoverRoundTrip: latencies(probeTimes) };
  onPublished.dispose();
  probeProvider.dispose();
  say(`index ready: ${index.size} articles, ${index.entities().length} entities after ${Math.round(readyAt - activateStart)} ms`);

  sampleRss();
  phase = 'rest';
  const rssAfterIndex = process.memoryUsage();
  await entitiesRowShown();

  const targets = await hoverTargets(sampleMentions(index.articles(), HOVER_SAMPLE));
  const hoverRuns: { ms: number; returned: boolean }[] = [];
  for (const target of targets) hoverRuns.push(await hover(target));
  const returned = hoverRuns.filter((h) => h.returned).length;
  const hoverFigures: HostBenchResult['hover'] = { ...latencies(hoverRuns.map((h) => h.ms)), returned };
  if (targets.length && !returned) hoverFigures.note = `no hover provider registered: 0 of ${targets.length} mention positions returned a hover`;
  say(`hovers: ${returned} of ${targets.length} returned, p50 ${hoverFigures.p50Ms} ms`);

  const graph = process.env.NEWS_LENS_BENCH_GRAPH === '0' ? undefined : await measureGraph(api, stalls);
  if (graph) say(`graph: first drawing ${graph.firstDrawMs} ms (${graph.nodes} entities), centred ${graph.focusDrawMs} ms, filtered ${graph.filteredDrawMs} ms; event loop max ${graph.eventLoopDelay.maxMs} ms`);

  let refresh: HostBenchResult['refresh'];
  if (process.env.NEWS_LENS_BENCH_REFRESH !== '0' && targets.length) {
    // Refresh re-indexes (from the analysis cache) while the previous index keeps answering.
    sampleRss();
    phase = 'refresh';
    const refreshLoop = monitorEventLoopDelay({ resolution: 10 });
    refreshLoop.enable();
    const t = performance.now();
    let running = true;
    const reloaded = Promise.resolve(vscode.commands.executeCommand(Commands.refresh)).then(() => api.whenReady());
    const stop = (): void => {
      running = false;
    };
    reloaded.then(stop, stop);
    const during: { ms: number; returned: boolean }[] = [];
    for (let i = 0; running; i = (i + 1) % targets.length) {
      during.push(await hover(targets[i]));
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS / 5));
    }
    await reloaded;
    refreshLoop.disable();
    refresh = {
      ms: Math.round(performance.now() - t),
      eventLoopDelay: loopDelay(refreshLoop),
      hover: { ...latencies(during.map((h) => h.ms)), returned: during.filter((h) => h.returned).length },
    };
    say(`refresh: ${refresh.ms} ms, ${during.length} hovers meanwhile`);
  }
  clearInterval(sampler);
  sampleRss();
  // Last, and outside the stall sampling: the report is a markdown document, and opening it loads
  // VS Code's markdown extension into this same host, a stall of 100-350 ms that is not ours.
  const vscodeActivation = await vscodeActivationTimes();

  const result: HostBenchResult = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    activeBeforeSuite,
    epoch: {
      bundleEvaluationStart: epoch(bundleEvaluationStart),
      activateStart: epoch(activateStart),
      activateEnd: epoch(activateEnd),
      indexPublished: published === undefined ? undefined : epoch(published),
      indexReady: epoch(readyAt),
    },
    activation: {
      activateMs: round(activateEnd - activateStart, 2),
      bundleStartToActivateReturnMs: round(activateEnd - bundleEvaluationStart, 2),
      ...(typeof vscodeActivation === 'string' ? { vscodeUnavailable: vscodeActivation } : { vscode: vscodeActivation }),
    },
    index: {
      articles: index.size,
      entities: index.entities().length,
      files: index.paths().length,
      publishedAfterActivateMs: published === undefined ? undefined : Math.round(published - activateStart),
      readyAfterActivateMs: Math.round(readyAt - activateStart),
    },
    whileIndexing,
    hover: hoverFigures,
    graph,
    refresh,
    stalls: {
      count: stalls.length,
      longest: [...stalls]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, STALLS_LISTED)
        .map((x) => ({ afterActivateMs: Math.round(x.at - activateStart), ms: Math.round(x.ms) })),
    },
    memory: {
      rssAfterIndexMB: mb(rssAfterIndex.rss),
      heapUsedAfterIndexMB: mb(rssAfterIndex.heapUsed),
      sampledPeakRssMB: mb(peakRss),
      sampledPeakRssByPhaseMB: { indexing: mb(phasePeaks.indexing), rest: mb(phasePeaks.rest), refresh: mb(phasePeaks.refresh) },
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
  };
  await stopProfile?.();
  writeFileSync(resultsFile, JSON.stringify(result, null, 2));
}
