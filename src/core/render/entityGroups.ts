import type { Entity, EntityType } from '../model/types';
import { ENTITY_TYPES } from '../model/types';
import { searchKey } from '../index/corpusIndex';
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

/** Entities grouped by type in the fixed type order, sorted and filtered; empty groups left out. */
export function groupEntities(entities: readonly Entity[], sort: EntitySort, filter = ''): EntityGroup[] {
  const byType = new Map<EntityType, Entity[]>();
  for (const e of entities) {
    if (!matchesFilter(e, filter)) continue;
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const compare =
    sort === 'name'
      ? (a: Entity, b: Entity) => a.name.localeCompare(b.name) || b.mentionCount - a.mentionCount
      : (a: Entity, b: Entity) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name);
  return ENTITY_TYPES.filter((t) => byType.has(t)).map((type) => ({ type, label: TYPE_LABELS[type], entities: (byType.get(type) ?? []).sort(compare) }));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The short text beside an entity in lists: its first role, or how often it is mentioned. */
export function entityDescription(entity: Entity): string {
  if (entity.roles.length) return entity.roles[0];
  if (entity.type === 'date' && entity.value && entity.value !== entity.name) return entity.value;
  return plural(entity.mentionCount, 'mention');
}
