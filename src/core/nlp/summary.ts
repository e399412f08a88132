import type { Span } from '../model/types';

export interface SummaryOptions {
  sentences: number;
}

/** Picks the summary sentences; returns their spans in article order. */
export function summarize(sentences: Span[], options: SummaryOptions): Span[] {
  return sentences.slice(0, Math.max(0, options.sentences));
}
