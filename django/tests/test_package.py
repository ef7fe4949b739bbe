"""What the wheel holds: the built elements as static files, the npm version,
and migrations in step with the model."""
import json
import os
from importlib import metadata
from pathlib import Path
from unittest import skipIf

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import SimpleTestCase

REPOSITORY = Path(__file__).resolve().parents[2]
FROM_SOURCE = bool(os.environ.get('COOKIE_CONSENT_TEST_SOURCE'))


class PackageTests(SimpleTestCase):
    databases = {'default'}  # makemigrations reads the applied migrations

    def test_the_elements_are_static_files(self):
        for path in ['cookie-consent.js', 'consent-mode-default.js', 'locales/fr.js', 'locales/fr.details.js']:
            with self.subTest(path=path):
                self.assertTrue(finders.find(f'cookie-consent/{path}'), path)
        entry = Path(finders.find('cookie-consent/cookie-consent.js'))
        # The chunks it imports lie beside it, as in dist/.
        self.assertTrue(any((entry.parent / 'chunks').glob('*.js')))

    @skipIf(FROM_SOURCE, 'the sources have no version: the wheel gets it from package.json')
    def test_the_version_is_the_npm_package_s(self):
        npm = json.loads((REPOSITORY / 'package.json').read_text(encoding='utf-8'))['version']
        self.assertEqual(metadata.version('django-cookie-consent-elements'), npm.replace('-beta.', 'b'))

    def test_the_migrations_match_the_model(self):
        call_command('makemigrations', 'cookie_consent_elements', '--check', '--dry-run', verbosity=0)
