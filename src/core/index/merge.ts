import type { Entity } from '../model/types';
import type { ArticleAnalysis } from '../nlp/analysis';

export interface MergeResult {
  entities: Map<string, Entity>;
  /** articleId -> local key -> corpus entity id */
  resolve: Map<string, Map<string, string>>;
}

export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/**
 * Merges the article-local entities of every article into corpus entities. Ids are derived from
 * type and canonical name, so the same corpus always yields the same ids.
 */
export function mergeEntities(analyses: Iterable<ArticleAnalysis>): MergeResult {
  const entities = new Map<string, Entity>();
  const resolve = new Map<string, Map<string, string>>();
  const articlesOf = new Map<string, Set<string>>();
  for (const a of analyses) {
    const local = new Map<string, string>();
    resolve.set(a.articleId, local);
    for (const e of a.entities) {
      const id = `${e.type}:${slug(e.name)}`;
      local.set(e.key, id);
      let g = entities.get(id);
      if (!g) {
        g = { id, name: e.name, type: e.type, aliases: [], roles: [], mentionCount: 0, articleCount: 0 };
        if (e.value) g.value = e.value;
        entities.set(id, g);
      }
      for (const alias of [e.name, ...e.aliases]) if (alias !== g.name && !g.aliases.includes(alias)) g.aliases.push(alias);
      for (const r of e.roles) if (!g.roles.includes(r)) g.roles.push(r);
    }
    for (const m of a.mentions) {
      const id = local.get(m.key);
      if (!id) continue;
      const g = entities.get(id);
      if (g) g.mentionCount++;
      let set = articlesOf.get(id);
      if (!set) articlesOf.set(id, (set = new Set()));
      set.add(a.articleId);
    }
  }
  for (const [id, set] of articlesOf) {
    const g = entities.get(id);
    if (g) g.articleCount = set.size;
  }
  for (const [id, g] of entities) if (g.mentionCount === 0) entities.delete(id);
  return { entities, resolve };
}
