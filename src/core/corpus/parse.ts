import { parse as parseYaml } from 'yaml';
import type { Article } from '../model/types';
import { normaliseDate } from './dates';
import { formatOf } from './formats';
import type { RecordFields } from './records';
import { parseJsonFile, parseJsonLines } from './records';
import type { ParseResult } from './story';
import { BOILERPLATE_LINE, str } from './story';

export interface TextFileOptions {
  fields?: RecordFields;
}

/**
 * Parses one decoded plain-text, Markdown, JSON or JSONL file (any other name is read as plain
 * text). `baseId` names the file's articles (JSON records may carry their own ids).
 */
export function parseArticleFile(path: string, text: string, baseId: string, options: TextFileOptions = {}): ParseResult {
  const format = formatOf(path) ?? 'txt';
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'md':
      return single(parseMarkdown(path, clean, baseId));
    case 'json':
      return parseJsonFile(path, clean, baseId, options.fields);
    case 'jsonl':
      return parseJsonLines(path, clean, baseId, 1, options.fields);
    default:
      return single(parsePlainText(path, clean, baseId));
  }
}

function single(article: Article): ParseResult {
  return { articles: [article], diagnostics: [] };
}

const BYLINE = /^(.{1,120}?)[\s|,–—-]+(?:Updated|Published|Posted|Last updated)(?:\s+on)?:?\s+(.{6,40}?)\s*$/i;
const MAX_BYLINE = 240;

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') {
    const raw = m[0].replace(/\r?\n$/, '');
    out.push({ start: m.index, end: m.index + raw.length, text: raw });
    if (re.lastIndex >= text.length) break;
  }
  return out;
}

/**
 * Plain text in the seed's layout: title line, optional "<Source> Updated on <date>" line, body,
 * optional trailing site boilerplate. Offsets stay file offsets: `text` is the file content.
 */
export function parsePlainText(path: string, text: string, id: string): Article {
  const all = lines(text);
  const nonEmpty = all.filter((l) => l.text.trim() !== '');
  const titleLine = nonEmpty[0];
  let source: string | null = null;
  let date: string | null = null;
  let bodyStart = titleLine ? titleLine.end : 0;
  const second = nonEmpty[1];
  if (second) {
    // A byline is short; on a long line the expression would try each of its 120 starts against all of it.
    const m = second.text.length <= MAX_BYLINE ? BYLINE.exec(second.text.trim()) : null;
    const d = m ? normaliseDate(m[2]) : null;
    if (m && d) {
      source = m[1].trim();
      date = d;
      bodyStart = second.end;
    }
  }
  let bodyEnd = text.length;
  for (let i = nonEmpty.length - 1; i > 1; i--) {
    if (!BOILERPLATE_LINE.test(nonEmpty[i].text.trim())) break;
    bodyEnd = nonEmpty[i].start;
  }
  return {
    id,
    path,
    title: titleLine ? titleLine.text.trim() : '',
    source,
    date,
    text,
    format: 'txt',
    ...trimSpan(text, bodyStart, bodyEnd),
  };
}

function trimSpan(text: string, start: number, end: number): { bodyStart: number; bodyEnd: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { bodyStart: start, bodyEnd: end };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function parseMarkdown(path: string, text: string, id: string): Article {
  let meta: Record<string, unknown> = {};
  let bodyStart = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    try {
      const parsed: unknown = parseYaml(fm[1]);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch {
      // Malformed front matter is treated as absent; the heading still gives a title.
    }
    bodyStart = fm[0].length;
  }
  const body = text.slice(bodyStart);
  const heading = firstHeading(body);
  const firstLine = lines(body).find((l) => l.text.trim() !== '');
  const title = str(meta.title) ?? heading?.title ?? firstLine?.text.trim() ?? '';
  if (heading && !str(meta.title) && heading.start === body.search(/\S/)) {
    bodyStart += heading.end;
  }
  return {
    id,
    path,
    title,
    source: str(meta.source) ?? str(meta.publisher) ?? null,
    date: normaliseDate(meta.date instanceof Date ? meta.date.toISOString() : meta.date),
    text,
    format: 'md',
    url: str(meta.url),
    ...trimSpan(text, bodyStart, text.length),
  };
}

/**
 * The first ATX heading (`## Title ##`): what `/^#{1,6}[ \t]+(.+?)[ \t#]*$/m` finds, found line
 * by line instead. That expression backtracks over every character of a long line that does not
 * end in its closing run: two minutes on one 200 KB line.
 */
function firstHeading(text: string): { start: number; end: number; title: string } | undefined {
  const lineBreak = /[\n\r\u2028\u2029]/g;
  let start = 0;
  for (;;) {
    const br = lineBreak.exec(text);
    const end = br ? br.index : text.length;
    // Only a line starting with '#' is worth a copy.
    const title = text[start] === '#' ? headingTitle(text.slice(start, end)) : undefined;
    if (title !== undefined) return { start, end, title };
    if (!br) return undefined;
    start = end + 1;
  }
}

/** The title of a heading line, or undefined when the line is not one. */
function headingTitle(line: string): string | undefined {
  let hashes = 0;
  while (hashes < line.length && line[hashes] === '#') hashes++;
  if (hashes < 1 || hashes > 6) return undefined;
  let spaces = hashes;
  while (spaces < line.length && (line[spaces] === ' ' || line[spaces] === '\t')) spaces++;
  if (spaces === hashes) return undefined;
  // The title needs one character: a line of only spaces after the hashes gives it one of them.
  if (spaces === line.length) return spaces - hashes >= 2 ? '' : undefined;
  let end = line.length;
  while (end > spaces + 1 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '#')) end--;
  return line.slice(spaces, end).trim();
}
