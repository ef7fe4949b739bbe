// The Django app's tests, on the wheel as a site installs it:
//
//   node scripts/test-django.mjs         # Debian's Django (3.2) on SQLite: `npm test` runs this
//   node scripts/test-django.mjs --all   # and PostgreSQL, and the current Django LTS (5.2) from
//                                        # a virtual environment (.venv-django), on both
//
// Each run builds the wheel (scripts/build-django-wheel.mjs, after `npm run
// build`), installs it for Debian's Python into .tmp/django-site (which the
// end-to-end tests put on PYTHONPATH) and into .venv-django, then runs
// django/runtests.py and the example site's tests. PostgreSQL is a throwaway
// cluster on a free port, started and stopped by runtests.py.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDjangoWheel } from './build-django-wheel.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEBIAN_PYTHON = '/usr/bin/python3';
/** Where the wheel is installed for Debian's Python (PYTHONPATH). */
export const DEBIAN_SITE = join(ROOT, '.tmp', 'django-site');
const VENV = join(ROOT, '.venv-django');
const VENV_PYTHON = join(VENV, 'bin', 'python');
const LTS = 'django>=5.2,<5.3';

const all = process.argv.includes('--all');
const run = (command, args, env = {}) => {
  console.log(`$ ${[command, ...args].map((arg) => arg.replace(ROOT, '')).join(' ')}`);
  execFileSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PYTHONDONTWRITEBYTECODE: '1',
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
      // pip installs into .tmp/ or .venv-django/ here, never into the system's
      // Python, so its warning about running as root does not apply (CI is root).
      PIP_ROOT_USER_ACTION: 'ignore',
      ...env,
    },
  });
};
const suites = (python, env, databases) => {
  for (const db of databases) run(python, ['django/runtests.py', '--db', db], env);
  run(python, ['examples/django/manage.py', 'test', 'example_site', '-v', '1'], env);
};

const wheel = buildDjangoWheel(DEBIAN_PYTHON);
rmSync(DEBIAN_SITE, { recursive: true, force: true });
run(DEBIAN_PYTHON, [
  '-m',
  'pip',
  'install',
  '--quiet',
  '--no-deps',
  '--no-index',
  '--target',
  DEBIAN_SITE,
  wheel,
]);
suites(DEBIAN_PYTHON, { PYTHONPATH: DEBIAN_SITE }, all ? ['sqlite', 'postgres'] : ['sqlite']);

if (all) {
  if (!existsSync(VENV_PYTHON)) run(DEBIAN_PYTHON, ['-m', 'venv', VENV]);
  // Kept between runs: only what is missing is downloaded.
  run(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', LTS, 'psycopg[binary]']);
  run(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--no-deps', '--force-reinstall', wheel]);
  suites(VENV_PYTHON, {}, ['sqlite', 'postgres']);
}
