/**
 * JSON and JSONL split into records before they are decoded and parsed, so that one bad record
 * (invalid UTF-8, control bytes, malformed JSON) costs only itself: every other record loads and
 * the bad one is reported on its line. Files are bytes here because a byte that is not UTF-8 must
 * not lose its neighbours. JSON's structural characters are ASCII and never occur inside a UTF-8
 * multi-byte sequence, so records can be found in the bytes before anything is decoded.
 */
import { firstInvalidUtf8, looksBinary } from './decode';

export interface JsonRecord {
  value: unknown;
  /** 1-based line where the record starts. */
  line: number;
  /** 0-based position of an element in its array. */
  index?: number;
}

export interface RecordProblem {
  line: number;
  message: string;
}

/** The outcome of reading a file's records; `fileProblem` means nothing of it could be read. */
export interface JsonRecords {
  records: JsonRecord[];
  problems: RecordProblem[];
  fileProblem?: { message: string; line?: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Raw C0 controls other than tab, line feed and carriage return are never valid in JSON text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const BINARY_FILE = 'skipped: binary content (NUL or control bytes), not a text article';
const BINARY_RECORD = 'binary content (NUL or control characters)';

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The file's text when it is UTF-16 with a byte order mark (read whole: such files are rare and
 * small), else its bytes without a UTF-8 byte order mark.
 */
function unwrap(bytes: Uint8Array): { bytes: Uint8Array } | { text: string } | { problem: string } {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    try {
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes) };
    } catch {
      return { problem: `skipped: not valid ${le ? 'UTF-16LE' : 'UTF-16BE'} despite its byte order mark` };
    }
  }
  return { bytes: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes };
}

function asBytes(input: Uint8Array | string): Uint8Array | { problem: string } {
  if (typeof input === 'string') return new TextEncoder().encode(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const u = unwrap(input);
  const bytes = 'problem' in u ? u : 'text' in u ? new TextEncoder().encode(u.text.replace(/^\ufeff/, '')) : u.bytes;
  if (bytes instanceof Uint8Array && isBlank(bytes)) return { problem: bytes.length ? 'skipped: empty file (only white space)' : 'skipped: empty file' };
  return bytes;
}

function failed(message: string, line?: number): JsonRecords & { lines: number } {
  return { records: [], problems: [], fileProblem: line === undefined ? { message } : { message, line }, lines: 0 };
}

/** Decodes, checks and parses one record's bytes; a string says what is wrong with it. */
function parseRecord(bytes: Uint8Array, text?: string): { value: unknown } | string {
  const decoded = text ?? tryUtf8(bytes);
  if (decoded === undefined) return `not valid UTF-8 (first bad byte at column ${firstInvalidUtf8(bytes) + 1})`;
  if (CONTROL.test(decoded)) return BINARY_RECORD;
  try {
    return { value: JSON.parse(decoded) };
  } catch (err) {
    return `malformed JSON (${jsonErrorMessage(err)})`;
  }
}

export function jsonErrorMessage(err: unknown): string {
  return err instanceof Error ? err.message.replace(/^JSON\.parse: /, '') : String(err);
}

/** No record at all, and bytes that look binary from the start: one problem for the file, not one per line. */
function wholeFileBinary(bytes: Uint8Array, result: JsonRecords): JsonRecords {
  return result.records.length === 0 && result.problems.length > 0 && looksBinary(bytes) ? failed(BINARY_FILE) : result;
}

/**
 * JSONL: one record per line. A shard of a large file is given as its own bytes (whole lines) with
 * the number of its first line in the file. `lines` counts the non-blank lines read.
 */
export function jsonLines(input: Uint8Array | string, firstLine = 1): JsonRecords & { lines: number } {
  const bytes = typeof input === 'string' ? undefined : asBytes(input);
  if (bytes && !(bytes instanceof Uint8Array)) return failed(bytes.problem);
  const records: JsonRecord[] = [];
  const problems: RecordProblem[] = [];
  let lines = 0;
  const each = (line: number, raw: Uint8Array | undefined, text: string | undefined): void => {
    const blank = text !== undefined ? text.trim() === '' : isBlank(raw as Uint8Array);
    if (blank) return;
    lines++;
    const r = parseRecord(raw ?? new Uint8Array(), text);
    if (typeof r === 'string') problems.push({ line, message: `line ${line}: ${r}; line skipped` });
    else records.push({ value: r.value, line });
  };
  // Most files are valid UTF-8 throughout: decoded at once, only their lines are split.
  const whole = typeof input === 'string' ? input.replace(/^\ufeff/, '') : tryUtf8(bytes as Uint8Array);
  if (whole !== undefined) {
    whole.split('\n').forEach((text, i) => each(firstLine + i, undefined, text));
  } else if (bytes instanceof Uint8Array) {
    let start = 0;
    let line = firstLine;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      each(line++, bytes.subarray(start, end), undefined);
      start = end + 1;
    }
  }
  if (lines === 0 && bytes === undefined) return failed('skipped: empty file (only white space)');
  return { lines, ...wholeFileBinary(bytes ?? new TextEncoder().encode(whole ?? ''), { records, problems }) };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Where the parse failed, when V8's message says so ("... in JSON at position 42"). */
function errorPosition(err: unknown): number | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? Number(m[1]) : undefined;
}

