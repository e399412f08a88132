import type { Span } from '../model/types';

/**
 * Page furniture: the parts of a scraped page that are not the story — share and video widgets,
 * photo captions and credits, "Read more" links, newsletter and follow prompts, copyright lines.
 * They are found line by line from signs any news site's pages show (widget words in sequence,
 * an agency credit opening or closing a line, a prompt opening a line, a short line made of a link),
 * not from lists of particular sites. The text stays in the article, so offsets never move; the
 * analysis leaves these spans out of entities, events and summaries and says which and why.
 * Lines repeated across many articles of one source are the corpus-level sign: see
 * index/repeatedLines.ts.
 */

export type FurnitureReason = 'widget' | 'caption' | 'prompt' | 'repeated';

export interface ExcludedSpan extends Span {
  reason: FurnitureReason;
}

/**
 * Words of share bars, video players and galleries as pages label their buttons ("Skip in Skip x
 * Embed x Share CLOSE", "JUST WATCHED ... Replay More Videos ... MUST WATCH"). Case matters: the
 * lower-case words ("share", "close") are ordinary English.
 */
const WIDGET_WORDS =
  /(?<![\p{L}\p{N}])(?:Skip(?: Ad| in)?|Embed|Share|SHARE|CLOSE|Close|Replay|Autoplay|Full Screen|Play slideshow|Slideshow|View Photos|More Videos|JUST WATCHED|MUST WATCH|show all|Facebook Twitter Pinterest)(?![\p{L}\p{N}])/gu;

/** A lone label where a widget was: "Photo", "Video", "Advertisement", "Read more". */
const LONE_LABEL = /^(?:Photos?|Videos?|Images?|Advertisement|Read more|Read More|READ MORE|Related|RELATED|Share|SHARE|Embed|Close|CLOSE|Replay|Watch|WATCH|Gallery|Slideshow(?: \(\d+ Images?\))?|Sponsored|Ad)[\s:.…]*$/;

/** The label under an embedded Instagram or Facebook post: "A post shared by SpaceX (@spacex) on Dec 22, 2017". */
const EMBED_LABEL = /\bA (?:post|photo|video) shared by .{1,80}\(@\w+\) on \p{L}+\.? \d/u;

/**
 * Labels inside a line: around an embedded post ("Skip Twitter post by @durov ... End of Twitter
 * post by @durov"; the post between them is the story's material), an image's label between a
 * linked headline and its caption ("... Especially for Women Image Police officers closed ..."),
 * a headline's media tag ("(PHOTOS, VIDEO)"), a mail client's mark of an attached file ("(See
 * attached file: budget.xls)", "budget.xls << File: budget.xls >>") in a forwarded e-mail's text.
 */
const INLINE_WIDGET =
  /(?:Skip|End of) (?:Twitter|Facebook|Instagram|YouTube) (?:post|content)(?: by @\w+| \d+)?|(?:Image|Photo|Video)(?<=\s\p{Lu}\p{Ll}+ (?:Image|Photo|Video))(?= \p{Lu}\p{Ll}+ \p{Ll})|\((?:PHOTOS?|VIDEOS?|GRAPHIC|AUDIO|LIVE)(?:,\s*(?:PHOTOS?|VIDEOS?|GRAPHIC|AUDIO))*\)|\(\s*See attached file\s*:[^()\n]{0,200}(?:\([^()\n]{0,100}\)[^()\n]{0,100})?\)|(?:(?<!\S)[\w.-]{1,100}\.\w{2,4}\s*)?<<\s*File\s*:[^<>\n]{0,300}>>/gu;

/** Photo agencies and picture desks, as credits name them. */
const AGENCY = String.raw`(?:Getty Images|Getty|GETTY|AFP|AP Photo|AP|Reuters|REUTERS|EPA|PA Wire|PA|Rex Features|Rex|REX|Shutterstock|Alamy|Corbis|WireImage|iStock|Landov|DPA|dpa|SWNS|Splash News)`;

