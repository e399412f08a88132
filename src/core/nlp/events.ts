import type { Article, MainEvent } from '../model/types';
import type { LocalEntity, LocalEvent, LocalMention } from './analysis';
import type { ParsedSentence } from './nlp';

export interface EventResult {
  events: LocalEvent[];
  mainEvent: MainEvent;
}

/** Finds the events of an article and its main event. */
export function extractEvents(
  article: Article,
  _sentences: ParsedSentence[],
  entities: LocalEntity[],
  _mentions: LocalMention[],
): EventResult {
  const firstPerson = entities.find((e) => e.type === 'person');
  const firstPlace = entities.find((e) => e.type === 'place');
  return {
    events: [],
    mainEvent: {
      who: firstPerson?.name ?? null,
      what: article.title || null,
      when: article.date ? { text: article.date, date: article.date } : null,
      where: firstPlace?.name ?? null,
      why: null,
      how: null,
    },
  };
}
