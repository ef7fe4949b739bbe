import json
from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.template import Context, Template
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from . import decision, inventory
from .models import ConsentRecord

COOKIE = settings.CONSENT_COOKIE_NAME


def encode_uri_component(text):
    """JavaScript's encodeURIComponent, which the elements use for the cookie."""
    return quote(text, safe="-_.!~*'()")


def cookie_value(categories=None, revision=inventory.REVISION, timestamp=None, decision_id='d-1'):
    """A decision cookie exactly as the elements write it."""
    record = {
        'categories': categories if categories is not None else {'necessary': True, 'statistics': True},
        'revision': revision,
        'timestamp': timestamp or timezone.now().isoformat().replace('+00:00', 'Z'),
        'id': decision_id,
    }
    return encode_uri_component(json.dumps(record, separators=(',', ':')))


def request_with(raw=None):
    request = RequestFactory().get('/')
    if raw is not None:
        request.COOKIES[COOKIE] = raw
    return request


class ParseDecisionTests(SimpleTestCase):
    GARBAGE = [
        None,
        '',
        'yes',
        '%7B',  # "{" alone
        '%E0%A4%A',  # a broken percent escape
        encode_uri_component('[1, 2]'),
        encode_uri_component('"a string"'),
        encode_uri_component('null'),
        '[' * 3000,  # nested deeper than Python's recursion limit
        'a' * 5000,  # longer than any cookie
        cookie_value(categories={'statistics': 'yes'}),
        cookie_value(categories=['statistics']),
        cookie_value(revision=True),
        cookie_value(revision={'v': 1}),
        cookie_value(timestamp='yesterday'),
        cookie_value(timestamp='2025-13-45T10:00:00Z'),
        cookie_value(timestamp='2025-01-01T10:00:00'),  # no time zone
        cookie_value(decision_id=''),
        cookie_value(decision_id=42),
    ]

    def test_garbage_is_no_decision_and_never_raises(self):
        for raw in self.GARBAGE:
            with self.subTest(raw=raw if raw is None else raw[:60]):
                self.assertIsNone(decision.parse_decision(raw))
                self.assertFalse(decision.is_granted(request_with(raw), 'statistics'))

    def test_reads_what_the_elements_write(self):
        parsed = decision.parse_decision(cookie_value(categories={'necessary': True, 'statistics': False}))
        self.assertEqual(parsed['categories'], {'necessary': True, 'statistics': False})
        self.assertEqual(parsed['revision'], inventory.REVISION)
        self.assertEqual(parsed['id'], 'd-1')
        self.assertTrue(timezone.is_aware(parsed['timestamp']))

    def test_revisions_compare_as_strings(self):
        self.assertEqual(decision.revision_text(1), decision.revision_text('1'))
        self.assertEqual(decision.revision_text(1.0), '1')
        self.assertEqual(decision.revision_text(None), '')


class GrantedTests(SimpleTestCase):
    def test_a_current_consent_grants_its_categories(self):
        request = request_with(cookie_value())
        self.assertTrue(decision.is_granted(request, 'statistics'))
        self.assertFalse(decision.is_granted(request, 'advertising'))

    def test_a_refusal_grants_nothing_but_the_required(self):
        request = request_with(cookie_value(categories={'necessary': True, 'statistics': False}))
        self.assertFalse(decision.is_granted(request, 'statistics'))
        self.assertTrue(decision.is_granted(request, 'necessary'))
        self.assertIsNotNone(decision.current_decision(request))

    def test_required_categories_need_no_decision(self):
        self.assertTrue(decision.is_granted(request_with(), 'necessary'))
        self.assertFalse(decision.is_granted(request_with(), 'statistics'))

    def test_a_revision_given_as_a_string_still_counts(self):
        self.assertTrue(decision.is_granted(request_with(cookie_value(revision='1')), 'statistics'))

    def test_another_revision_is_no_decision(self):
        request = request_with(cookie_value(revision=inventory.REVISION + 1))
        self.assertIsNone(decision.current_decision(request))
        self.assertFalse(decision.is_granted(request, 'statistics'))

    def test_no_revision_is_no_decision_for_an_inventory_with_one(self):
        self.assertFalse(decision.is_granted(request_with(cookie_value(revision=None)), 'statistics'))

    def test_an_expired_decision_is_no_decision(self):
        old = timezone.now() - timedelta(days=settings.CONSENT_LIFETIME_DAYS, minutes=1)
        request = request_with(cookie_value(timestamp=old.isoformat()))
        self.assertFalse(decision.is_granted(request, 'statistics'))

    def test_a_decision_from_the_future_is_no_decision(self):
        later = timezone.now() + timedelta(days=30)
        request = request_with(cookie_value(timestamp=later.isoformat()))
        self.assertFalse(decision.is_granted(request, 'statistics'))

    def test_the_template_tag(self):
        template = Template(
            "{% load consent_tags %}{% consent_granted 'statistics' as ok %}"
            '{% consent_decided as decided %}{{ ok }} {{ decided }}'
        )
        render = lambda request: template.render(Context({'request': request}))  # noqa: E731
        self.assertEqual(render(request_with(cookie_value())), 'True True')
        self.assertEqual(render(request_with(cookie_value(categories={'statistics': False}))), 'False True')
        self.assertEqual(render(request_with('%7Bgarbage')), 'False False')
        self.assertEqual(template.render(Context({})), 'False False')


