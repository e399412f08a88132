// The Debian packages the offline VS Code host needs (see ../shared/docs/vscode-host-offline.md):
// checked before they are needed by `npm start` and `npm test`. Missing ones are installed when this
// user may (root, or sudo without a password), saying what is installed; otherwise the command stops
// with the one command to run.
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';

/** What each package gives the host, and how to tell it is there without a package database. */
export const HOST_PACKAGES = {
  chromium: { why: 'the browser the tests drive', present: () => existsSync('/usr/bin/chromium') },
  ripgrep: { why: "VS Code's search (rg), needed to install code-server offline", present: () => existsSync('/usr/bin/rg') },
  'libkrb5-dev': { why: "headers for VS Code's kerberos module, built when code-server is installed", present: () => installed('libkrb5-dev') || existsSync('/usr/include/krb5.h') },
  python3: { why: 'node-gyp, which builds the native modules of code-server', present: () => onPath('python3') },
  make: { why: 'node-gyp', present: () => onPath('make') },
  'g++': { why: 'node-gyp', present: () => onPath('g++') },
};

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** How this user can run apt-get as root: directly, through sudo without a password, or not at all. */
function asRoot() {
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function run(prefix, args, env) {
  const [command, ...rest] = [...prefix, ...args];
  const r = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${[command, ...rest].join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/**
 * Makes sure the named packages are installed; `purpose` says what for ("npm test", "npm start").
 * Throws with the command to run when they are missing and this user cannot install them.
 */
export function ensureSystemPackages(names, { purpose, log = console.log } = {}) {
  const missing = names.filter((name) => !HOST_PACKAGES[name].present());
  if (!missing.length) return;
  const command = `sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const listed = missing.map((name) => `  ${name}: ${HOST_PACKAGES[name].why}`).join('\n');
  if (process.platform !== 'linux' || !onPath('apt-get')) {
    throw new Error(`${purpose} needs these system packages, which are missing:\n${listed}\nInstall them with your system's package manager (on Debian or Ubuntu: ${command}), then run ${purpose} again.`);
  }
  const prefix = asRoot();
  if (!prefix) {
    throw new Error(`${purpose} needs these system packages, which are missing:\n${listed}\nInstall them, then run ${purpose} again:\n\n  ${command}\n`);
  }
  log(`${purpose} needs these system packages, which are missing; installing them now (apt-get update, then apt-get install):\n${listed}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run(prefix, ['apt-get', 'update'], env);
  run(prefix, ['apt-get', 'install', '-y', '--no-install-recommends', ...missing], env);
  const still = missing.filter((name) => !HOST_PACKAGES[name].present());
  if (still.length) throw new Error(`apt-get finished but ${still.join(', ')} still seem missing`);
  log(`Installed: ${missing.join(', ')}`);
}
