import type { EntityType, EventWhen, MainEvent, Span } from '../model/types';
import type { ExcludedSpan } from './furniture';

/** Per type of name, a count or score of evidence for it; see LocalEntity.cues and typeScores. */
export type TypeEvidence = Partial<Record<'person' | 'organization' | 'place', number>>;

/**
 * What analysing one article produces: plain data, independent of every other article, so it can
 * be computed in a worker and cached by content hash. Entity keys are local to the article; the
 * corpus index maps them to corpus-wide ids.
 */
export interface LocalEntity {
  key: string;
  type: EntityType;
  /** Canonical name inside this article (the longest, cleanest form). */
  name: string;
  aliases: string[];
  roles: string[];
  /** ISO value for dates. */
  value?: string;
  /** Key of the place entity a nationality refers to. */
  place?: string;
  /**
   * For people, organizations and places: how many of its mentions here have words around them
   * that say its type ("Mr X", "X, 71," -> person; "shares of X", "carmaker X" -> organization;
   * "based in X" -> place). The corpus merge pools these over every article to type a name once.
   */
  cues?: TypeEvidence;
  /**
   * For people, organizations and places: the recogniser's belief in each type, summed over the
   * mentions here (a statistical tagger's probabilities). Without it the merge counts each mention
   * as one vote for `type`.
   */
  typeScores?: TypeEvidence;
  /**
   * For organizations and places: the name is a place's in the gazetteer or the lexicon (a town, a
   * region), whatever it names here. The merge lets only such a name be a place in some articles
   * and a body in others (a team named after its city).
   */
  placeName?: boolean;
}

export interface LocalMention {
  key: string;
  start: number;
  end: number;
  text: string;
}

export interface LocalEvent {
  type: string;
  trigger: Span & { text: string };
  who: string[];
  whom: string[];
  where: string[];
  when: EventWhen | null;
  sentence: Span;
  confidence: number;
  label: string;
  /** Readable name of `type` ("Meeting/visit"). */
  typeLabel?: string;
}

export interface ArticleAnalysis {
  articleId: string;
  sentences: Span[];
  entities: LocalEntity[];
  mentions: LocalMention[];
  events: LocalEvent[];
  mainEvent: MainEvent;
  /** Offsets of the summary sentences, in article order. */
  summary: Span[];
  /** One line for trees and cards: what happened. */
  headline: string;
  /** Page furniture left out of entities, events and summaries, sorted by start (see furniture.ts). */
  excluded: ExcludedSpan[];
  wordCount: number;
}

/** Bump when analysis output changes (a rule, or a retrained models/ner.bin): cached analyses from another version are discarded. */
export const PIPELINE_VERSION = 76;

export interface AnalyzeOptions {
  summarySentences: number;
}

export const DEFAULT_ANALYZE_OPTIONS: AnalyzeOptions = { summarySentences: 3 };
