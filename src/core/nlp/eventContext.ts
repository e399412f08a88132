import type { Article, EventWhen } from '../model/types';
import type { LocalEntity, LocalMention } from './analysis';
import type { Region, Resolver, SentenceView, Subject } from './clauses';
import { buildView, makeResolver } from './clauses';
import type { TimeExpression } from './time';
import { findTimeExpressions, resolveTimeExpression } from './time';
import type { ParsedSentence } from './nlp';

/** Everything the event and 5W1H passes share about one article. */
export interface EventContext {
  article: Article;
  views: SentenceView[];
  resolver: Resolver;
  /** Time expressions per sentence, found on first use (see timesOf). */
  times: (TimeExpression[] | undefined)[];
  /** Subjects found so far, per sentence and verb group. */
  subjects: Map<number, Subject | null>[];
  mentionCount: Map<string, number>;
  /** Time expressions already resolved, by start offset and tense. */
  resolvedTimes: Map<string, EventWhen>;
}

/** Prepositions after which a place is where something happens, not who it happens to. */
export const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'within', 'from', 'off', 'along', 'on', 'into', 'over', 'beyond', 'behind']);

function regionsOf(article: Article, sentences: ParsedSentence[]): Region[] {
  const titleAt = article.title ? article.text.indexOf(article.title) : -1;
  // The headline either precedes the body or opens it (analysisRegions makes it its own sentence).
  const titleEnd = titleAt >= 0 && titleAt <= article.bodyStart ? titleAt + article.title.length : -1;
  return sentences.map((s) => (s.start >= titleAt && s.start < titleEnd ? 'title' : s.start >= article.bodyStart ? 'body' : 'lead'));
}

export function eventContext(article: Article, sentences: ParsedSentence[], entities: LocalEntity[], mentions: LocalMention[]): EventContext {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const regions = regionsOf(article, sentences);
  const views = sentences.map((s, i) => buildView(i, regions[i], s, sorted));
  const mentionCount = new Map<string, number>();
  for (const m of mentions) mentionCount.set(m.key, (mentionCount.get(m.key) ?? 0) + 1);
  return {
    article,
    views,
    resolver: makeResolver(entities, sorted),
    times: new Array(views.length),
    subjects: views.map(() => new Map()),
    mentionCount,
    resolvedTimes: new Map(),
  };
}

export function timesOf(ctx: EventContext, sentence: number): TimeExpression[] {
  return (ctx.times[sentence] ??= findTimeExpressions(ctx.views[sentence].tokens));
}

export function timeOf(ctx: EventContext, v: SentenceView, x: TimeExpression, future: boolean): EventWhen {
  const key = `${x.start}:${future ? 1 : 0}`;
  let when = ctx.resolvedTimes.get(key);
  if (!when) ctx.resolvedTimes.set(key, (when = resolveTime(ctx, v, x, future)));
  return when;
}

function resolveTime(ctx: EventContext, v: SentenceView, x: TimeExpression, future: boolean): EventWhen {
  const text = ctx.article.text.slice(x.start, x.end);
  for (let i = x.first; i < x.last; i++) {
    const m = v.mention[i];
    const value = m ? ctx.resolver.entity(m.key)?.value : undefined;
    if (value) return { text, date: value };
  }
  return { text, date: resolveTimeExpression(v.tokens.slice(x.first, x.last), ctx.article.date, future) };
}

