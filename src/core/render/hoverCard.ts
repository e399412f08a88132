import type { CorpusIndex, TimelineEntry } from '../index/corpusIndex';
import { filedDate } from '../index/corpusIndex';
import { formatDate } from './formatDate';
import type { Entity } from '../model/types';
import { TYPE_ICONS, TYPE_NAMES } from '../../shared/entityTypes';
import { plural } from './entityGroups';
import { commandLink, escapeMarkdown, oneLine, truncate } from './markdown';

/** The command ids a hover card links to; the host passes its constants, so ids live in one place. */
export interface HoverCommands {
  revealEntity: string;
  showMentions: string;
  openSummaries: string;
  /** The analyst's corrections, linked on a line of their own when given. */
  corrections?: { rename: string; retype: string; merge: string; detach: string; ignore: string };
}

export interface HoverCard {
  /** Markdown with every article-derived string escaped. */
  markdown: string;
  /** Exactly the commands linked from `markdown`: the `isTrusted.enabledCommands` allow-list. */
  enabledCommands: string[];
}

export interface HoverCardOptions {
  related?: number;
  events?: number;
  /** Extra arguments for the "Show All Mentions" link after the entity id (where to peek). */
  mentionsAt?: (string | number)[];
}

/**
 * The card shown when hovering a mention: name and type, roles, aliases, counts, the entities most
 * often seen with it, its latest events and links to our commands. Lookups only (no corpus scans):
 * `related` and `eventsOf` are precomputed maps in the index.
 */
export function entityHoverCard(index: CorpusIndex, entity: Entity, commands: HoverCommands, options: HoverCardOptions = {}): HoverCard {
  const lines: string[] = [];
  const roles = entity.roles.length ? ` \u00b7 *${entity.roles.slice(0, 3).map((r) => escapeMarkdown(truncate(r, 80))).join(', ')}*` : '';
  lines.push(`$(${TYPE_ICONS[entity.type]}) **${escapeMarkdown(truncate(entity.name, 120))}** \u00b7 ${TYPE_NAMES[entity.type]}${roles}`);
  const facts = [`${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')}`];
  if (entity.type === 'date' && entity.value && entity.value !== entity.name) facts.push(`resolves to ${escapeMarkdown(entity.value)}`);
  if (entity.aliases.length) {
    const shown = entity.aliases.slice(0, 6).map((a) => escapeMarkdown(truncate(a, 60)));
    facts.push(`Also: ${shown.join(', ')}${entity.aliases.length > shown.length ? `, and ${entity.aliases.length - shown.length} more` : ''}`);
  }
  lines.push(facts.join(' \u00b7 '));
  lines.push(...curationLines(index, entity));

  const maybe = possiblySame(index, entity);
  if (maybe.length) {
    const links = maybe.map((o) => `${commandLink(truncate(o.name, 60), commands.revealEntity, [o.id], 'Reveal in the News Lens Entities view')} (${TYPE_NAMES[o.type]})`);
    lines.push(`**Possibly the same as:** ${links.join(' \u00b7 ')}`);
  }

  const related = index.related(entity.id, options.related ?? 5);
  if (related.length) lines.push(`**Often with:** ${related.map((r) => `${escapeMarkdown(truncate(r.entity.name, 40))} (${r.count})`).join(' \u00b7 ')}`);

  const events = latestEvents(index.eventsOf(entity.id), 12);
  if (events.length) {
    // The same event is often reported in several sentences; show each line once.
    const seen = new Set<string>();
    const items: string[] = [];
    for (const e of events) {
      const date = filedDate(e);
      const line = `- ${escapeMarkdown(date ? formatDate(date) : 'undated')} \u2014 ${escapeMarkdown(truncate(eventLine(index, e), 100))}`;
      if (seen.has(line)) continue;
      seen.add(line);
      items.push(line);
      if (items.length === (options.events ?? 3)) break;
    }
    lines.push(`**Latest events**\n\n${items.join('\n')}`);
  }

  lines.push(
    '---',
    [
      commandLink('Reveal in Tree', commands.revealEntity, [entity.id], 'Reveal in the News Lens Entities view'),
      commandLink('Show All Mentions', commands.showMentions, [entity.id, ...(options.mentionsAt ?? [])], 'List every mention in the corpus'),
      commandLink('Open Summaries', commands.openSummaries, [entity.id], 'Summaries of the articles that mention it'),
    ].join(' \u00b7 '),
  );
  const enabledCommands = [commands.revealEntity, commands.showMentions, commands.openSummaries];
  const fix = commands.corrections;
  if (fix) {
    const links: [string, string, string][] = [
      ['Rename…', fix.rename, 'Give it another name (kept in .newslens/curation.json)'],
      ['Change Type…', fix.retype, 'It is of another type'],
      ['Merge Into…', fix.merge, 'It is the same as another entity'],
      ...(entity.aliases.length ? [['Detach Alias…', fix.detach, 'One of its aliases is something else'] as [string, string, string]] : []),
      ['Not an Entity', fix.ignore, 'It is not a person, organization, place or anything else'],
    ];
    lines.push(`Correct: ${links.map(([label, command, tip]) => commandLink(label, command, [entity.id], tip)).join(' \u00b7 ')}`);
    enabledCommands.push(...links.map(([, command]) => command));
  }
  return { markdown: lines.join('\n\n'), enabledCommands };
}

