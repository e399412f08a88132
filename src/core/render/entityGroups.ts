import type { Entity, EntityType } from '../model/types';
import { ENTITY_TYPES } from '../model/types';
import { searchKey } from '../index/corpusIndex';
import { nameOrder } from '../index/views';
import { TYPE_LABELS } from './textReport';

export type EntitySort = 'mentions' | 'name';

export interface EntityGroup {
  type: EntityType;
  /** Plural heading: "People", "Organizations"... */
  label: string;
  entities: Entity[];
}

/** True when `filter` occurs in the entity's name, an alias or a role (case and accents ignored). */
export function matchesFilter(entity: Entity, filter: string): boolean {
  return matchesKey(entity, searchKey(filter));
}

function matchesKey(entity: Entity, key: string): boolean {
  return !key || [entity.name, ...entity.aliases, ...entity.roles].some((s) => searchKey(s).includes(key));
}

/** An entity with what it is sorted by, read once per sort rather than once per comparison. */
interface Sortable {
  entity: Entity;
  count: number;
  key: string;
}

/**
 * A name without case and accents, compared as code units: the collator's order for nearly every
 * name. Most entities of a corpus tie on their mention count, and the collator costs a microsecond
 * or two a comparison: sorting 13,000 BBC entities with it alone blocked the extension host for
 * 150-400 ms whenever the date and source filter changed. The collator decides equal keys only.
 */
function byName(a: Sortable, b: Sortable): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : nameOrder(a.entity.name, b.entity.name);
}

const nameKeys = new WeakMap<Entity, string>();

function nameKey(e: Entity): string {
  let k = nameKeys.get(e);
  if (k === undefined) nameKeys.set(e, (k = e.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()));
  return k;
}

/**
 * Entities grouped by type in the fixed type order, sorted and filtered; empty groups left out.
 * With `mentions` (what a date or source filter keeps: mentions per entity id) only the entities
 * mentioned there are listed, and "by mentions" counts those mentions.
 */
export function groupEntities(entities: readonly Entity[], sort: EntitySort, filter = '', mentions?: ReadonlyMap<string, number>): EntityGroup[] {
  const byType = new Map<EntityType, Sortable[]>();
  const key = searchKey(filter);
  for (const entity of entities) {
    const count = mentions ? mentions.get(entity.id) : entity.mentionCount;
    if (count === undefined || !matchesKey(entity, key)) continue;
    const item = { entity, count, key: nameKey(entity) };
    const list = byType.get(entity.type);
    if (list) list.push(item);
    else byType.set(entity.type, [item]);
  }
  const compare = sort === 'name' ? (a: Sortable, b: Sortable) => byName(a, b) || b.count - a.count : (a: Sortable, b: Sortable) => b.count - a.count || byName(a, b);
  return ENTITY_TYPES.filter((t) => byType.has(t)).map((type) => ({ type, label: TYPE_LABELS[type], entities: (byType.get(type) ?? []).sort(compare).map((s) => s.entity) }));
}

/** "a place", "an organization": the indefinite article by the noun's first letter (the nouns of our types have no silent h). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The short text beside an entity in lists: its first role, or how often it is mentioned (in what
 * a date or source filter keeps, when `mentions` is given).
 */
export function entityDescription(entity: Entity, mentions?: number): string {
  if (entity.roles.length) return entity.roles[0];
  if (entity.type === 'date' && entity.value && entity.value !== entity.name) return entity.value;
  return mentions === undefined ? plural(entity.mentionCount, 'mention') : `${mentions} of ${plural(entity.mentionCount, 'mention')}`;
}
