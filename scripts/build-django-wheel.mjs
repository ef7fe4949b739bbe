// Builds the Django app's wheel (django/) with the built elements inside it:
// django/dist/django_cookie_consent_elements-<version>-py3-none-any.whl.
// Run `npm run build` first: setup.py copies dist/ into the wheel as the
// app's static files and takes its version from package.json.
//
//   node scripts/build-django-wheel.mjs
//
// Needs Python's pip, setuptools and wheel (Debian: python3-pip); nothing is
// downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT = join(ROOT, 'django');
export const WHEEL_DIR = join(PROJECT, 'dist');

/** Builds the wheel and returns its path. */
export function buildDjangoWheel(python = '/usr/bin/python3') {
  if (!existsSync(join(ROOT, 'dist', 'cookie-consent.js'))) {
    throw new Error('dist/cookie-consent.js is missing: run `npm run build` first');
  }
  // A previous build's files would otherwise stay in the wheel.
  for (const stale of [join(PROJECT, 'build'), WHEEL_DIR])
    rmSync(stale, { recursive: true, force: true });
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'wheel',
      '--quiet',
      '--no-deps',
      '--no-build-isolation',
      '--no-index',
      '-w',
      WHEEL_DIR,
      PROJECT,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
    },
  );
  rmSync(join(PROJECT, 'build'), { recursive: true, force: true });
  for (const entry of readdirSync(PROJECT)) {
    if (entry.endsWith('.egg-info')) rmSync(join(PROJECT, entry), { recursive: true, force: true });
  }
  const [wheel] = readdirSync(WHEEL_DIR).filter((name) => name.endsWith('.whl'));
  return join(WHEEL_DIR, wheel);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(buildDjangoWheel());
}
