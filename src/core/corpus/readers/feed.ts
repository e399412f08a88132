/**
 * News feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom, and JSON Feed. Each item is an article whose
 * source is the feed's title; HTML in items is reduced to text. XML is parsed by fast-xml-parser with
 * entity expansion limited, and a feed that declares its own entities is refused outright (a
 * "billion laughs" file is a diagnostic, never a hang). Loaded only when a feed is read (see lazy.ts).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article, Diagnostic } from '../../model/types';
import { normaliseDate } from '../dates';
import type { ParseResult } from '../story';
import { cleanText, composeStory, str } from '../story';

/** HTML to text (see html.ts); passed in so that this bundle does not carry a DOM of its own. */
export type ToText = (html: string) => string;

type Node = Record<string, unknown>;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Atom's content and summary may be XHTML markup: kept as written and reduced to text as HTML.
  stopNodes: ['*.content', '*.summary'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
  // Entities a document declares are refused before parsing (see readFeed); these limits are a second line.
  processEntities: { enabled: true, maxEntityCount: 16, maxEntitySize: 1000, maxExpansionDepth: 2, maxExpandedLength: 10_000 },
  htmlEntities: false,
});

/** A field's text: a string, or an element's text node. */
function textOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return textOf(v[0]);
  if (v && typeof v === 'object') return str((v as Node)['#text']);
  return str(v);
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of a stop node as written: CDATA sections taken as they are, character references decoded elsewhere. */
function unescapeXml(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) => {
            if (name) return XML_ENTITIES[name.toLowerCase()] ?? whole;
            const code = dec ? Number(dec) : parseInt(hex, 16);
            return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
          }),
    )
    .join('');
}

/** 1-based lines where the items (or entries) start, in order, comments and CDATA passed over. */
function itemLines(xml: string, tag: 'item' | 'entry'): number[] {
  const lines: number[] = [];
  const re = new RegExp(`<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<(?:[\\w.-]+:)?${tag}[\\s>/]`, 'g');
  let line = 1;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    for (let i = from; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    from = m.index;
    if (m[0].startsWith('<') && !m[0].startsWith('<!')) lines.push(line);
  }
  return lines;
}

interface ItemFields {
  title?: string;
  /** HTML, or plain text when `plain`. */
  body?: string;
  lead?: string;
  plain?: boolean;
  date: string | null;
  url?: string;
  author?: string;
}

function rssItem(item: Node): ItemFields {
  const encoded = textOf(item['content:encoded']);
  const description = textOf(item.description);
  const author = textOf(item['dc:creator']) ?? textOf(item.author);
  return {
    title: textOf(item.title),
    body: encoded ?? description,
    lead: encoded ? description : undefined,
    date: normaliseDate(textOf(item.pubDate)) ?? normaliseDate(textOf(item['dc:date'])),
    url: textOf(item.link) ?? (isPermaLink(item.guid) ? textOf(item.guid) : undefined),
    author,
  };
}

function isPermaLink(guid: unknown): boolean {
  return !!guid && typeof guid === 'object' && (guid as Node)['@isPermaLink'] !== 'false' && /^https?:/.test(textOf(guid) ?? '');
}

/** Atom text constructs: `type` text (the default for title), html, or xhtml. */
function atomText(v: unknown, toText: ToText): { text?: string; plain: boolean } {
  const node = Array.isArray(v) ? v[0] : v;
  if (node === undefined || node === null) return { plain: true };
  const raw = typeof node === 'object' ? String((node as Node)['#text'] ?? '') : String(node);
  const type = typeof node === 'object' ? String((node as Node)['@type'] ?? 'text') : 'text';
  if (type === 'xhtml') return { text: str(toText(raw)), plain: false };
  return type === 'html' ? { text: str(toText(unescapeXml(raw))), plain: false } : { text: str(unescapeXml(raw)), plain: true };
}

function atomEntry(entry: Node, toText: ToText): ItemFields {
  const links = (Array.isArray(entry.link) ? entry.link : []) as Node[];
  const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  const content = atomText(entry.content, toText);
  const summary = atomText(entry.summary, toText);
  const authors = (Array.isArray(entry.author) ? entry.author : []) as Node[];
  return {
    title: textOf(entry.title),
    body: content.text ?? summary.text,
    lead: content.text ? summary.text : undefined,
    plain: true,
    date: normaliseDate(textOf(entry.published)) ?? normaliseDate(textOf(entry.updated)),
    url: str(link?.['@href']),
    author: authors.map((a) => textOf(a.name)).filter(Boolean).join(', ') || undefined,
  };
}

/** Text of a field that may hold markup or entities ("A &lt;b&gt;bold&lt;/b&gt; title"). */
function asText(s: string | undefined, toText: ToText): string | undefined {
  return s === undefined ? undefined : /[<&]/.test(s) ? str(toText(s)) : s;
}

