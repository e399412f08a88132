import type { CorpusIndex } from '../index/corpusIndex';
import type { Entity, NewsEvent } from '../model/types';

/**
 * Export formats for the corpus analysis: one JSON document (entities, mentions, events), CSV
 * tables, and the entity co-occurrence graph as GraphML (opens in Gephi, yEd, Cytoscape, networkx).
 */

export interface ExportJson {
  version: 1;
  articles: { id: string; path: string; title: string; source: string | null; date: string | null; url?: string }[];
  entities: Entity[];
  mentions: { entity: string; articleId: string; start: number; end: number; text: string }[];
  events: (NewsEvent & { articleId: string })[];
  coOccurrences: { a: string; b: string; sentences: number; events: number }[];
}

export function exportJson(index: CorpusIndex): ExportJson {
  const items = index.articles();
  return {
    version: 1,
    articles: items.map(({ article: a }) => ({ id: a.id, path: a.path, title: a.title, source: a.source, date: a.date, ...(a.url ? { url: a.url } : {}) })),
    entities: index.entities(),
    mentions: items.flatMap((item) => item.mentions.map((m) => ({ entity: m.entity, articleId: item.article.id, start: m.start, end: m.end, text: m.text }))),
    events: items.flatMap((item) => item.events.map((e) => ({ ...e, articleId: item.article.id }))),
    coOccurrences: index.coOccurrences(),
  };
}

/**
 * One CSV field (RFC 4180). Fields that a spreadsheet would run as a formula (= + - @, tab, CR)
 * get a leading apostrophe: article text is hostile and CSVs are opened in spreadsheets.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function entitiesCsv(index: CorpusIndex): string {
  return csv(
    ['id', 'name', 'type', 'roles', 'aliases', 'mentions', 'articles', 'value'],
    index.entities().map((e) => [e.id, e.name, e.type, e.roles.join('; '), e.aliases.join('; '), e.mentionCount, e.articleCount, e.value]),
  );
}

export function mentionsCsv(index: CorpusIndex): string {
  const rows: (string | number | null)[][] = [];
  for (const item of index.articles()) {
    for (const m of item.mentions) {
      const e = index.entity(m.entity);
      rows.push([m.entity, e?.name ?? '', e?.type ?? '', item.article.id, item.article.title, item.article.path, m.start, m.end, m.text]);
    }
  }
  return csv(['entity', 'name', 'type', 'articleId', 'title', 'path', 'start', 'end', 'text'], rows);
}

export function eventsCsv(index: CorpusIndex): string {
  const name = (ids: string[]): string => ids.map((id) => index.entity(id)?.name ?? id).join('; ');
  return csv(
    ['id', 'articleId', 'type', 'label', 'date', 'when', 'who', 'whom', 'where', 'trigger', 'sentence', 'confidence'],
    index.timeline().map(({ articleId, event: e, date }) => {
      const text = index.article(articleId)?.article.text ?? '';
      return [e.id, articleId, e.type, e.label ?? '', date, e.when?.text ?? '', name(e.who), name(e.whom), name(e.where), e.trigger.text, text.slice(e.sentence.start, e.sentence.end), e.confidence];
    }),
  );
}

/** XML text and attribute content; characters XML 1.0 forbids are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Undirected graph: a node per entity, an edge per co-occurring pair weighted by sentences + events. */
export function coOccurrenceGraphml(index: CorpusIndex): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="articles" for="node" attr.name="articles" attr.type="int"/>',
    '  <key id="roles" for="node" attr.name="roles" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="sentences" for="edge" attr.name="sentences" attr.type="int"/>',
    '  <key id="events" for="edge" attr.name="events" attr.type="int"/>',
    '  <graph id="co-occurrence" edgedefault="undirected">',
  ];
  for (const e of index.entities()) {
    out.push(
      `    <node id="${xmlEscape(e.id)}"><data key="label">${xmlEscape(e.name)}</data><data key="type">${e.type}</data>` +
        `<data key="mentions">${e.mentionCount}</data><data key="articles">${e.articleCount}</data><data key="roles">${xmlEscape(e.roles.join('; '))}</data></node>`,
    );
  }
  index.coOccurrences().forEach((p, i) => {
    out.push(
      `    <edge id="e${i}" source="${xmlEscape(p.a)}" target="${xmlEscape(p.b)}"><data key="weight">${p.sentences + p.events}</data>` +
        `<data key="sentences">${p.sentences}</data><data key="events">${p.events}</data></edge>`,
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