/** Labels a page puts before a caption: "Image copyright EPA Image caption ...", "Photos: <gallery>", "Enlarge this image". */
const CAPTION_LABEL =
  /^(?:(?:Image|Media|Video) (?:copyright|caption)\b|Media playback is unsupported on your device\b|Enlarge (?:this )?[Ii]mage\b|(?:Photos|PHOTOS|Gallery|GALLERY|In pictures|IN PICTURES)\s*:|(?:Twitter|Instagram|Facebook|YouTube)\s*\/\s*@?\w+\s)/;

/**
 * A line opening with a picture credit, then the caption: "Getty Images Massa sits down", "GETTY
 * Bitcoin has fallen", "Reuters The NK leader watches". Captions end without a full stop; prose
 * that opens with an agency's name ("EPA Administrator Lee Thomas said ...") ends with one, and
 * only Getty is never the subject of a news sentence.
 */
const CREDIT_FIRST = new RegExp(String.raw`^(?:©\s*|(?:Handout|HANDOUT|Pool|POOL)\s*[-–—/]\s*|[\p{Lu}\s]{2,40}•\s*)?(${AGENCY})(?: Images)?(?:\s*[-–—/•]\s*(?:${AGENCY}|Contributor|[\p{Lu}][\p{L}]+))*\s+(?=[\p{Lu}'"‘“\d])`, 'u');
const SENTENCE_END = /[.!?]["'”’)]?$/;

/**
 * A line closing with a credit: "(Photo: SpaceX via Florida Today)", "(Getty)", "[Photo/Agencies]",
 * "Photograph: George Frey/Getty Images", "Steve Parsons/PA", "... at La Mon House Getty Images",
 * "(Taylor Turner/The Washington Post)", "REUTERS/Issei Kato"; or a line that is a photographer's
 * name and an outlet and nothing else ("Stephen Shankland/CNET"). A slash between a name and
 * capitals elsewhere in a line is prose ("the Reading/Leeds festival"), and so are a list in
 * brackets ("Caroline Quentin (Life Begins/ Von Trapped, ITV1)") and a wire headline in capitals
 * ("LONDON OILS/SEEDS CLOSE QUIETLY MIXED").
 */
const CREDIT_LAST = new RegExp(
  String.raw`(?:` +
    [
      String.raw`\((?:AP |Reuters |AFP )?(?:Photos?|Image|Picture|Pictures|Credit|Video)(?:\s*:|\s+by\b)[^()]*\)`,
      String.raw`\((?:[^()]*\/)?${AGENCY}[^()]*\)`,
      String.raw`\[(?:Photo|Image|Video)\/[^\]]*\]`,
      String.raw`(?:Photograph|Photographer|Picture|Image|Credit)s?:\s*[^.!?]{1,80}`,
      // Tried from a word's first letter only: the same lines match, and tried from every letter the search was most of the furniture step's time.
      String.raw`(?<![\p{L}.'-])[\p{L}.'-]+(?: [\p{L}.'-]+){0,3}\s*\/\s*${AGENCY}(?:\s*\/\s*[\p{L}]+)*(?: via ${AGENCY}(?: Images)?)?(?:,\s*FILE)?`,
      String.raw`(?<=[\p{L}\p{N})])\s(?:Getty Images|Getty|GETTY)`,
      String.raw`\((?:\p{Lu}[\p{L}.'’-]+\s+){1,3}\p{Lu}[\p{L}.'’-]+\s*\/\s*\p{Lu}[^()\/,]{1,60}\)`,
      String.raw`${AGENCY}\s*\/\s*(?:\p{Lu}[\p{L}.'’-]+\s*){1,4}`,
      String.raw`^(?:\p{Lu}\p{Ll}[\p{L}.'’-]*\s+){1,3}\p{Lu}\p{Ll}[\p{L}.'’-]*\s*\/\s*(?:\p{Lu}[\p{L}.&'’-]*\s*){1,5}`,
    ].join('|') +
    String.raw`)\s*$`,
  'u',
);

/** AP-style captions: "FILE - In this Nov. 2, 2017 file photo, ...", "This Dec. 28 photo made available by SpaceX shows ...". */
const CAPTION_OPENING =
  /^(?:FILE\s*[-–—]\s*)?(?:In this\b.{0,60}?\b(?:photo|image|picture)\b|This\b.{0,60}?\b(?:photo|image|picture)\b.{0,40}?\b(?:released|provided|made available|taken|shows)\b)/i;

/** Openings of links, prompts and notices that pages put between paragraphs. */
const PROMPT_OPENING = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`(?:Read more|Read More|READ MORE|More|MORE|Related|RELATED|See also|SEE ALSO|Also read|ALSO READ|Watch|WATCH|Listen|LISTEN|Recommended|Trending|Sponsored|Video|VIDEO|Photos|PHOTOS)(?: (?:stories|Stories|articles|Articles|coverage|Coverage|content|Content|links|Links|news|News|videos?|Videos?))?\s*[:|]`,
      String.raw`(?:Related|RELATED) (?:[Ss]tories|[Aa]rticles|[Cc]overage|[Cc]ontent|[Ll]inks|[Nn]ews)\b`,
      String.raw`Advertisement(?:\s*[-–—:]?\s*(?:Continue|Story continues|Scroll)|\s*$)`,
      String.raw`Continue reading\b`,
      String.raw`Newsletter Sign Up\b`,
      String.raw`Sign [Uu]p (?:for|to|here|now)\b`,
      String.raw`Subscribe\b`,
      String.raw`Thanks? (?:you )?for subscribing\b`,
      String.raw`Get (?:the|our|daily|breaking)\b[^.]{0,40}\b(?:newsletter|updates|inbox|e-?mails?)\b`,
      String.raw`Order Reprints\b`,
      String.raw`Scroll (?:down |below |up )?(?:for|to)\b`,
      String.raw`Chat with us\b`,
      String.raw`Like us on\b`,
      String.raw`Follow (?:us|me|him|her|them)\b`,
      String.raw`Follow [^.]{1,60}\bon (?:Twitter|Facebook|Instagram|LinkedIn|YouTube)\b`,
      String.raw`Read or Share this story\b`,
      String.raw`Share this (?:story|article|post|page)\b`,
      String.raw`E-?mail(?: us)?:`,
      String.raw`We pay for your stories\b`,
      String.raw`(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}|\(c\))`,
      String.raw`All rights reserved\b`,
      String.raw`Click here\b`,
      String.raw`Read the (?:original|full) (?:article|story)\b`,
      String.raw`Please verify you(?:'|’)re not a robot\b`,
    ].join('|') +
    ')',
);

