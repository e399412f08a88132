import { daysInMonth, isoDate, monthNumber, pad2 } from '../corpus/dates';
import type { Token } from './nlp';

/**
 * Time expressions of a sentence, found on compromise's tags ("Thursday", "late Thursday",
 * "6.10am on Wednesday", "Nov. 10, 2016", "next year", "yesterday", "last month"), and a small
 * resolver that turns them into ISO values against the article date.
 *
 * The resolver is the fallback for when the entity extraction gives no date entity for the
 * expression: events.ts prefers the ISO `value` of a date entity mentioned inside the expression.
 */
export interface TimeExpression {
  /** Token indices inside the sentence, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Whether the expression names a day or a time of day (not just a month or a year). */
  dayLevel: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ABBR: Record<string, number> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 };
const DEICTIC = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'overnight']);
const PERIODS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night']);
const PART_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'midnight', 'noon', 'dawn', 'lunchtime']);
const RELATIVE = new Set(['last', 'next', 'this', 'past', 'coming', 'previous']);
const LEFT_MODIFIERS = new Set(['early', 'late', 'earlier', 'later', 'around', 'about', 'approximately', 'shortly', 'just', 'mid']);
/** Words that may join two parts of one expression: "6.10am on Wednesday", "Sunday, Nov. 13". */
const JOINERS = new Set(['on', 'at', 'of', 'the', 'in']);
const CLOCK = /^\d{1,2}(?:[.:]\d{2})?(?:am|pm|a\.m\.?|p\.m\.?)?$/i;
const AMPM = /^(?:am|pm|a\.m\.?|p\.m\.?|gmt|bst|est|edt|pst|cet|utc)$/i;

function weekdayOf(t: Token): number | undefined {
  const n = t.normal.replace(/\.$/, '');
  const full = WEEKDAYS.indexOf(n);
  if (full >= 0) return full;
  return t.tags.has('WeekDay') ? WEEKDAY_ABBR[n] : undefined;
}

function isMonth(t: Token): boolean {
  return t.tags.has('Month') && monthNumber(t.normal) !== undefined;
}

function isYear(t: Token): boolean {
  return /^(1[89]|20)\d\d$/.test(t.normal) && (t.tags.has('Year') || t.tags.has('Date'));
}

function isTime(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.tags.has('Hyphenated')) return false;
  if (/^\d{1,2}(?:[.:]\d{2})?(?:am|pm)$/i.test(t.normal) || /^\d{1,2}:\d{2}$/.test(t.normal)) return true;
  return t.tags.has('Time') && /\d/.test(t.normal) && CLOCK.test(t.normal);
}

/** A token that can carry an expression on its own. */
function anchorAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t.tags.has('Date') && !t.tags.has('Value') && !t.tags.has('Time') && !DEICTIC.has(t.normal) && !PERIODS.has(t.normal)) return false;
  if (t.tags.has('Hyphenated') && !isMonth(t)) return false;
  if (weekdayOf(t) !== undefined || isMonth(t) || isYear(t) || DEICTIC.has(t.normal) || isTime(tokens, i)) return true;
  if (PERIODS.has(t.normal) && i > 0) {
    const prev = tokens[i - 1].normal;
    return RELATIVE.has(prev) || (prev === 'this' && PART_OF_DAY.has(t.normal));
  }
  return false;
}

/** Tokens that continue an expression to the right of an anchor. */
function continues(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (anchorAt(tokens, i) || PART_OF_DAY.has(t.normal) || AMPM.test(t.normal)) return true;
  if (t.normal === 'local' && tokens[i + 1]?.normal === 'time') return true;
  if (t.normal === 'time' && tokens[i - 1]?.normal === 'local') return true;
  // The day of "Nov. 10", "March 3rd".
  return /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.normal) && i > 0 && isMonth(tokens[i - 1]);
}

function breaksAfter(t: Token): boolean {
  return /[;:()!?]/.test(t.post) || /\s[-–—]\s/.test(t.post);
}

