import type { CorpusIndex } from '../index/corpusIndex';
import type { EntityType } from '../model/types';
import { ENTITY_TYPES } from '../model/types';

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
    const me = item.mainEvent;
    const w = [
      ['who', me.who],
      ['what', me.what],
      ['when', me.when ? `${me.when.text}${me.when.date && me.when.date !== me.when.text ? ` (${me.when.date})` : ''}` : null],
      ['where', me.where],
      ['why', me.why],
      ['how', me.how],
    ].filter(([, v]) => v);
    if (w.length) out.push(`   Main event: ${w.map(([k, v]) => `${k}: ${oneLine(v as string)}`).join('; ')}`);
    if (item.events.length) {
      out.push(`   Events (${item.events.length}):`);
      for (const e of item.events) {
        const name = (id: string): string => index.entity(id)?.name ?? id;
        const parts = [e.who.map(name).join(', '), `[${e.type}] ${e.trigger.text}`, e.whom.map(name).join(', ')].filter(Boolean);
        const extra = [e.where.length ? `in ${e.where.map(name).join(', ')}` : '', e.when ? `when ${e.when.date ?? e.when.text}` : ''].filter(Boolean);
        out.push(`   - ${parts.join(' ')}${extra.length ? ` (${extra.join(', ')})` : ''}`);
      }
    }
  }
  out.push('', 'Entities');
  for (const type of ENTITY_TYPES) {
    const list = index.entities().filter((e) => e.type === type);
    if (!list.length) continue;
    out.push(`  ${TYPE_LABELS[type]} (${list.length})`);
    for (const e of list.slice(0, maxPerType)) {
      const extra = [e.roles.length ? e.roles.join(', ') : '', e.aliases.length ? `aka ${e.aliases.join(', ')}` : '', e.value ?? ''].filter(Boolean);
      out.push(`    ${e.name} ×${e.mentionCount}${e.articleCount > 1 ? ` in ${e.articleCount} articles` : ''}${extra.length ? ` — ${extra.join('; ')}` : ''}`);
    }
    if (list.length > maxPerType) out.push(`    … and ${list.length - maxPerType} more`);
  }
  if (index.diagnostics.length) {
    out.push('', `Problems (${index.diagnostics.length})`);
    for (const d of index.diagnostics) out.push(`  ${d.severity}: ${d.path}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  }
  return out.join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
