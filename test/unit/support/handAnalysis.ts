import type { EntityType } from '../../../src/core/model/types';
import type { ArticleAnalysis, LocalEntity, LocalMention, TypeEvidence } from '../../../src/core/nlp/analysis';

/** One entity as an article's analysis would give it: what a merge test needs, written by hand. */
export interface HandEntity {
  name: string;
  type: EntityType;
  /** Mentions in the article (default 1). */
  mentions?: number;
  aliases?: string[];
  roles?: string[];
  cues?: TypeEvidence;
  /** For a nationality: the name of its place, also listed in the article. */
  place?: string;
  /** The name is a known place's (LocalEntity.placeName). */
  placeName?: boolean;
}

function keyOf(type: EntityType, name: string): string {
  return `${type}:${name.toLowerCase()}`;
}

/**
 * An article's analysis built by hand, so merge tests do not depend on what the recogniser finds:
 * each entity gets its mentions one after another in a made-up text.
 */
export function handAnalysis(articleId: string, entities: HandEntity[]): ArticleAnalysis {
  const locals: LocalEntity[] = [];
  const mentions: LocalMention[] = [];
  let at = 0;
  for (const e of entities) {
    const key = keyOf(e.type, e.name);
    const local: LocalEntity = { key, type: e.type, name: e.name, aliases: e.aliases ?? [], roles: e.roles ?? [] };
    if (e.cues) local.cues = e.cues;
    if (e.place) local.place = keyOf('place', e.place);
    if (e.placeName) local.placeName = true;
    locals.push(local);
    for (let i = 0; i < (e.mentions ?? 1); i++) {
      mentions.push({ key, start: at, end: at + e.name.length, text: e.name });
      at += e.name.length + 1;
    }
  }
  return {
    articleId,
    sentences: [{ start: 0, end: at }],
    entities: locals,
    mentions,
    events: [],
    mainEvent: { who: null, what: null, when: null, where: null, why: null, how: null },
    summary: [],
    headline: '',
    excluded: [],
    wordCount: at,
  };
}
