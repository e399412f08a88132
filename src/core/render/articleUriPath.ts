/**
 * The path of a `news-lens:` article view: `/<id>/<title>.txt`. The id must come back exactly
 * (it is how the view finds its article); the title is only for the editor tab. Ids and titles
 * come from scraped JSON, where a title cut inside an emoji leaves half a surrogate pair, which
 * `encodeURIComponent` refuses (and with it, every command that opened or listed that article).
 */

/** A lone surrogate: half of a pair with no other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Marks an id spelled as UTF-16 code units; encodeURIComponent always escapes `$`, so no other id starts with it. */
const CODE_UNITS = '$';

function wellFormed(s: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(s);
}

/** The text with every lone surrogate replaced by U+FFFD, as a UTF-8 decoder would show it. */
export function withoutLoneSurrogates(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

export function encodeArticleId(id: string): string {
  if (wellFormed(id)) return encodeURIComponent(id);
  let out = CODE_UNITS;
  for (let i = 0; i < id.length; i++) out += id.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** The id `encodeArticleId` was given, or undefined for a segment it cannot have made. */
export function decodeArticleId(segment: string): string | undefined {
  if (segment.startsWith(CODE_UNITS)) {
    const hex = segment.slice(CODE_UNITS.length);
    if (hex.length % 4 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
    let id = '';
    for (let i = 0; i < hex.length; i += 4) id += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return id;
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function articleUriPath(id: string, title: string): string {
  // Cut before encoding (a cut escape would not decode), and after it nothing is left of a broken pair.
  const name = withoutLoneSurrogates((title || id).slice(0, 60));
  return `/${encodeArticleId(id)}/${encodeURIComponent(name)}.txt`;
}

export function articleIdOfUriPath(path: string): string | undefined {
  const first = path.split('/')[1];
  return first ? decodeArticleId(first) : undefined;
}
