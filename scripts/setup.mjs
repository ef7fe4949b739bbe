// `npm run setup`: installs, with apt-get, the Debian packages the tests need
// that are missing: the three browsers (scripts/browsers.mjs names their
// packages), and Django and pip for Debian's python3 (the Django app's wheel,
// its tests and the example site). With `--all`, also what
// `node scripts/test-django.mjs --all` needs: psycopg2 and PostgreSQL (the
// Django app's tests on PostgreSQL) and venv (the current Django LTS).
// This is the one list of the project's Debian packages: .ci/run installs
// through it (`--all`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { engines, missingEngines } from './browsers.mjs';

// From the root directory: in the project's, `import django` would find its
// own django/ folder (the app) and answer yes without any Django installed.
const python = (...args) =>
  spawnSync('/usr/bin/python3', args, { stdio: 'ignore', cwd: '/' }).status === 0;

/** `[package, installed(), what it is for, only with --all]`. */
const PACKAGES = [
  ...engines.flatMap((engine) =>
    engine.debian.map((name) => [
      name,
      () => missingEngines([engine]).length === 0,
      `${engine.name} for the browser tests`,
      false,
    ]),
  ),
  [
    'fonts-dejavu-core',
    () => existsSync('/usr/share/fonts/truetype/dejavu'),
    'the browsers’ text',
    false,
  ],
  ['python3-django', () => python('-c', 'import django'), 'the Django app', false],
  ['python3-pip', () => python('-m', 'pip', '--version'), 'building the Django app’s wheel', false],
  ['python3-psycopg2', () => python('-c', 'import psycopg2'), 'Django on PostgreSQL', true],
  [
    'postgresql',
    () => {
      const root = '/usr/lib/postgresql';
      return (
        existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`))
      );
    },
    'Django on PostgreSQL',
    true,
  ],
  [
    'python3-venv',
    () => spawnSync('dpkg', ['-s', 'python3-venv'], { stdio: 'ignore' }).status === 0,
    'the current Django LTS in a virtual environment',
    true,
  ],
];

const all = process.argv.includes('--all');
const wanted = PACKAGES.filter(([, , , ciOnly]) => all || !ciOnly);
const missing = () => wanted.filter(([, installed]) => !installed()).map(([name]) => name);

const needed = missing();
if (needed.length === 0) {
  console.log(`Installed: ${wanted.map(([name]) => name).join(', ')}.`);
  process.exit(0);
}
if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error(
    `Not a Debian system (no apt-get). Missing:\n${wanted
      .filter(([name]) => needed.includes(name))
      .map(([name, , what]) => `  ${name}: ${what}`)
      .join('\n')}\nFor the browsers, see the variables scripts/browsers.mjs reads.`,
  );
  process.exit(1);
}
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const run = (args) => {
  const [command, ...rest] = [...asRoot, ...args];
  console.log(`$ ${[command, ...rest].join(' ')}`);
  execFileSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...needed]);
const still = missing();
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
console.log(`Installed: ${needed.join(', ')}.`);
