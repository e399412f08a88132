/**
 * Which workspace the runner opened: the fixture articles, a folder with no articles at all, the
 * generated hostile corpus (broken files and hostile text), an untrusted folder whose settings
 * point outside it (Restricted Mode), a folder of web pages, feeds, e-mail, PDF and API dumps, or the
 * bundled sample folder itself, as `npm start` opens it.
 */
export const SCENARIOS = ['workspace', 'seed', 'hostile', 'restricted', 'formats', 'sample'] as const;

/**
 * Scenarios that check one moment only (what a window shows as it opens) run their own tests alone:
 * the tests in common/ would repeat, on the same corpus, what another scenario already runs.
 */
export const OWN_TESTS_ONLY: readonly Scenario[] = ['sample'];
export type Scenario = (typeof SCENARIOS)[number];

export function currentScenario(): Scenario {
  const s = process.env.NEWS_LENS_SCENARIO;
  const found = SCENARIOS.find((x) => x === s);
  if (!found) throw new Error(`NEWS_LENS_SCENARIO must be one of ${SCENARIOS.join(', ')} (got ${JSON.stringify(s)}); run the suite through scripts/host/runIntegration.mjs`);
  return found;
}
