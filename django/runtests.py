#!/usr/bin/env python3
"""Runs the app's tests against the installed package (the wheel), on SQLite
or on a throwaway PostgreSQL cluster:

    python runtests.py                   # SQLite in memory
    python runtests.py --db postgres     # initdb + pg_ctl on a free port, stopped after
    python runtests.py --source          # the sources here, dist/ as static files (after
                                         # `npm run build`; the banner pre-rendered into
                                         # cookie_consent_elements/prerendered/)

Any Python with Django works: Debian's (3.2) or a virtual environment's.
`npm run test:django` builds the wheel and runs every combination.
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--db', choices=['sqlite', 'postgres'], default='sqlite')
    parser.add_argument('--source', action='store_true', help='test the sources, not the installed wheel')
    parser.add_argument('-v', '--verbosity', type=int, default=1)
    parser.add_argument('labels', nargs='*', help='test modules, classes or methods (default: all)')
    options = parser.parse_args()
    # Only the tests' directory: `cookie_consent_elements` is then the
    # installed one, unless --source asks for the one beside this file.
    sys.path[0] = str(HERE / 'tests')
    if options.source:
        sys.path.insert(0, str(HERE))
        os.environ['COOKIE_CONSENT_TEST_SOURCE'] = '1'
        # The server-rendered banner, which the wheel's build pre-renders (setup.py).
        script = HERE.parent / 'scripts' / 'prerender-django-banner.mjs'
        target = HERE / 'cookie_consent_elements' / 'prerendered'
        subprocess.run([os.environ.get('COOKIE_CONSENT_NODE') or 'node', str(script), str(target)], check=True)
    os.environ['DJANGO_SETTINGS_MODULE'] = 'test_settings'
    import django
    from django.conf import settings
    from django.test.utils import get_runner

    def run():
        django.setup()
        import cookie_consent_elements

        print(
            f'Django {django.get_version()}, {settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]}, '
            f'cookie_consent_elements from {Path(cookie_consent_elements.__file__).parent}',
            file=sys.stderr,
        )
        runner = get_runner(settings)(verbosity=options.verbosity)
        return runner.run_tests(options.labels or [str(HERE / 'tests')])

    if options.db == 'postgres':
        from postgres import throwaway_cluster

        with throwaway_cluster() as environment:
            os.environ.update(environment)
            failures = run()
    else:
        failures = run()
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
