// What a change did to the names of a corpus (`npm run diff:mentions -- BEFORE.json AFTER.json`):
// two `news-lens analyze --format json` outputs of the same folder, compared mention by mention. A
// retrained model or a new rule is read on real news this way, not only by its F1: the figures can
// rise while "US" stops being a place in fifty sentences.
//
//   npm run diff:mentions -- BEFORE.json AFTER.json [--top N]
import { readFileSync } from 'fs';

interface AnalysisJson {
  articles: { id: string; mentions: { entity: string; start: number; end: number; text: string }[] }[];
  entities: { id: string; type: string }[];
}

export interface MentionChanges {
  /** Mentions read the same way (same span, text and entity type) in both. */
  same: number;
  /** "type text" of the mentions BEFORE has and AFTER reads otherwise or not at all, with counts, most first. */
  lost: [string, number][];
  /** The same, the other way round. */
  gained: [string, number][];
}

function readings(json: AnalysisJson): Map<string, string> {
  const typeOf = new Map(json.entities.map((e) => [e.id, e.type]));
  const out = new Map<string, string>();
  for (const a of json.articles) for (const m of a.mentions) out.set(`${a.id}\u0000${m.start}\u0000${m.end}`, `${typeOf.get(m.entity) ?? '?'} ${m.text}`);
  return out;
}

function tally(from: Map<string, string>, against: Map<string, string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const [at, reading] of from) if (against.get(at) !== reading) counts.set(reading, (counts.get(reading) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

export function mentionChanges(before: AnalysisJson, after: AnalysisJson): MentionChanges {
  const b = readings(before);
  const a = readings(after);
  let same = 0;
  for (const [at, reading] of b) if (a.get(at) === reading) same++;
  return { same, lost: tally(b, a), gained: tally(a, b) };
}

function main(): number {
  const args = process.argv.slice(2);
  const at = args.indexOf('--top');
  const top = at >= 0 ? Number(args.splice(at, 2)[1]) : 40;
  if (args.length !== 2 || !Number.isInteger(top) || top < 1) {
    process.stderr.write('Usage: npm run diff:mentions -- BEFORE.json AFTER.json [--top N]\n');
    return 2;
  }
  const [before, after] = args.map((f) => JSON.parse(readFileSync(f, 'utf8')) as AnalysisJson);
  const c = mentionChanges(before, after);
  const total = (list: [string, number][]): number => list.reduce((n, [, k]) => n + k, 0);
  const line = (list: [string, number][]): string => list.slice(0, top).map(([r, n]) => `${r} x${n}`).join(', ');
  process.stdout.write(`unchanged  ${c.same} mentions\n`);
  process.stdout.write(`lost       ${total(c.lost)} mentions: ${line(c.lost)}\n`);
  process.stdout.write(`gained     ${total(c.gained)} mentions: ${line(c.gained)}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
