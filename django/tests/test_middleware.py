"""ConsentMiddleware: the decision cookie re-set by the server, and Vary."""
from datetime import datetime, timedelta, timezone

from django.test import TestCase, override_settings

from helpers import cookie_value, iso
from inventories import VENDORS

COOKIE = 'cookies_preferences'


class RefreshTests(TestCase):
    def get(self, *values, url='/page/', **headers):
        if values:
            headers['HTTP_COOKIE'] = '; '.join(f'{COOKIE}={value}' for value in values)
        return self.client.get(url, **headers)

    def test_resets_the_decision_in_force_with_its_remaining_lifetime(self):
        raw = cookie_value(timestamp=iso(datetime.now(timezone.utc) - timedelta(days=10)))
        cookie = self.get(raw).cookies[COOKIE]
        self.assertEqual(cookie.value, raw)
        self.assertAlmostEqual(int(cookie['max-age']), 172 * 86400, delta=60)
        self.assertEqual(cookie['path'], '/')
        self.assertEqual(cookie['samesite'], 'Lax')
        self.assertFalse(cookie['httponly'])
        self.assertFalse(cookie['secure'])
        self.assertEqual(cookie['domain'], '')

    def test_resets_the_newest_of_several_copies(self):
        old = cookie_value(decision_id='old', timestamp=iso(datetime.now(timezone.utc) - timedelta(days=5)))
        new = cookie_value(decision_id='new')
        self.assertEqual(self.get(new, old).cookies[COOKIE].value, new)

    @override_settings(COOKIE_CONSENT_COOKIE_DOMAIN='example.fr')
    def test_with_the_domain_of_the_settings(self):
        self.assertEqual(self.get(cookie_value()).cookies[COOKIE]['domain'], 'example.fr')

    def test_secure_on_https(self):
        self.assertTrue(self.get(cookie_value(), secure=True).cookies[COOKIE]['secure'])

    def test_leaves_anything_else_alone(self):
        for raw in ['%7Bgarbage', cookie_value(revision='other'), cookie_value(decision_id='(parenthesised)')]:
            with self.subTest(raw=raw):
                self.assertNotIn(COOKIE, self.get(raw).cookies)

    def test_only_on_pages(self):
        raw = cookie_value()
        self.assertNotIn(COOKIE, self.get(raw, url='/.well-known/gpc.json').cookies)
        self.assertNotIn(COOKIE, self.client.post('/i18n/setlang/', {'language': 'en'}, HTTP_COOKIE=f'{COOKIE}={raw}').cookies)

    def test_varies_on_the_cookie(self):
        self.assertIn('Cookie', self.get()['Vary'])
        self.assertNotIn('Sec-GPC', self.get(cookie_value(), HTTP_SEC_GPC='1')['Vary'])

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_varies_on_sec_gpc_when_the_page_depended_on_it(self):
        raw = cookie_value(categories={'necessary': True, 'statistics': True})
        self.assertIn('Sec-GPC', self.get(raw, HTTP_SEC_GPC='1')['Vary'])
        self.assertNotIn('Sec-GPC', self.get(cookie_value(gpc=True), HTTP_SEC_GPC='1')['Vary'])

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_varies_on_sec_gpc_when_the_banner_carries_the_note(self):
        # No decision: the server-rendered banner says the signal is honoured, or not.
        self.assertIn('Sec-GPC', self.get(HTTP_SEC_GPC='1')['Vary'])
        self.assertIn('Sec-GPC', self.get()['Vary'])


class GpcSupportTests(TestCase):
    URL = '/.well-known/gpc.json'

    def test_says_the_site_honours_the_signal(self):
        response = self.client.get(self.URL)
        self.assertEqual(response['Content-Type'], 'application/json')
        self.assertEqual(response.json(), {'gpc': True, 'lastUpdate': '2026-12-01'})
        self.assertEqual(self.client.post(self.URL).status_code, 405)

    def test_the_date_from_the_settings(self):
        from datetime import date

        for value in [date(2027, 3, 4), datetime(2027, 3, 4, 12, 30), '2027-03-04']:
            with self.subTest(value=value), self.settings(COOKIE_CONSENT_GPC_LAST_UPDATE=value):
                self.assertEqual(self.client.get(self.URL).json()['lastUpdate'], '2027-03-04')
