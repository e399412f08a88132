import type { CardData, ChipData, CorpusStatus, Snapshot } from '../../shared/protocol';
import type { CorpusIndex, IndexedArticle } from '../index/corpusIndex';
import { ENTITY_TYPES } from '../model/types';
import { oneLine } from './markdown';
import type { Steps } from '../index/steps';
import { runSync } from '../index/steps';
import { nameOrder } from '../index/views';

const MAX_CHIPS = 10;
const CHIPS_PER_TYPE = 3;

/**
 * Cards by article: the panel gets every card again on each change of the corpus, and a correction
 * changes a few. A card stays right while its article (mentions included) is the same object and
 * its chips' entities keep their names and types; an entity that changes type changes id.
 */
const cards = new WeakMap<IndexedArticle, CardData>();

/** One card of the summaries panel: plain strings only, the page renders them as text. */
export function summaryCard(index: CorpusIndex, item: IndexedArticle): CardData {
  const known = cards.get(item);
  if (known && known.chips.every((c) => index.entity(c.id)?.name === c.name)) return known;
  const card = buildCard(index, item);
  cards.set(item, card);
  return card;
}

function buildCard(index: CorpusIndex, item: IndexedArticle): CardData {
  const a = item.article;
  const counts = new Map<string, number>();
  for (const m of item.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const chips: ChipData[] = [];
  for (const [id, count] of counts) {
    const e = index.entity(id);
    // Dates say when, which the card already shows; chips are for who, what and where.
    if (e && e.type !== 'date') chips.push({ id, name: e.name, type: e.type, count });
  }
  // The most mentioned of each type, people first: a card should show who, then which
  // organizations and places, rather than ten places because a place is named most often.
  chips.sort((x, y) => ENTITY_TYPES.indexOf(x.type) - ENTITY_TYPES.indexOf(y.type) || y.count - x.count || nameOrder(x.name, y.name));
  const perType = new Map<string, number>();
  const shown = chips.filter((c) => {
    const n = perType.get(c.type) ?? 0;
    perType.set(c.type, n + 1);
    return n < CHIPS_PER_TYPE;
  });
  const me = item.mainEvent;
  return {
    articleId: a.id,
    title: oneLine(a.title) || a.id,
    source: a.source,
    date: a.date,
    summary: item.summary.map((s) => oneLine(a.text.slice(s.start, s.end))).filter(Boolean),
    main: {
      who: me.who && oneLine(me.who),
      what: me.what && oneLine(me.what),
      when: me.when ? oneLine(me.when.date ?? me.when.text) : null,
      where: me.where && oneLine(me.where),
    },
    chips: shown.slice(0, MAX_CHIPS),
    entityIds: [...counts.keys()],
  };
}

/** Cards built between two yields: the first snapshot of a large corpus builds them all. */
const CARDS_PER_STEP = 100;

/**
 * The panel's snapshot in steps: the first one of a corpus of thousands of articles builds every
 * card (about 50 ms for BBC's 2,225), which the extension host runs in slices.
 */
export function* summarySnapshotSteps(index: CorpusIndex, status: CorpusStatus, sample: boolean): Steps<Snapshot> {
  const articles = index.articles();
  const cardList: CardData[] = [];
  for (let i = 0; i < articles.length; i++) {
    if (i > 0 && i % CARDS_PER_STEP === 0) yield;
    cardList.push(summaryCard(index, articles[i]));
  }
  return { status, sample, entityCount: index.entities().length, cards: cardList };
}

export function summarySnapshot(index: CorpusIndex, status: CorpusStatus, sample: boolean): Snapshot {
  return runSync(summarySnapshotSteps(index, status, sample));
}