/** Prompts anywhere in a short line: "Craving even more? Like us on Facebook or Follow us on Twitter.", "Got a story? Email us at ...". */
const PROMPT_INSIDE = /\b(?:Follow (?:us|me|him|her) (?:on|@)|(?:Like|Follow) us on|Sign [Uu]p (?:for|to) (?:our|the)|Subscribe(?: to (?:our|the)|\.?$)|[Ee]-?mail us\b|(?:Got|Have|Do you have) a (?:story|news tip|tip)\b)/;

/** Lines that end by sending the reader elsewhere: "Chicago Cubs end most storied title drought ... Read more". */
const PROMPT_CLOSING = /\b(?:Read more|Read More|READ MORE)(?: (?:at|on) \S+)?[.:]?$/;

/** Links, addresses and handles, to see how much of a short line is anything else. */
const LINKS = /\S*(?:https?:\/\/|www\.|@)\S*/g;
const HAS_LINK = /https?:\/\/|www\.|@\w/;
/** Words besides its links a line that is "a link and little else" may have ("For more NFL coverage: http://..."). */
const WORDS_BESIDE_LINKS = 8;
/** The signature line of an embedded tweet quotes what someone wrote: it is the story's material. */
const TWEET_SIGNATURE = /\(@\w+\)\s+\p{L}+\.? \d{1,2}, \d{4}/u;

