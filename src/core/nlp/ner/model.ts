import { createHash } from 'crypto';
import { FEATURE_VERSION } from './featureVersion';
import { LABEL_COUNT, LABEL_NAMES } from './labels';

/**
 * The trained weights, and their file format. A feature (a 32-bit hash) has a weight for some of
 * the labels; most have two to five, so rows are stored sparse: the feature's hash, how many
 * weights it has, then (label, weight) pairs with weights as 16-bit integers times one scale.
 *
 * File layout (little-endian):
 *   "NLNER\n"                       magic
 *   u16 FORMAT_VERSION
 *   u32 length, then that much JSON  header: feature version, labels, counts, scale, training notes
 *   u32[features]                    feature hashes, ascending
 *   u8[features]                     weights per feature
 *   u8[entries], i16[entries]        label and scaled weight of each entry, feature by feature
 *   32 bytes                         SHA-256 of everything before
 * A file that is missing, cut short, altered, or made for other features is refused with a
 * message saying which: a silent fall-back would quietly give worse entities.
 */

const MAGIC = 'NLNER\n';
export const FORMAT_VERSION = 1;

export interface ModelHeader {
  featureVersion: number;
  labels: string[];
  features: number;
  entries: number;
  scale: number;
  /** Free-form description of the training run (data, epochs, seed). */
  training: Record<string, string | number>;
}

export class NerModelError extends Error {}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

export interface Scorer {
  /** Adds the weights of `feats[from..to)` to `scores` (one per label), all in one unit of its own. */
  add(feats: Uint32Array, from: number, to: number, scores: Float64Array): void;
}

export class NerModel implements Scorer {
  private readonly mask: number;
  /**
   * Open addressing, two words per slot: the feature's hash, then where its weights start (times
   * 32) plus how many there are, plus one so that 0 marks an empty slot. Keeping both words, and
   * the (label, weight) pairs of a feature, side by side means a feature costs about two cache
   * misses instead of four: on a busy machine those misses were most of the tagging time.
   */
  private readonly table: Uint32Array;
  /**
   * (label, weight) pairs, feature after feature, weights as the file's 16-bit integers: only the
   * best label matters, and scaling every score by the same factor does not change it.
   */
  private readonly entries: Int16Array;

