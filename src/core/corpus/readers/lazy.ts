/**
 * The readers of web pages, feeds, e-mail and PDF, loaded on first use: their libraries (a DOM and
 * readability, an XML parser, a MIME parser, pdf.js) are most of the code of the indexing worker
 * and the CLI, and a corpus of plain text and JSON never needs them. esbuild builds each reader as
 * a bundle of its own (dist/readers/*.js, see esbuild.mjs), so these imports load a file only when
 * a file of that kind is read.
 */
import type * as HtmlReader from './html';
import type * as FeedReader from './feed';
import type * as EmailReader from './email';
import type * as PdfReader from './pdf';

export type { HtmlReader, FeedReader, EmailReader, PdfReader };

export const loadHtmlReader = (): Promise<typeof HtmlReader> => import('./html');
export const loadFeedReader = (): Promise<typeof FeedReader> => import('./feed');
export const loadEmailReader = (): Promise<typeof EmailReader> => import('./email');
export const loadPdfReader = (): Promise<typeof PdfReader> => import('./pdf');

/** Reduces an HTML fragment to text (paragraphs separated by blank lines); loads the HTML reader on first use. */
export type HtmlToText = (html: string) => Promise<string>;

export const htmlToText: HtmlToText = async (html) => (await loadHtmlReader()).htmlToText(html);