class LanguageModuleTests(SimpleTestCase):
    def render(self, code):
        return Template('{% load consent_tags %}{% consent_language_module code %}').render(
            Context({'code': code})
        )

    def test_names_the_language_file_as_the_elements_do(self):
        self.assertEqual(self.render('fr'), '/static/locales/fr.js')
        self.assertEqual(self.render('fr-ca'), '/static/locales/fr.js')
        self.assertEqual(self.render('pt-br'), '/static/locales/pt.js')
        self.assertEqual(self.render('zh-hans'), '/static/locales/zh-Hans.js')
        self.assertEqual(self.render('de_AT'), '/static/locales/de.js')

    def test_nothing_for_english_or_an_unknown_language(self):
        self.assertEqual(self.render('en'), '')
        self.assertEqual(self.render('en-gb'), '')
        self.assertEqual(self.render('xx'), '')


class InventoryTests(SimpleTestCase):
    def test_the_seed_cookies_and_a_statistics_cookie(self):
        built = inventory.build_inventory()
        self.assertEqual(built['revision'], inventory.REVISION)
        self.assertEqual(
            [(cookie['name'], cookie['category']) for cookie in built['cookies']],
            [
                ('sessionid', 'necessary'),
                ('django_language', 'necessary'),
                ('csrftoken', 'necessary'),
                ('cookies_preferences', 'necessary'),
                ('example_stats', 'statistics'),
            ],
        )
        durations = {cookie['name']: cookie['duration'] for cookie in built['cookies']}
        self.assertEqual(durations['sessionid'], {'days': 14})
        self.assertEqual(durations['django_language'], 'session')
        self.assertEqual(durations['cookies_preferences'], {'days': settings.CONSENT_LIFETIME_DAYS})

    @override_settings(LANGUAGE_COOKIE_NAME='site_lang')
    def test_cookie_names_follow_the_settings(self):
        names = [cookie['name'] for cookie in inventory.build_inventory()['cookies']]
        self.assertIn('site_lang', names)
        self.assertNotIn('django_language', names)


