import type { Article, EventWhen, MainEvent } from '../model/types';
import type { LocalEntity, LocalEvent, LocalMention } from './analysis';
import type { Region, SentenceView } from './clauses';
import { SUBORDINATORS, clauseEnd, lemma, npToken, participantKeys, subjectOf } from './clauses';
import type { EventContext } from './eventContext';
import { LOCATIVE, eventContext, timeOf, timesOf } from './eventContext';
import type { EventType, TriggerMatch } from './eventTypes';
import { LIGHT_VERBS, eventTypeLabel, mayBeEventNoun, needsAgent, resolveType, triggerOf, triggerVerbOf } from './eventTypes';
import { findMainEvent } from './fiveW1H';
import type { ParsedSentence } from './nlp';

export interface EventResult {
  events: LocalEvent[];
  mainEvent: MainEvent;
  /** One line for trees and cards: what happened. */
  headline: string;
}

/** Types whose destination ("a visit to India") is a place. */
const TRAVEL_TYPES = new Set<EventType>(['meeting', 'movement']);
const PREPOSITIONS = new Set(['between', 'among', 'against', 'with', 'without', 'for', 'to', 'by', 'about', 'towards', 'toward', 'upon', 'onto', 'via', 'through', 'during', 'amid', 'despite', 'than', 'like', 'under']);

interface Args {
  who: string[];
  whom: string[];
  where: string[];
  by: string[];
}

function isPrep(v: SentenceView, i: number): boolean {
  const t = v.tokens[i];
  return !v.mention[i] && (t.tags.has('Preposition') || PREPOSITIONS.has(t.normal) || LOCATIVE.has(t.normal));
}

/** Entities of a stretch of tokens, sorted by the preposition that introduces them. */
function argsIn(ctx: EventContext, v: SentenceView, from: number, to: number, type: EventType | 'harm'): Args {
  const out: Args = { who: [], whom: [], where: [], by: [] };
  let prep: string | undefined;
  for (let i = from; i < to; i++) {
    const t = v.tokens[i];
    if (isPrep(v, i)) {
      // "in the northern city of X": "of" does not undo the preposition that opened the phrase.
      if (!(t.normal === 'of' && prep)) prep = t.normal;
      continue;
    }
    const m = v.mention[i];
    if (!m || (i > from && v.mention[i - 1] === m)) continue;
    const key = participantKeys(v, i, i + 1, ctx.resolver)[0];
    if (!key) continue;
    const e = ctx.resolver.entity(m.key);
    if (!e) continue;
    const kind = ctx.resolver.entity(key)?.type ?? e.type;
    let list: string[];
    if (prep === 'by') list = out.by;
    else if (prep === 'between' || prep === 'among') list = out.who;
    else if (kind === 'place' && ((prep !== undefined && LOCATIVE.has(prep)) || (prep === 'to' && TRAVEL_TYPES.has(type as EventType)))) list = out.where;
    else if (kind === 'organization' && prep !== undefined && ['at', 'outside', 'inside', 'near'].includes(prep)) list = out.where;
    else list = out.whom;
    if (!list.includes(key)) list.push(key);
  }
  return out;
}

function union(a: string[], b: string[], exclude: string[] = []): string[] {
  const out = [...a];
  for (const k of b) if (!out.includes(k) && !exclude.includes(k)) out.push(k);
  return out;
}

interface Candidate {
  match: TriggerMatch;
  trigger: { first: number; last: number };
  who: string[];
  whom: string[];
  where: string[];
  inherited: boolean;
  noun: boolean;
  future: boolean;
}

function verbCandidate(ctx: EventContext, v: SentenceView, gi: number, match: TriggerMatch): Candidate {
  const g = v.groups[gi];
  const subj = subjectOf(v, gi, ctx.resolver, ctx.subjects[v.index]);
  const end = clauseEnd(v, g);
  const args = argsIn(ctx, v, g.end, end, match.type);
  const subjectKeys = subj?.keys ?? [];
  let who: string[];
  let whom: string[];
  if (g.passive) {
    who = args.by;
    whom = union(subjectKeys, args.whom);
  } else {
    who = union(subjectKeys, args.who);
    whom = union(args.whom, args.by, who);
  }
  if (match.type === 'statement') {
    // What a statement is about: the entities of the reported clause.
    const about = participantKeys(v, end, v.tokens.length, ctx.resolver);
    whom = union(whom, about, who).slice(0, 6);
  }
  return {
    match,
    trigger: { first: g.head, last: g.head + 1 },
    who,
    whom: whom.filter((k) => !who.includes(k)),
    where: args.where.filter((k) => !who.includes(k) && !whom.includes(k)),
    inherited: subj?.inherited ?? false,
    noun: false,
    future: g.future,
  };
}

