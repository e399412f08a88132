/**
 * extension.ts imports this module first, so the bundle evaluates it before anything else: the
 * moment the extension's own code starts running, reported in the API's `activation` timings.
 */
export const bundleEvaluationStart = performance.now();
