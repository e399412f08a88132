import type { ChildProcess } from 'child_process';
import { fork } from 'child_process';
import * as os from 'os';
import type { AnalyzedFile, AnalyzeFileRequest, WorkerReply, WriteCacheRequest } from './workerProtocol';
import { received } from './workerProtocol';

export interface PoolOptions {
  /** Path of the built worker bundle (dist/worker.js). */
  script: string;
  size: number;
  /** A file taking longer than this is abandoned (its worker is replaced) and reported. */
  fileTimeoutMs: number;
  /** The setting or option that sets fileTimeoutMs, named when a file is skipped for its time. */
  timeoutOption?: string;
  /** Each worker's heap limit in MB; by default a share of the machine's memory (see `workerHeapMB`). */
  workerHeapMB?: number;
  /**
   * A cache entry this long takes tens of milliseconds to parse; such answers are parsed one per
   * turn of the event loop, so two that arrive together do not block the host back to back.
   */
  largeEntryChars?: number;
}

interface Task {
  req: AnalyzeFileRequest;
  resolve: (r: AnalyzedFile) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: ChildProcess;
  /** Sent to the worker and not answered yet, in the order it works through them (the first is running). */
  tasks: Task[];
  timer?: NodeJS.Timeout;
  /** Its last answer came from the cache: answers take a fraction of a millisecond, so send more at once. */
  answering: boolean;
  /** The end of what it wrote to standard error: V8's reason when it aborts (out of memory). */
  stderr: string;
  /** Callers of `writeCache` waiting for it to say its cache entries are written (or to end). */
  writing: (() => void)[];
}

/** Time a worker may take to read a file and start up before the analysis clock starts. */
const PREPARE_MS = 60_000;

/**
 * Requests a worker holds at once while it analyses: with one, it sat idle while this thread took
 * its answer in and sent the next file. More would only leave one worker with a queue of long
 * analyses at the end of a load, and more to finish after a cancel.
 */
const IN_FLIGHT = 2;
/**
 * The same while it answers from the cache, topped up half at a time in one message: each message
 * to a worker that had gone idle cost this thread 0.1-0.3 ms on this VM (most of the posting time of
 * a warm reopen of 2,225 files).
 */
const IN_FLIGHT_CACHED = 16;
/**
 * A file (or shard) this large answers with megabytes to take in on this thread: with such answers
 * queued behind one another, the extension host stalled (1.3 s on a reopen of Reuters' 36 shards).
 * A worker holding one is sent nothing else.
 */
const LARGE_BYTES = 256 * 1024;
/** The default of PoolOptions.largeEntryChars. */
const LARGE_ENTRY_CHARS = 1024 * 1024;

function depth(slot: Slot): number {
  return slot.answering ? IN_FLIGHT_CACHED : IN_FLIGHT;
}

function large(task: Task): boolean {
  return (task.req.bytes ?? 0) >= LARGE_BYTES;
}

/** How many of the queue's first tasks a worker can be sent now (in one message), beside those it holds. */
function room(slot: Slot, queue: Task[]): number {
  // A large one goes alone to an idle worker, and a worker holding one takes nothing more.
  if (slot.tasks.some(large)) return 0;
  if (slot.tasks.length === 0 && large(queue[0])) return 1;
  // A busy worker is topped up once it is down to half its depth, so requests go several to a message.
  if (slot.tasks.length > depth(slot) / 2) return 0;
  let n = 0;
  while (n < queue.length && slot.tasks.length + n < depth(slot) && !large(queue[n])) n++;
  return n;
}

/**
 * The heap a worker may use: half the machine's memory shared among the pool, between 512 MB and
 * 4 GB. A worker over it is stopped (its file reported); without a limit one reached 4.2 GB.
 */
export function workerHeapMB(poolSize: number): number {
  const share = os.totalmem() / 2 / Math.max(1, poolSize) / (1024 * 1024);
  return Math.round(Math.min(4096, Math.max(512, share)));
}

export class CancelledError extends Error {
  constructor() {
    super('indexing cancelled');
  }
}

