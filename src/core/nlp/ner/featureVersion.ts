/**
 * Bump with any change to what features.ts computes: a model trained on other features is refused
 * when it is loaded (kept apart from features.ts so that checking a model file loads no NLP).
 */
export const FEATURE_VERSION = 7;
