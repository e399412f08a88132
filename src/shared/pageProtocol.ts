/** What the graph and timeline pages' protocols share: entity search results and request outcomes. */
import type { EntityType } from '../core/model/types';
import { ENTITY_TYPES } from '../core/model/types';
import { isCount, isId, isObject, isText } from './validate';

export interface SearchResult {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions under the window's filter. */
  mentions: number;
}

export const isEntityType = (x: unknown): x is EntityType => ENTITY_TYPES.includes(x as EntityType);

/** The well-formed results of a search answer (at most 100). */
export function parseSearchResults(raw: unknown): SearchResult[] {
  return (Array.isArray(raw) ? raw : []).filter((x): x is SearchResult => isObject(x) && isText(x.id, 1000) && isText(x.name, 1000) && isEntityType(x.type) && isCount(x.mentions)).slice(0, 100);
}

/** A `done` answer (a request succeeded, or failed with a message), or undefined when malformed. */
export function parseDone(raw: Record<string, unknown>): { type: 'done'; replyTo: number; ok: boolean; error?: string } | undefined {
  return isId(raw.replyTo) ? { type: 'done', replyTo: raw.replyTo, ok: raw.ok === true, ...(isText(raw.error, 500) ? { error: raw.error } : {}) } : undefined;
}
