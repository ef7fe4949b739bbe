"""Builds the wheel of the Django app with the elements inside it.

Two things come from the repository around this directory, at build time,
so that neither is ever copied by hand or committed twice:

- the version, from ../package.json (npm's `0.2.0-beta.1` becomes PEP 440's
  `0.2.0b1`);
- the built elements, ../dist (run `npm run build` first; the environment
  variable COOKIE_CONSENT_DIST names another copy), copied into the package
  as its static files under `cookie-consent/`, where `{% cookie_consent_head %}`
  finds them;
- the server-rendered banner, one declarative shadow root per language,
  rendered from the element by ../scripts/prerender-django-banner.mjs with
  Node (../lib/server.js, also from `npm run build`; COOKIE_CONSENT_NODE
  names another `node`) into the package's `prerendered/`, where
  `{% cookie_consent_banner %}` fills in what changes per request.

Build with `node scripts/build-django-wheel.mjs` after `npm run build` (or
`python3 -m pip wheel --no-deps --no-build-isolation -w <dir> django/`).
"""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
PACKAGE = 'cookie_consent_elements'
# Inside the package: static/cookie-consent/cookie-consent.js and so on.
STATIC_PREFIX = 'cookie-consent'
PRERELEASES = {'alpha': 'a', 'beta': 'b', 'rc': 'rc'}


def pep440(version):
    """npm's semver as PEP 440: `1.2.3`, `1.2.3-rc.1` -> `1.2.3rc1`."""
    match = re.fullmatch(r'(\d+\.\d+\.\d+)(?:-(alpha|beta|rc)\.(\d+))?', version)
    if not match:
        raise SystemExit(f'package.json version {version!r} has no PEP 440 equivalent here')
    release, kind, number = match.groups()
    return release + (f'{PRERELEASES[kind]}{number}' if kind else '')


def npm_version():
    return pep440(json.loads((REPOSITORY / 'package.json').read_text(encoding='utf-8'))['version'])


class BuildWithElements(build_py):
    """build_py, plus a copy of ../dist as the package's static files."""

    def run(self):
        super().run()
        dist = Path(os.environ.get('COOKIE_CONSENT_DIST') or REPOSITORY / 'dist')
        if not (dist / 'cookie-consent.js').is_file():
            raise SystemExit(f'{dist} has no cookie-consent.js: run `npm run build` first')
        target = Path(self.build_lib) / PACKAGE / 'static' / STATIC_PREFIX
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(dist, target)
        prerendered = Path(self.build_lib) / PACKAGE / 'prerendered'
        shutil.rmtree(prerendered, ignore_errors=True)
        node = os.environ.get('COOKIE_CONSENT_NODE') or 'node'
        script = REPOSITORY / 'scripts' / 'prerender-django-banner.mjs'
        try:
            subprocess.run([node, str(script), str(prerendered)], check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as error:
            raise SystemExit(f'could not pre-render the banner ({error}): run `npm run build` first') from None


setup(version=npm_version(), cmdclass={'build_py': BuildWithElements})
