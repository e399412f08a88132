// Scores identity across articles (`npm run eval:identity -- CORPUS [--gold FILE] [--errors]`).
//
// Indexes CORPUS as `news-lens analyze` does (worker pool, same merge), or reads an analysis the
// CLI wrote (`--analysis FILE.json`), then prints the pairwise precision and recall of its "same
// entity" decisions against the gold (identityScore.ts; the gold for news-cluster and how it was
// made: scripts/tools/gold/README.md), the entities named like page furniture, the number of
// entities and the share mentioned once. `--errors` lists the gold entities the system splits and
// the system entities that join several gold entities.
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { nodeSource } from '../../src/core/corpus/nodeSource';
import { indexCorpus } from '../../src/core/index/indexer';
import { WorkerPool, defaultPoolSize } from '../../src/core/index/workerPool';
import type { AnalysisJson } from '../../src/core/render/analysisJson';
import { toAnalysisJson } from '../../src/core/render/analysisJson';
import type { Gold } from './identityScore';
import { FORBIDDEN_PREFIXES, isFurnitureName, scoreIdentity } from './identityScore';

const USAGE = 'Usage: npm run eval:identity -- CORPUS_DIR [--gold FILE] [--errors]\n       npm run eval:identity -- --analysis ANALYSIS.json [--gold FILE] [--errors]\n';

/** dist/tools/evalIdentity.js -> the repository's scripts/tools/gold. */
const DEFAULT_GOLD = path.join(__dirname, '..', '..', 'scripts', 'tools', 'gold', 'identity-news-cluster.json');

async function analysisOf(corpus: string): Promise<AnalysisJson> {
  const size = defaultPoolSize();
  const pool = new WorkerPool({ script: path.join(__dirname, '..', 'worker.js'), size, fileTimeoutMs: 120_000 });
  try {
    const { index } = await indexCorpus(nodeSource, pool, { roots: [path.resolve(corpus)] });
    return toAnalysisJson(index);
  } finally {
    await pool.dispose();
  }
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { gold: { type: 'string' }, analysis: { type: 'string' }, errors: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || (!positionals[0] && !values.analysis)) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const goldPath = values.gold ?? DEFAULT_GOLD;
  const gold = JSON.parse(await fs.readFile(goldPath, 'utf8')) as Gold;
  const started = Date.now();
  const json = values.analysis ? (JSON.parse(await fs.readFile(values.analysis, 'utf8')) as AnalysisJson) : await analysisOf(positionals[0]);
  const score = scoreIdentity(gold, json.articles);
  const entities = json.entities;
  const once = entities.filter((e) => e.mentionCount === 1).length;
  const furniture = entities.filter((e) => isFurnitureName(e.name));
  const forbidden = entities.filter((e) => FORBIDDEN_PREFIXES.some((p) => e.name.startsWith(p)));
  const rows: [string, string][] = [
    ['gold', `${path.relative(process.cwd(), goldPath)}: ${gold.entities.length} entities, ${score.goldPairs} (entity, article) pairs`],
    ['found', `${score.found} of the pairs (${percent(score.found / Math.max(1, score.goldPairs))}%) named by a mention of ours, ${score.items} items`],
    ['pairwise precision', percent(score.precision)],
    ['pairwise recall', percent(score.recall)],
    ['pairwise F1', percent(score.precision + score.recall ? (2 * score.precision * score.recall) / (score.precision + score.recall) : 0)],
    ['furniture entities', `${furniture.length}${furniture.length ? `: ${furniture.map((e) => e.name).slice(0, 12).join('; ')}` : ''}`],
    ['names the issue forbids', `${forbidden.length}${forbidden.length ? `: ${forbidden.map((e) => e.name).join('; ')}` : ''} (beginning with ${FORBIDDEN_PREFIXES.join(', ')})`],
    ['entities', `${entities.length}, ${once} mentioned once (${percent(once / Math.max(1, entities.length))}%)`],
    ['articles', `${json.articles.length}${values.analysis ? '' : `, indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  if (values.errors) {
    const name = new Map(entities.map((e) => [e.id, `${e.name} (${e.type})`]));
    process.stdout.write('\nSplit: gold entities in more than one of our entities (items per entity)\n');
    for (const [g, row] of score.splits) process.stdout.write(`  ${g}: ${[...row].map(([s, n]) => `${name.get(s) ?? s} ×${n}`).join(', ')}\n`);
    process.stdout.write('\nMerged: our entities holding more than one gold entity (items per gold entity)\n');
    for (const [s, row] of score.merges) process.stdout.write(`  ${name.get(s) ?? s}: ${[...row].map(([g, n]) => `${g} ×${n}`).join(', ')}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval:identity: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