/** A noun is an event trigger only as the head of its noun phrase ("the talks", not "talks table"). */
function isNounHead(v: SentenceView, i: number): boolean {
  const t = v.tokens[i];
  // Verb-tagged words the clause reading turned back into nouns ("in-depth exchanges") count too.
  if (v.mention[i] || v.groupAt[i] >= 0 || !(t.tags.has('Noun') || t.tags.has('Verb')) || t.tags.has('Pronoun')) return false;
  const nx = v.tokens[i + 1];
  if (!nx || /[,;:()]/.test(t.post)) return true;
  return !(v.groupAt[i + 1] < 0 && (nx.tags.has('Noun') || nx.tags.has('ProperNoun')) && !nx.tags.has('Pronoun') && !nx.tags.has('Date'));
}

function nounCandidate(ctx: EventContext, v: SentenceView, i: number, match: TriggerMatch): Candidate | null {
  const toks = v.tokens;
  let a = i;
  while (a > 0 && npToken(v, a - 1) && !/[,;:()]/.test(toks[a - 1].post)) a--;
  // "the exchange of visits": the inner noun is part of the outer event.
  const before = toks[a - 1];
  if (before && (before.normal === 'of' || before.normal === 'on') && a >= 2 && mayBeEventNoun(toks[a - 2].normal) && triggerOf(lemma(toks[a - 2], true), 'noun')) return null;
  let who: string[] = [];
  for (let k = a; k < i; k++) {
    const t = toks[k];
    if (!t.tags.has('Possessive')) continue;
    const m = v.mention[k];
    if (m) who = union(who, participantKeys(v, k, k + 1, ctx.resolver));
    else if (t.tags.has('Pronoun')) {
      const own = possessiveOwner(ctx, v, k);
      if (own) who = union(who, [own]);
    }
  }
  // Its arguments: up to the clause's end or the next coordinated noun phrase ("his visit to
  // India and his fourth meeting with Jaishankar").
  let end = i + 1;
  while (end < toks.length && !/[,;:()]/.test(toks[end - 1].post) && v.groupAt[end] < 0 && !SUBORDINATORS.has(toks[end].normal)) {
    const nx = toks[end + 1];
    if ((toks[end].normal === 'and' || toks[end].normal === 'or') && nx && (nx.tags.has('Determiner') || nx.tags.has('Possessive') || nx.tags.has('Pronoun'))) break;
    end++;
  }
  const args = argsIn(ctx, v, i + 1, end, match.type);
  who = union(who, args.by);
  who = union(who, args.who);
  let whom = args.whom.filter((k) => !who.includes(k));
  let group = -1;
  let inherited = false;
  if (a > 0 && v.groupAt[a - 1] >= 0) {
    group = v.groupAt[a - 1];
    const g = v.groups[group];
    const head = triggerVerbOf(toks[g.head].normal) ?? lemma(toks[g.head]);
    const verbMatch = triggerOf(head, 'verb');
    // "stages a protest" is one event; "welcomed Lavrov's visit" is two.
    if (verbMatch && verbMatch.type === match.type && !LIGHT_VERBS.has(head)) return null;
    if (!who.length) {
      const s = subjectOf(v, group, ctx.resolver, ctx.subjects[v.index]);
      if (s?.keys.length) {
        if (g.passive) whom = union(whom, s.keys);
        else who = s.keys;
        inherited = s.inherited;
      }
    }
  }
  if (!who.length && (match.type === 'meeting' || match.type === 'movement')) {
    // "During the two-day visit, Lavrov ...": the visitor is the clause's subject.
    for (let gi = 0; gi < v.groups.length; gi++) {
      if (v.groups[gi].nonFinite) continue;
      const s = subjectOf(v, gi, ctx.resolver, ctx.subjects[v.index]);
      if (s?.keys.length) {
        who = s.keys;
        inherited = true;
        break;
      }
    }
  }
  whom = whom.filter((k) => !who.includes(k));
  if (!who.length && (!whom.length || needsAgent(match.type))) return null;
  return {
    match,
    trigger: { first: i, last: i + 1 },
    who,
    whom,
    where: args.where.filter((k) => !who.includes(k) && !whom.includes(k)),
    inherited,
    noun: true,
    future: group >= 0 && v.groups[group].future,
  };
}

