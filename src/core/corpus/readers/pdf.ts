/**
 * PDF reports and press releases: the text layer of every page, read by Mozilla's pdf.js (its legacy
 * build, made for Node). Lines are rebuilt from the text items' positions and joined into
 * paragraphs; the title comes from the document information or the first line. A PDF without a
 * text layer (a scan) is a diagnostic that says so: News Lens does no OCR. Loaded only when a PDF is
 * read, in an indexing worker or the CLI (see lazy.ts), never on the extension host.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Article } from '../../model/types';
import { isoDate } from '../dates';
import type { ParseResult } from '../story';
import { cleanText, composeStory, str } from '../story';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js, with its worker's code run in this thread (this is already a worker, or the CLI). When it
 * loads in Node, pdf.js looks for the optional @napi-rs/canvas package to draw pages with, warns on
 * the console when it is missing (it is not shipped: text needs no drawing) and builds a DOMMatrix,
 * which only a browser or that package provides. So its warnings while loading are not passed on,
 * and a bare identity matrix stands in for the DOMMatrix when there is none: drawing would need a
 * real one, reading text never uses it.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const scope = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    scope.DOMMatrix ??= class IdentityMatrix {
      a = 1;
      b = 0;
      c = 0;
      d = 1;
      e = 0;
      f = 0;
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}

interface PositionedText {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
  /** Where the last item ended, to tell adjacent items from words apart. */
  endX: number;
}

/** The lines of one page, in the order the page draws them. */
function linesOf(items: PositionedText[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    const y = item.transform[5];
    if (current && item.str !== '' && Math.abs(y - current.y) > Math.max(1, 0.5 * Math.max(current.height, item.height))) {
      lines.push(current);
      current = undefined;
    }
    if (item.str !== '') {
      const x = item.transform[4];
      current ??= { text: '', y, height: item.height, endX: x };
      const apart = x - current.endX > 0.2 * Math.max(item.height, 1) && !/\s$/.test(current.text) && !/^\s/.test(item.str);
      current.text += (apart && current.text !== '' ? ' ' : '') + item.str;
      current.height = Math.max(current.height, item.height);
      current.endX = x + item.width;
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: cleanText(l.text).replace(/\s+/g, ' ').trim() })).filter((l) => l.text !== '');
}

/** A page number or running header alone on its line is not text. */
const PAGE_FURNITURE = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Lines into paragraphs: a gap of more than about a line and a half between two lines starts a paragraph. */
function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (PAGE_FURNITURE.test(line.text)) continue;
    const gap = previous ? previous.y - line.y : 0;
    const newParagraph = !previous || gap > 1.5 * Math.max(line.height, previous.height) || gap < 0;
    if (newParagraph) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1].push(line.text);
    previous = line;
  }
  return paragraphs.map((p) => p.reduce((acc, next) => (/\p{L}-$/u.test(acc) && /^\p{Ll}/u.test(next) ? acc.slice(0, -1) + next : `${acc} ${next}`)));
}

/** A PDF date, "D:20240305090000+01'00'": the date as written, without converting the time zone. */
function pdfDate(value: unknown): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(typeof value === 'string' ? value : '');
  return m ? isoDate(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)) : null;
}

/** Document titles that say nothing: file names, "Microsoft Word - report.docx", "Untitled". */
function meaningfulTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  if (/^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*)$/i.test(title) || /\.(?:docx?|pdf|odt|rtf|pages|indd|pptx?)$/i.test(title)) return undefined;
  return title;
}

interface DocumentInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
  ModDate?: unknown;
  Custom?: Record<string, unknown>;
}

/** One PDF; never throws. */
export async function readPdf(path: string, bytes: Uint8Array, id: string): Promise<ParseResult> {
  const fail = (message: string): ParseResult => ({ articles: [], diagnostics: [{ path, severity: 'error', message }] });
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return fail('skipped: not a PDF (no %PDF- header)');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') return fail('skipped: encrypted PDF (a password is needed to open it)');
    return fail(`skipped: not a readable PDF (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const paragraphs: string[] = [];
    let firstLine: string | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOf(content.items.filter((i) => 'str' in i) as PositionedText[]);
      firstLine ??= lines[0]?.text;
      paragraphs.push(...paragraphsOf(lines));
      page.cleanup();
    }
    if (!paragraphs.length) {
      return fail(`skipped: no text layer on ${doc.numPages === 1 ? 'its page' : `any of its ${doc.numPages} pages`} (a scanned document?); News Lens does not do OCR`);
    }
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: DocumentInfo };
    const title = meaningfulTitle(str(info.Title)) ?? (firstLine && firstLine.length <= 200 ? firstLine : undefined);
    const author = str(info.Author);
    const source = str(info.Custom?.Company) ?? str(info.Custom?.Publisher) ?? null;
    const article: Article = {
      id,
      path,
      source,
      date: pdfDate(info.CreationDate) ?? pdfDate(info.ModDate),
      format: 'pdf',
      ...(author ? { author } : {}),
      ...composeStory({ title, body: paragraphs.join('\n\n') }),
    };
    return { articles: [article], diagnostics: [] };
  } catch (err) {
    return fail(`skipped: could not read the PDF's text (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
