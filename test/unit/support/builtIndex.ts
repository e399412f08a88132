import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import type { Article, EntityType, Span } from '../../../src/core/model/types';
import type { ArticleAnalysis, LocalEntity, LocalEvent, LocalMention } from '../../../src/core/nlp/analysis';

/**
 * Builds real index input by hand, without running NLP: render and index code is tested on
 * analyses whose every entity, mention and event is known. Mentions are found where the given
 * surface forms occur in the text (whole words).
 */
export interface EntitySpec {
  key: string;
  type: EntityType;
  name: string;
  surfaces: string[];
  aliases?: string[];
  roles?: string[];
  value?: string;
}

export interface ArticleSpec {
  id: string;
  title: string;
  body: string;
  date?: string | null;
  source?: string | null;
  entities: EntitySpec[];
  events?: EventSpec[];
  summary?: number[];
}

export interface EventSpec {
  type: string;
  trigger: string;
  who: string[];
  whom?: string[];
  where?: string[];
  date?: string | null;
  label: string;
}

export function sentencesOf(text: string, from: number): Span[] {
  const out: Span[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text.slice(from))) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = from + m.index + lead;
    const e = from + m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function occurrences(text: string, surface: string): Span[] {
  const out: Span[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + surface.length });
  return out;
}

export function buildArticle(spec: ArticleSpec, path = `/corpus/${spec.id}.txt`): { article: Article; analysis: ArticleAnalysis } {
  const text = `${spec.title}\n\n${spec.body}\n`;
  const bodyStart = spec.title.length + 2;
  const article: Article = {
    id: spec.id,
    path,
    title: spec.title,
    source: spec.source ?? null,
    date: spec.date ?? null,
    text,
    format: 'txt',
    bodyStart,
    bodyEnd: bodyStart + spec.body.length,
  };
  const sentences = [{ start: 0, end: spec.title.length }, ...sentencesOf(text.slice(0, bodyStart + spec.body.length), bodyStart)];
  const taken: Span[] = [];
  const mentions: LocalMention[] = [];
  // Longer surfaces first, so "Sergei Lavrov" is one mention, not also "Lavrov".
  const surfaces = spec.entities.flatMap((e) => e.surfaces.map((s) => ({ key: e.key, s }))).sort((a, b) => b.s.length - a.s.length);
  for (const { key, s } of surfaces) {
    for (const span of occurrences(text, s)) {
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      mentions.push({ key, start: span.start, end: span.end, text: s });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const entities: LocalEntity[] = spec.entities.map((e) => ({
    key: e.key,
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    roles: e.roles ?? [],
    ...(e.value ? { value: e.value } : {}),
  }));
  const events: LocalEvent[] = (spec.events ?? []).map((e) => {
    const at = text.indexOf(e.trigger, bodyStart);
    const sentence = sentences.find((s) => s.start <= at && at < s.end) ?? { start: at, end: at + e.trigger.length };
    return {
      type: e.type,
      trigger: { start: at, end: at + e.trigger.length, text: e.trigger },
      who: e.who,
      whom: e.whom ?? [],
      where: e.where ?? [],
      when: e.date === undefined ? null : { text: e.date ?? 'some day', date: e.date },
      sentence,
      confidence: 0.8,
      label: e.label,
    };
  });
  const bodySentences = sentences.slice(1);
  const analysis: ArticleAnalysis = {
    articleId: spec.id,
    sentences,
    entities,
    mentions,
    events,
    mainEvent: { who: entities.find((e) => e.type === 'person')?.name ?? null, what: spec.title, when: spec.date ? { text: spec.date, date: spec.date } : null, where: entities.find((e) => e.type === 'place')?.name ?? null, why: null, how: null },
    summary: (spec.summary ?? [0, 1]).map((i) => bodySentences[i]).filter((s): s is Span => !!s),
    headline: spec.title,
    excluded: [],
    wordCount: text.split(/\s+/).length,
  };
  return { article, analysis };
}

export function buildIndex(specs: ArticleSpec[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const spec of specs) {
    const { article, analysis } = buildArticle(spec);
    index.setFile(article.path, [article], [analysis]);
  }
  return index;
}

const LAVROV: EntitySpec = { key: 'p1', type: 'person', name: 'Sergei Lavrov', surfaces: ['Sergei Lavrov', 'Lavrov'], aliases: ['Lavrov'], roles: ['Russian Foreign Minister'] };
const JAISHANKAR: EntitySpec = { key: 'p2', type: 'person', name: 'S Jaishankar', surfaces: ['S Jaishankar', 'Jaishankar'], aliases: ['Jaishankar'], roles: ['Indian Foreign Minister'] };

/** Two articles that share Lavrov, with a meeting event, plus one with hostile names. */
export const TWO_ARTICLES: ArticleSpec[] = [
  {
    id: 'visit',
    title: 'Lavrov visits India',
    date: '2024-01-31',
    source: 'Mondo International',
    body: 'Russian Foreign Minister Sergei Lavrov met Indian Foreign Minister S Jaishankar in New Delhi. Lavrov said Russia supports India. Jaishankar welcomed the visit.',
    entities: [
      LAVROV,
      JAISHANKAR,
      { key: 'l1', type: 'place', name: 'New Delhi', surfaces: ['New Delhi'] },
      { key: 'l2', type: 'place', name: 'Russia', surfaces: ['Russia'] },
      { key: 'l3', type: 'place', name: 'India', surfaces: ['India'] },
    ],
    events: [{ type: 'meeting', trigger: 'met', who: ['p1'], whom: ['p2'], where: ['l1'], date: '2024-01-31', label: 'Lavrov meets Jaishankar' }],
  },
  {
    id: 'council',
    title: 'Security Council debate',
    date: '2024-02-10',
    source: 'Daily Wire',
    body: 'Lavrov spoke at the United Nations in New York. Sergei Lavrov criticised the sanctions. The United Nations adjourned.',
    entities: [
      { ...LAVROV, aliases: ['Lavrov'] },
      { key: 'o1', type: 'organization', name: 'United Nations', surfaces: ['United Nations'], aliases: ['UN'] },
      { key: 'l4', type: 'place', name: 'New York', surfaces: ['New York'] },
    ],
    events: [{ type: 'statement', trigger: 'spoke', who: ['p1'], where: ['l4'], date: null, label: 'Lavrov speaks at the United Nations' }],
  },
];

/** A third article, without a source, recalling a treaty of 1907 and planning for a week. */
export const HISTORY: ArticleSpec = {
  id: 'history',
  title: 'Treaty anniversary',
  date: '2024-02-20',
  source: null,
  body: 'Lavrov recalled the treaty signed in Paris. Lavrov will travel to Paris next week.',
  entities: [
    { key: 'p1', type: 'person', name: 'Sergei Lavrov', surfaces: ['Lavrov'], aliases: ['Lavrov'] },
    { key: 'l1', type: 'place', name: 'Paris', surfaces: ['Paris'] },
  ],
  events: [
    { type: 'cooperation', trigger: 'signed', who: ['p1'], where: ['l1'], date: '1907', label: 'treaty signed in Paris' },
    { type: 'movement', trigger: 'travel', who: ['p1'], where: ['l1'], date: '2024-W09', label: 'Lavrov travels to Paris' },
  ],
};

/** Names and text an attacker controls: markdown, HTML, command links, icons, formulas. */
export const HOSTILE: ArticleSpec = {
  id: 'hostile',
  title: '<img src=x onerror=alert(1)> [click](command:workbench.action.quit)',
  date: null,
  body: 'Then **Evil** [Corp](command:workbench.action.quit) $(zap) met =HYPERLINK("http://x") at <script>alert(1)</script> today. Nobody came.',
  entities: [
    { key: 'x1', type: 'organization', name: '**Evil** [Corp](command:workbench.action.quit) $(zap)', surfaces: ['**Evil** [Corp](command:workbench.action.quit) $(zap)'], roles: ['<b>boss</b> https://evil.example/x'], aliases: ['`code` # heading'] },
    { key: 'x2', type: 'person', name: '=HYPERLINK("http://x")', surfaces: ['=HYPERLINK("http://x")'] },
  ],
  events: [{ type: 'meeting', trigger: 'met', who: ['x1'], whom: ['x2'], date: '2024-03-01', label: '[x](command:workbench.action.quit) meets <b>' }],
};
