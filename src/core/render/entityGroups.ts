import type { Entity, EntityType } from '../model/types';
import { ENTITY_TYPES } from '../model/types';
import { nameOrder, searchKey } from '../index/corpusIndex';
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
  const f = searchKey(filter);
  if (!f) return true;
  return [entity.name, ...entity.aliases, ...entity.roles].some((s) => searchKey(s).includes(f));
}

/**
 * Entities grouped by type in the fixed type order, sorted and filtered; empty groups left out.
 * With `mentions` (what a date or source filter keeps: mentions per entity id) only the entities
 * mentioned there are listed, and "by mentions" counts those mentions.
 */
export function groupEntities(entities: readonly Entity[], sort: EntitySort, filter = '', mentions?: ReadonlyMap<string, number>): EntityGroup[] {
  const byType = new Map<EntityType, Entity[]>();
  const count = (e: Entity): number => (mentions ? (mentions.get(e.id) ?? 0) : e.mentionCount);
  for (const e of entities) {
    if (mentions && !mentions.has(e.id)) continue;
    if (!matchesFilter(e, filter)) continue;
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const compare =
    sort === 'name'
      ? (a: Entity, b: Entity) => nameOrder(a.name, b.name) || count(b) - count(a)
      : (a: Entity, b: Entity) => count(b) - count(a) || nameOrder(a.name, b.name);
  return ENTITY_TYPES.filter((t) => byType.has(t)).map((type) => ({ type, label: TYPE_LABELS[type], entities: (byType.get(type) ?? []).sort(compare) }));
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