/** The cores this process may use. */
export function machineCores(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Workers when none are configured: one per core, at most 8. */
export function defaultPoolSize(): number {
  return Math.min(8, machineCores());
}

/**
 * How much bytecode a function runs before V8 compiles it with its optimising compiler: 132 KB,
 * the default of V8 versions with the Maglev tier (Electron's; Node 20's V8 11.3 has 66 KB).
 * A fresh worker spent a quarter of its first 1,100 BBC stories compiling, more than half of that
 * compiling again functions optimised on too little type feedback and thrown away at the next
 * unseen case: 303 deoptimisations, 188 with this budget, and recompiling fell from 2.4 s to
 * 1.4 s (`node --trace-opt --trace-deopt`, one process, BBC's first 1,100 stories). BBC's cold
 * index took 19.2-22.8 s against 21.1-24.0 s with Node's (five runs each, alternating).
 */
const TIER_UP_BUDGET = 132 * 1024;

/**
 * A worker's V8 flags: its heap limit, its tier-up budget and, when the pool has a worker per
 * core, V8 without its helper threads. Each V8 compiles and collects garbage on threads of its own
 * beside the one running the code; with every core already running a worker those threads only
 * take turns with the workers. On the 2-core machine of the benchmark, BBC's cold index took
 * 15.5-17.3 s with --single-threaded against 18.2-19.3 s without (four runs each, alternating),
 * with the same analyses.
 */
export function workerFlags(heapMB: number, poolSize: number, cores = machineCores()): string[] {
  const flags = [`--max-old-space-size=${heapMB}`, `--interrupt-budget=${TIER_UP_BUDGET}`];
  if (poolSize >= cores) flags.push('--single-threaded');
  return flags;
}

/** How much of a worker's standard error is kept for the message of its end. */
const STDERR_KEPT = 4096;

/**
 * A fixed pool of indexing workers. Each worker reads, parses and analyses whole files, so the
 * calling thread does no file reading and no NLP. A worker that crashes or exceeds the per-file
 * time limit is replaced; its file is rejected with the reason, the rest go on.
 *
 * Workers are processes, not worker threads: a worker thread's heap limit is best-effort, and some
 * allocations past it (a Map or an array that keeps growing) abort the whole process instead
 * of the thread (nodejs/node#47224), which in VS Code is the extension host with every extension in
 * it. A process's --max-old-space-size is a hard limit, and reaching it ends that process only.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  /** Large answers waiting to be parsed, one per turn of the event loop (see largeEntryChars). */
  private readonly intake: (() => void)[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return Math.max(1, this.options.size);
  }

  analyzeFile(request: Omit<AnalyzeFileRequest, 'id'>): Promise<AnalyzedFile> {
    if (this.disposed) return Promise.reject(new CancelledError());
    return new Promise<AnalyzedFile>((resolve, reject) => {
      this.queue.push({ req: { ...request, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  /**
   * After a load: has the load's cache entries written, keeps one worker, with its analyser
   * loaded, so the next file change is analysed at once, and lets the others go so their memory
   * is returned while nothing is indexing.
   */
  async settle(): Promise<void> {
    if (this.disposed) return;
    await this.writeCache();
    if (this.disposed) return;
    const idle = this.slots.filter((s) => s.tasks.length === 0);
    if (idle.length === this.slots.length) {
      for (const s of idle.slice(1)) {
        this.slots.splice(this.slots.indexOf(s), 1);
        void letGo(s.worker);
      }
    }
    await this.analyzeFile({ path: '', warmOnly: true, limits: { maxFileBytes: 0, maxFiles: 0 }, options: { summarySentences: 0 } }).catch(() => undefined);
  }

  /** Starts every worker now, so they start up while the caller is still finding its files. */
  prestart(): void {
    while (!this.disposed && this.slots.length < this.size) this.spawn();
  }

  /**
   * Has every worker write the cache entries it holds now (between two files, if it is busy), and
   * resolves when they have. Workers write them on their own once idle for a while or let go; a
   * caller that wants them on disk sooner (another process is about to read the cache) asks.
   */
  writeCache(): Promise<void> {
    const message: WriteCacheRequest = { writeCache: true };
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (!slot.worker.connected) return resolve();
            slot.writing.push(resolve);
            slot.worker.send(message);
          }),
      ),
    ).then(() => undefined);
  }

  /** Rejects every queued task; running ones finish (their results are dropped by callers). */
  cancelPending(): void {
    for (const t of this.queue.splice(0)) t.reject(new CancelledError());
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelPending();
    await Promise.all(
      this.slots.splice(0).map((s) => {
        if (s.timer) clearTimeout(s.timer);
        const busy = s.tasks.length > 0;
        for (const t of s.tasks.splice(0)) t.reject(new CancelledError());
        return letGo(s.worker, busy ? BUSY_LET_GO_MS : LET_GO_MS);
      }),
    );
  }

  private pump(): void {
    while (this.queue.length && !this.disposed) {
      // An idle worker first, then a new one, and only then more requests to a busy one.
      let slot = this.slots.find((s) => s.tasks.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.find((s) => room(s, this.queue) > 0);
      if (!slot) return;
      this.run(slot, this.queue.splice(0, room(slot, this.queue)));
    }
  }

  /** Runs `job` on a later turn of the event loop than any other job queued here. */
  private takeIn(job: () => void): void {
    this.intake.push(job);
    if (this.intake.length === 1) setImmediate(() => this.takeNext());
  }

  private takeNext(): void {
    const job = this.intake[0] as () => void;
    try {
      job();
    } finally {
      this.intake.shift();
      if (this.intake.length) setImmediate(() => this.takeNext());
    }
  }

  private spawn(): Slot {
    const heapMB = this.options.workerHeapMB ?? workerHeapMB(this.size);
    const worker = fork(this.options.script, [], {
      // Only our flags: those of the host (an inspector port, VS Code's own) are not the worker's.
      execArgv: workerFlags(heapMB, this.size),
      // In VS Code's Electron this makes the host's executable a plain Node, as language servers are started.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      // Structured clone, as worker threads had: answers keep their Sets, Maps and typed arrays.
      serialization: 'advanced',
      // Nothing of a worker reaches the CLI's standard output, where the JSON goes.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { worker, tasks: [], answering: false, stderr: '', writing: [] };
    worker.stderr?.setEncoding('utf8');
    worker.stderr?.on('data', (text: string) => {
      slot.stderr = (slot.stderr + text).slice(-STDERR_KEPT);
    });
    worker.on('message', (reply: WorkerReply) => {
      if ('written' in reply) {
        for (const done of slot.writing.splice(0)) done();
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.req.id !== reply.id) return;
      if ('started' in reply) {
        this.arm(slot, this.options.fileTimeoutMs);
        return;
      }
      slot.tasks.shift();
      slot.answering = reply.ok && reply.result.cached;
      if (slot.tasks.length) this.arm(slot, this.prepareMs);
      else this.disarm(slot);
      if (!reply.ok) task.reject(new Error(reply.error));
      else if ((reply.result.entryJson?.length ?? 0) < (this.options.largeEntryChars ?? LARGE_ENTRY_CHARS)) task.resolve(received(reply.result));
      else this.takeIn(() => task.resolve(received(reply.result)));
      this.pump();
    });
    const fail = (why: string): void => {
      if (!this.slots.includes(slot)) return;
      const task = slot.tasks[0];
      this.replace(slot);
      task?.reject(new Error(why));
      this.pump();
    };
    worker.on('error', (err) => fail(`indexing worker crashed: ${err.message}`));
    // 'close' rather than 'exit': it comes after the last of its standard error, which says why.
    worker.on('close', (code, signal) => {
      for (const done of slot.writing.splice(0)) done();
      if (!this.disposed) fail(endOf(slot.stderr, code, signal, heapMB));
    });
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, tasks: Task[]): void {
    if (slot.tasks.length === 0) this.arm(slot, this.prepareMs);
    slot.tasks.push(...tasks);
    slot.worker.send(tasks.map((t) => t.req));
  }

  /**
   * Until the worker says analysis has started, it is reading the file and, on its first task,
   * starting up and loading compromise: that time does not count against the file.
   */
  private get prepareMs(): number {
    return Math.max(this.options.fileTimeoutMs, PREPARE_MS);
  }

  private arm(slot: Slot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const t = slot.tasks[0];
      this.replace(slot);
      const option = this.options.timeoutOption ? ` (${this.options.timeoutOption})` : '';
      const ms = this.options.fileTimeoutMs;
      t?.reject(new Error(`analysis took longer than ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}${option}; file skipped`));
      this.pump();
    }, ms);
  }

  private disarm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
  }

  /**
   * Drops a broken or stuck worker; a fresh one is spawned on demand. The requests it had not
   * started go back to the front of the queue; the caller settles the one it was working on.
   */
  private replace(slot: Slot): void {
    this.disarm(slot);
    this.queue.unshift(...slot.tasks.splice(1));
    slot.tasks = [];
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void stop(slot.worker);
  }
}

/** How long an idle worker that is let go may take to write the cache entries it holds. */
const LET_GO_MS = 10_000;
/**
 * ... and a busy one, to finish its file first (its answer is dropped). A load cancelled halfway
 * keeps the analyses its workers hold for the next load, unless a file holds a worker longer.
 */
const BUSY_LET_GO_MS = 3_000;

/**
 * Ends a worker as it asks: the channel is closed, and the worker writes the cache entries that
 * wait (worker/pendingWrites.ts) and exits. Resolves when it has gone; one that takes longer than
 * `ms` (a file in an endless loop) is stopped.
 */
function letGo(worker: ChildProcess, ms = LET_GO_MS): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  if (!worker.connected) return stop(worker);
  return new Promise((resolve) => {
    const timer = setTimeout(() => void stop(worker).then(resolve), ms);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.disconnect();
  });
}

/** Ends a worker at once (a busy one may be in an endless loop) and resolves when it has gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill('SIGKILL');
  });
}

/** Why a worker ended, for the file it was working on. */
export function endOf(stderr: string, code: number | null, signal: NodeJS.Signals | null, heapMB: number): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return `analysis ran out of memory (an indexing worker may use ${heapMB} MB); file skipped`;
  return signal ? `indexing worker was stopped (${signal})` : `indexing worker exited with code ${code}`;
}
