import { readdirSync, readFileSync } from 'fs';

/** Resident memory in MB of a process from /proc, or 0 when it has gone. */
function rssMB(pid: number): number {
  try {
    const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kB ? Number(kB) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** This process's child processes (the indexing workers), from /proc. */
function children(): number[] {
  const pids: number[] = [];
  for (const task of readdirSync('/proc/self/task')) {
    let listed = '';
    try {
      listed = readFileSync(`/proc/self/task/${task}/children`, 'utf8');
    } catch {
      // The thread ended since the folder was read.
    }
    for (const pid of listed.split(' ')) if (pid.trim()) pids.push(Number(pid));
  }
  return pids;
}

/**
 * The peak resident memory of this process and its worker processes together: the workers are
 * processes of their own, so this process's maxRSS does not count them. Sampled every 100 ms from
 * /proc (Linux); elsewhere `peakMB` is this process's own peak and `withWorkers` is false.
 */
export class TreeRss {
  private peak = 0;
  private readonly timer?: NodeJS.Timeout;
  readonly withWorkers: boolean;

  constructor() {
    let readable: boolean;
    try {
      readable = readdirSync('/proc/self/task').length > 0;
    } catch {
      readable = false;
    }
    this.withWorkers = readable;
    if (readable) {
      this.timer = setInterval(() => this.sample(), 100);
      this.timer.unref();
    }
  }

  private sample(): void {
    this.peak = Math.max(this.peak, rssMB(process.pid) + children().reduce((sum, pid) => sum + rssMB(pid), 0));
  }

  /** The peak so far, in MB; at least this process's own peak. */
  peakMB(): number {
    if (this.withWorkers) this.sample();
    return Math.round(Math.max(this.peak, process.resourceUsage().maxRSS / 1024));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