/** The watchlists that name an entity and what the analyst's decisions did to it. */
function curationLines(index: CorpusIndex, entity: Entity): string[] {
  const lines: string[] = [];
  if (entity.watchlists?.length) lines.push(`$(eye) On watchlist: ${entity.watchlists.map((w) => escapeMarkdown(truncate(w, 60))).join(', ')}`);
  const notes = index.correctionsOf(entity.id);
  if (notes.length) lines.push(`$(edit) Corrected: ${notes.slice(0, 4).map((n) => escapeMarkdown(truncate(n, 80))).join('; ')}${notes.length > 4 ? `; and ${notes.length - 4} more` : ''}`);
  return lines;
}

/**
 * The entities this one may be (merge.ts keeps them apart because the evidence is split), most
 * mentioned first.
 */
export function possiblySame(index: CorpusIndex, entity: Entity, limit = 4): Entity[] {
  return (entity.possibleSame ?? [])
    .map((id) => index.entity(id))
    .filter((e): e is Entity => e !== undefined)
    .sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** Dated events newest first (by their own date, else their article's), then undated ones. */
export function latestEvents(entries: readonly TimelineEntry[], limit: number): TimelineEntry[] {
  const dated = entries.filter((e) => filedDate(e) !== null).sort((a, b) => {
    const x = filedDate(a) as string;
    const y = filedDate(b) as string;
    return x === y ? 0 : x < y ? 1 : -1;
  });
  return [...dated, ...entries.filter((e) => filedDate(e) === null)].slice(0, limit);
}

/** One line for an event: its label, or who + trigger + whom, with the place. */
export function eventLine(index: CorpusIndex, entry: TimelineEntry): string {
  const e = entry.event;
  const name = (id: string): string => index.entity(id)?.name ?? id;
  const label = e.label?.trim() || [e.who.map(name).join(', '), e.trigger.text, e.whom.map(name).join(', ')].filter(Boolean).join(' ');
  const where = e.where.length ? ` (${e.where.map(name).join(', ')})` : '';
  return oneLine(`${label}${where}`);
}

/** The tree tooltip of an entity: type, roles, aliases and the articles that mention it. */
export function entityTooltip(index: CorpusIndex, entity: Entity, maxArticles = 5): string {
  const lines = [`**${escapeMarkdown(truncate(entity.name, 120))}** \u00b7 ${TYPE_NAMES[entity.type]}`];
  if (entity.roles.length) lines.push(`*${entity.roles.slice(0, 4).map((r) => escapeMarkdown(truncate(r, 80))).join(', ')}*`);
  if (entity.aliases.length) lines.push(`Also: ${entity.aliases.slice(0, 8).map((a) => escapeMarkdown(truncate(a, 60))).join(', ')}`);
  const maybe = possiblySame(index, entity);
  if (maybe.length) lines.push(`Possibly the same as: ${maybe.map((o) => `${escapeMarkdown(truncate(o.name, 60))} (${TYPE_NAMES[o.type]})`).join(', ')}`);
  lines.push(...curationLines(index, entity));
  const ids = index.articleIdsOf(entity.id);
  const titles = ids.slice(0, maxArticles).map((id) => {
    const a = index.article(id)?.article;
    return `- ${escapeMarkdown(truncate(a?.title || id, 90))}${a?.date ? ` \u00b7 ${escapeMarkdown(a.date)}` : ''}`;
  });
  lines.push(`${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')}:\n\n${titles.join('\n')}${ids.length > maxArticles ? `\n- and ${ids.length - maxArticles} more` : ''}`);
  return lines.join('\n\n');
}
