import type { EventWhen, MainEvent } from '../model/types';
import type { SentenceView, Subject, VerbGroup } from './clauses';
import { SUBORDINATORS, breakAfter, hardBreakAfter, isPrepositionWord, lemma, npEnd, npToken, subjectOf } from './clauses';
import type { EventContext } from './eventContext';
import type { Token } from './nlp';
import type { TimeExpression } from './time';
import { LOCATIVE, timeOf, timesOf } from './eventContext';
import { triggerOf } from './eventTypes';

/**
 * The main event of an article as the six journalistic answers, each a phrase of the text, in
 * the way of Giveme5W1H (Hamborg et al., 2019): news puts the main event first, so the answers
 * come from the headline and the first sentences.
 *
 * - who/what: the subject and the verb phrase of the headline's main clause (the lead's when the
 *   headline has no verb: then the headline itself says what happened).
 * - when: the first time expression of the headline and first sentences, days before months and
 *   years; the publication date when none is given.
 * - where: the place ranked highest by position, a locative preposition ("in", "at") and frequency.
 * - why: a causal phrase ("because", "due to", "after", "amid", "in retaliation for") or a purpose
 *   ("to meet Obama") attached to the main event.
 * - how: a manner or instrument phrase ("by storming home", "with a truck bomb", "using").
 */

/** Sentences read for the answers after the headline: the lead and the first body sentences. */
const EARLY_BODY_SENTENCES = 3;
const MAX_PHRASE_TOKENS = 14;

