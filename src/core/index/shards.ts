import { formatOf } from '../corpus/formats';
import type { LoadLimits } from '../corpus/source';

/**
 * Large JSONL files and JSON arrays are indexed in shards, so every worker shares the work. Shard
 * `index` holds the records (lines, or array elements) that start in bytes [index × bytes,
 * (index + 1) × bytes) of the file: appending to a file leaves the earlier shards' bytes as they
 * were, so their analyses are found in the cache by their own content and only the last shard is
 * analysed again.
 */
export interface Shard {
  index: number;
  /** Shards the file was split into when it was discovered. */
  count: number;
  /** Bytes of the file each shard starts its records in. */
  bytes: number;
}

/** Files larger than this are split into shards. */
export const SHARD_BYTES = 512 * 1024;
const MAX_SHARDS = 64;

/**
 * The shards a file is indexed in (undefined: the file whole). A file over the size limit is not
 * split: reading it fails once, with one message, not once per shard. The shard size doubles from
 * SHARD_BYTES until there are at most MAX_SHARDS, so a file that grows a little keeps its shards.
 */
export function shardsFor(path: string, size: number, limits?: LoadLimits): (Shard | undefined)[] {
  const format = formatOf(path);
  if ((format !== 'jsonl' && format !== 'json') || size <= SHARD_BYTES || (limits && size > limits.maxFileBytes)) return [undefined];
  let bytes = SHARD_BYTES;
  while (Math.ceil(size / bytes) > MAX_SHARDS) bytes *= 2;
  const count = Math.ceil(size / bytes);
  return Array.from({ length: count }, (_, index) => ({ index, count, bytes }));
}

/** The key of a shard among the units of a file (see CorpusIndex): the same for the same bytes of every version of the file. */
export function shardKey(shard: Shard | undefined): string {
  return shard ? `${shard.index}@${shard.bytes}` : '';
}
