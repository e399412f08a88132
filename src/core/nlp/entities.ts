import type { EntityType } from '../model/types';
import type { LocalEntity, LocalMention } from './analysis';
import type { ParsedSentence, Token } from './nlp';

export interface EntityResult {
  entities: LocalEntity[];
  mentions: LocalMention[];
}

const TAG_TYPES: [string, EntityType][] = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
];

function typeOf(t: Token): EntityType | undefined {
  for (const [tag, type] of TAG_TYPES) if (t.tags.has(tag)) return type;
  return undefined;
}

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

/** Finds entity mentions in tagged sentences. */
export function extractEntities(text: string, sentences: ParsedSentence[]): EntityResult {
  const entities = new Map<string, LocalEntity>();
  const mentions: LocalMention[] = [];
  for (const s of sentences) {
    let i = 0;
    while (i < s.tokens.length) {
      const type = typeOf(s.tokens[i]);
      if (!type) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.tokens.length && typeOf(s.tokens[j]) === type && s.tokens[j - 1].post.trim() === '') j++;
      const start = s.tokens[i].start;
      const end = s.tokens[j - 1].end;
      const surface = text.slice(start, end);
      const key = entityKey(type, surface);
      if (!entities.has(key)) entities.set(key, { key, type, name: surface, aliases: [], roles: [] });
      mentions.push({ key, start, end, text: surface });
      i = j;
    }
  }
  return { entities: [...entities.values()], mentions };
}
