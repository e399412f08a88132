// The integration suite's entry point (`extensionTestsPath`), loaded by the VS Code extension host
// under desktop VS Code (@vscode/test-electron) or code-server. scripts/host/runIntegration.mjs runs
// it once per scenario and sets NEWS_LENS_SCENARIO and NEWS_LENS_TEST_RESULTS in the host's env.
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Scenario } from './scenario';
import { OWN_TESTS_ONLY, SCENARIOS, currentScenario } from './scenario';

/**
 * Test files in `common/` run in every scenario (but those of OWN_TESTS_ONLY), those in `<scenario>/`
 * only in theirs. The runner runs every scenario, so each file runs somewhere; a file anywhere else
 * is an error, not a skip.
 */
function testFiles(scenario: Scenario): string[] {
  const all = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const misplaced = all.filter((f) => !['common', ...SCENARIOS].includes(f.split('/')[0]));
  if (misplaced.length) throw new Error(`integration tests outside common/ or a scenario folder (${SCENARIOS.join(', ')}): ${misplaced.join(', ')}`);
  const common = !OWN_TESTS_ONLY.includes(scenario);
  return all.filter((f) => (common && f.startsWith('common/')) || f.startsWith(`${scenario}/`)).map((f) => path.join(__dirname, f));
}

export async function run(): Promise<void> {
  const scenario = currentScenario();
  const resultsFile = process.env.NEWS_LENS_TEST_RESULTS;
  console.log(`News Lens integration tests, scenario "${scenario}", VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost})`);

  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  const files = testFiles(scenario);
  if (!files.length) throw new Error(`no integration test files for scenario "${scenario}" in ${__dirname}`);
  for (const f of files) mocha.addFile(f);

  const failures: { title: string; error: string }[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => (runner.stats ? resolve(runner.stats) : reject(new Error('mocha reported no statistics'))));
      runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }));
    } catch (e) {
      reject(e);
    }
  });

  const result = { scenario, vscodeVersion: vscode.version, appName: vscode.env.appName, passed: stats.passes, failed: stats.failures, pending: stats.pending, failures };
  if (resultsFile) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(result, null, 2));
  }
  // Skipped tests fail the run, as in the unit tier.
  if (stats.failures || stats.pending || !stats.passes) {
    throw new Error(`${stats.failures} failed, ${stats.pending} skipped, ${stats.passes} passed in scenario "${scenario}"`);
  }
}
