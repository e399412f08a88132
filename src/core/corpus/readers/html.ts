/**
 * Saved web pages: the story extracted by Mozilla's Readability (Firefox Reader View) over linkedom,
 * a DOM for Node, and its metadata from JSON-LD (schema.org NewsArticle and kin), Open Graph and
 * `article:*` meta tags and `<time>`. Also reduces HTML fragments (feed items, e-mail bodies) to text.
 * Loaded only when such files are read (see lazy.ts).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../../model/types';
import { normaliseDate } from '../dates';
import type { ParseResult } from '../story';
import { BOILERPLATE_LINE, cleanText, comparable, composeStory, str } from '../story';

/** The little of the DOM we use, typed here: core is compiled without the DOM library. */
export interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

interface DomDocument {
  title: string;
  body: DomElement | null;
  documentElement: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Never text: code, styling, media, forms, and the page furniture around a story. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'MATH',
  'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'FORM', 'LABEL', 'NAV', 'FOOTER', 'ASIDE', 'FIGURE', 'FIGCAPTION',
]);

const PAGE_FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM']);

/** Elements that start and end a paragraph of text. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Class or id of page furniture that some pages leave inside the story: share bars, newsletter boxes, related links. */
const FURNITURE = /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|subscription|related|recommended|promo|advert|advertisement|ads?|cookies?|consent|comments?|breadcrumbs?|tags|sidebar|paywall|signup|toolbar)(?:$|[\s_-])/i;
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert', 'toolbar']);

/** Lines that are widgets, not story: what share bars and tool rows say. */
const WIDGET_LINE = /^(?:share(?: this)?(?: (?:article|story|page))?(?: on \w+)?|tweet|e-?mail|print|copy(?: the)? link|facebook|twitter|x|whatsapp|linkedin|reddit|comments?|\d+ comments?|listen(?: to this article)?|save|follow|subscribe|advertisement|skip (?:to|the) (?:content|advert)|image caption|image source.*|getty images)$/i;

/**
 * Page furniture by its role, or by a class or id such as "share-bar", as long as it holds little
 * text: "story-body has-social" must not lose the story.
 */
function isFurniture(el: DomElement): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (!FURNITURE.test(el.getAttribute('class') ?? '') && !FURNITURE.test(el.getAttribute('id') ?? '')) return false;
  return (el.textContent ?? '').length < FURNITURE_MAX_CHARS;
}

const FURNITURE_MAX_CHARS = 600;

/**
 * The paragraphs of an element's text: each block element is a paragraph of its own, a line break
 * is kept, two line breaks in a row end a paragraph. White space runs become one space. Elements in
 * SKIPPED never contribute, nor do those `skip` rejects.
 */
export function paragraphsOf(root: DomNode, skip: (el: DomElement) => boolean = () => false): string[] {
  const out: string[] = [];
  let lines: string[] = [''];
  const flush = (): void => {
    let paragraph: string[] = [];
    const end = (): void => {
      if (paragraph.length) out.push(paragraph.join('\n'));
      paragraph = [];
    };
    for (const raw of lines) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line) paragraph.push(line);
      else end();
    }
    end();
    lines = [''];
  };
  const walk = (node: DomNode): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === TEXT) {
        lines[lines.length - 1] += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const el = child as DomElement;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED.has(tag) || skip(el)) continue;
      if (tag === 'BR') lines.push('');
      else if (BLOCKS.has(tag)) {
        flush();
        walk(el);
        flush();
      } else walk(el);
    }
  };
  walk(root);
  flush();
  return out.map(cleanText).filter((p) => p.trim() !== '');
}

function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** An HTML fragment (a feed item's content, an e-mail's HTML part) as text: paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const doc = parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return doc.body ? paragraphsOf(doc.body, isFurniture).join('\n\n') : '';
}

/** Markup-free text of a short field (a title): entities decoded, tags dropped, one line. */
export function inlineText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