function toArticle(fields: ItemFields, n: number, context: { path: string; baseId: string; source?: string; line?: number }, toText: ToText): Article | string {
  if ([fields.title, fields.body, fields.lead].some((s) => s !== undefined && CONTROL.test(s))) return 'binary content (NUL or control characters)';
  const title = asText(fields.title, toText)?.replace(/\s+/g, ' ');
  const body = fields.body === undefined ? undefined : fields.plain ? str(fields.body) : asText(fields.body, toText);
  const lead = asText(fields.lead, toText);
  const text = body ?? lead ?? title;
  if (!text) return 'no title or text';
  const composed = composeStory({ title, lead: body ? lead?.replace(/\s+/g, ' ') : undefined, body: cleanText(text) });
  return {
    id: `${context.baseId}#${n}`,
    path: context.path,
    source: context.source ?? null,
    date: fields.date,
    format: 'feed',
    ...(fields.url ? { url: fields.url } : {}),
    ...(fields.author ? { author: asText(fields.author, toText) } : {}),
    ...composed,
    ...(context.line ? { line: context.line } : {}),
  };
}

function collect(path: string, items: (ItemFields | string)[], lines: number[], base: { baseId: string; source?: string }, toText: ToText): ParseResult {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  items.forEach((fields, i) => {
    const line = lines[i];
    const a = typeof fields === 'string' ? fields : toArticle(fields, i + 1, { path, ...base, line }, toText);
    if (typeof a !== 'string') articles.push(a);
    else diagnostics.push({ path, ...(line ? { line } : {}), severity: 'error', message: `item ${i + 1}${line ? ` (line ${line})` : ''}: ${a}; item skipped` });
  });
  if (!items.length) diagnostics.push({ path, severity: 'warning', message: 'the feed has no items' });
  return { articles, diagnostics };
}

function rootName(doc: Node): string | undefined {
  return Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('@'));
}

/** An RSS or Atom document. Never throws: what cannot be read is a diagnostic. */
export function readFeed(path: string, xml: string, baseId: string, toText: ToText): ParseResult {
  const fail = (message: string, severity: Diagnostic['severity'] = 'error'): ParseResult => ({ articles: [], diagnostics: [{ path, severity, message }] });
  const rootAt = xml.search(/<[^?!]/);
  if (/<!ENTITY/i.test(xml.slice(0, rootAt < 0 ? xml.length : rootAt))) {
    return fail('skipped: the feed declares entities in its DOCTYPE (as an entity expansion attack such as "billion laughs" does); not read');
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return fail(`skipped: not well-formed XML (${err instanceof Error ? err.message : String(err)})`);
  }
  const root = rootName(doc);
  const top = (root ? doc[root] : undefined) as Node | undefined;
  let read: ParseResult | undefined;
  if (root === 'rss' || root === 'rdf:RDF') {
    const channel = ((Array.isArray(top?.channel) ? top?.channel[0] : top?.channel) ?? {}) as Node;
    const items = ((root === 'rss' ? channel.item : top?.item) ?? []) as Node[];
    read = collect(path, items.map(rssItem), itemLines(xml, 'item'), { baseId, source: asText(textOf(channel.title), toText) }, toText);
  } else if (root === 'feed' && top) {
    const entries = (top.entry ?? []) as Node[];
    read = collect(path, entries.map((e) => atomEntry(e, toText)), itemLines(xml, 'entry'), { baseId, source: asText(textOf(top.title), toText) }, toText);
  }
  if (read) {
    // The parser reads what it can of a broken feed (a truncated download, a stray tag); say where it breaks.
    const valid = XMLValidator.validate(xml);
    if (valid !== true) read.diagnostics.unshift({ path, line: valid.err.line, severity: 'warning', message: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); read as far as it goes` });
    return read;
  }
  return root
    ? fail(`skipped: XML that is not an RSS or Atom feed (its root element is <${root}>)`, path.toLowerCase().endsWith('.xml') ? 'info' : 'error')
    : fail('skipped: no XML element found');
}

/** A JSON Feed, already parsed. */
export function readJsonFeed(path: string, feed: Node, baseId: string, toText: ToText): ParseResult {
  const items = (Array.isArray(feed.items) ? feed.items : []) as unknown[];
  const fields = items.map((item): ItemFields | string => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return 'not a JSON object';
    const it = item as Node;
    const authors = (Array.isArray(it.authors) ? it.authors : it.author ? [it.author] : []) as Node[];
    const html = str(it.content_html);
    return {
      title: str(it.title),
      body: html ?? str(it.content_text),
      plain: !html,
      lead: str(it.summary),
      date: normaliseDate(it.date_published) ?? normaliseDate(it.date_modified),
      url: str(it.url) ?? str(it.external_url),
      author: authors.map((a) => str(a?.name)).filter(Boolean).join(', ') || undefined,
    };
  });
  return collect(path, fields, [], { baseId, source: str(feed.title) }, toText);
}
