import { Worker } from 'worker_threads';
import type { AnalyzedFile, AnalyzeFileRequest, WorkerReply } from './workerProtocol';
import { received } from './workerProtocol';

export interface PoolOptions {
  /** Path of the built worker bundle (dist/worker.js). */
  script: string;
  size: number;
  /** A file taking longer than this is abandoned (its worker is replaced) and reported. */
  fileTimeoutMs: number;
}

interface Task {
  req: AnalyzeFileRequest;
  resolve: (r: AnalyzedFile) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/** Time a worker may take to read a file and start up before the analysis clock starts. */
const PREPARE_MS = 60_000;

export class CancelledError extends Error {
  constructor() {
    super('indexing cancelled');
  }
}

/**
 * A fixed pool of indexing workers. Each worker reads, parses and analyses whole files, so the
 * calling thread does no file reading and no NLP. A worker that crashes or exceeds the per-file
 * time limit is replaced; its file is rejected with the reason, the rest go on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
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
   * After a load: keeps one worker, with its analyser loaded, so the next file change is analysed
   * at once, and lets the others go so their memory is returned while nothing is indexing.
   */
  async settle(): Promise<void> {
    if (this.disposed) return;
    const idle = this.slots.filter((s) => !s.task);
    if (idle.length === this.slots.length) {
      for (const s of idle.slice(1)) {
        this.slots.splice(this.slots.indexOf(s), 1);
        void s.worker.terminate();
      }
    }
    await this.analyzeFile({ path: '', warmOnly: true, limits: { maxFileBytes: 0, maxFiles: 0 }, options: { summarySentences: 0 } }).catch(() => undefined);
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
        s.task?.reject(new CancelledError());
        return s.worker.terminate();
      }),
    );
  }

  private pump(): void {
    while (this.queue.length && !this.disposed) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.run(slot, this.queue.shift() as Task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script);
    const slot: Slot = { worker };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || task.req.id !== reply.id) return;
      if ('started' in reply) {
        this.arm(slot, this.options.fileTimeoutMs);
        return;
      }
      this.finish(slot);
      if (reply.ok) task.resolve(received(reply.result));
      else task.reject(new Error(reply.error));
      this.pump();
    });
    const fail = (why: string): void => {
      const task = slot.task;
      this.replace(slot);
      task?.reject(new Error(why));
      this.pump();
    };
    worker.on('error', (err) => fail(`indexing worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.disposed && this.slots.includes(slot)) fail(`indexing worker exited with code ${code}`);
    });
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    // Until the worker says analysis has started, it is reading the file and, on its first task,
    // starting up and loading compromise: that time does not count against the file.
    this.arm(slot, Math.max(this.options.fileTimeoutMs, PREPARE_MS));
    slot.worker.postMessage(task.req);
  }

  private arm(slot: Slot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const t = slot.task;
      this.replace(slot);
      t?.reject(new Error(`analysis took longer than ${Math.round(this.options.fileTimeoutMs / 1000)} s (newsLens.index.fileTimeoutSeconds); file skipped`));
      this.pump();
    }, ms);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
  }

  /** Drops a broken or stuck worker; a fresh one is spawned on demand. */
  private replace(slot: Slot): void {
    this.finish(slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }
}
