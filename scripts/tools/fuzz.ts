/**
 * `npm run fuzz -- [--runs N] [--minutes M] [--seed S]`: runs the property tests of
 * test/properties with many more cases than `npm test`, and prints cases tried and failures
 * (with the counterexample and the seed to replay it).
 */
import fc from 'fast-check';
import { parseArgs } from 'util';
import { PROPERTIES } from '../../test/properties/pipeline';

const { values } = parseArgs({ options: { runs: { type: 'string' }, minutes: { type: 'string' }, seed: { type: 'string' } } });
const runs = values.runs ? Number(values.runs) : undefined;
const minutes = values.minutes ? Number(values.minutes) : undefined;
if (runs === undefined && minutes === undefined) {
  process.stderr.write('usage: npm run fuzz -- --runs N | --minutes M [--seed S]\n');
  process.exit(2);
}
const deadline = minutes === undefined ? Infinity : Date.now() + minutes * 60_000;
const batch = 500;
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;

let total = 0;
let failures = 0;
const started = Date.now();
let round = 0;
outer: while (true) {
  for (const p of PROPERTIES) {
    const share = runs === undefined ? batch : Math.ceil(runs / PROPERTIES.length);
    const result = fc.check(p.build(), { numRuns: share, seed: seed + round * 7919 + PROPERTIES.indexOf(p) });
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
console.log(JSON.stringify({ properties: PROPERTIES.length, cases: total, failures, seconds: Math.round(secs), casesPerSecond: Math.round(total / secs), seed }));
console.log(`${total} cases over ${PROPERTIES.length} properties in ${Math.round(secs)} s: ${failures} failure(s)`);
process.exitCode = failures ? 1 : 0;