export interface PageMetadata {
  title?: string;
  date?: string;
  source?: string;
  author?: string;
  url?: string;
  description?: string;
  /** schema.org `articleBody`, when the page gives one. */
  body?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|^Report)$/;

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The objects of every JSON-LD block on the page, `@graph`s and arrays flattened. */
function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') {
      out.push(v as JsonObject);
      if ('@graph' in v) add((v as JsonObject)['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i].textContent ?? '').replace(/^\s*(?:<!--|<!\[CDATA\[)/, '').replace(/(?:-->|\]\]>)\s*$/, '');
    try {
      add(JSON.parse(raw));
    } catch {
      // A broken JSON-LD block is common on the web and only costs its metadata.
    }
  }
  return out;
}

/** A name from a schema.org value: a string, a Person/Organization (or a reference to one), or a list of them. */
function nameOf(v: unknown, byId: Map<string, JsonObject>): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map((x) => nameOf(x, byId)).filter((x): x is string => x !== undefined);
    return names.length ? [...new Set(names)].join(', ') : undefined;
  }
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') {
    const o = v as JsonObject;
    const target = typeof o['@id'] === 'string' && !('name' in o) ? byId.get(o['@id'] as string) : o;
    return target ? str(target.name) : undefined;
  }
  return undefined;
}

function urlOf(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) return str((v as JsonObject)['@id']) ?? str((v as JsonObject).url);
  return undefined;
}

function fromJsonLd(doc: DomDocument): PageMetadata {
  const nodes = jsonLdNodes(doc);
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  if (!article) return {};
  return {
    title: inlineOrUndefined(str(article.headline) ?? str(article.name)),
    date: normaliseDate(article.datePublished) ?? normaliseDate(article.dateCreated) ?? undefined,
    source: nameOf(article.publisher, byId) ?? nameOf(article.sourceOrganization, byId),
    author: nameOf(article.author, byId) ?? nameOf(article.creator, byId),
    url: urlOf(article.url) ?? urlOf(article.mainEntityOfPage),
    description: inlineOrUndefined(str(article.description)),
    body: str(article.articleBody),
  };
}

function inlineOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : /[<&]/.test(s) ? str(inlineText(s)) : s;
}

