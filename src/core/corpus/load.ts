import { createHash } from 'crypto';
import * as path from 'path';
import type { Article, Diagnostic } from '../model/types';
import { formatBytes } from './bytes';
import { discoverFiles, errorReason } from './discover';
import type { ReadOptions } from './read';
import { readArticles } from './read';
import type { CorpusSource, LoadLimits } from './source';
import { DEFAULT_LIMITS } from './source';

export interface LoadedFile {
  path: string;
  /** sha1 of the bytes: the cache key, together with the pipeline version. */
  hash: string;
  articles: Article[];
  diagnostics: Diagnostic[];
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function baseIdOf(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** Reads a file within the size limit. Never throws: problems come back as a LoadedFile with a diagnostic. */
export async function readBytes(source: CorpusSource, file: string, limits: LoadLimits = DEFAULT_LIMITS): Promise<Uint8Array | LoadedFile> {
  try {
    const st = await source.stat(file);
    if (st.size > limits.maxFileBytes) {
      return failed(file, `skipped: ${formatBytes(st.size)} is over the ${formatBytes(limits.maxFileBytes)} per-file limit${limits.maxFileBytesOption ? ` (${limits.maxFileBytesOption})` : ''}`);
    }
    const bytes = await source.readFile(file);
    if (bytes.length > limits.maxFileBytes) {
      return failed(file, `skipped: grew to ${formatBytes(bytes.length)} while being read, over the per-file limit`);
    }
    return bytes;
  } catch (err) {
    return failed(file, `skipped: ${errorReason(err)}`);
  }
}

export function failed(file: string, message: string, hash = ''): LoadedFile {
  return { path: file, hash, articles: [], diagnostics: [{ path: file, severity: 'error', message }] };
}

export interface ParseBytesOptions extends ReadOptions {
  /** The bytes' content hash, when the caller has it already. */
  hash?: string;
}

/** Decodes and parses bytes already read. Never throws. */
export async function parseBytes(file: string, bytes: Uint8Array, options: ParseBytesOptions = {}): Promise<LoadedFile> {
  const { hash = contentHash(bytes), ...read } = options;
  const parsed = await readArticles(file, bytes, baseIdOf(file), read);
  return { path: file, hash, articles: parsed.articles, diagnostics: parsed.diagnostics };
}

/** Reads, decodes and parses one file. Never throws. */
export async function loadFile(source: CorpusSource, file: string, limits: LoadLimits = DEFAULT_LIMITS, read: ReadOptions = {}): Promise<LoadedFile> {
  const bytes = await readBytes(source, file, limits);
  return bytes instanceof Uint8Array ? parseBytes(file, bytes, read) : bytes;
}

export interface LoadedCorpus {
  files: LoadedFile[];
  articles: Article[];
  diagnostics: Diagnostic[];
}

/** Discovers and loads every article under `roots`. Bad files become diagnostics; the rest loads. */
export async function loadCorpus(
  source: CorpusSource,
  roots: string[],
  include?: string,
  limits: LoadLimits = DEFAULT_LIMITS,
  read: ReadOptions = {},
): Promise<LoadedCorpus> {
  const found = await discoverFiles(source, roots, include, limits);
  const files: LoadedFile[] = [];
  for (const f of found.files) files.push(await loadFile(source, f, limits, read));
  const articles = files.flatMap((f) => f.articles);
  return { files, articles, diagnostics: [...found.diagnostics, ...files.flatMap((f) => f.diagnostics)] };
}
