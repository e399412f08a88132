import { createHash } from 'crypto';
import { baseIdOf, parseBytes } from '../corpus/load';
import type { LoadedFile } from '../corpus/load';
import { formatOf } from '../corpus/formats';
import type { ElementSpan } from '../corpus/jsonRecords';
import { arrayElementSpans } from '../corpus/jsonRecords';
import type { ReadOptions } from '../corpus/read';
import { parseJsonElements, parseJsonLines } from '../corpus/records';
import type { Shard } from './shards';

/*
 * The workers' half of sharding: finding a shard's records in the file's bytes and reading them.
 * It is kept apart from shards.ts, which the extension host imports, so that the parsers (and the
 * libraries they use) stay out of the extension's bundle.
 */

/** Where a shard's records lie in the file, and what names them: its bytes, first line and first record. */
export interface ShardPart {
  start: number;
  end: number;
  /** 1-based line of the shard's first byte. */
  firstLine: number;
  /** Index, in the array, of a JSON shard's first element. */
  firstRecord: number;
  /** A JSON shard's elements. */
  spans?: ElementSpan[];
  /** The first shard of an array followed by more text: the line that text starts on. */
  trailingLine?: number;
  /** sha1 of the shard's bytes. */
  hash: string;
}

function startsWithUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function startsArray(bytes: Uint8Array): boolean {
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x5b) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  }
  return false;
}

/**
 * The shards' parts of the file, in order: `count` of them, the last running to the end of the file
 * (a file that grew after it was discovered is all read). A file that cannot be split by bytes
 * (UTF-16, a JSON document that is not an array) is one part, the first shard's.
 */
export function shardLayout(path: string, bytes: Uint8Array, shardBytes: number, count: number): ShardPart[] {
  const format = formatOf(path);
  if (startsWithUtf16Mark(bytes) || (format === 'json' && !startsArray(bytes))) {
    const whole = { start: 0, end: bytes.length, firstLine: 1, firstRecord: 0, hash: partHash(1, 0, bytes) };
    return [whole, ...Array.from({ length: count - 1 }, () => ({ start: bytes.length, end: bytes.length, firstLine: 1, firstRecord: 0, hash: partHash(1, 0, new Uint8Array()) }))];
  }
  return format === 'json' ? elementParts(bytes, shardBytes, count) : lineParts(bytes, shardBytes, count);
}

/** What names a part's records: its bytes, and the line and record they start at (ids and lines come from both). */
function partHash(firstLine: number, firstRecord: number, bytes: Uint8Array): string {
  return createHash('sha1').update(`${firstLine}:${firstRecord}\n`).update(bytes).digest('hex');
}

function newlines(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let p = bytes.indexOf(0x0a, from); p >= 0 && p < to; p = bytes.indexOf(0x0a, p + 1)) n++;
  return n;
}

/** JSONL: shard i holds the lines that start in its bytes. */
function lineParts(bytes: Uint8Array, shardBytes: number, count: number): ShardPart[] {
  const parts: ShardPart[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i < count; i++) {
    const limit = (i + 1) * shardBytes;
    // The first line starting at or after `limit` opens the next shard.
    let end = i === count - 1 || limit >= bytes.length ? bytes.length : bytes.indexOf(0x0a, limit - 1) + 1;
    if (end <= 0) end = bytes.length;
    end = Math.max(end, start);
    parts.push({ start, end, firstLine: line, firstRecord: 0, hash: partHash(line, 0, bytes.subarray(start, end)) });
    line += newlines(bytes, start, end);
    start = end;
  }
  return parts;
}

/** A JSON array: shard i holds the elements that start in its bytes; text after the array is the first shard's to report. */
function elementParts(bytes: Uint8Array, shardBytes: number, count: number): ShardPart[] {
  const { spans, closedAt } = arrayElementSpans(bytes);
  const parts: ShardPart[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    const limit = (i + 1) * shardBytes;
    const first = k;
    while (k < spans.length && (spans[k].start < limit || i === count - 1)) k++;
    const mine = spans.slice(first, k);
    const start = mine.length ? mine[0].start : bytes.length;
    const end = mine.length ? mine[mine.length - 1].end : bytes.length;
    const firstLine = mine[0]?.line ?? 1;
    // Elements keep their lines in the file: a line added before them changes their shard's name.
    const lines = Buffer.from(mine.map((s) => s.line).join(','));
    parts.push({ start, end, firstLine, firstRecord: first, spans: mine, hash: partHash(firstLine, first, Buffer.concat([lines, bytes.subarray(start, end)])) });
  }
  if (closedAt !== undefined && /\S/.test(Buffer.from(bytes.subarray(closedAt + 1)).toString('latin1'))) {
    parts[0].trailingLine = 1 + newlines(bytes, 0, closedAt + 1);
  }
  return parts;
}

/** Reads one shard's records. Problems of the file as a whole (not of one record) are left to the first shard. */
export async function parseShard(path: string, bytes: Uint8Array, shard: Shard, part: ShardPart, read: ReadOptions = {}): Promise<LoadedFile> {
  if (part.spans) {
    const parsed = parseJsonElements(path, bytes, part.spans, baseIdOf(path), part.firstRecord, read.fields);
    if (part.trailingLine !== undefined) {
      parsed.diagnostics.push({ path, line: part.trailingLine, severity: 'error', message: `text after the end of the array (line ${part.trailingLine}) is not read` });
    }
    return { path, hash: part.hash, articles: parsed.articles, diagnostics: parsed.diagnostics };
  }
  if (part.start === part.end) return { path, hash: part.hash, articles: [], diagnostics: [] };
  const own = bytes.subarray(part.start, part.end);
  if (formatOf(path) === 'jsonl' && !startsWithUtf16Mark(bytes)) {
    const parsed = parseJsonLines(path, own, baseIdOf(path), part.firstLine, read.fields);
    const diagnostics = shard.index === 0 ? parsed.diagnostics : parsed.diagnostics.filter((d) => d.line !== undefined);
    return { path, hash: part.hash, articles: parsed.articles, diagnostics };
  }
  return { ...(await parseBytes(path, own, read)), hash: part.hash };
}
