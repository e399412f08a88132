/** Checks for data crossing between the extension host and a webview: each side trusts nothing it receives. */

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A request id or a count: a safe non-negative integer. */
export const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
export const isText = (x: unknown, max = 10_000): x is string => typeof x === 'string' && x.length <= max;
export const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The strings of an array (at most `max` of them, each at most `maxLength` long); anything else becomes []. */
export function textList(x: unknown, max = 1000, maxLength = 1000): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => isText(s, maxLength)).slice(0, max) : [];
}
