import { parse as parseYaml } from 'yaml';
import type { Article, Diagnostic } from '../model/types';
import { normaliseDate } from './dates';
import { formatOf } from './formats';
import type { ElementSpan, JsonRecord, JsonRecords } from './jsonRecords';
import { jsonArrayElementsIn, jsonDocument, jsonLines } from './jsonRecords';

export interface ParseResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

/**
 * Parses one decoded file. `baseId` names the file's articles (JSON records may carry their own ids).
 */
export function parseArticleFile(path: string, text: string, baseId: string): ParseResult {
  const format = formatOf(path) ?? 'txt';
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'md':
      return single(parseMarkdown(path, clean, baseId));
    case 'json':
      return parseJsonFile(path, clean, baseId);
    case 'jsonl':
      return parseJsonLines(path, clean, baseId);
    default:
      return single(parsePlainText(path, clean, baseId));
  }
}

function single(article: Article): ParseResult {
  return { articles: [article], diagnostics: [] };
}

const BYLINE = /^(.{1,120}?)[\s|,–—-]+(?:Updated|Published|Posted|Last updated)(?:\s+on)?:?\s+(.{6,40}?)\s*$/i;
const MAX_BYLINE = 240;
const BOILERPLATE_LINE =
  /^(?:related (?:pages|articles|stories|content|news|topics)|read more|more on this story|advertisement|share this (?:article|story)|follow us.*|sign up for .*newsletter.*|copyright .*|all rights reserved\.?)$/i;

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

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '' && v !== 'None') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

const TEXT_FIELDS = ['text', 'maintext', 'body', 'content', 'article'];
const TITLE_FIELDS = ['title', 'headline'];
const DATE_FIELDS = ['date', 'date_publish', 'published', 'publishedAt'];
const SOURCE_FIELDS = ['source', 'source_domain', 'publisher'];
const LEAD_FIELDS = ['description', 'lead'];

function pick(record: Record<string, unknown>, fields: string[]): string | undefined {
  for (const f of fields) {
    const v = record[f];
    const s = str(v) ?? (v && typeof v === 'object' && !Array.isArray(v) ? str((v as Record<string, unknown>).name) : undefined);
    if (s !== undefined) return s;
  }
  return undefined;
}

/**
 * Builds an article from a news record. The analysed text is title, lead and body joined by blank
 * lines (each only when present and not already the start of the body); `composedFrom` says which.
 */
export function articleFromRecord(
  record: unknown,
  path: string,
  fallbackId: string,
  format: 'json' | 'jsonl',
  line?: number,
): Article | string {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'not a JSON object';
  const r = record as Record<string, unknown>;
  const body = pick(r, TEXT_FIELDS);
  const title = pick(r, TITLE_FIELDS);
  if (!body) return `no article text (expected a non-empty string in one of: ${TEXT_FIELDS.join(', ')})`;
  const lead = pick(r, LEAD_FIELDS);
  const parts: { kind: 'title' | 'lead' | 'body'; text: string }[] = [];
  const bodyText = body;
  if (title && !bodyText.startsWith(title)) parts.push({ kind: 'title', text: title });
  if (lead && !bodyText.startsWith(lead) && lead !== title) parts.push({ kind: 'lead', text: lead });
  parts.push({ kind: 'body', text: bodyText });
  const text = parts.map((p) => p.text).join('\n\n');
  const bodyStart = text.length - bodyText.length;
  const date = DATE_FIELDS.map((f) => normaliseDate(r[f])).find((d) => d !== null) ?? null;
  const id = str(r.id) ?? str(r.dId) ?? fallbackId;
  return {
    id,
    path,
    title: title ?? firstSentence(bodyText),
    source: pick(r, SOURCE_FIELDS) ?? null,
    date,
    text,
    format,
    url: str(r.url),
    bodyStart,
    bodyEnd: text.length,
    composedFrom: parts.map((p) => p.kind),
    ...(line !== undefined ? { line } : {}),
  };
}

/** A title for a record without one: its first sentence, or the start of its first line, shortened on a word boundary. */
function firstSentence(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const m = /^(.{10,200}?[.!?])\s/.exec(line);
  if (m) return m[1].trim();
  if (line.length <= 120) return line.trim();
  const cut = line.slice(0, 120).replace(/\s+\S*$/, '');
  return `${cut.trim()}…`;
}

/** Articles from records read by `jsonRecords`: each bad record is one diagnostic on its line. */
function fromRecords(path: string, read: JsonRecords, idOf: (record: JsonRecord) => string, label: (record: JsonRecord, why: string) => string, format: 'json' | 'jsonl'): ParseResult {
  if (read.fileProblem) return { articles: [], diagnostics: [{ path, severity: 'error', message: read.fileProblem.message, ...(read.fileProblem.line ? { line: read.fileProblem.line } : {}) }] };
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = read.problems.map((p) => ({ path, line: p.line, severity: 'error', message: p.message }));
  for (const record of read.records) {
    const line = record.line || undefined;
    const a = articleFromRecord(record.value, path, idOf(record), format, line);
    if (typeof a === 'string') diagnostics.push({ path, ...(line ? { line } : {}), severity: 'error', message: label(record, a) });
    else articles.push(a);
  }
  diagnostics.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  return { articles, diagnostics };
}

/** A `.json` file: one article, or an array of them (bad elements are skipped one by one). */
export function parseJsonFile(path: string, input: Uint8Array | string, baseId: string): ParseResult {
  const doc = jsonDocument(input);
  if ('value' in doc) {
    if (!Array.isArray(doc.value)) return fromRecords(path, { records: [{ value: doc.value, line: 0 }], problems: [] }, () => baseId, (_, why) => why, 'json');
    const records = doc.value.map((value, index) => ({ value, line: 0, index }));
    return fromRecords(path, { records, problems: [] }, (r) => `${baseId}#${(r.index ?? 0) + 1}`, (r, why) => `record ${(r.index ?? 0) + 1}: ${why}`, 'json');
  }
  const nth = (r: JsonRecord): number => (r.index ?? 0) + 1;
  return fromRecords(path, doc, (r) => `${baseId}#${nth(r)}`, (r, why) => `record ${nth(r)} (line ${r.line}): ${why}; record skipped`, 'json');
}

/**
 * A `.jsonl` file: one article per line. A shard of a large file is given as its own lines with
 * the number of the first; a shard after the first says nothing when it holds no record.
 */
export function parseJsonLines(path: string, input: Uint8Array | string, baseId: string, firstLine = 1): ParseResult {
  const read = jsonLines(input, firstLine);
  const parsed = fromRecords(path, read, (r) => `${baseId}:${r.line}`, (r, why) => `line ${r.line}: ${why}; line skipped`, 'jsonl');
  if (!read.fileProblem && read.lines === 0 && firstLine === 1) parsed.diagnostics.push({ path, severity: 'error', message: 'no articles in this JSONL file' });
  return parsed;
}

/** A shard of a large JSON array: its elements, the first being element `firstIndex` of the array. */
export function parseJsonElements(path: string, bytes: Uint8Array, spans: ElementSpan[], baseId: string, firstIndex: number): ParseResult {
  const nth = (r: JsonRecord): number => (r.index ?? 0) + 1;
  return fromRecords(path, jsonArrayElementsIn(bytes, spans, firstIndex), (r) => `${baseId}#${nth(r)}`, (r, why) => `record ${nth(r)} (line ${r.line}): ${why}; record skipped`, 'json');
}
