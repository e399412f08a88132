import { daysInMonth, isoDate, pad2 } from '../corpus/dates';
import type { Token } from './nlp';

/**
 * Time expressions, found once and resolved once for entities and events alike: found on
 * compromise's tags ("Thursday", "late Thursday", "6.10am on Wednesday", "Nov. 10, 2016", "next
 * year", "two days ago", "yesterday"), and resolved to ISO values against the article date, as
 * precise as the words are: YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM or YYYY.
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
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const MONTH_NUMBERS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DEICTIC = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'overnight']);
const PERIODS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night']);
const PART_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'midnight', 'noon', 'dawn', 'lunchtime']);
const RELATIVE = new Set(['last', 'next', 'this', 'past', 'coming', 'previous', 'current']);
const LEFT_MODIFIERS = new Set(['early', 'late', 'earlier', 'later', 'around', 'about', 'approximately', 'shortly', 'just', 'mid']);
/** Words that may join two parts of one expression: "6.10am on Wednesday", "Sunday, Nov. 13". */
const JOINERS = new Set(['on', 'at', 'of', 'the', 'in']);
const CLOCK = /^\d{1,2}(?:[.:]\d{2})?(?:am|pm|a\.m\.?|p\.m\.?)?$/i;
const AMPM = /^(?:am|pm|a\.m\.?|p\.m\.?|gmt|bst|est|edt|pst|cet|utc)$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const COUNTED = /^(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)$/;
const UNIT_DAYS: Record<string, number> = { day: 1, days: 1, week: 7, weeks: 7, fortnight: 14, fortnights: 14 };
const UNITS = /^(?:days?|weeks?|fortnights?|months?|years?)$/;

/** The word of a token as the resolver reads it: lower case, without a closing full stop ("Nov." -> "nov"). */
function wordOf(t: Token): string {
  return t.normal.replace(/\.$/, '');
}

function weekdayOf(word: string): number | undefined {
  const full = WEEKDAYS.indexOf(word);
  return full >= 0 ? full : WEEKDAY_ABBR[word];
}

function monthOf(word: string): number | undefined {
  return MONTH.test(word) ? MONTH_NUMBERS[word.slice(0, 3)] : undefined;
}

function isYearWord(word: string): boolean {
  return /^(1[89]|20)\d\d$/.test(word);
}

function isMonth(t: Token): boolean {
  return t.tags.has('Month') && monthOf(wordOf(t)) !== undefined;
}

/** A weekday's name or short form, whatever compromise tagged it ("Sat" and "Sun" are read as names alone). */
export function isWeekdayWord(t: Token): boolean {
  return weekdayOf(wordOf(t)) !== undefined;
}

export function isWeekday(t: Token): boolean {
  const w = wordOf(t);
  return WEEKDAYS.includes(w) || (t.tags.has('WeekDay') && WEEKDAY_ABBR[w] !== undefined);
}

function isYear(t: Token): boolean {
  return isYearWord(t.normal) && (t.tags.has('Year') || t.tags.has('Date'));
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
  if (ISO_DAY.test(t.text)) return true;
  if (!t.tags.has('Date') && !t.tags.has('Value') && !t.tags.has('Time') && !DEICTIC.has(t.normal) && !PERIODS.has(t.normal)) return false;
  if (t.tags.has('Hyphenated') && !isMonth(t)) return false;
  if (isWeekday(t) || isMonth(t) || isYear(t) || DEICTIC.has(t.normal) || isTime(tokens, i)) return true;
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

/** "two days ago", "a week ago": a count and a unit before "ago" (tokens i-2, i-1 and i). */
function agoAt(tokens: Token[], i: number): boolean {
  return i >= 2 && tokens[i].normal === 'ago' && UNITS.test(tokens[i - 1].normal) && COUNTED.test(tokens[i - 2].normal) && !breaksAfter(tokens[i - 2]) && !breaksAfter(tokens[i - 1]);
}

/** Finds the time expressions of one sentence, left to right. */
export function findTimeExpressions(tokens: Token[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (i + 2 < tokens.length && agoAt(tokens, i + 2)) {
      out.push({ first: i, last: i + 3, start: tokens[i].start, end: tokens[i + 2].end, dayLevel: /^(?:days?|weeks?|fortnights?)$/.test(tokens[i + 1].normal) });
      i += 3;
      continue;
    }
    if (!anchorAt(tokens, i) && !(tokens[i].normal === 'day' && /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[i - 1]?.normal ?? ''))) {
      i++;
      continue;
    }
    // "Nov 10" starts at the month; "10 November" at the day; "the early hours of Wednesday" at "the".
    let first = i;
    if (first > 0 && /^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[first - 1].normal) && isMonth(tokens[first]) && !breaksAfter(tokens[first - 1])) first--;
    if (first > 0 && PERIODS.has(tokens[first].normal) && RELATIVE.has(tokens[first - 1].normal)) first--;
    while (first > 0 && !breaksAfter(tokens[first - 1]) && (LEFT_MODIFIERS.has(tokens[first - 1].normal) || (RELATIVE.has(tokens[first - 1].normal) && isWeekday(tokens[first])))) first--;
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
    const dayLevel = span.some((t, k) => isWeekday(t) || DEICTIC.has(t.normal) || ISO_DAY.test(t.text) || isTime(span, k) || PART_OF_DAY.has(t.normal) || (isMonth(t) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(span[k + 1]?.normal ?? span[k - 1]?.normal ?? '')));
    out.push({ first, last, start: tokens[first].start, end: tokens[last - 1].end, dayLevel });
    i = last;
  }
  return out;
}

