import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import type { EntityType, NewsEvent } from '../model/types';
import { ENTITY_TYPES } from '../model/types';
import { printable } from './printable';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  date: 'Dates',
  role: 'Roles',
  nationality: 'Nationalities',
};

/** The readable report of `news-lens analyze --format text`. */
export function textReport(index: CorpusIndex, maxPerType = 25): string {
  const out: string[] = [];
  const articles = index.articles();
  out.push(`News Lens: ${articles.length} article${articles.length === 1 ? '' : 's'}, ${index.entities().length} entities`);
  for (const item of articles) {
    const a = item.article;
    out.push('', `== ${a.title || '(untitled)'}`);
    out.push(`   ${[a.date ?? 'undated', a.source ?? 'unknown source'].join(' · ')}  (${a.path}${a.line ? `:${a.line}` : ''})`);
    if (item.summary.length) {
      out.push('   Summary:');
      for (const s of item.summary) out.push(`   - ${oneLine(a.text.slice(s.start, s.end))}`);
    }
    out.push(...eventSection(index, item));
  }
  out.push(...timelineSection(index));
  out.push('', 'Entities');
  for (const type of ENTITY_TYPES) {
    const list = index.entities().filter((e) => e.type === type);
    if (!list.length) continue;
    out.push(`  ${TYPE_LABELS[type]} (${list.length})`);
    for (const e of list.slice(0, maxPerType)) {
      const extra = [e.roles.length ? e.roles.join(', ') : '', e.aliases.length ? `aka ${e.aliases.join(', ')}` : '', e.value ?? '', e.curated ? 'corrected' : '', e.watchlists ? `on ${e.watchlists.join(', ')}` : ''].filter(Boolean);
      out.push(`    ${e.name} ×${e.mentionCount}${e.articleCount > 1 ? ` in ${e.articleCount} articles` : ''}${extra.length ? ` — ${extra.join('; ')}` : ''}`);
    }
    if (list.length > maxPerType) out.push(`    … and ${list.length - maxPerType} more`);
  }
  const problems = [...index.diagnostics, ...index.curationDiagnostics()];
  if (problems.length) {
    out.push('', `Problems (${problems.length})`);
    for (const d of problems) out.push(`  ${d.severity}: ${d.path}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  }
  // The report is read on a terminal: titles, names and file names must not carry escape codes or line breaks into it.
  return out.map(printable).join('\n') + '\n';
}

/** How many events of one article, and timeline entries, the report lists before "… and N more". */
const MAX_EVENTS = 20;
const MAX_TIMELINE = 30;
const MAX_PAIRS = 10;

function eventSection(index: CorpusIndex, item: IndexedArticle): string[] {
  const out: string[] = [];
  const a = item.article;
  out.push(`   What happened: ${oneLine(item.analysis.headline)}`);
  const me = item.mainEvent;
  const w = [
    ['who', me.who],
    ['what', me.what],
    ['when', me.when ? whenText(me.when.text, me.when.date) : null],
    ['where', me.where],
    ['why', me.why],
    ['how', me.how],
  ].filter(([, v]) => v);
  if (w.length) out.push(`   Main event: ${w.map(([k, v]) => `${k}: ${oneLine(v as string)}`).join('; ')}`);
  if (item.events.length) {
    out.push(`   Events (${item.events.length}):`);
    for (const e of item.events.slice(0, MAX_EVENTS)) out.push(`   - ${eventLine(index, e)}`);
    if (item.events.length > MAX_EVENTS) out.push(`   … and ${item.events.length - MAX_EVENTS} more (all in --format json)`);
  } else if (a.text.trim()) {
    out.push('   Events: none found');
  }
  return out;
}

function whenText(text: string, date: string | null): string {
  return `${oneLine(text)}${date && date !== text ? ` (${date})` : ''}`;
}

function eventLine(index: CorpusIndex, e: NewsEvent): string {
  const name = (id: string): string => index.entity(id)?.name ?? id;
  const parts = [e.who.map(name).join(', '), oneLine(e.trigger.text), e.whom.length ? `→ ${e.whom.map(name).join(', ')}` : ''].filter(Boolean);
  const extra = [e.where.length ? `in ${e.where.map(name).join(', ')}` : '', e.when ? `when ${whenText(e.when.text, e.when.date)}` : ''].filter(Boolean);
  return `[${e.typeLabel ?? e.type}] ${parts.join(' ')}${extra.length ? ` (${extra.join('; ')})` : ''} · ${e.confidence.toFixed(2)}`;
}

/** The corpus timeline and the strongest co-occurrences. */
function timelineSection(index: CorpusIndex): string[] {
  const out: string[] = [];
  const timeline = index.timeline();
  if (timeline.length) {
    out.push('', `Timeline (${timeline.length} events; undated ones at the end, with ~ their article's date)`);
    for (const t of timeline.slice(0, MAX_TIMELINE)) {
      const date = t.date ? ` ${t.date}` : t.articleDate ? `~${t.articleDate}` : ' undated';
      out.push(`  ${date.padEnd(12)} ${t.event.label ?? t.event.trigger.text}  [${t.event.typeLabel ?? t.event.type}] (${t.articleId})`);
    }
    if (timeline.length > MAX_TIMELINE) out.push(`  … and ${timeline.length - MAX_TIMELINE} more`);
  }
  const pairs = index.coOccurrences();
  if (pairs.length) {
    out.push('', `Seen together (${pairs.length} pairs)`);
    for (const p of pairs.slice(0, MAX_PAIRS)) {
      const name = (id: string): string => index.entity(id)?.name ?? id;
      out.push(`  ${name(p.a)} — ${name(p.b)}: ${p.sentences} sentence${p.sentences === 1 ? '' : 's'}, ${p.events} event${p.events === 1 ? '' : 's'}`);
    }
  }
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
