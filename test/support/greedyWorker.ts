import { parentPort } from 'worker_threads';

/**
 * An indexing worker that grows one Map without end on its first request. Past a worker thread's
 * heap limit this aborts the whole process ("CALL_AND_RETRY_LAST Allocation failed"), not just the
 * thread (nodejs/node#47224). It listens as a thread or as a process, so the same test shows
 * either kind of pool's behaviour.
 */
function grow(): void {
  const grown = new Map<number, number>();
  for (let i = 0; ; i++) grown.set(i, i);
}

if (parentPort) parentPort.once('message', grow);
else process.once('message', grow);
