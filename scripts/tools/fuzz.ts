/**
 * `npm run fuzz -- [--runs N] [--minutes M] [--seed S]`: runs the property tests of
 * test/properties with many more cases than `npm test`, and prints cases tried and failures
 * (with the counterexample and the seed to replay it).
 */
import fc from 'fast-check';
import { parseArgs } from 'util';
import { newsMsPerKB, PROPERTIES, SLOW_TEXT_BUDGET, SLOW_TEXTS, slowTextTimes } from '../../test/properties/pipeline';
import { loadNerModel, packagedModelPath } from '../../src/core/nlp/ner/recogniser';

loadNerModel(packagedModelPath(__dirname));

const { values } = parseArgs({ options: { runs: { type: 'string' }, minutes: { type: 'string' }, seed: { type: 'string' } } });
const runs = values.runs ? Number(values.runs) : undefined;
const minutes = values.minutes ? Number(values.minutes) : undefined;
if (runs === undefined && minutes === undefined) {
  process.stderr.write('usage: npm run fuzz -- --runs N | --minutes M [--seed S]\n');
  process.exit(2);
}
const deadline = minutes === undefined ? Infinity : Date.now() + minutes * 60_000;
const batch = 500;
/** Inputs of the slow-text property go up to this many times their size in the unit tests. */
const SCALE = 8;
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;

let total = 0;
let failures = 0;
const started = Date.now();
let round = 0;
outer: while (true) {
  for (const p of PROPERTIES) {
    const share = runs === undefined ? (p.fuzzBatch ?? batch) : Math.ceil(runs / PROPERTIES.length);
    const examples = round === 0 ? (p.examples?.(SCALE) ?? []) : [];
    const result = fc.check(p.build(SCALE), { numRuns: share, seed: seed + round * 7919 + PROPERTIES.indexOf(p), examples });
    total += result.numRuns;
    if (result.failed) {
      failures++;
      console.log(`FAILED: ${p.name}\n  seed ${result.seed}, path ${result.counterexamplePath}\n  counterexample: ${JSON.stringify(result.counterexample)}\n  ${String(result.errorInstance).split('\n')[0]}`);
    }
    if (Date.now() > deadline) break outer;
  }
  round++;
  if (runs !== undefined) break;
}
const secs = (Date.now() - started) / 1000;
const news = newsMsPerKB();
console.log(
  `slow texts, the case of each nearest its budget (${SLOW_TEXT_BUDGET.timesNews}× the ${news.toFixed(1)} ms/KB news text takes here, at least ${SLOW_TEXT_BUDGET.fixedMs} ms):`,
);
for (const { name } of SLOW_TEXTS) {
  const t = slowTextTimes.get(name);
  const rate = t ? t.ms / Math.max(1, t.kb) : 0;
  const line = t ? `${String(t.kb).padStart(4)} KB in ${String(t.ms).padStart(6)} ms = ${rate.toFixed(1).padStart(5)} ms/KB (${(rate / news).toFixed(1)}× news), budget ${t.budgetMs} ms` : 'not tried';
  console.log(`  ${name.padEnd(24)} ${line}`);
}
console.log(
  JSON.stringify({ properties: PROPERTIES.length, cases: total, failures, seconds: Math.round(secs), casesPerSecond: Math.round(total / secs), seed, slowTexts: Object.fromEntries(slowTextTimes) }),
);
console.log(`${total} cases over ${PROPERTIES.length} properties in ${Math.round(secs)} s: ${failures} failure(s)`);
process.exitCode = failures ? 1 : 0;