  constructor(
    readonly header: ModelHeader,
    hashes: Uint32Array,
    rowStart: Uint32Array,
    labels: Uint8Array,
    weights: Int16Array,
  ) {
    let size = 1;
    // Three slots for two features: a small table misses the processor's caches less often.
    while (size * 2 < hashes.length * 3) size <<= 1;
    this.mask = size - 1;
    this.table = new Uint32Array(size * 2);
    this.entries = new Int16Array(labels.length * 2);
    for (let e = 0; e < labels.length; e++) {
      this.entries[2 * e] = labels[e];
      this.entries[2 * e + 1] = weights[e];
    }
    for (let f = 0; f < hashes.length; f++) {
      let s = hashes[f] & this.mask;
      while (this.table[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.table[2 * s] = hashes[f];
      this.table[2 * s + 1] = ((rowStart[f] << 5) | (rowStart[f + 1] - rowStart[f])) + 1;
    }
  }

  add(feats: Uint32Array, from: number, to: number, scores: Float64Array): void {
    const { table, entries, mask } = this;
    for (let k = from; k < to; k++) {
      const h = feats[k];
      let s = h & mask;
      let row = table[2 * s + 1];
      while (row !== 0 && table[2 * s] !== h) {
        s = (s + 1) & mask;
        row = table[2 * s + 1];
      }
      if (row === 0) continue;
      row -= 1;
      const start = 2 * (row >>> 5);
      const end = start + 2 * (row & 31);
      for (let e = start; e < end; e += 2) scores[entries[e]] += entries[e + 1];
    }
  }
}

/** A feature's weights, label by label (zeros left out), as training produces them. */
export interface WeightRow {
  hash: number;
  weights: ArrayLike<number>;
}

/** Writes a model file. Rows whose weights all round to zero are left out; output depends only on the input. */
export function encodeModel(rows: WeightRow[], training: ModelHeader['training']): Uint8Array {
  let max = 0;
  for (const r of rows) for (let l = 0; l < LABEL_COUNT; l++) max = Math.max(max, Math.abs(r.weights[l]));
  const scale = max > 0 ? max / 32767 : 1;
  const kept: { hash: number; entries: [number, number][] }[] = [];
  for (const r of [...rows].sort((a, b) => a.hash - b.hash)) {
    const entries: [number, number][] = [];
    for (let l = 0; l < LABEL_COUNT; l++) {
      const q = Math.round(r.weights[l] / scale);
      if (q !== 0) entries.push([l, q]);
    }
    if (entries.length) kept.push({ hash: r.hash, entries });
  }
  const entryCount = kept.reduce((n, r) => n + r.entries.length, 0);
  const header: ModelHeader = { featureVersion: FEATURE_VERSION, labels: [...LABEL_NAMES], features: kept.length, entries: entryCount, scale, training };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const size = MAGIC.length + 2 + 4 + json.length + kept.length * 5 + entryCount * 3 + 32;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const ch of MAGIC) bytes[at++] = ch.charCodeAt(0);
  view.setUint16(at, FORMAT_VERSION, true);
  at += 2;
  view.setUint32(at, json.length, true);
  at += 4;
  bytes.set(json, at);
  at += json.length;
  for (const r of kept) {
    view.setUint32(at, r.hash, true);
    at += 4;
  }
  for (const r of kept) bytes[at++] = r.entries.length;
  for (const r of kept) for (const [l] of r.entries) bytes[at++] = l;
  for (const r of kept) {
    for (const [, q] of r.entries) {
      view.setInt16(at, q, true);
      at += 2;
    }
  }
  bytes.set(sha256(bytes.subarray(0, at)), at);
  return bytes;
}

/** Reads a model file, checking its magic, version, checksum and feature version. */
export function decodeModel(bytes: Uint8Array): NerModel {
  const fail = (why: string): never => {
    throw new NerModelError(why);
  };
  if (bytes.length < MAGIC.length + 6 + 32) fail(`the file is too short (${bytes.length} bytes) to be a News Lens entity model`);
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail('the file is not a News Lens entity model (wrong magic bytes)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(MAGIC.length, true);
  if (version !== FORMAT_VERSION) fail(`the model file has format version ${version}; this build reads version ${FORMAT_VERSION}`);
  const body = bytes.subarray(0, bytes.length - 32);
  const stored = bytes.subarray(bytes.length - 32);
  const actual = sha256(body);
  for (let i = 0; i < 32; i++) if (stored[i] !== actual[i]) fail('the model file is corrupt (its checksum does not match its contents)');
  let at = MAGIC.length + 2;
  const jsonLength = view.getUint32(at, true);
  at += 4;
  if (at + jsonLength > body.length) fail('the model file is corrupt (its header runs past the end)');
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + jsonLength))) as ModelHeader;
  } catch {
    return fail('the model file is corrupt (its header is not JSON)');
  }
  at += jsonLength;
  if (header.featureVersion !== FEATURE_VERSION) fail(`the model was trained on feature set ${header.featureVersion}, and this build computes feature set ${FEATURE_VERSION}: run \`npm run train:ner\``);
  if (header.labels.join(' ') !== LABEL_NAMES.join(' ')) fail('the model was trained with other labels than this build uses: run `npm run train:ner`');
  const n = header.features;
  const entries = header.entries;
  if (at + n * 5 + entries * 3 !== body.length) fail('the model file is corrupt (its size does not match its header)');
  const hashes = new Uint32Array(n);
  for (let f = 0; f < n; f++, at += 4) hashes[f] = view.getUint32(at, true);
  const rowStart = new Uint32Array(n + 1);
  for (let f = 0; f < n; f++) rowStart[f + 1] = rowStart[f] + bytes[at++];
  if (rowStart[n] !== entries) fail('the model file is corrupt (its rows do not add up to its entries)');
  const labels = bytes.slice(at, at + entries);
  at += entries;
  for (const l of labels) if (l >= LABEL_COUNT) fail('the model file is corrupt (a weight names no label)');
  const weights = new Int16Array(entries);
  for (let e = 0; e < entries; e++, at += 2) weights[e] = view.getInt16(at, true);
  return new NerModel(header, hashes, rowStart, labels, weights);
}
