import type { ArticleFormat } from '../model/types';

// Kept apart from parse.ts so that code needing only file formats (discovery, the extension host's
// file watcher) does not load the YAML parser: it is most of the extension bundle's code-loading time.

export const ARTICLE_EXTENSIONS: readonly ArticleFormat[] = ['txt', 'md', 'json', 'jsonl'];

export function formatOf(path: string): ArticleFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'markdown') return 'md';
  if (ext === 'ndjson') return 'jsonl';
  return ARTICLE_EXTENSIONS.find((f) => f === ext);
}
