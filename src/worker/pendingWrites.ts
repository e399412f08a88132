import { writeCacheText } from '../core/index/analysisCache';

/** Text of waiting entries past which the oldest are written at once, between two analyses. */
const MAX_PENDING_CHARS = 32 * 1024 * 1024;
/** How long one turn of writing may hold the worker before it looks for a new request. */
const SLICE_MS = 20;

const idOf = (dir: string, key: string): string => `${dir}\n${key}`;

interface Pending {
  dir: string;
  key: string;
  text: string;
  /** The file the entry is for: a write that fails is reported against it. */
  path: string;
}

/**
 * Cache entries a worker has analysed but not yet written. Creating a file costs this kind of VM
 * about 0.3 ms of system time besides the write; written between two analyses, the entries took
 * about 7% of each worker's time in a cold index (BBC: 1.1 s of 15), and the index was ready that
 * much later. They wait here and are written behind the index: when the worker has had nothing to
 * do for a while (indexWorker.ts) or when the pool lets it go (it disconnects; the worker writes
 * what waits and exits). Past MAX_PENDING_CHARS the oldest are written straight away, so a corpus
 * of any size holds little memory here. A worker stopped by force (a file over its time limit, a
 * crash) loses what waits: those files are analysed again on the next load.
 *
 * A worker answers a request for an entry that waits from here: the pool may ask again for a file
 * before its entry is on disk.
 */
export class PendingWrites {
  private readonly waiting = new Map<string, Pending>();
  private chars = 0;
  private readonly failures: { path: string; message: string }[] = [];

  add(dir: string, key: string, text: string, path: string): void {
    this.take(dir, key);
    this.waiting.set(idOf(dir, key), { dir, key, text, path });
    this.chars += text.length;
    while (this.chars > MAX_PENDING_CHARS) this.writeOldest();
  }

  /** The waiting entry's text, if this entry waits. */
  text(dir: string, key: string): string | undefined {
    return this.waiting.get(idOf(dir, key))?.text;
  }

  /** Drops a waiting entry (its file is analysed again). */
  take(dir: string, key: string): void {
    const id = idOf(dir, key);
    const p = this.waiting.get(id);
    if (!p) return;
    this.waiting.delete(id);
    this.chars -= p.text.length;
  }

  get size(): number {
    return this.waiting.size;
  }

  /** Writes waiting entries for about SLICE_MS; true when none is left. */
  writeSlice(): boolean {
    const until = Date.now() + SLICE_MS;
    while (this.waiting.size && Date.now() < until) this.writeOldest();
    return this.waiting.size === 0;
  }

  writeAll(): void {
    while (this.waiting.size) this.writeOldest();
  }

  /** The writes that failed since last asked, for the diagnostics of the next answer. */
  takeFailures(): { path: string; message: string }[] {
    return this.failures.splice(0);
  }

  private writeOldest(): void {
    const [id, p] = this.waiting.entries().next().value as [string, Pending];
    this.waiting.delete(id);
    this.chars -= p.text.length;
    try {
      writeCacheText(p.dir, p.key, p.text);
    } catch (err) {
      this.failures.push({ path: p.path, message: `could not write the analysis cache: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
}
