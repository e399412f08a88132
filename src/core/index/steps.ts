/**
 * Long corpus-level computations are written as generators that yield between units of work, so
 * the same code runs straight through (CLI, tests) or in time slices that leave the calling
 * thread free to answer in between (the extension host: hovers and trees during a re-index).
 */
export type Steps<T> = Generator<void, T, void>;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs `steps` in slices of about `sliceMs`, yielding to the event loop between slices. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = 12): Promise<T> {
  for (;;) {
    const until = Date.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (Date.now() >= until) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
