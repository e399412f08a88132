import { createHash } from 'crypto';
import * as path from 'path';
import type { Article, Diagnostic } from '../model/types';
import { decodeBytes } from './decode';
import { discoverFiles, errorReason } from './discover';
import { parseArticleFile } from './parse';
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

/** Reads, decodes and parses one file. Never throws. */
export async function loadFile(source: CorpusSource, file: string, limits: LoadLimits = DEFAULT_LIMITS): Promise<LoadedFile> {
  const fail = (message: string, hash = ''): LoadedFile => ({
    path: file,
    hash,
    articles: [],
    diagnostics: [{ path: file, severity: 'error', message }],
  });
  let bytes: Uint8Array;
  try {
    const st = await source.stat(file);
    if (st.size > limits.maxFileBytes) {
      return fail(`skipped: ${formatBytes(st.size)} is over the ${formatBytes(limits.maxFileBytes)} per-file limit (newsLens.index.maxFileSizeMB)`);
    }
    bytes = await source.readFile(file);
  } catch (err) {
    return fail(`skipped: ${errorReason(err)}`);
  }
  if (bytes.length > limits.maxFileBytes) {
    return fail(`skipped: grew to ${formatBytes(bytes.length)} while being read, over the per-file limit`);
  }
  const hash = contentHash(bytes);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return fail(`skipped: ${decoded.reason}`, hash);
  const parsed = parseArticleFile(file, decoded.text, baseIdOf(file));
  return { path: file, hash, articles: parsed.articles, diagnostics: parsed.diagnostics };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
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
): Promise<LoadedCorpus> {
  const found = await discoverFiles(source, roots, include, limits);
  const files: LoadedFile[] = [];
  for (const f of found.files) files.push(await loadFile(source, f, limits));
  const articles = files.flatMap((f) => f.articles);
  return { files, articles, diagnostics: [...found.diagnostics, ...files.flatMap((f) => f.diagnostics)] };
}