function meta(doc: DomDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`);
    const v = str(el?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
}

const DATE_META = ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published'];

function fromMeta(doc: DomDocument): PageMetadata {
  const author = meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author');
  const timeEl = doc.querySelector('article time[datetime], time[datetime], [itemprop="datePublished"][datetime]');
  const time = timeEl?.getAttribute('datetime') ?? doc.querySelector('article time, time')?.textContent ?? undefined;
  return {
    title: meta(doc, 'og:title', 'twitter:title', 'dc.title', 'headline'),
    date: DATE_META.map((n) => normaliseDate(meta(doc, n))).find((d) => d !== null) ?? normaliseDate(time) ?? undefined,
    source: meta(doc, 'og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site')?.replace(/^@/, ''),
    author: author && !/^https?:/i.test(author) ? author.replace(/^by\s+/i, '') : undefined,
    url: meta(doc, 'og:url') ?? str(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')),
    description: meta(doc, 'og:description', 'description', 'twitter:description', 'dc.description'),
  };
}

/** JSON-LD first (the most precise), then meta tags, field by field. */
export function pageMetadata(doc: DomDocument): PageMetadata {
  const ld = fromJsonLd(doc);
  const tags = fromMeta(doc);
  const out: PageMetadata = {};
  for (const key of ['title', 'date', 'source', 'author', 'url', 'description', 'body'] as const) {
    const v = ld[key] ?? tags[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** "Harbour reopens | Coast Post" -> "Harbour reopens" when the site is Coast Post. */
function withoutSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  const m = /^(.*\S)\s+[|–—:·-]\s+(.+)$/.exec(title);
  return m && m[2].trim().toLowerCase() === site.toLowerCase() ? m[1] : title;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Readability's story, or the page's own text when it finds none, as paragraphs. */
function storyParagraphs(doc: DomDocument): { paragraphs: string[]; title?: string; byline?: string; site?: string; published?: string } {
  for (const el of Array.from(doc.querySelectorAll('nav, footer, aside, form, [role], [aria-hidden="true"], [class], [id]'))) {
    if (PAGE_FURNITURE_TAGS.has(el.tagName.toUpperCase()) || isFurniture(el)) el.remove();
  }
  const parsed = new Readability<DomNode>(doc as never, { serializer: (node) => node as unknown as DomNode, charThreshold: 200 }).parse();
  const found = parsed?.content ? paragraphsOf(parsed.content, isFurniture) : [];
  const paragraphs = found.length ? found : doc.body ? paragraphsOf(doc.body, isFurniture) : [];
  return { paragraphs, title: str(parsed?.title), byline: str(parsed?.byline), site: str(parsed?.siteName), published: str(parsed?.publishedTime) };
}

/** Paragraphs that are not the story: the title again, the byline, a lone date, widget and boilerplate lines. */
function storyOnly(paragraphs: string[], title: string | undefined, byline: string | undefined): string[] {
  const titleKey = title ? comparable(title) : undefined;
  const bylineKey = byline ? comparable(byline.replace(/^by\s+/i, '')) : undefined;
  return paragraphs.filter((p) => {
    const key = comparable(p);
    if (key === '' || key === titleKey) return false;
    if (bylineKey && (key === bylineKey || key === `by ${bylineKey}`)) return false;
    if (p.length < 60 && (/^by\s+\p{Lu}/u.test(p) || (normaliseDate(p) !== null && p.split(/\s+/).length <= 6))) return false;
    return !WIDGET_LINE.test(p.trim()) && !BOILERPLATE_LINE.test(p.trim());
  });
}

/** A saved web page: one article, or a diagnostic when it holds no story text. Never throws. */
export function readHtml(path: string, html: string, id: string): ParseResult {
  const doc = parseDocument(html);
  const metadata = pageMetadata(doc);
  const pageTitle = str(doc.title);
  const story = storyParagraphs(doc);
  const source = metadata.source ?? story.site ?? hostOf(metadata.url);
  let paragraphs = storyOnly(story.paragraphs, metadata.title ?? story.title ?? pageTitle, story.byline);
  // A page whose visible text is cut short (a paywall, a teaser) may still carry the whole story in its JSON-LD.
  const ldBody = metadata.body ? metadata.body.split(/\n\s*\n|\r?\n/).map((p) => cleanText(p).trim()).filter(Boolean) : [];
  if (ldBody.join(' ').length > 2 * paragraphs.join(' ').length) paragraphs = ldBody;
  if (!paragraphs.length) return { articles: [], diagnostics: [{ path, severity: 'error', message: 'skipped: no story text found in this web page' }] };
  const title = metadata.title ?? story.title ?? (pageTitle ? withoutSiteName(pageTitle, source) : undefined);
  const composed = composeStory({ title: title ? cleanText(title) : undefined, lead: metadata.description ? cleanText(metadata.description) : undefined, body: paragraphs.join('\n\n') });
  const author = metadata.author ?? story.byline?.replace(/^by\s+/i, '');
  const article: Article = {
    id,
    path,
    source: source ?? null,
    date: metadata.date ?? normaliseDate(story.published),
    format: 'html',
    ...(metadata.url ? { url: metadata.url } : {}),
    ...(author ? { author } : {}),
    ...composed,
  };
  // A download or a save cut short leaves a page without its end: what it holds loads, and the cut is said.
  const cut = !/<\/(?:html|body)\s*>/i.test(html.slice(-4096));
  return { articles: [article], diagnostics: cut ? [{ path, severity: 'warning', message: 'the page ends without </body> or </html> (cut short?): its text may be incomplete' }] : [] };
}
