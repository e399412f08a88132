import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { READER_VERSION } from '../corpus/formats';
import type { ReadOptions } from '../corpus/read';
import type { Entity } from '../model/types';
import type { AnalyzeOptions } from '../nlp/analysis';
import { PIPELINE_VERSION } from '../nlp/analysis';
import { MERGE_VERSION } from './merge';
import type { MergeResult } from './merge';
import { entity, list, shape, str, tuple } from './shapes';
import type { Steps } from './steps';
import { runSliced } from './steps';

/**
 * The merged entities of a corpus and each article's local keys resolved to them: about half of
 * deriving the corpus views, kept in the cache folder so reopening unchanged files skips it. It is
 * keyed by every file's (and shard's) content hash, the analysis and reading options and the
 * pipeline, merge and reader versions, so any
 * change to the corpus or the code makes it a miss; one that does not parse or match is ignored.
 * It is written and read one line of up to CHUNK records at a time, in time slices: on the
 * extension host a whole large corpus's worth at once would stall it.
 */
const FILE = 'merged-entities.jsonl';
const FORMAT = 'news-lens-merged';
const CHUNK = 1000;

interface Header {
  format: string;
  key: string;
}

/** The snapshot key of an index's files, or undefined when some file's content hash is unknown. */
export function mergeKey(units: string[] | undefined, options: AnalyzeOptions, read: ReadOptions = {}): string | undefined {
  if (!units) return undefined;
  return createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, MERGE_VERSION, READER_VERSION, options, read, units]))
    .digest('hex');
}

/**
 * The snapshot made for `key`, or undefined. One that parses but is not whole and well formed (an
 * entity line missing, a resolved id or a possibleSame with no entity, a field of the wrong type)
 * is a miss, and is removed so that no later run reads it again.
 */
export async function readMergeSnapshot(dir: string, key: string): Promise<MergeResult | undefined> {
  const file = path.join(dir, FILE);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const read = await runSliced(parse(raw, key));
  if (read === 'bad') await fs.rm(file, { force: true }).catch(() => undefined);
  return read === 'bad' || read === 'other' ? undefined : read;
}

const header = shape({ format: str, key: str });
const entitiesLine = shape({ entities: list(entity) });
const resolveLine = shape({ resolve: list(tuple(str, list(tuple(str, str)))) });

/** The snapshot; 'other' when it was made for other files or options, 'bad' when it cannot be trusted. */
function* parse(raw: string, key: string): Steps<MergeResult | 'other' | 'bad'> {
  const lines = raw.split('\n');
  try {
    const head = JSON.parse(lines[0]) as unknown;
    if (header(head, 'header') || (head as Header).format !== FORMAT) return 'bad';
    if ((head as Header).key !== key) return 'other';
    const entities = new Map<string, Entity>();
    const resolve = new Map<string, Map<string, string>>();
    for (const line of lines.slice(1)) {
      if (!line) continue;
      yield;
      const l = JSON.parse(line) as unknown;
      if (!entitiesLine(l, 'line')) for (const e of (l as { entities: Entity[] }).entities) entities.set(e.id, e);
      else if (!resolveLine(l, 'line')) for (const [articleId, pairs] of (l as { resolve: [string, [string, string][]][] }).resolve) resolve.set(articleId, new Map(pairs));
      else return 'bad';
    }
    if (!entities.size && !resolve.size) return 'bad';
    for (const local of resolve.values()) for (const id of local.values()) if (!entities.has(id)) return 'bad';
    for (const e of entities.values()) if (e.possibleSame?.some((id) => !entities.has(id))) return 'bad';
    return { entities, resolve };
  } catch {
    return 'bad';
  }
}

/** Writes to a temporary file and renames it into place, so a reader never sees half a snapshot. */
export async function writeMergeSnapshot(dir: string, key: string, merged: MergeResult): Promise<void> {
  const text = await runSliced(serialise(key, merged));
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, FILE);
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

function* serialise(key: string, merged: MergeResult): Steps<string> {
  const header: Header = { format: FORMAT, key };
  const lines = [JSON.stringify(header)];
  const entities = [...merged.entities.values()];
  for (let i = 0; i < entities.length; i += CHUNK) {
    yield;
    lines.push(JSON.stringify({ entities: entities.slice(i, i + CHUNK) }));
  }
  const resolve = [...merged.resolve].map(([articleId, m]): [string, [string, string][]] => [articleId, [...m]]);
  for (let i = 0; i < resolve.length; i += CHUNK) {
    yield;
    lines.push(JSON.stringify({ resolve: resolve.slice(i, i + CHUNK) }));
  }
  return lines.join('\n') + '\n';
}
