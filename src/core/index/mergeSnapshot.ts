import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Entity } from '../model/types';
import type { AnalyzeOptions } from '../nlp/analysis';
import { PIPELINE_VERSION } from '../nlp/analysis';
import { MERGE_VERSION } from './merge';
import type { MergeResult } from './merge';
import type { Steps } from './steps';
import { runSliced } from './steps';

/**
 * The merged entities of a corpus and each article's local keys resolved to them: about half of
 * deriving the corpus views, kept in the cache folder so reopening unchanged files skips it. It is
 * keyed by every file's (and shard's) content hash, the analysis options and both versions, so any
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

type Line = { entities: Entity[] } | { resolve: [string, [string, string][]][] };

/** The snapshot key of an index's files, or undefined when some file's content hash is unknown. */
export function mergeKey(units: string[] | undefined, options: AnalyzeOptions): string | undefined {
  if (!units) return undefined;
  return createHash('sha1')
    .update(JSON.stringify([PIPELINE_VERSION, MERGE_VERSION, options, units]))
    .digest('hex');
}

export async function readMergeSnapshot(dir: string, key: string): Promise<MergeResult | undefined> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, FILE), 'utf8');
  } catch {
    return undefined;
  }
  return runSliced(parse(raw, key));
}

function* parse(raw: string, key: string): Steps<MergeResult | undefined> {
  const lines = raw.split('\n');
  try {
    const header = JSON.parse(lines[0]) as Header;
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const entities = new Map<string, Entity>();
    const resolve = new Map<string, Map<string, string>>();
    for (const line of lines.slice(1)) {
      if (!line) continue;
      yield;
      const l = JSON.parse(line) as Line;
      if ('entities' in l) for (const e of l.entities) entities.set(e.id, e);
      else for (const [articleId, pairs] of l.resolve) resolve.set(articleId, new Map(pairs));
    }
    return entities.size || resolve.size ? { entities, resolve } : undefined;
  } catch {
    return undefined;
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