/** Whether an expression names a month, a weekday, a year or a day, rather than only a relative period. */
export function isSpecific(tokens: Token[]): boolean {
  return tokens.some((t) => isMonth(t) || isWeekday(t) || isYear(t) || ISO_DAY.test(t.text));
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

/** ISO 8601 week of a day, as YYYY-Www. */
function isoWeek(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${pad2(week)}`;
}

/**
 * The ISO value of the words of one time expression (lower case, no closing full stops), against
 * the article's date (ISO day, or null). Weekdays name the last such day on or before the article
 * date (news reports the past) unless the words say "next"/"coming" or the clause is in the
 * future; a day of a month without a year is the occurrence nearest the article date. Null when
 * the words cannot be resolved.
 */
export function resolveTime(words: readonly string[], articleDate: string | null, future = false): string | null {
  const base = articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate) ? articleDate : null;
  const baseYear = base ? +base.slice(0, 4) : undefined;
  const baseMonth = base ? +base.slice(5, 7) : undefined;

  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const iso = ISO_DAY.exec(w);
    if (iso) return isoDate(+iso[1], +iso[2], +iso[3]);
    if (isYearWord(w)) year = +w;
    else if (monthOf(w) !== undefined) {
      month = monthOf(w);
      const d = (words[k + 1] ?? '').match(/^(\d{1,2})(?:st|nd|rd|th)?$/) ?? (words[k - 1] ?? '').match(/^(\d{1,2})(?:st|nd|rd|th)?$/);
      if (d) day = +d[1];
    }
  }
  if (month !== undefined) {
    if (year === undefined && baseYear !== undefined && baseMonth !== undefined) {
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
  const ago = words.indexOf('ago');
  if (ago >= 2 && COUNTED.test(words[ago - 2]) && UNITS.test(words[ago - 1])) {
    const n = /^\d+$/.test(words[ago - 2]) ? +words[ago - 2] : Math.max(1, NUMBER_WORDS.indexOf(words[ago - 2]));
    const unit = words[ago - 1];
    if (unit.startsWith('year')) return String(baseYear - n);
    if (unit.startsWith('month')) return shiftMonth(baseYear, baseMonth, -n);
    return addDays(base, -n * UNIT_DAYS[unit]);
  }
  const rel = words.find((w) => RELATIVE.has(w));
  for (const w of words) {
    const wd = weekdayOf(w);
    if (wd === undefined) continue;
    const baseWd = new Date(`${base}T00:00:00Z`).getUTCDay();
    if (rel === 'this') return addDays(base, wd - baseWd);
    const forward = rel === 'next' || rel === 'coming' || (future && rel !== 'last' && rel !== 'past');
    if (forward) return addDays(base, ((wd - baseWd + 7) % 7) || 7);
    const back = (baseWd - wd + 7) % 7;
    return addDays(base, -((rel === 'last' || rel === 'past') && back === 0 ? 7 : back));
  }
  if (has('yesterday') || (rel === 'last' && has('night'))) return addDays(base, -1);
  if (has('tomorrow')) return addDays(base, 1);
  if (has('today') || has('tonight') || has('overnight') || (rel === 'this' && words.some((w) => PART_OF_DAY.has(w)))) return base;
  const by = rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
  if (has('year')) return String(baseYear + by);
  if (has('month')) return shiftMonth(baseYear, baseMonth, by);
  if (has('week')) return rel ? isoWeek(addDays(base, 7 * by)) : null;
  if (has('weekend')) return null;
  // A bare clock time or part of day: the article's own day.
  if (words.some((w) => CLOCK.test(w) && /\d/.test(w)) || words.some((w) => PART_OF_DAY.has(w))) return base;
  return null;
}

/** `resolveTime` for the tokens of an expression. */
export function resolveTimeExpression(tokens: readonly Token[], articleDate: string | null, future = false): string | null {
  return resolveTime(tokens.map(wordOf), articleDate, future);
}

/** `resolveTime` for a phrase of text ("Jan. 5", "next week"). */
export function resolveDatePhrase(phrase: string, articleDate: string | null): string | null {
  const words = phrase
    .toLowerCase()
    .split(/[\s,]+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter(Boolean);
  return resolveTime(words, articleDate);
}