class HomePageTests(TestCase):
    def page(self, raw=None, **headers):
        if raw is not None:
            self.client.cookies[COOKIE] = raw
        return self.client.get('/', **headers)

    def test_french_by_default_with_the_three_elements(self):
        response = self.page()
        html = response.content.decode()
        self.assertIn('<html lang="fr">', html)
        self.assertIn('<link rel="modulepreload" href="/static/locales/fr.js">', html)
        self.assertIn('consent-endpoint="/consent/records/"', html)
        self.assertIn('language-cookie="django_language"', html)
        self.assertIn(f'cookie-days="{settings.CONSENT_LIFETIME_DAYS}"', html)
        self.assertIn('csrf-cookie="csrftoken"', html)
        self.assertIn('<cookie-table', html)
        self.assertIn('data-cookie-preferences>Gérer mes cookies</a>', html)
        self.assertIn('name="csrfmiddlewaretoken"', html)

    def test_follows_the_language_cookie(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = 'en'
        self.assertContains(self.page(), 'data-cookie-preferences>Manage my cookies</a>')
        self.assertNotContains(self.page(), 'modulepreload')

    def test_the_statistics_script_only_with_consent(self):
        self.assertNotContains(self.page(), 'id="statistics-script"')
        self.assertNotContains(
            self.page(cookie_value(categories={'necessary': True, 'statistics': False})),
            'id="statistics-script"',
        )
        self.assertContains(self.page(cookie_value()), 'id="statistics-script"')
        self.assertNotContains(self.page(cookie_value(revision=99)), 'id="statistics-script"')

    def test_varies_on_the_cookie(self):
        self.assertIn('Cookie', self.page()['Vary'])


class RefreshCookieTests(TestCase):
    def test_resets_a_current_decision_with_the_remaining_lifetime(self):
        taken = timezone.now() - timedelta(days=10)
        raw = cookie_value(timestamp=taken.isoformat())
        self.client.cookies[COOKIE] = raw
        cookie = self.client.get('/').cookies[COOKIE]
        self.assertEqual(cookie.value, raw)
        expected = (settings.CONSENT_LIFETIME_DAYS - 10) * 24 * 60 * 60
        self.assertAlmostEqual(int(cookie['max-age']), expected, delta=60)
        self.assertEqual(cookie['path'], '/')
        self.assertEqual(cookie['samesite'], 'Lax')
        self.assertFalse(cookie['httponly'])

    def test_leaves_anything_else_alone(self):
        for raw in ['%7Bgarbage', cookie_value(revision=99), cookie_value(decision_id='(parenthesised)')]:
            with self.subTest(raw=raw):
                self.client.cookies[COOKIE] = raw
                self.assertNotIn(COOKIE, self.client.get('/').cookies)

    @override_settings(DEBUG=True)
    def test_only_on_pages(self):
        self.client.cookies[COOKIE] = cookie_value()
        self.assertNotIn(COOKIE, self.client.get('/consent/records/?id=x').cookies)  # JSON
        self.assertNotIn(COOKIE, self.client.post('/i18n/setlang/', {'language': 'en'}).cookies)


def proof(**changes):
    body = {
        'id': 'proof-1',
        'timestamp': '2025-06-01T10:00:00.000Z',
        'revision': 1,
        'categories': {'necessary': True, 'statistics': True},
        'action': 'accept-all',
        'inventoryHash': 'sha256:' + '0' * 64,
        'url': 'http://127.0.0.1:8000/',
    }
    body.update(changes)
    return body


class RecordsViewTests(TestCase):
    URL = '/consent/records/'

    def post(self, body, client=None, **headers):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return (client or self.client).post(self.URL, data, content_type='application/json', **headers)

    def test_stores_a_proof(self):
        response = self.post(proof(), HTTP_USER_AGENT='TestBrowser/1')
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {'id': 'proof-1', 'created': True})
        record = ConsentRecord.objects.get()
        self.assertEqual(record.decision_id, 'proof-1')
        self.assertEqual(record.revision, '1')
        self.assertEqual(record.categories, {'necessary': True, 'statistics': True})
        self.assertEqual(record.action, 'accept-all')
        self.assertEqual(record.user_agent, 'TestBrowser/1')
        self.assertEqual(record.timestamp.isoformat(), '2025-06-01T10:00:00+00:00')

    def test_the_same_decision_twice_is_stored_once(self):
        self.assertEqual(self.post(proof()).status_code, 201)
        again = self.post(proof(action='reject-all'))
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json(), {'id': 'proof-1', 'created': False})
        self.assertEqual(ConsentRecord.objects.count(), 1)
        self.assertEqual(ConsentRecord.objects.get().action, 'accept-all')

    def test_refuses_what_is_not_a_proof(self):
        bad_bodies = [
            '{not json',
            b'\xff\xfe',
            '[1]',
            proof(id=''),
            proof(id='x' * 65),
            proof(timestamp='now'),
            proof(revision=False),
            proof(categories={}),
            proof(categories={'statistics': 'yes'}),
            proof(action='sync'),
            proof(inventoryHash=None),
            proof(url=''),
        ]
        for body in bad_bodies:
            with self.subTest(body=body):
                response = self.post(body)
                self.assertEqual(response.status_code, 400)
                self.assertIn('error', response.json())
        self.assertEqual(ConsentRecord.objects.count(), 0)

    def test_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        self.assertEqual(self.post(proof(), client).status_code, 403)
        # What the elements do: the token of the csrftoken cookie in X-CSRFToken.
        client.get('/')
        token = client.cookies[settings.CSRF_COOKIE_NAME].value
        self.assertEqual(self.post(proof(), client, HTTP_X_CSRFTOKEN=token).status_code, 201)

    def test_other_methods_are_refused(self):
        self.assertEqual(self.client.put(self.URL).status_code, 405)

    def test_the_lookup_is_only_for_debugging(self):
        self.post(proof())
        self.assertEqual(self.client.get(self.URL, {'id': 'proof-1'}).status_code, 404)
        with override_settings(DEBUG=True):
            found = self.client.get(self.URL, {'id': 'proof-1'}).json()
            self.assertEqual(found['count'], 1)
            self.assertEqual(found['records'][0]['action'], 'accept-all')
            self.assertEqual(self.client.get(self.URL, {'id': 'other'}).json()['count'], 0)
