"""The example site with the installed app: `manage.py test example_site`.
The app's own tests are in django/tests/ (django/runtests.py)."""
from django.test import TestCase, override_settings

from cookie_consent_elements.inventory import get_inventory


class HomePageTests(TestCase):
    def test_french_by_default_with_the_elements(self):
        html = self.client.get('/').content.decode()
        self.assertIn('<html lang="fr">', html)
        self.assertIn('<script type="module" src="/static/cookie-consent/cookie-consent.js"></script>', html)
        self.assertIn('<link rel="modulepreload" href="/static/cookie-consent/locales/fr.js">', html)
        self.assertIn('consent-endpoint="/cookie-consent/records/"', html)
        self.assertIn('language-cookie="django_language"', html)
        self.assertIn('<cookie-table category="necessary" show-duration', html)
        self.assertIn('<a href="/policy/" data-cookie-preferences>Gérer mes cookies</a>', html)
        self.assertIn('aucune décision', html)

    def test_english_after_set_language(self):
        self.client.post('/i18n/setlang/', {'language': 'en', 'next': '/'})
        html = self.client.get('/').content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertNotIn('modulepreload', html)
        self.assertIn('data-cookie-preferences>Manage my cookies</a>', html)

    @override_settings(LANGUAGE_COOKIE_NAME='site_lang')
    def test_the_inventory_follows_the_settings(self):
        names = [cookie['name'] for cookie in get_inventory().data['cookies']]
        self.assertEqual(names, ['sessionid', 'site_lang', 'csrftoken', 'cookies_preferences', 'example_stats'])

    def test_the_debug_lookup_only_while_debugging(self):
        self.assertEqual(self.client.get('/debug/records/?id=x').status_code, 404)
        with self.settings(DEBUG=True):
            self.assertEqual(self.client.get('/debug/records/?id=x').json(), {'count': 0, 'records': []})
