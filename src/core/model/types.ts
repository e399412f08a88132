/** Plain data shared by every layer. Offsets are JavaScript string indices into `Article.text`. */

export type EntityType = 'person' | 'organization' | 'place' | 'date' | 'role' | 'nationality';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'date', 'role', 'nationality'];

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  path: string;
  severity: Severity;
  message: string;
  /** 1-based line of the record or item concerned (JSONL, JSON arrays, feeds). */
  line?: number;
}

/** `feed`: an item of an RSS, Atom or JSON Feed; `eml`: an e-mail message. */
export type ArticleFormat = 'txt' | 'md' | 'json' | 'jsonl' | 'html' | 'feed' | 'eml' | 'pdf';

export interface Article {
  id: string;
  path: string;
  title: string;
  source: string | null;
  /** ISO YYYY-MM-DD or null. */
  date: string | null;
  text: string;
  format: ArticleFormat;
  url?: string;
  /** Who wrote it, when the file says (HTML metadata, a feed item's author, an e-mail's sender, a PDF's author). */
  author?: string;
  /** Where the body (without title line, byline and trailing boilerplate) lies in `text`. */
  bodyStart: number;
  bodyEnd: number;
  /**
   * For every format but txt and md: `text` is built as title, lead and body separated by blank
   * lines; these say which parts were included so readers of the JSON know what offsets refer to.
   */
  composedFrom?: ('title' | 'lead' | 'body')[];
  /** 1-based line of the record inside a JSONL file or a JSON array, or of the item inside a feed. */
  line?: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  /** Corpus-level entity id. */
  entity: string;
  text: string;
}

export interface EventWhen {
  text: string;
  date: string | null;
}

export interface NewsEvent {
  id: string;
  type: string;
  trigger: Span & { text: string };
  who: string[];
  whom: string[];
  where: string[];
  when: EventWhen | null;
  sentence: Span;
  confidence: number;
  /** A short human label such as "Lavrov meets Jaishankar". */
  label?: string;
  /** Readable name of `type` from the event taxonomy ("Meeting/visit"). */
  typeLabel?: string;
}

export interface MainEvent {
  who: string | null;
  what: string | null;
  when: EventWhen | null;
  where: string | null;
  why: string | null;
  how: string | null;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  mentionCount: number;
  articleCount: number;
  /** For dates: the ISO value when one could be resolved. */
  value?: string;
  /** For nationalities: the place entity they refer to. */
  place?: string;
  /**
   * Entities that may be the same real-world thing, kept apart because the evidence is split: the
   * same name typed differently by the texts, or a short name fitting more than one full name, or
   * one only outside its article's story. Absent when there are none.
   */
  possibleSame?: string[];
  /** A decision of the analyst's curation file changed this entity (see core/index/curation.ts). */
  curated?: true;
  /** File names of the watchlists that name it. */
  watchlists?: string[];
}
