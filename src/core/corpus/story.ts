import type { Article, Diagnostic } from '../model/types';

/** What reading a file gives: its articles, and a diagnostic for each problem (the file's or a record's). */
export interface ParseResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

/** What every format but plain text and Markdown gives: a title, maybe a lead, and the story's body. */
export interface StoryParts {
  title?: string;
  lead?: string;
  body: string;
}

export type ComposedText = Pick<Article, 'title' | 'text' | 'bodyStart' | 'bodyEnd' | 'composedFrom'>;

/**
 * The analysed text of a story: title, lead and body joined by blank lines, each only when present
 * and not already the start of the body (a lead that the body opens with, give or take punctuation,
 * or cut short with an ellipsis as Open Graph and NewsAPI descriptions are, counts as already
 * there). `composedFrom`
 * says which parts were included, so readers of the JSON know what offsets refer to. A story
 * without a title is titled by its first sentence.
 */
export function composeStory({ title, lead, body }: StoryParts): ComposedText {
  const parts: { kind: 'title' | 'lead' | 'body'; text: string }[] = [];
  if (title && !body.startsWith(title)) parts.push({ kind: 'title', text: title });
  if (lead && lead !== title && !repeats(body, lead)) parts.push({ kind: 'lead', text: lead });
  parts.push({ kind: 'body', text: body });
  const text = parts.map((p) => p.text).join('\n\n');
  return { title: title ?? firstSentence(body), text, bodyStart: text.length - body.length, bodyEnd: text.length, composedFrom: parts.map((p) => p.kind) };
}

/** Letters and digits only, lower-cased: "Fire, in Oslo." and "fire in oslo" compare equal. */
export function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The body opens with the lead already (give or take punctuation, or an ellipsis where the lead was cut). */
function repeats(body: string, lead: string): boolean {
  const key = comparable(lead.replace(/\s*(?:\.\.\.|…)$/, ''));
  return key !== '' && comparable(body.slice(0, lead.length + 16)).startsWith(key);
}

/** A non-empty trimmed string (or a finite number as a string), else undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '' && v !== 'None') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A title for a story without one: its first sentence, or the start of its first line, shortened on a word boundary. */
export function firstSentence(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const m = /^(.{10,200}?[.!?])\s/.exec(line);
  if (m) return m[1].trim();
  if (line.length <= 120) return line.trim();
  const cut = line.slice(0, 120).replace(/\s+\S*$/, '');
  return `${cut.trim()}…`;
}

// C0 controls other than tab and line breaks, and DEL, are not text: extracted text never keeps them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text from a parser, cleaned of control characters. */
export function cleanText(s: string): string {
  return s.replace(NOT_TEXT, '');
}

/** Site boilerplate that closes saved articles and web pages: not story text. */
export const BOILERPLATE_LINE =
  /^(?:related (?:pages|articles|stories|content|news|topics)|read more|more on this story|advertisement|share this (?:article|story)|follow us.*|sign up for .*newsletter.*|copyright .*|all rights reserved\.?)$/i;
