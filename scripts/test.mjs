// `npm test`: type check and compile, lint, build, unit tests (plain Node), then the integration
// tests inside a real VS Code extension host. Ends with one line "N passed, N failed" for both tiers.
// Any step failing makes the whole run fail; a host that cannot start is a failure, never a skip.
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = join(root, '.vscode-test', 'results', 'integration.json');
const unitResultsFile = join(root, '.vscode-test', 'results', 'unit.json');

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

let passed = 0;
let failed = 0;
const problems = [];

const staticSteps = [
  ['type check + compile tests', 'npx', ['tsc', '-p', '.']],
  ['type check webview', 'npx', ['tsc', '-p', 'src/webview']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', 'src', 'test', 'scripts', 'esbuild.mjs']],
  ['build', 'node', ['esbuild.mjs']],
  ['generate the hostile fixture corpus', 'node', ['out/test/support/hostileCorpus.js', 'test/fixtures/hostile']],
];
for (const [title, cmd, args] of staticSteps) {
  if (!step(title, cmd, args)) {
    problems.push(`${title} failed`);
    failed++;
  }
}

rmSync(join(root, '.vscode-test', 'results'), { recursive: true, force: true });
const unitOk = step('unit tests (mocha, plain Node)', 'node', [join(root, 'scripts', 'mochaRun.mjs'), unitResultsFile]);
const unit = existsSync(unitResultsFile) ? JSON.parse(readFileSync(unitResultsFile, 'utf8')) : null;
if (unit) {
  passed += unit.passed;
  failed += unit.failed;
}
if (!unitOk || !unit) problems.push('unit tests failed');

const integrationOk = step('integration tests (real VS Code extension host)', 'node', [join(root, 'scripts', 'host', 'runIntegration.mjs'), resultsFile]);
const integration = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null;
if (integration) {
  console.log(`Integration host: ${integration.host} (VS Code ${integration.vscodeVersion})`);
  passed += integration.passed;
  failed += integration.failed;
}
if (!integrationOk || !integration) {
  problems.push('integration tests failed (or no VS Code host could start)');
  if (!integration) failed++;
}

console.log('');
if (problems.length) console.log(`Problems: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length || failed ? 1 : 0);
