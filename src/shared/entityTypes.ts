/**
 * How each entity type is shown: its codicon and its name. Shared by the trees, hovers and symbols
 * (through core/render) and by the summaries panel, so every surface labels a type the same way.
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
