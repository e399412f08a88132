import type { Article, Diagnostic } from '../model/types';
import { normaliseDate } from './dates';
import type { ElementSpan, JsonRecord, JsonRecords } from './jsonRecords';
import { jsonArrayElementsIn, jsonDocument, jsonLines } from './jsonRecords';
import type { ParseResult } from './story';
import { composeStory, str } from './story';

/**
 * Record fields named by the user for shapes the usual names miss (`--text-field` and friends, the
 * `newsLens.corpus.fields` setting). A dotted path reaches into objects (`data.body`); `records` names
 * the array of records inside a JSON object (`response.docs`). A named field is tried first, then
 * the usual names.
 */
export interface RecordFields {
  text?: string;
  title?: string;
  date?: string;
  source?: string;
  records?: string;
}

const TEXT_FIELDS = ['text', 'maintext', 'body', 'content', 'article', 'document', 'story'];
const TITLE_FIELDS = ['title', 'headline'];
const DATE_FIELDS = ['date', 'date_publish', 'published', 'publishedAt', 'pubDate', 'datePublished'];
const SOURCE_FIELDS = ['source', 'source_domain', 'publisher'];
const LEAD_FIELDS = ['description', 'lead'];
const AUTHOR_FIELDS = ['author', 'authors', 'byline'];
/** Arrays of records inside a JSON object (NewsAPI's `articles`, and the names other APIs use). */
const RECORD_ARRAYS = ['articles', 'stories', 'documents', 'results', 'records', 'data'];

/** The value at a dotted path (`source.name`); a key that itself holds a dot is found too. */
export function valueAt(record: unknown, path: string): unknown {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  if (path in r) return r[path];
  const dot = path.indexOf('.');
  return dot > 0 ? valueAt(r[path.slice(0, dot)], path.slice(dot + 1)) : undefined;
}

/** A string from a field: itself, or an object's `name` (NewsAPI's `source: {id, name}`). */
function text(v: unknown): string | undefined {
  return str(v) ?? (v && typeof v === 'object' && !Array.isArray(v) ? str((v as Record<string, unknown>).name) : undefined);
}

function pick(record: Record<string, unknown>, named: string | undefined, fields: string[]): string | undefined {
  for (const f of named ? [named, ...fields] : fields) {
    const s = text(valueAt(record, f));
    if (s !== undefined) return s;
  }
  return undefined;
}

/** Authors: one, or a list of them (news-please's `authors`). */
function authorOf(record: Record<string, unknown>): string | undefined {
  for (const f of AUTHOR_FIELDS) {
    const v = record[f];
    const names = (Array.isArray(v) ? v : [v]).map(text).filter((s): s is string => s !== undefined);
    if (names.length) return names.join(', ');
  }
  return undefined;
}

/** NewsAPI cuts `content` to about 200 characters and says how much is missing: "… [+2101 chars]"; an ellipsis says it instead. */
function withoutTruncationMark(body: string): string {
  const m = /\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]$/.exec(body);
  if (!m) return body;
  const kept = body.slice(0, m.index);
  return /[.!?"”’)]$/.test(kept) ? kept : `${kept}…`;
}

export interface RecordPlace {
  /** 1-based line of the record in its file. */
  line?: number;
  fields?: RecordFields;
}

/**
 * Builds an article from a news record. The analysed text is title, lead and body joined by blank
 * lines (see composeStory); `composedFrom` says which.
 */
export function articleFromRecord(record: unknown, path: string, fallbackId: string, format: 'json' | 'jsonl', place: RecordPlace = {}): Article | string {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'not a JSON object';
  const r = record as Record<string, unknown>;
  const fields = place.fields ?? {};
  const rawBody = pick(r, fields.text, TEXT_FIELDS);
  if (!rawBody) {
    const expected = fields.text ? [fields.text, ...TEXT_FIELDS] : TEXT_FIELDS;
    return `no article text (expected a non-empty string in one of: ${expected.join(', ')})`;
  }
  const body = withoutTruncationMark(rawBody);
  const composed = composeStory({ title: pick(r, fields.title, TITLE_FIELDS), lead: pick(r, undefined, LEAD_FIELDS), body });
  const dates = fields.date ? [fields.date, ...DATE_FIELDS] : DATE_FIELDS;
  const author = authorOf(r);
  return {
    id: str(r.id) ?? str(r.dId) ?? fallbackId,
    path,
    source: pick(r, fields.source, SOURCE_FIELDS) ?? null,
    date: dates.map((f) => normaliseDate(valueAt(r, f))).find((d) => d !== null) ?? null,
    format,
    url: str(r.url),
    ...(author ? { author } : {}),
    ...composed,
    ...(place.line ? { line: place.line } : {}),
  };
}

