/**
 * E-mail messages (`.eml`, RFC 5322 with MIME), as press releases arrive: parsed by postal-mime, which
 * decodes MIME parts, quoted-printable, base64, charsets and encoded header words. The subject is the
 * title, the `Date:` header the date, the sender the source; the text is the plain-text part, or the
 * HTML part reduced to text. Attachments are listed in a diagnostic, not analysed. Loaded only when an
 * e-mail is read (see lazy.ts).
 */
import PostalMime from 'postal-mime';
import type { Article, Diagnostic } from '../../model/types';
import { formatBytes } from '../bytes';
import { normaliseDate } from '../dates';
import type { ParseResult } from '../story';
import { cleanText, composeStory, str } from '../story';

/** HTML to text, loaded only for a message without a usable plain-text part (see html.ts). */
export type LoadToText = () => Promise<(html: string) => string>;

/** Plain text as mail writes it: CRLF line ends, trailing spaces, the signature after a "-- " line. */
function tidy(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const signature = lines.findIndex((l) => l === '-- ' || l === '--');
  const body = (signature >= 0 ? lines.slice(0, signature) : lines).map((l) => l.replace(/[ \t]+$/, ''));
  return cleanText(body.join('\n')).replace(/\n{3,}/g, '\n\n').trim();
}

function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary\s*=\s*"?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}

/** One message; never throws. */
export async function readEmail(path: string, bytes: Uint8Array, id: string, loadToText: LoadToText): Promise<ParseResult> {
  const fail = (message: string): ParseResult => ({ articles: [], diagnostics: [{ path, severity: 'error', message }] });
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: 32, maxHeadersSize: 1024 * 1024 });
  } catch (err) {
    return fail(`skipped: not a readable e-mail message (${err instanceof Error ? err.message : String(err)})`);
  }
  const header = (key: string): string | undefined => email.headers.find((h) => h.key === key)?.value;
  if (!header('from') && !header('subject') && !header('date')) return fail('skipped: not an e-mail message (no From, Subject or Date header)');
  const plain = email.text ? tidy(email.text) : '';
  let body = plain;
  if (email.html) {
    const fromHtml = tidy((await loadToText())(email.html));
    // A plain part that is only "view this message in a browser" is not the message.
    if (fromHtml.length > 2 * plain.length) body = fromHtml;
  }
  if (!body) {
    const contentType = header('content-type');
    const boundary = boundaryOf(contentType);
    if (/^multipart\//i.test(contentType ?? '') && boundary) {
      return fail(`skipped: no text found: the message is multipart but none of its parts could be read (is the boundary "${boundary}" used in the body?)`);
    }
    return fail('skipped: the message has no text');
  }
  const diagnostics: Diagnostic[] = [];
  if (email.attachments.length) {
    const list = email.attachments.map((a) => `${a.filename ?? 'unnamed'} (${a.mimeType}, ${formatBytes(typeof a.content === 'string' ? a.content.length : a.content.byteLength)})`);
    diagnostics.push({ path, severity: 'info', message: `attachments not analysed: ${list.join(', ')}` });
  }
  const sender = email.from && 'address' in email.from ? email.from : undefined;
  const source = str(sender?.name) ?? str(sender?.address);
  const article: Article = {
    id,
    path,
    source: source ?? null,
    date: normaliseDate(header('date')) ?? normaliseDate(email.date),
    format: 'eml',
    ...composeStory({ title: str(email.subject?.replace(/\s+/g, ' ')), body }),
  };
  return { articles: [article], diagnostics };
}
