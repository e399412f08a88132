import { decodeBytes, decodeMarkup } from './decode';
import { extensionOf, formatOf } from './formats';
import { jsonDocument } from './jsonRecords';
import { parseArticleFile } from './parse';
import { loadEmailReader, loadFeedReader, loadHtmlReader, loadPdfReader } from './readers/lazy';
import type { RecordFields } from './records';
import { articlesFromJson, parseJsonLines } from './records';
import type { ParseResult } from './story';

/** How files are read, as the user set it: part of the cache key. */
export interface ReadOptions {
  fields?: RecordFields;
}

const KIND: Record<string, string> = { html: 'web page', feed: 'feed', eml: 'e-mail message', pdf: 'PDF' };

/**
 * Reads one file's bytes into articles, by the format its name gives (a file of another name is
 * read as plain text). `baseId` names its articles. Never throws: a reader's failure is a diagnostic.
 */
export async function readArticles(path: string, bytes: Uint8Array, baseId: string, options: ReadOptions = {}): Promise<ParseResult> {
  const format = formatOf(path) ?? 'txt';
  try {
    return await readAs(format, path, bytes, baseId, options);
  } catch (err) {
    const what = KIND[format] ?? `.${extensionOf(path)} file`;
    return { articles: [], diagnostics: [{ path, severity: 'error', message: `skipped: could not read this ${what} (${err instanceof Error ? err.message : String(err)})` }] };
  }
}

/** A parsed JSON Feed (https://jsonfeed.org). */
function isJsonFeed(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && /^https?:\/\/jsonfeed\.org\/version\//.test(String((value as Record<string, unknown>).version ?? ''));
}

function failed(path: string, reason: string): ParseResult {
  return { articles: [], diagnostics: [{ path, severity: 'error', message: `skipped: ${reason}` }] };
}

async function readAs(format: string, path: string, bytes: Uint8Array, baseId: string, options: ReadOptions): Promise<ParseResult> {
  switch (format) {
    // JSON and JSONL are decoded record by record (see jsonRecords.ts): one bad record must not lose the file.
    case 'json': {
      const doc = jsonDocument(bytes);
      if ('value' in doc && isJsonFeed(doc.value)) {
        const [feeds, html] = await Promise.all([loadFeedReader(), loadHtmlReader()]);
        return feeds.readJsonFeed(path, doc.value, baseId, html.htmlToText);
      }
      return articlesFromJson(path, doc, baseId, options.fields);
    }
    case 'jsonl':
      return parseJsonLines(path, bytes, baseId, 1, options.fields);
    case 'html': {
      const decoded = decodeMarkup(bytes, 'html');
      return decoded.ok ? (await loadHtmlReader()).readHtml(path, decoded.text, baseId) : failed(path, decoded.reason);
    }
    case 'feed': {
      const decoded = decodeMarkup(bytes, 'xml');
      if (!decoded.ok) return failed(path, decoded.reason);
      const [feeds, html] = await Promise.all([loadFeedReader(), loadHtmlReader()]);
      return feeds.readFeed(path, decoded.text, baseId, html.htmlToText);
    }
    case 'eml':
      return (await loadEmailReader()).readEmail(path, bytes, baseId, async () => (await loadHtmlReader()).htmlToText);
    case 'pdf':
      return (await loadPdfReader()).readPdf(path, bytes, baseId);
    default: {
      const decoded = decodeBytes(bytes);
      return decoded.ok ? parseArticleFile(path, decoded.text, baseId, options) : failed(path, decoded.reason);
    }
  }
}