/** A run of two or more words in capitals: a kicker ("ERUPTION OF ANGER") heading a linked story. */
const CAPS_RUN = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{Lu}\p{N}'’&-]+(?:[ ,]+\p{Lu}[\p{Lu}\p{N}'’&-]*)+(?![\p{L}\p{N}])/gu;
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu;

/**
 * A box of linked stories ("MOST READ IN NEWS 'DAD WAS A PAEDO' Joan Collins' son claims ...
 * ERUPTION OF ANGER Mount Agung volcano erupts ..."): kickers in capitals alternating with
 * headlines in ordinary case, at least three times in one line. Prose has an acronym now and then,
 * and wire tables are capitals throughout; neither alternates.
 */
function isStoryLinks(line: string): boolean {
  let previousEnd = -1;
  let alternations = 0;
  for (const m of line.matchAll(CAPS_RUN)) {
    if (previousEnd >= 0 && (line.slice(previousEnd, m.index).match(LOWER_WORD)?.length ?? 0) >= 3 && ++alternations >= 3) return true;
    previousEnd = m.index + m[0].length;
  }
  return false;
}

/** How far from a line's end a credit may start. */
const CREDIT_REACH = 200;
/** What every credit CREDIT_LAST knows holds: a bracket, a colon, a slash or Getty's name. Most lines have none, and are not searched. */
const CREDIT_SIGNS = /[([:/]|Getty|GETTY/;
/** Longest line that can be a link or a handle and little else. */
const SHORT_LINE = 400;

/** A gallery or playlist counter: "1 of 41", "2/8". */
const COUNTER = /(?:^|\s)\d{1,3}(?: of |\/)\d{1,3}(?=\s|$)/;

/** Widget labels close together ("Skip x Embed x Share CLOSE"): one "Close" in prose is not a widget. */
function hasWidgetRun(line: string): boolean {
  let last = -Infinity;
  let hits = 0;
  for (const m of line.matchAll(WIDGET_WORDS)) {
    hits++;
    if (m.index - last <= 30 || hits >= 3) return true;
    last = m.index + m[0].length;
  }
  return hits === 1 && (COUNTER.test(line) || /^CLOSE\s/.test(line));
}

/** The number of words in a line, counted up to `limit` + 1 (only short lines need an exact count). */
function wordCount(line: string, limit: number): number {
  let n = 0;
  for (const _ of line.matchAll(/\S+/g)) if (++n > limit) break;
  return n;
}

function hasCreditLast(tail: string): boolean {
  return CREDIT_SIGNS.test(tail) && CREDIT_LAST.test(tail);
}

/** Why a line is furniture, or undefined when it reads as part of the story. */
export function furnitureOf(line: string): FurnitureReason | undefined {
  if (LONE_LABEL.test(line) || EMBED_LABEL.test(line) || hasWidgetRun(line)) return 'widget';
  // A credit is short: looking only at the line's end keeps the test linear on a megabyte line.
  if (CAPTION_LABEL.test(line) || hasCreditLast(line.slice(-CREDIT_REACH)) || CAPTION_OPENING.test(line)) return 'caption';
  const credit = CREDIT_FIRST.exec(line);
  if (credit && (/^(?:Getty|GETTY)/.test(credit[1]) || !SENTENCE_END.test(line))) return 'caption';
  if (PROMPT_OPENING.test(line) || isStoryLinks(line)) return 'prompt';
  const n = wordCount(line, 40);
  if (n <= 40 && (PROMPT_CLOSING.test(line) || PROMPT_INSIDE.test(line))) return 'prompt';
  // A short line that is a link, an address or a handle and little else: a byline's contact, a "follow" box.
  if (line.length <= SHORT_LINE && n <= 25 && HAS_LINK.test(line) && !TWEET_SIGNATURE.test(line) && wordCount(line.replace(LINKS, ' '), WORDS_BESIDE_LINKS) <= WORDS_BESIDE_LINKS) return 'prompt';
  return undefined;
}

/**
 * The furniture lines inside `regions` (each region's lines, trimmed), and the labels inside
 * `headlines` (never whole: a headline names the story), in text order when the regions are.
 * Regions are the parts of the text the analysis reads (see analysisRegions).
 */
export function findFurniture(text: string, regions: readonly Span[], headlines: readonly Span[] = []): ExcludedSpan[] {
  const out: ExcludedSpan[] = [];
  for (const h of headlines) out.push(...inlineLabels(text, h.start, h.end));
  const lines = regions.flatMap((r) => trimmedLines(text, r)).map((l) => ({ ...l, line: text.slice(l.start, l.end) }));
  const galleries = galleryTotals(lines.map((l) => l.line));
  for (const { start, end, line } of lines) {
    const reason = furnitureOf(line) ?? (galleries.has(GALLERY_ITEM.exec(line)?.[2] ?? '') ? 'caption' : undefined);
    if (reason) out.push({ start, end, reason });
    else out.push(...inlineLabels(text, start, end));
  }
  return out;
}

/** The non-empty lines of a region, without their surrounding spaces. */
export function trimmedLines(text: string, r: Span): Span[] {
  const out: Span[] = [];
  let at = r.start;
  while (at < r.end) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > r.end ? r.end : nl;
    let start = at;
    let end = lineEnd;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
    at = lineEnd + 1;
  }
  return out;
}

/** A slideshow's caption opens with its place in the show: "21/30 Pluto image …". */
const GALLERY_ITEM = /^(\d{1,3})\/(\d{1,3})\s/;

/**
 * The sizes of the slideshows an article carries: a total that two lines or more open with, at
 * different places. One line opening "9/11" or "24/7" is prose.
 */
function galleryTotals(lines: string[]): Set<string> {
  const places = new Map<string, Set<string>>();
  for (const line of lines) {
    const m = GALLERY_ITEM.exec(line);
    if (!m || Number(m[1]) > Number(m[2])) continue;
    const seen = places.get(m[2]) ?? new Set<string>();
    seen.add(m[1]);
    places.set(m[2], seen);
  }
  return new Set([...places].filter(([, seen]) => seen.size >= 2).map(([total]) => total));
}

/** How far past a span the labels' lookaheads may read (a word or two). */
const LABEL_CONTEXT = 200;

/**
 * The labels inside [start, end), matched in the text around it: a label's context may lie before
 * the span (a headline the analysis reads apart). The search stops a little past the span: run on
 * to the end of the text, it made finding the labels of every line of a long e-mail quadratic.
 */
function inlineLabels(text: string, start: number, end: number): ExcludedSpan[] {
  const out: ExcludedSpan[] = [];
  const around = text.slice(0, end + LABEL_CONTEXT);
  INLINE_WIDGET.lastIndex = start;
  for (let m = INLINE_WIDGET.exec(around); m && m.index + m[0].length <= end; m = INLINE_WIDGET.exec(around)) out.push({ start: m.index, end: m.index + m[0].length, reason: 'widget' });
  return out;
}

/** `regions` without the `excluded` spans (both sorted by start), as the parts left to analyse. */
export function withoutSpans(regions: readonly Span[], excluded: readonly Span[]): Span[] {
  if (excluded.length === 0) return [...regions];
  const out: Span[] = [];
  let k = 0;
  for (const r of regions) {
    let start = r.start;
    while (k < excluded.length && excluded[k].end <= start) k++;
    let j = k;
    while (j < excluded.length && excluded[j].start < r.end) {
      if (excluded[j].start > start) out.push({ start, end: excluded[j].start });
      start = Math.max(start, excluded[j].end);
      j++;
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}