/** "his visit": the subject of the clause when it is a person, else the last person named. */
function possessiveOwner(ctx: EventContext, v: SentenceView, k: number): string | undefined {
  const word = v.tokens[k].normal;
  for (let gi = 0; gi < v.groups.length && v.groups[gi].start < k; gi++) {
    const s = subjectOf(v, gi, ctx.resolver, ctx.subjects[v.index]);
    const key = s?.keys[0];
    if (!key) continue;
    const type = ctx.resolver.entity(key)?.type;
    if ((word === 'his' || word === 'her') === (type === 'person')) return key;
  }
  return ctx.resolver.pronoun(word, v.tokens[k].start);
}

/** Places named after a locative preposition anywhere in the sentence. */
function sentencePlaces(ctx: EventContext, v: SentenceView): string[] {
  const out: string[] = [];
  for (let i = 1; i < v.tokens.length; i++) {
    const m = v.mention[i];
    if (!m || v.mention[i - 1] === m) continue;
    const e = ctx.resolver.entity(m.key);
    if (e?.type !== 'place') continue;
    let k = i - 1;
    while (k > 0 && !isPrep(v, k) && npToken(v, k) && !v.mention[k]) k--;
    if (isPrep(v, k) && LOCATIVE.has(v.tokens[k].normal) && !out.includes(e.key)) out.push(e.key);
  }
  return out;
}

/**
 * Confidence: how much of the event the sentence states outright. A verb with its own subject is
 * the surest; inherited subjects, bare nouns and missing participants lower it.
 */
function confidenceOf(c: Candidate, region: Region): number {
  let p = c.noun ? 0.45 : 0.6;
  if (c.who.length) p += c.inherited ? 0.1 : 0.2;
  else p -= 0.15;
  if (c.whom.length || c.where.length) p += 0.1;
  if (region !== 'body') p += 0.05;
  return Math.round(Math.min(0.95, Math.max(0.05, p)) * 100) / 100;
}

