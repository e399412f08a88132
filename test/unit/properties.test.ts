import fc from 'fast-check';
import { PROPERTIES } from '../properties/pipeline';

describe('properties: any input (fast-check; `npm run fuzz` runs many more cases)', () => {
  for (const p of PROPERTIES) {
    it(p.name, () => {
      fc.assert(p.build(1), { numRuns: p.unitRuns ?? 60, examples: p.examples?.(1) ?? [] });
    });
  }
});
