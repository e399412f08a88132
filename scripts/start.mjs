// `npm start`: builds, runs the CLI on the bundled seeds, then opens VS Code with the extension on
// the seeds: desktop VS Code when `code` is on PATH, otherwise code-server on 127.0.0.1 (port from
// $PORT, else a free one), printing the URL to open; it keeps serving until Ctrl+C. The seed folder
// activates News Lens at startup, which then shows its views. Missing system packages for
// code-server are installed first when this user may (see host/systemPackages.mjs).
// `npm start -- --server` uses code-server even when `code` is on PATH.
import { spawnSync } from 'child_process';
import { join } from 'path';
import { repoRoot, startCodeServer, workbenchUrl } from './host/vscodeHost.mjs';

const seeds = join(repoRoot, 'seeds');

function runOrExit(title, command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${title} failed`);
    process.exit(r.status ?? 1);
  }
}

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function serve() {
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`PORT must be a TCP port number, not "${process.env.PORT}"`);
  // Kept between runs (git-ignored) so layout and settings survive a restart.
  const state = join(repoRoot, '.vscode-test', 'start');
  const server = await startCodeServer({ folder: seeds, port, userDataDir: join(state, 'user-data'), extensionsDir: join(state, 'extensions') });
  const url = workbenchUrl({ port: server.port, folder: seeds, extensionDevelopmentPath: repoRoot });
  console.log(`\nVS Code (code-server) with News Lens on the bundled seeds is served on 127.0.0.1 only; it opens on the News Lens views. Open:\n\n  ${url}\n`);
  console.log(`From another machine, forward the port first, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} <this host>. Ctrl+C stops it.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { code, signal } = await server.exited;
  console.error(`code-server stopped (${signal ?? code})`);
  process.exit(1);
}

runOrExit('build', 'node', ['esbuild.mjs']);
runOrExit('CLI', 'node', [join('dist', 'cli.js'), 'analyze', 'seeds', '--format', 'text']);

if (onPath('code') && !process.argv.includes('--server')) {
  runOrExit('VS Code', 'code', [`--extensionDevelopmentPath=${repoRoot}`, seeds]);
  console.log('\nVS Code opened the seeds with News Lens loaded and its views shown (Extension Development Host window).');
} else {
  serve().catch((e) => {
    console.error(`npm start: ${e.message}`);
    process.exit(1);
  });
}