/** Finds the time expressions of one sentence, left to right. */
export function findTimeExpressions(tokens: Token[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!anchorAt(tokens, i) && !(tokens[i].normal === 'day' && /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[i - 1]?.normal ?? ''))) {
      i++;
      continue;
    }
    // "Nov 10" starts at the month; "10 November" at the day; "the early hours of Wednesday" at "the".
    let first = i;
    if (first > 0 && /^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[first - 1].normal) && isMonth(tokens[first]) && !breaksAfter(tokens[first - 1])) first--;
    if (first > 0 && PERIODS.has(tokens[first].normal) && RELATIVE.has(tokens[first - 1].normal)) first--;
    while (first > 0 && !breaksAfter(tokens[first - 1]) && (LEFT_MODIFIERS.has(tokens[first - 1].normal) || (RELATIVE.has(tokens[first - 1].normal) && weekdayOf(tokens[first]) !== undefined))) first--;
    if (first >= 3 && tokens[first - 1].normal === 'of' && tokens[first - 2].normal === 'hours' && tokens[first - 3].normal === 'early') first -= 3;
    if (first > 0 && tokens[first - 1].normal === 'the' && tokens[first].normal === 'early') first--;
    let last = i + 1;
    for (;;) {
      while (last < tokens.length && !breaksAfter(tokens[last - 1]) && continues(tokens, last)) last++;
      // Join "6.10am on Wednesday", "Thursday night at 11pm": only joiners between, no comma.
      let j = last;
      while (j < tokens.length && JOINERS.has(tokens[j].normal) && !breaksAfter(tokens[j - 1]) && !tokens[j - 1].post.includes(',')) j++;
      if (j > last && j < tokens.length && !breaksAfter(tokens[j - 1]) && !tokens[j - 1].post.includes(',') && anchorAt(tokens, j)) {
        last = j + 1;
        continue;
      }
      break;
    }
    const span = tokens.slice(first, last);
    const dayLevel = span.some((t, k) => weekdayOf(t) !== undefined || DEICTIC.has(t.normal) || isTime(span, k) || PART_OF_DAY.has(t.normal) || (isMonth(t) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(span[k + 1]?.normal ?? span[k - 1]?.normal ?? '')));
    out.push({ first, last, start: tokens[first].start, end: tokens[last - 1].end, dayLevel });
    i = last;
  }
  return out;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function shiftMonth(year: number, month: number, by: number): string {
  const m0 = year * 12 + (month - 1) + by;
  return `${Math.floor(m0 / 12)}-${pad2((m0 % 12) + 1)}`;
}

/**
 * Resolves the tokens of one expression against the article date (ISO day or null). Weekdays
 * name the last such day on or before the article date (news reports the past) unless the
 * expression says "next"/"coming" or the clause is in the future. Returns YYYY-MM-DD, YYYY-MM,
 * YYYY or null.
 */
export function resolveTimeExpression(tokens: Token[], articleDate: string | null, future = false): string | null {
  const words = tokens.map((t) => t.normal.replace(/\.$/, ''));
  const base = articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate) ? articleDate : null;
  const baseYear = base ? +base.slice(0, 4) : undefined;
  const baseMonth = base ? +base.slice(5, 7) : undefined;

  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (isYear(t)) year = +t.normal;
    else if (isMonth(t)) {
      month = monthNumber(t.normal);
      const next = words[k + 1]?.match(/^(\d{1,2})(?:st|nd|rd|th)?$/);
      const prev = words[k - 1]?.match(/^(\d{1,2})(?:st|nd|rd|th)?$/);
      const d = next ?? prev;
      if (d) day = +d[1];
    }
  }
  if (month !== undefined) {
    if (year === undefined && baseYear !== undefined && baseMonth !== undefined) {
      // "Nov. 10" without a year: the occurrence nearest to the article date.
      const delta = month - baseMonth;
      year = delta > 6 ? baseYear - 1 : delta < -6 ? baseYear + 1 : baseYear;
    }
    if (year === undefined) return null;
    if (day !== undefined) return day <= daysInMonth(year, month) ? isoDate(year, month, day) : null;
    return `${year}-${pad2(month)}`;
  }
  if (year !== undefined) return String(year);
  if (!base || baseYear === undefined || baseMonth === undefined) return null;

  const has = (w: string): boolean => words.includes(w);
  const rel = words.find((w) => RELATIVE.has(w));
  for (const t of tokens) {
    const wd = weekdayOf(t);
    if (wd === undefined) continue;
    const baseWd = new Date(`${base}T00:00:00Z`).getUTCDay();
    const forward = rel === 'next' || rel === 'coming' || (future && rel !== 'last' && rel !== 'past');
    if (forward) return addDays(base, ((wd - baseWd + 7) % 7) || 7);
    const back = (baseWd - wd + 7) % 7;
    return addDays(base, -(rel === 'last' && back === 0 ? 7 : back));
  }
  if (has('yesterday') || (rel === 'last' && has('night'))) return addDays(base, -1);
  if (has('tomorrow')) return addDays(base, 1);
  if (has('today') || has('tonight') || has('overnight') || (rel === 'this' && words.some((w) => PART_OF_DAY.has(w)))) return base;
  const by = rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
  if (has('year')) return String(baseYear + by);
  if (has('month')) return shiftMonth(baseYear, baseMonth, by);
  if (has('week') || has('weekend')) return null;
  // A bare clock time or part of day: the article's own day.
  if (tokens.some((_t, k) => isTime(tokens, k)) || words.some((w) => PART_OF_DAY.has(w))) return base;
  return null;
}
