import type { Span } from '../model/types';
import { oneLine } from './markdown';

export interface Snippet {
  text: string;
  /** Where the span itself lies in `text` ([start, end)), for highlighting. */
  highlight: [number, number];
}

/**
 * The sentence holding [start, end), shortened around it to about `width` characters, on one line.
 * At most `lead` characters precede the span, so it stays visible where the text is cut short
 * (a narrow sidebar truncates labels at the end).
 */
export function sentenceSnippet(text: string, sentences: Span[], start: number, end: number, width = 90, lead = width): Snippet {
  const s = sentenceAt(sentences, start, end) ?? { start: Math.max(0, start - width), end: Math.min(text.length, end + width) };
  let from = s.start;
  let to = s.end;
  if (to - from > width) {
    from = Math.max(s.start, start - Math.min(lead, Math.floor(Math.max(0, width - (end - start)) / 2)));
    to = Math.min(s.end, Math.max(from + width, end));
    // Start and end on word boundaries when the cut falls inside a word.
    if (from > s.start) {
      const space = text.indexOf(' ', from);
      if (space >= 0 && space < start) from = space + 1;
    }
    if (to < s.end) {
      const space = text.lastIndexOf(' ', to);
      if (space > end) to = space;
    }
  }
  const before = `${from > s.start ? '…' : ''}${text.slice(from, start).replace(/\s+/g, ' ').trimStart()}`;
  const span = oneLine(text.slice(start, end));
  const after = `${text.slice(end, to).replace(/\s+/g, ' ').trimEnd()}${to < s.end ? '…' : ''}`;
  return { text: `${before}${span}${after}`, highlight: [before.length, before.length + span.length] };
}

/** The sentence containing a span (binary search; sentences are sorted and disjoint). */
export function sentenceAt(sentences: Span[], start: number, end = start): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return end <= s.end ? s : undefined;
  }
  return undefined;
}
