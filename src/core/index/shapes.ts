/**
 * Shape checks for data read back from disk (cache entries, the merged-entities snapshot): a file
 * that parses as JSON but holds `null` where a list belongs, or a name that is a number, must be a
 * cache miss, not a crash later in a run. Each check returns where and what is wrong, or undefined.
 *
 * ajv (a dev dependency, used by the tests on the CLI's contract) was weighed for this: it would
 * add 124 KB to the extension's bundle and compile its validator on the extension host (20-170 ms
 * here) the first time an entry is read; these few combinators check as much, at once.
 */
export type Check = (value: unknown, at: string) => string | undefined;

export const str: Check = (v, at) => (typeof v === 'string' ? undefined : `${at} is not a string`);
export const num: Check = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${at} is not a number`);
export const offset: Check = (v, at) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : `${at} is not an offset`);

export function nullable(check: Check): Check {
  return (v, at) => (v === null ? undefined : check(v, at));
}

export function optional(check: Check): Check {
  return (v, at) => (v === undefined ? undefined : check(v, at));
}

export function oneOf(...values: string[]): Check {
  return (v, at) => (typeof v === 'string' && values.includes(v) ? undefined : `${at} is not one of ${values.join(', ')}`);
}

export function list(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    for (let i = 0; i < v.length; i++) {
      const why = item(v[i], `${at}[${i}]`);
      if (why) return why;
    }
    return undefined;
  };
}

/** A list of exactly these items. */
export function tuple(...items: Check[]): Check {
  return (v, at) => {
    if (!Array.isArray(v) || v.length !== items.length) return `${at} is not a list of ${items.length}`;
    for (let i = 0; i < items.length; i++) {
      const why = items[i](v[i], `${at}[${i}]`);
      if (why) return why;
    }
    return undefined;
  };
}

/** An object with these fields (others are allowed: a newer writer may add some). */
export function shape(fields: Record<string, Check>): Check {
  const entries = Object.entries(fields);
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${at} is not an object`;
    const o = v as Record<string, unknown>;
    for (const [key, check] of entries) {
      const why = check(o[key], `${at}.${key}`);
      if (why) return why;
    }
    return undefined;
  };
}

export const span = shape({ start: offset, end: offset });
const textSpan = shape({ start: offset, end: offset, text: str });
const when = nullable(shape({ text: str, date: nullable(str) }));
const strings = list(str);

export const diagnostic = shape({ path: str, severity: oneOf('error', 'warning', 'info'), message: str, line: optional(num) });

export const article = shape({
  id: str,
  path: str,
  title: str,
  source: nullable(str),
  date: nullable(str),
  text: str,
  format: str,
  url: optional(str),
  author: optional(str),
  bodyStart: offset,
  bodyEnd: offset,
  composedFrom: optional(strings),
  line: optional(num),
});

const typeEvidence = shape({ person: optional(num), organization: optional(num), place: optional(num) });

export const analysis = shape({
  articleId: str,
  sentences: list(span),
  entities: list(
    shape({ key: str, type: str, name: str, aliases: strings, roles: strings, value: optional(str), place: optional(str), cues: optional(typeEvidence), typeScores: optional(typeEvidence) }),
  ),
  mentions: list(shape({ key: str, start: offset, end: offset, text: str })),
  events: list(
    shape({
      type: str,
      trigger: textSpan,
      who: strings,
      whom: strings,
      where: strings,
      when,
      sentence: span,
      confidence: num,
      label: str,
      typeLabel: optional(str),
    }),
  ),
  mainEvent: shape({ who: nullable(str), what: nullable(str), when, where: nullable(str), why: nullable(str), how: nullable(str) }),
  summary: list(span),
  headline: str,
  excluded: list(shape({ start: offset, end: offset, reason: oneOf('widget', 'caption', 'prompt', 'repeated') })),
  wordCount: num,
});

export const entity = shape({
  id: str,
  name: str,
  type: str,
  aliases: strings,
  roles: strings,
  mentionCount: num,
  articleCount: num,
  value: optional(str),
  place: optional(str),
  possibleSame: optional(strings),
});
