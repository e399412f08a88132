import { isoDate, monthNumber, pad2 } from '../corpus/dates';

/**
 * Resolves date phrases ("next year", "last Friday", "Jan. 5", "2024-01-31") to ISO values relative
 * to the article's date. Values are as precise as the phrase: YYYY, YYYY-MM, YYYY-Www (ISO week) or
 * YYYY-MM-DD. Pure string work: no compromise call, so events and entities can both use it cheaply.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(s: string | null | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

function toDate(p: Ymd): Date {
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

function fromDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function addDays(p: Ymd, n: number): string {
  const d = toDate(p);
  d.setUTCDate(d.getUTCDate() + n);
  return fromDate(d);
}

function addMonths(p: Ymd, n: number): string {
  const total = p.y * 12 + (p.m - 1) + n;
  return `${Math.floor(total / 12)}-${pad2((total % 12) + 1)}`;
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
 * The ISO value of a date phrase, or null when it cannot be resolved (no article date for a
 * relative phrase, or not a date). `articleDate` is the article's ISO date, if known.
 */
export function resolveDatePhrase(phrase: string, articleDate: string | null): string | null {
  const s = phrase
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\b(?:on|in|of|the|early|late|mid|earlier|later|by|until|since|from|during)\b/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const ref = parseIso(articleDate);
  let m = /\b(\d{4}) (\d{2}) (\d{2})\b/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);

  m = new RegExp(`^(?:\\w+day )?${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?$`).exec(s);
  if (m) return dayOfMonth(m[1], +m[2], m[3], ref);
  m = new RegExp(`^(?:\\w+day )?(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_WORD}(?: (\\d{4}))?$`).exec(s);
  if (m) return dayOfMonth(m[2], +m[1], m[3], ref);
  m = new RegExp(`^${MONTH_WORD}(?: (\\d{4}))?$`).exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    const year = m[2] ? +m[2] : ref?.y;
    return month && year ? `${year}-${pad2(month)}` : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m && +m[1] >= 1000 && +m[1] <= 2999) return m[1];

  if (!ref) return null;
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(s)) return fromDate(toDate(ref));
  if (s === 'yesterday' || s === 'last night') return addDays(ref, -1);
  if (s === 'tomorrow') return addDays(ref, 1);

  m = /^(this|next|last|past|coming|previous|current) (year|month|week)$/.exec(s);
  if (m) {
    const delta = m[1] === 'next' || m[1] === 'coming' ? 1 : m[1] === 'last' || m[1] === 'past' || m[1] === 'previous' ? -1 : 0;
    if (m[2] === 'year') return String(ref.y + delta);
    if (m[2] === 'month') return addMonths(ref, delta);
    return isoWeek(addDays(ref, 7 * delta));
  }
  m = /^(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|fortnight|month|year)s? ago$/.exec(s);
  if (m) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : Math.max(1, NUMBER_WORDS.indexOf(m[1]));
    if (m[2] === 'year') return String(ref.y - n);
    if (m[2] === 'month') return addMonths(ref, -n);
    return addDays(ref, -n * UNIT_DAYS[m[2]]);
  }
  m = /^(?:(last|next|this|coming|past) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(s);
  if (m) {
    const target = WEEKDAYS.indexOf(m[2]);
    const today = toDate(ref).getUTCDay();
    // News reports past events: a bare weekday is the latest one on or before the article date.
    if (m[1] === 'next' || m[1] === 'coming') return addDays(ref, ((target - today + 7) % 7) || 7);
    if (m[1] === 'this') return addDays(ref, target - today);
    const back = (today - target + 7) % 7;
    return addDays(ref, -(m[1] === 'last' || m[1] === 'past' ? back || 7 : back));
  }
  return null;
}

function dayOfMonth(monthName: string, day: number, year: string | undefined, ref: Ymd | null): string | null {
  const month = monthNumber(monthName);
  const y = year ? +year : ref?.y;
  return month && y ? isoDate(y, month, day) : null;
}