/** Prepositions that open a complement worth keeping in "what" even after an object. */
const COMPLEMENT_PREPS = new Set(['on', 'for', 'to', 'with', 'against', 'over', 'into', 'from', 'about', 'between', 'onto', 'towards', 'toward', 'of']);
/** Prepositions that start an adjunct (time, cause) rather than a complement. */
const ADJUNCT_PREPS = new Set(['after', 'as', 'before', 'because', 'while', 'since', 'until', 'despite', 'amid', 'following', 'during', 'than', 'like', 'unless', 'if', 'when']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
/** Verbs whose "to" infinitive is their object, not a purpose ("wants to win"). */
const CONTROL_VERBS = new Set([
  'want', 'try', 'plan', 'decide', 'need', 'expect', 'hope', 'agree', 'refuse', 'vow', 'promise', 'seem', 'have', 'be', 'continue', 'attempt',
  'aim', 'fail', 'begin', 'start', 'intend', 'threaten', 'pledge', 'seek', 'manage', 'offer', 'prepare', 'ask', 'urge', 'tell', 'allow', 'force',
  'appear', 'choose', 'like', 'love', 'hate', 'prefer', 'help', 'used', 'use', 'set', 'go', 'get', 'tend', 'wish', 'struggle', 'order', 'invite',
]);

interface Cue {
  words: string[];
  strength: number;
}
/** Causal cues, strongest first. */
const WHY_CUES: Cue[] = [
  ...['because of', 'because', 'due to', 'owing to', 'as a result of', 'as a consequence of', 'thanks to', 'in response to', 'in retaliation for', 'in revenge for', 'in reprisal for', 'in protest at', 'in protest against', 'in protest over', 'in order to', 'so that', 'in an attempt to', 'in a bid to', 'in an effort to', 'caused by', 'prompted by', 'triggered by', 'blamed on', 'the cause of', 'the reason for', 'in revenge', 'in retaliation', 'in reprisal', 'in response', 'in protest'].map((c) => ({ words: c.split(' '), strength: 3 })),
  ...['after', 'following', 'amid', 'over'].map((c) => ({ words: [c], strength: 2 })),
];
/** Manner and instrument cues. */
const HOW_CUES: Cue[] = [
  ...['by means of', 'using', 'via', 'through', 'by'].map((c) => ({ words: c.split(' '), strength: 2 })),
  { words: ['with'], strength: 1.5 },
];
/** Nouns after "over" that make it a cause ("outrage over", "anger over"), as opposed to a place. */
const OVER_CAUSE_LEMMAS = new Set(['outrage', 'anger', 'fury', 'row', 'dispute', 'concern', 'fear', 'protest', 'criticism', 'backlash', 'fume', 'outraged', 'angry', 'upset', 'clash', 'worry', 'blame', 'fight']);

/** Keeps the highest-scoring phrase offered. */
class Best {
  score = -Infinity;
  text: string | null = null;
  offer(score: number, text: string): void {
    if (score > this.score) {
      this.score = score;
      this.text = text;
    }
  }
}

interface Clause {
  v: SentenceView;
  gi: number;
  subject: Subject;
}

function sentenceOrder(ctx: EventContext): SentenceView[] {
  const title = ctx.views.filter((v) => v.region === 'title');
  const lead = ctx.views.filter((v) => v.region === 'lead');
  // Captions and datelines split off as sentences of their own ("Image copyright EPA") have no
  // finite verb: they do not count among the first sentences.
  const body = ctx.views.filter((v) => v.region === 'body' && v.groups.some((g) => !g.nonFinite)).slice(0, EARLY_BODY_SENTENCES);
  return [...title, ...lead, ...body];
}

function quoted(v: SentenceView, from: number, to: number): boolean {
  return /['"‘“]/.test(v.tokens[from].pre) && /['"’”]/.test(v.tokens[to - 1].post);
}

/** Where a headline segment starts once a leading quotation is skipped ("'I blame Comey' Clinton ..."). */
function afterLeadingQuote(v: SentenceView, from: number, to: number): number {
  if (!/['"‘“]/.test(v.tokens[from].pre)) return from;
  for (let k = from; k < to - 1; k++) if (/['"’”]/.test(v.tokens[k].post)) return k + 1;
  return from;
}

/** Segments of a headline: "Croydon tram crash: Police identify victims" has two. */
function segments(v: SentenceView): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < v.tokens.length; i++) {
    if (i === v.tokens.length - 1 || hardBreakAfter(v.tokens[i]) || /\|/.test(v.tokens[i].post)) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  return out;
}

/** The main clause in tokens [from, to): the first finite verb whose subject opens a clause. */
function mainClause(ctx: EventContext, v: SentenceView, from: number, to: number): Clause | null {
  for (let gi = 0; gi < v.groups.length; gi++) {
    const g = v.groups[gi];
    if (g.start < from || g.start >= to || g.nonFinite) continue;
    const s = subjectOf(v, gi, ctx.resolver, ctx.subjects[v.index]);
    if (!s || s.inherited || s.end <= s.start || s.start < from) continue;
    const before = v.tokens[s.start - 1];
    if (s.start > from && before && !breakAfter(before)) continue;
    if (s.start > from && before && SUBORDINATORS.has(before.normal)) continue;
    const first = v.tokens[s.start];
    if (s.end - s.start === 1 && (first.normal === 'it' || first.normal === 'there' || first.normal === 'this')) continue;
    return { v, gi, subject: s };
  }
  return null;
}

function slice(ctx: EventContext, v: SentenceView, from: number, to: number): string {
  return ctx.article.text.slice(v.tokens[from].start, v.tokens[to - 1].end).replace(/\s+/g, ' ').trim();
}

/**
 * The name to show for a mention: as written when it is a full name ("Lady Gaga", "UK"); for a
 * bare surname, the fuller name of the same person that ends with it ("Trump" -> "Donald Trump").
 */
function displayName(ctx: EventContext, key: string, surface: string): string {
  const e = ctx.resolver.entity(key);
  if (!e || e.type !== 'person' || /\s/.test(surface.trim())) return surface;
  const fuller = [e.name, ...e.aliases, ctx.resolver.entity(ctx.resolver.byName(surface) ?? '')?.name ?? ''];
  let best = surface;
  for (const n of fuller) if (n.length > best.length && n.endsWith(` ${surface}`) && n.split(/\s+/).length <= 3) best = n;
  return best;
}

function nounPhrase(ctx: EventContext, v: SentenceView, from: number, to: number): string | null {
  let a = from;
  while (a < to - 1 && DETERMINERS.has(v.tokens[a].normal)) a++;
  if (a >= to) return null;
  // A name at the head of the phrase is the answer ("Formula One star Max Verstappen"); a
  // coordination ("Trump and Obama") or a common-noun head ("Clinton aide") stays as written.
  const last = v.mention[to - 1];
  const coordinated = v.tokens.slice(a, to - 1).some((t, i) => (t.normal === 'and' || t.normal === '&' || /,/.test(t.post)) && !v.mention[a + i]);
  if (last && !coordinated) {
    const type = ctx.resolver.entity(last.key)?.type;
    // Capitalised name words right before the mention belong to the name ("Lady Gaga" where the
    // mention is "Gaga"); honorifics and other names do not ("President Obama", "Virginia").
    let first = to - 1;
    while (first > a && v.mention[first - 1] === last) first--;
    const nameWord = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && (t.tags.has('Person') || t.tags.has('FirstName')) && !t.tags.has('Honorific') && !t.tags.has('Possessive');
    while (first > a && !v.mention[first - 1] && nameWord(v.tokens[first - 1])) first--;
    const surface = ctx.article.text.slice(Math.max(Math.min(last.start, v.tokens[first].start), v.tokens[a].start), Math.min(last.end, v.tokens[to - 1].end));
    if (type === 'person' || type === 'organization' || type === 'place') return displayName(ctx, last.key, surface);
  }
  if (to - a === 1 && v.tokens[a].tags.has('Pronoun')) {
    const t = v.tokens[a];
    const k = ctx.resolver.pronoun(t.normal, t.start);
    return k ? displayName(ctx, k, t.text) : null;
  }
  // A surname or a role standing for a named entity: "Lavrov", "the Russian Foreign Minister".
  const text = slice(ctx, v, a, to);
  const k = coordinated ? undefined : ctx.resolver.byName(text);
  const e = k ? ctx.resolver.entity(k) : undefined;
  if (!k || !e) return text;
  const said = text.toLowerCase();
  if (e.roles.some((r) => r.toLowerCase() === said) && e.name.split(/\s+/).length <= 3) return e.name;
  return displayName(ctx, k, text);
}

/** The agent of a passive verb: "bombed in a revenge attack by Taliban". */
function byAgent(v: SentenceView, g: VerbGroup): [number, number] | null {
  for (let k = g.end; k < v.tokens.length && !(k > g.end && breakAfter(v.tokens[k - 1])); k++) {
    if (v.groupAt[k] >= 0) return null;
    if (v.tokens[k].normal !== 'by' || v.mention[k]) continue;
    const e = npEnd(v, k + 1);
    return e > k + 1 ? [k + 1, e] : null;
  }
  return null;
}

function whoOf(ctx: EventContext, c: Clause): string | null {
  const g = c.v.groups[c.gi];
  const agent = g.passive ? byAgent(c.v, g) : null;
  if (agent) return nounPhrase(ctx, c.v, agent[0], agent[1]);
  return nounPhrase(ctx, c.v, c.subject.start, c.subject.end);
}

function isTimeStart(ctx: EventContext, v: SentenceView, k: number): boolean {
  return timesOf(ctx, v.index).some((x) => x.first === k);
}

/** End (exclusive) of the verb phrase of `g`: the verb, its object and one complement. */
function verbPhraseEnd(ctx: EventContext, v: SentenceView, g: VerbGroup): number {
  const toks = v.tokens;
  const limit = Math.min(toks.length, g.start + MAX_PHRASE_TOKENS);
  const head = lemma(toks[g.head]);
  if (triggerOf(head, 'verb')?.type === 'statement') {
    // "says he and Trump had an excellent conversation": the reported clause is the point.
    let k = g.end;
    while (k < limit && !hardBreakAfter(toks[k - 1]) && !(k > g.end && /,/.test(toks[k - 1].post))) k++;
    return k;
  }
  let k = g.end;
  // A predicative adjective ("gets more gappy", "are not happy") or an object noun phrase.
  while (k < limit && !breakAfter(toks[k - 1]) && (toks[k].tags.has('Adverb') || toks[k].tags.has('Negative')) && toks[k + 1]?.tags.has('Adjective') && !v.mention[k]) k++;
  if (k < limit && !breakAfter(toks[k - 1]) && npToken(v, k) && !isTimeStart(ctx, v, k)) k = npEnd(v, k, limit);
  else k = g.end;
  const object = k > g.end;
  const p = toks[k];
  if (p && k < limit && !breakAfter(toks[k - 1]) && !v.mention[k] && (isPrepositionWord(p) || p.tags.has('Particle')) && !ADJUNCT_PREPS.has(p.normal)) {
    if ((!object || COMPLEMENT_PREPS.has(p.normal)) && k + 1 < limit && npToken(v, k + 1) && !isTimeStart(ctx, v, k + 1)) k = npEnd(v, k + 1, limit);
  }
  return k;
}

function whatOf(ctx: EventContext, c: Clause): string {
  const g = c.v.groups[c.gi];
  return slice(ctx, c.v, g.start, verbPhraseEnd(ctx, c.v, g));
}

function whenOf(ctx: EventContext, order: SentenceView[], main: SentenceView | undefined): EventWhen | null {
  const views = main ? [main, ...order.filter((v) => v !== main)] : order;
  const d = ctx.article.date;
  let fallback: { v: SentenceView; x: TimeExpression } | undefined;
  for (const v of views) {
    for (const x of timesOf(ctx, v.index)) {
      if (x.dayLevel) return timeOf(ctx, v, x, false);
      // A month or a year dates the main event only in its own sentence, or when the article
      // has no date: "his second visit this year" elsewhere is background.
      if (!fallback && (v === main || !d)) fallback = { v, x };
    }
  }
  if (fallback) {
    const w = timeOf(ctx, fallback.v, fallback.x, false);
    if (w.date && (!d || w.date.slice(0, 4) === d.slice(0, 4))) return w;
  }
  return d ? { text: d, date: d } : null;
}

function whereOf(ctx: EventContext, order: SentenceView[], main: SentenceView | undefined): string | null {
  const best = new Best();
  const consider = (score: number, text: string): void => best.offer(score, text);
  order.forEach((v, rank) => {
    const regionBonus = v.region === 'title' ? 1.5 : v.region === 'lead' || rank <= 1 ? 1 : 0.5;
    for (let i = 0; i < v.tokens.length; i++) {
      const m = v.mention[i];
      let k = i - 1;
      while (k >= 0 && npToken(v, k) && !v.mention[k] && !breakAfter(v.tokens[k])) k--;
      const locative = k >= 0 && !v.mention[k] && LOCATIVE.has(v.tokens[k].normal) && !breakAfter(v.tokens[k]);
      // A dateline ("WASHINGTON, Nov 6 (Reuters)") says where the story happens.
      const t = v.tokens[i];
      const dateline = rank <= 2 && t.text.length > 2 && t.text === t.text.toUpperCase() && /[,(—–-]/.test(t.post) && /[A-Z]/.test(t.text);
      const score = 1 + (locative ? 2 : 0) + (dateline ? 2 : 0) + regionBonus - 0.1 * rank + (v === main ? 1 : 0);
      if (m) {
        if (v.mention[i - 1] === m) continue;
        const e = ctx.resolver.entity(m.key);
        if (!e) continue;
        const count = ctx.mentionCount.get(m.key) ?? 1;
        const text = placeText(ctx.article.text.slice(m.start, m.end));
        if (!text) continue;
        if (e.type === 'place') consider(score + Math.log(1 + count), text);
        else if (e.type === 'organization' && locative && ['at', 'outside', 'inside', 'near'].includes(v.tokens[k].normal)) consider(score - 0.5, text);
      } else if (dateline && !v.tokens[i].tags.has('Person') && !isTimeStart(ctx, v, i)) {
        consider(score - 1, t.text);
      } else if (locative && v.tokens[i].tags.has('ProperNoun') && !v.tokens[i].tags.has('Person') && (k === i - 1 || v.tokens[k + 1].tags.has('Determiner'))) {
        // A capitalised name after "in"/"at" that the entity pass did not know.
        let e = i;
        while (e < v.tokens.length && v.tokens[e].tags.has('ProperNoun') && !v.mention[e] && (e === i || !breakAfter(v.tokens[e - 1]))) e++;
        if (!isTimeStart(ctx, v, i)) consider(score - 1, slice(ctx, v, i, e));
        i = e - 1;
      }
    }
  });
  if (best.text) return best.text;
  // Nothing early on: the first place the article names.
  for (const v of ctx.views) {
    for (let i = 0; i < v.tokens.length; i++) {
      const m = v.mention[i];
      const text = m && ctx.resolver.entity(m.key)?.type === 'place' ? placeText(ctx.article.text.slice(m.start, m.end)) : null;
      if (text) return text;
    }
  }
  return null;
}

/**
 * A place name as the answer: from its first capitalised word, without a possessive
 * ("northern Mali" -> "Mali", "Brazil's" -> "Brazil").
 */
function placeText(mention: string): string | null {
  const text = mention.replace(/['’]s$/, '').trim();
  const at = text.search(/(?:^|\s)\p{Lu}/u);
  return at < 0 ? null : text.slice(at).trim();
}

/** Cues by their first word, longest first, so a sentence is scanned once. */
function indexCues(cues: Cue[]): Map<string, Cue[]> {
  const out = new Map<string, Cue[]>();
  for (const c of cues) {
    const list = out.get(c.words[0]) ?? [];
    list.push(c);
    out.set(c.words[0], list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}
const WHY_INDEX = indexCues(WHY_CUES);
const HOW_INDEX = indexCues(HOW_CUES);

function cueAt(v: SentenceView, i: number, cues: Map<string, Cue[]>): Cue | undefined {
  const list = cues.get(v.tokens[i].normal);
  if (!list) return undefined;
  for (const c of list) {
    let ok = true;
    for (let k = 1; k < c.words.length && ok; k++) {
      const t = v.tokens[i + k];
      ok = !!t && t.normal === c.words[k] && !breakAfter(v.tokens[i + k - 1]);
    }
    if (ok) return c;
  }
  return undefined;
}

/** The phrase a cue opens: to the end of its clause, at most MAX_PHRASE_TOKENS tokens. */
function cuePhraseEnd(v: SentenceView, from: number): number {
  const limit = Math.min(v.tokens.length, from + MAX_PHRASE_TOKENS);
  let k = from;
  while (k < limit && !(k > from && breakAfter(v.tokens[k - 1]))) {
    const t = v.tokens[k];
    if (k > from && !v.mention[k] && v.groupAt[k] < 0 && (t.normal === 'and' || t.normal === 'but') && v.groupAt[k + 1] >= 0 && !v.groups[v.groupAt[k + 1]].nonFinite) break;
    if (k > from + 1 && !v.mention[k] && SUBORDINATORS.has(t.normal) && t.normal !== 'that') break;
    k++;
  }
  return k;
}

function startsWithNumberOrTime(ctx: EventContext, v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  if (!t) return true;
  if (isTimeStart(ctx, v, k)) return true;
  if (t.tags.has('Value') && (v.tokens[k + 1]?.tags.has('Duration') || v.tokens[k + 1]?.normal === 'of' || v.tokens[k + 1]?.tags.has('Date'))) return true;
  return t.tags.has('Duration') || (t.tags.has('Date') && !t.tags.has('ProperNoun'));
}

function whyOf(ctx: EventContext, order: SentenceView[], main: Clause | null): string | null {
  const best = new Best();
  order.forEach((v, rank) => {
    const distance = v === main?.v ? 0 : v.region === 'title' ? 0.25 : 0.75 * rank;
    for (let i = 0; i < v.tokens.length; i++) {
      if (v.mention[i]) continue;
      const cue = cueAt(v, i, WHY_INDEX);
      if (!cue) continue;
      const from = i + cue.words.length;
      if (cue.strength < 3) {
        if (startsWithNumberOrTime(ctx, v, from)) continue;
        if (cue.words[0] === 'over') {
          // "outrage over X" gives a cause; "over the weekend", "flew over the city" do not.
          const prev = v.tokens[i - 1];
          if (!prev || !OVER_CAUSE_LEMMAS.has(lemma(prev, !v.verb[i - 1])) ) continue;
        }
      }
      const end = cuePhraseEnd(v, from);
      // A cause names something: "after a" cut short by a break is no answer.
      if (!v.tokens.slice(from, end).some((t) => (t.tags.has('Noun') || t.tags.has('Verb') || t.tags.has('Adjective')) && !t.tags.has('Pronoun'))) continue;
      best.offer(cue.strength - distance, slice(ctx, v, i, end));
    }
  });
  if (main) {
    // A purpose right after the main verb phrase: "lands in Washington to meet Barack Obama",
    // "arrives at the White House for transition talks".
    const g = main.v.groups[main.gi];
    const k = verbPhraseEnd(ctx, main.v, g);
    const t = main.v.tokens[k];
    if (t?.normal === 'for' && !breakAfter(main.v.tokens[k - 1])) {
      const e = npEnd(main.v, k + 1);
      if (e > k + 1 && triggerOf(lemma(main.v.tokens[e - 1], true), 'noun')) best.offer(2.5, slice(ctx, main.v, k, cuePhraseEnd(main.v, k + 1)));
    }
    const ng = main.v.groupAt[k + 1];
    if (t?.normal === 'to' && ng >= 0 && !CONTROL_VERBS.has(lemma(main.v.tokens[g.head])) && !breakAfter(main.v.tokens[k - 1])) {
      best.offer(2.5, slice(ctx, main.v, k, verbPhraseEnd(ctx, main.v, main.v.groups[ng])));
    }
  }
  return best.text;
}

/** Manner and instrument phrases inside a clause: "by storming home", "with a truck bomb". */
function mannerIn(ctx: EventContext, c: Clause, best: Best, bonus: number): void {
  const v = c.v;
  const g = v.groups[c.gi];
  const end = clauseEndForCues(v, g);
  for (let i = g.end; i < end; i++) {
    if (v.mention[i]) continue;
    const cue = cueAt(v, i, HOW_INDEX);
    if (!cue) continue;
    const from = i + cue.words.length;
    const next = v.tokens[from];
    if (!next) continue;
    if (cue.words[0] === 'by') {
      // After a passive verb "by" names the agent, not the manner.
      if (g.passive) continue;
      if (!(v.verb[from] && next.tags.has('Gerund'))) continue;
    }
    if (cue.words[0] === 'with' || cue.words[0] === 'through' || cue.words[0] === 'via') {
      // "meets with Obama", "talks with donors" are company; "with a truck bomb" is an instrument.
      const np = npEnd(v, from);
      if (np === from || v.mention.slice(from, np).some((m) => !!m) || startsWithNumberOrTime(ctx, v, from)) continue;
      const head = v.tokens[np - 1];
      if (head.tags.has('Pronoun') || head.tags.has('Person') || head.tags.has('Actor') || head.tags.has('Plural')) continue;
      if (triggerOf(lemma(v.tokens[g.head]), 'verb')?.type === 'meeting') continue;
    }
    best.offer(cue.strength + bonus, slice(ctx, v, i, cuePhraseEnd(v, from)));
  }
}

/** The verb's clause for cue search: up to a hard break or the next finite verb. */
function clauseEndForCues(v: SentenceView, g: VerbGroup): number {
  for (let k = g.end; k < v.tokens.length; k++) {
    if (k > g.end && hardBreakAfter(v.tokens[k - 1])) return k;
    const gi = v.groupAt[k];
    if (gi >= 0 && v.groups[gi].start === k && !v.groups[gi].nonFinite) return k;
  }
  return v.tokens.length;
}

/**
 * How: a manner or instrument phrase of the main clause or of the lead's first clause; else the
 * lead's own account of the action ("rams a truck into the consulate") when the headline framed
 * it differently.
 */
function howOf(ctx: EventContext, order: SentenceView[], main: Clause | null, what: string | null): string | null {
  const best = new Best();
  const lead = firstBodyClause(ctx, order);
  if (main) mannerIn(ctx, main, best, 0.5);
  if (lead && lead.v !== main?.v) mannerIn(ctx, lead, best, 0);
  if (best.text) return best.text;
  const told = lead ? reported(ctx, lead) : null;
  if (told) {
    const vp = whatOf(ctx, told);
    if (vp !== what) return vp;
  }
  return null;
}

/** For "Police said the driver had been arrested", the reported clause; else the clause itself. */
function reported(ctx: EventContext, c: Clause): Clause {
  const v = c.v;
  const g = v.groups[c.gi];
  if (triggerOf(lemma(v.tokens[g.head]), 'verb')?.type !== 'statement') return c;
  for (let gi = c.gi + 1; gi < v.groups.length; gi++) {
    if (v.groups[gi].nonFinite) continue;
    const s = subjectOf(v, gi, ctx.resolver, ctx.subjects[v.index]);
    if (s && !s.inherited && s.end > s.start) return { v, gi, subject: s };
  }
  return c;
}

function firstBodyClause(ctx: EventContext, order: SentenceView[]): Clause | null {
  for (const v of order) {
    if (v.region === 'title') continue;
    const c = mainClause(ctx, v, 0, v.tokens.length);
    if (c) return c;
  }
  return null;
}

export interface MainEventResult {
  mainEvent: MainEvent;
  /** One line for trees and cards: "who what" from a headline clause, else the headline itself. */
  headline: string;
}

/** The main event's six answers. */
export function findMainEvent(ctx: EventContext): MainEventResult {
  const order = sentenceOrder(ctx);
  let main: Clause | null = null;
  let nominal: string | null = null;
  for (const v of order.filter((x) => x.region === 'title')) {
    for (const [s0, b] of segments(v)) {
      if (quoted(v, s0, b)) continue;
      const a = afterLeadingQuote(v, s0, b);
      main = mainClause(ctx, v, a, b);
      if (main) break;
      const text = slice(ctx, v, a, b);
      if (!nominal || text.length > nominal.length) nominal = text;
    }
    if (main) break;
  }
  if (!main) main = firstBodyClause(ctx, order);
  const titleClause = main?.v.region === 'title';
  const what = titleClause || !nominal ? (main ? whatOf(ctx, main) : ctx.article.title || null) : nominal;
  const who = main ? whoOf(ctx, main) : null;
  const mainEvent: MainEvent = {
    who,
    what,
    when: whenOf(ctx, order, main?.v),
    where: whereOf(ctx, order, main?.v),
    why: whyOf(ctx, order, main),
    how: howOf(ctx, order, main, what),
  };
  const headline = who && what && what !== nominal && what !== ctx.article.title ? `${who} ${what}` : (what ?? ctx.article.title);
  return { mainEvent, headline };
}
