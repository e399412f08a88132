/**
 * Characters that act on a terminal or a log line instead of showing: C0 and C1 controls (ESC
 * starts escape sequences that clear the screen or retitle the window, CR and LF break a diagnostic
 * line in two), and the bidirectional overrides and isolates that reorder what is shown.
 */
const ACTIVE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text from a file name or an article, safe to print on one line of a terminal or a log: active characters shown as escapes. */
export function printable(text: string): string {
  return text.replace(ACTIVE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