/**
 * A whole JSON document. Parsed at once when it is valid; otherwise an array is split into its
 * elements, each read on its own (see `jsonArrayElements`), while any other document is one
 * problem for the whole file, with the line where it breaks when that is known.
 */
export function jsonDocument(input: Uint8Array | string): { value: unknown } | JsonRecords {
  const bytes = asBytes(input);
  if (!(bytes instanceof Uint8Array)) return failed(bytes.problem);
  const text = tryUtf8(bytes);
  if (text !== undefined && !CONTROL.test(text)) {
    try {
      return { value: JSON.parse(text) };
    } catch (err) {
      if (!startsArray(bytes)) {
        const at = errorPosition(err);
        const line = at === undefined ? undefined : lineAt(bytes, Buffer.byteLength(text.slice(0, at)));
        return failed(`malformed JSON: ${jsonErrorMessage(err)}`, line);
      }
    }
  }
  if (startsArray(bytes)) return wholeFileBinary(bytes, jsonArrayElements(bytes));
  if (looksBinary(bytes)) return failed(BINARY_FILE);
  if (text === undefined) {
    const at = firstInvalidUtf8(bytes);
    return failed(`skipped: not valid UTF-8 (first bad byte at offset ${at})`, lineAt(bytes, at));
  }
  const control = CONTROL.exec(text)?.index ?? 0;
  return failed(`skipped: ${BINARY_RECORD}`, lineAt(bytes, Buffer.byteLength(text.slice(0, control))));
}

function startsArray(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0x5b) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  }
  return false;
}

/** Byte ranges of the elements of a top-level array, found without decoding. */
export interface ElementSpan {
  start: number;
  end: number;
  line: number;
  /** The file ended inside this element. */
  cut?: boolean;
}

/**
 * Finds the elements of the array that `bytes` starts with by tracking strings, escapes and nesting
 * depth, so a record that does not parse (or decode) does not hide the records after it. A string
 * left open by a broken record can still swallow what follows it; JSON.parse then reports those
 * elements too.
 */
export function arrayElementSpans(bytes: Uint8Array): { spans: ElementSpan[]; closedAt?: number } {
  const spans: ElementSpan[] = [];
  let i = bytes.indexOf(0x5b) + 1;
  let line = lineAt(bytes, i);
  let depth = 0;
  let inString = false;
  let start = -1;
  let startLine = line;
  const close = (end: number, cut = false): void => {
    if (start >= 0) spans.push({ start, end, line: startLine, ...(cut ? { cut } : {}) });
    start = -1;
  };
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
      continue;
    }
    if (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) continue;
    if (depth === 0 && (b === 0x2c || b === 0x5d)) {
      close(i);
      if (b === 0x5d) return { spans, closedAt: i };
      continue;
    }
    if (start < 0) {
      start = i;
      startLine = line;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) depth--;
  }
  close(bytes.length, true);
  return { spans };
}

/**
 * Elements of a top-level array, each read on its own: `spans` are all of `arrayElementSpans`, or
 * a shard's share of them, the first being element `firstIndex` of the array.
 */
export function jsonArrayElementsIn(bytes: Uint8Array, spans: ElementSpan[], firstIndex = 0): JsonRecords {
  const records: JsonRecord[] = [];
  const problems: RecordProblem[] = [];
  spans.forEach((span, k) => {
    const index = firstIndex + k;
    const where = `record ${index + 1} (line ${span.line})`;
    const r = parseRecord(bytes.subarray(span.start, span.end));
    if (typeof r !== 'string') records.push({ value: r.value, line: span.line, index });
    else problems.push({ line: span.line, message: `${where}: ${span.cut && r.startsWith('malformed') ? 'incomplete: the file ends inside it' : r}; record skipped` });
  });
  return { records, problems };
}

function jsonArrayElements(bytes: Uint8Array): JsonRecords {
  const { spans, closedAt } = arrayElementSpans(bytes);
  const { records, problems } = jsonArrayElementsIn(bytes, spans);
  if (closedAt !== undefined && !isBlank(bytes.subarray(closedAt + 1))) {
    const line = lineAt(bytes, closedAt + 1);
    problems.push({ line, message: `text after the end of the array (line ${line}) is not read` });
  }
  return { records, problems };
}