/** Articles from records read by `jsonRecords`: each bad record is one diagnostic on its line. */
function fromRecords(
  path: string,
  read: JsonRecords,
  fields: RecordFields | undefined,
  idOf: (record: JsonRecord) => string,
  label: (record: JsonRecord, why: string) => string,
  format: 'json' | 'jsonl',
): ParseResult {
  if (read.fileProblem) return { articles: [], diagnostics: [{ path, severity: 'error', message: read.fileProblem.message, ...(read.fileProblem.line ? { line: read.fileProblem.line } : {}) }] };
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = read.problems.map((p) => ({ path, line: p.line, severity: 'error', message: p.message }));
  for (const record of read.records) {
    const line = record.line || undefined;
    const a = articleFromRecord(record.value, path, idOf(record), format, { line, fields });
    if (typeof a === 'string') diagnostics.push({ path, ...(line ? { line } : {}), severity: 'error', message: label(record, a) });
    else articles.push(a);
  }
  diagnostics.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  return { articles, diagnostics };
}

/**
 * The records of a JSON object that wraps them: the array the user named, else a known wrapper's
 * (`{status, totalResults, articles: [...]}` from NewsAPI) when the object is not itself an article.
 */
function wrappedRecords(value: Record<string, unknown>, fields: RecordFields | undefined): { records: unknown[]; name: string } | string | undefined {
  if (fields?.records) {
    const named = valueAt(value, fields.records);
    return Array.isArray(named) ? { records: named, name: fields.records } : `no array of records at "${fields.records}"`;
  }
  if (pick(value, fields?.text, TEXT_FIELDS)) return undefined;
  if (value.status === 'error' && typeof value.message === 'string') return `the API answered with an error: ${value.message}`;
  const name = RECORD_ARRAYS.find((k) => Array.isArray(value[k]) && (value[k] as unknown[]).some((x) => x && typeof x === 'object' && !Array.isArray(x)));
  return name ? { records: value[name] as unknown[], name } : undefined;
}

/**
 * Articles from a parsed or part-read JSON document (see jsonDocument): one article, an array of
 * them (bad elements skipped one by one), or an object wrapping an array of them.
 */
export function articlesFromJson(path: string, doc: ReturnType<typeof jsonDocument>, baseId: string, fields?: RecordFields): ParseResult {
  if (!('value' in doc)) {
    const nth = (r: JsonRecord): number => (r.index ?? 0) + 1;
    return fromRecords(path, doc, fields, (r) => `${baseId}#${nth(r)}`, (r, why) => `record ${nth(r)} (line ${r.line}): ${why}; record skipped`, 'json');
  }
  let list: unknown[] | undefined = Array.isArray(doc.value) ? doc.value : undefined;
  let label = 'record';
  if (!list && doc.value && typeof doc.value === 'object') {
    const wrapped = wrappedRecords(doc.value as Record<string, unknown>, fields);
    if (typeof wrapped === 'string') return { articles: [], diagnostics: [{ path, severity: 'error', message: wrapped }] };
    if (wrapped) {
      list = wrapped.records;
      label = `${wrapped.name} record`;
    }
  }
  if (!list) return fromRecords(path, { records: [{ value: doc.value, line: 0 }], problems: [] }, fields, () => baseId, (_, why) => why, 'json');
  const records = list.map((value, index) => ({ value, line: 0, index }));
  return fromRecords(path, { records, problems: [] }, fields, (r) => `${baseId}#${(r.index ?? 0) + 1}`, (r, why) => `${label} ${(r.index ?? 0) + 1}: ${why}`, 'json');
}

/** A `.json` file: see articlesFromJson. */
export function parseJsonFile(path: string, input: Uint8Array | string, baseId: string, fields?: RecordFields): ParseResult {
  return articlesFromJson(path, jsonDocument(input), baseId, fields);
}

/**
 * A `.jsonl` file: one article per line. A shard of a large file is given as its own lines with
 * the number of the first; a shard after the first says nothing when it holds no record.
 */
export function parseJsonLines(path: string, input: Uint8Array | string, baseId: string, firstLine = 1, fields?: RecordFields): ParseResult {
  const read = jsonLines(input, firstLine);
  const parsed = fromRecords(path, read, fields, (r) => `${baseId}:${r.line}`, (r, why) => `line ${r.line}: ${why}; line skipped`, 'jsonl');
  if (!read.fileProblem && read.lines === 0 && firstLine === 1) parsed.diagnostics.push({ path, severity: 'error', message: 'no articles in this JSONL file' });
  return parsed;
}

/** A shard of a large JSON array: its elements, the first being element `firstIndex` of the array. */
export function parseJsonElements(path: string, bytes: Uint8Array, spans: ElementSpan[], baseId: string, firstIndex: number, fields?: RecordFields): ParseResult {
  const nth = (r: JsonRecord): number => (r.index ?? 0) + 1;
  return fromRecords(path, jsonArrayElementsIn(bytes, spans, firstIndex), fields, (r) => `${baseId}#${nth(r)}`, (r, why) => `record ${nth(r)} (line ${r.line}): ${why}; record skipped`, 'json');
}
