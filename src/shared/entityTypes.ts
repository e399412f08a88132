/**
 * How each entity type (and event type) is shown: its codicon and its name. Shared by the trees,
 * hovers and symbols (through core/render) and by the pages, so every surface labels a type the same way.
 */
import type { EntityType } from '../core/model/types';

export const TYPE_ICONS: Record<EntityType, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
  role: 'briefcase',
  nationality: 'globe',
};

export const TYPE_NAMES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  date: 'Date',
  role: 'Role',
  nationality: 'Nationality',
};

/**
 * Codicons for the event taxonomy (src/core/nlp/eventTypes.ts), in its order, which the timeline
 * keeps for its series and colours; unknown types get the generic icon.
 */
export const EVENT_ICONS: Record<string, string> = {
  statement: 'quote',
  meeting: 'comment-discussion',
  cooperation: 'check-all',
  support: 'thumbsup',
  criticism: 'thumbsdown',
  conflict: 'flame',
  disaster: 'warning',
  legal: 'law',
  election: 'checklist',
  economic: 'graph',
  contest: 'star-full',
  movement: 'arrow-right',
};
