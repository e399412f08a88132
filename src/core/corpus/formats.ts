import type { ArticleFormat } from '../model/types';

// Kept apart from parse.ts so that code needing only file formats (discovery, the extension host's
// file watcher) does not load the YAML parser: it is most of the extension bundle's code-loading time.

/** File name extensions News Lens reads, by the format each is read as. */
const EXTENSIONS: Record<string, ArticleFormat> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rss: 'feed',
  atom: 'feed',
  // An .xml file is read when it is an RSS or Atom feed; any other XML is reported and left alone.
  xml: 'feed',
  eml: 'eml',
  pdf: 'pdf',
};

export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

export function formatOf(path: string): ArticleFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && Object.prototype.hasOwnProperty.call(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(path: string): string {
  return /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

/**
 * Bump when what the readers make of a file changes (new formats, record shapes, extraction rules):
 * cached analyses of files read by another version are not used.
 */
export const READER_VERSION = 1;