/** People by surname ("Lavrov"), everything else by name, as a headline writer would. */
function shortNames(ctx: EventContext, keys: string[]): string {
  const list = keys.map((k) => {
    const e = ctx.resolver.entity(k);
    if (!e) return k;
    return e.type === 'person' ? (e.name.split(/\s+/).pop() ?? e.name) : e.name;
  });
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** What a noun trigger says as a verb, for labels: "talks" -> "hold talks with". */
const NOUN_LABELS: Partial<Record<EventType, { one: string; many: string; linker: string }>> = {
  meeting: { one: 'meets', many: 'meet', linker: '' },
  cooperation: { one: 'agrees with', many: 'agree', linker: '' },
  support: { one: 'backs', many: 'back', linker: '' },
  criticism: { one: 'criticises', many: 'criticise', linker: '' },
  conflict: { one: 'attacks', many: 'clash', linker: '' },
};

/**
 * A one-line label for trees and cards, like "Lavrov meets Jaishankar": the agents, the trigger
 * as written for verbs, a verb standing for the event noun otherwise, and the targets.
 */
function labelOf(ctx: EventContext, c: Candidate, trigger: string, type: EventType): string {
  const who = shortNames(ctx, c.who);
  const whom = shortNames(ctx, c.whom);
  const where = shortNames(ctx, c.where);
  if (!c.noun) return [who, trigger, whom && (type === 'statement' ? `on ${whom}` : whom)].filter(Boolean).join(' ');
  const verb = NOUN_LABELS[type];
  const noun = trigger.toLowerCase();
  if (verb && who && whom) return `${who} ${verb.one} ${whom}`;
  if (verb && c.who.length > 1) return `${who} ${verb.many}`;
  if (noun.startsWith('visit') && who && (whom || where)) return `${who} visits ${whom || where}`;
  if (who) return `${who}: ${noun}${whom ? ` with ${whom}` : ''}`;
  return [trigger, whom && `with ${whom}`, where && `in ${where}`].filter(Boolean).join(' ');
}

function sentenceCandidates(ctx: EventContext, v: SentenceView): Candidate[] {
  const found: Candidate[] = [];
  for (let gi = 0; gi < v.groups.length; gi++) {
    const g = v.groups[gi];
    const head = v.tokens[g.head];
    if (head.tags.has('Copula') || head.tags.has('Modal')) continue;
    const lem = triggerVerbOf(head.normal);
    if (!lem) continue;
    const particle = g.head + 1 < g.end && v.tokens[g.head + 1].tags.has('Particle') ? `${lem} ${v.tokens[g.head + 1].normal}` : undefined;
    const match = (particle && triggerOf(particle, 'verb')) || triggerOf(lem, 'verb');
    if (match) found.push(verbCandidate(ctx, v, gi, match));
  }
  for (let i = 0; i < v.tokens.length; i++) {
    if (!mayBeEventNoun(v.tokens[i].normal) || !isNounHead(v, i)) continue;
    const match = triggerOf(lemma(v.tokens[i], true), 'noun');
    if (!match) continue;
    const c = nounCandidate(ctx, v, i, match);
    if (c) found.push(c);
  }
  return found.sort((a, b) => a.trigger.first - b.trigger.first);
}

/** Sentences after the headline that the headline's own events are compared with. */
const LEAD_SENTENCES = 3;

/** Finds the events of an article, then its main event. */
export function extractEvents(article: Article, sentences: ParsedSentence[], entities: LocalEntity[], mentions: LocalMention[]): EventResult {
  const ctx = eventContext(article, sentences, entities, mentions);
  const events: LocalEvent[] = [];
  const regions: Region[] = [];
  // The last attack or accident told: "Three soldiers were killed" after an attack is conflict.
  let harmContext: EventType | undefined;
  for (const v of ctx.views) {
    const found = sentenceCandidates(ctx, v);
    if (!found.length) continue;
    const fixed = new Set<EventType>();
    for (const c of found) if (c.match.type !== 'harm') fixed.add(c.match.type);
    const own = fixed.has('conflict') ? 'conflict' : fixed.has('disaster') ? 'disaster' : undefined;
    if (!own && harmContext) fixed.add(harmContext);
    harmContext = own ?? harmContext;
    let words: Set<string> | undefined;
    const wordsOf = (): ReadonlySet<string> => (words ??= new Set(v.tokens.map((t) => t.normal)));
    const places = sentencePlaces(ctx, v);
    const seen = new Set<string>();
    for (const c of found) {
      const type = resolveType(c.match, fixed, wordsOf, c.who.length > 0);
      if (!c.who.length && !c.whom.length && !c.where.length && !places.length && needsAgent(type)) continue;
      const where = union(c.where, places, [...c.who, ...c.whom]);
      const key = `${type}|${c.match.lemma}|${c.who.join(',')}|${c.whom.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const tStart = v.tokens[c.trigger.first].start;
      const tEnd = v.tokens[c.trigger.last - 1].end;
      const times = timesOf(ctx, v.index);
      let when: EventWhen | null = null;
      if (times.length) {
        const near = times.reduce((best, x) => (Math.abs(x.start - tStart) < Math.abs(best.start - tStart) ? x : best));
        when = timeOf(ctx, v, near, c.future);
      }
      const triggerText = article.text.slice(tStart, tEnd);
      events.push({
        type,
        trigger: { start: tStart, end: tEnd, text: triggerText },
        who: c.who,
        whom: c.whom,
        where,
        when,
        sentence: { start: v.sentence.start, end: v.sentence.end },
        confidence: confidenceOf(c, v.region),
        label: labelOf(ctx, c, triggerText, type),
        typeLabel: eventTypeLabel(type),
      });
      regions.push(v.region);
    }
  }
  return { events: withoutHeadlineRepeats(ctx, events, regions), ...findMainEvent(ctx) };
}

/**
 * A headline restates the event its first sentences tell in full: a headline event is dropped
 * when one of those sentences has an event of the same type with all its participants.
 */
function withoutHeadlineRepeats(ctx: EventContext, events: LocalEvent[], regions: Region[]): LocalEvent[] {
  const early = ctx.views.filter((v) => v.region !== 'title').slice(0, LEAD_SENTENCES);
  const earlyEnd = early.length ? early[early.length - 1].sentence.end : -1;
  const told = events.filter((e, i) => regions[i] !== 'title' && e.sentence.end <= earlyEnd);
  return events.filter((e, i) => {
    if (regions[i] !== 'title') return true;
    const parts = [...e.who, ...e.whom, ...e.where];
    return !told.some((f) => f.type === e.type && parts.every((k) => f.who.includes(k) || f.whom.includes(k) || f.where.includes(k)));
  });
}

