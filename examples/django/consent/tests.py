import json
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from unittest import mock
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from . import decision, inventory, views
from .models import ConsentRecord

COOKIE = settings.CONSENT_COOKIE_NAME


def encode_uri_component(text):
    """JavaScript's encodeURIComponent, which the elements use for the cookie."""
    return quote(text, safe="-_.!~*'()")


def cookie_value(categories=None, revision=inventory.REVISION, timestamp=None, decision_id='d-1', **more):
    """A decision cookie exactly as the elements write it; `more` adds fields
    such as `vendors={'granted': 'a b', 'refused': 'c'}` or `gpc=True`."""
    record = {
        'categories': categories if categories is not None else {'necessary': True, 'statistics': True},
        'revision': revision,
        'timestamp': timestamp or timezone.now().isoformat().replace('+00:00', 'Z'),
        'id': decision_id,
        **more,
    }
    return encode_uri_component(json.dumps(record, separators=(',', ':')))


def request_with(raw=None, **headers):
    request = RequestFactory().get('/', **headers)
    if raw is not None:
        request.COOKIES[COOKIE] = raw
    return request


# An inventory with what Global Privacy Control covers and vendors, in place
# of the example's, which has neither: advertising is covered as a category;
# of the media vendors, vimeo is covered on its own and youtube is not; the
# payment provider is a vendor of the required category.
GPC_CATEGORIES = [
    {'id': 'necessary', 'required': True, 'label': 'Necessary'},
    {'id': 'statistics', 'label': 'Statistics'},
    {'id': 'advertising', 'label': 'Advertising', 'gpc': True},
    {'id': 'media', 'label': 'Media'},
]
GPC_VENDORS = [
    {'id': 'stripe', 'category': 'necessary'},
    {'id': 'youtube', 'category': 'media'},
    {'id': 'vimeo', 'category': 'media', 'gpc': True},
]


@contextmanager
def gpc_inventory():
    with mock.patch.object(inventory, 'CATEGORIES', GPC_CATEGORIES), mock.patch.object(
        inventory, 'VENDORS', GPC_VENDORS
    ):
        yield


def everything_granted(**more):
    """A decision granting every category and vendor of GPC_CATEGORIES."""
    return cookie_value(
        categories={'necessary': True, 'statistics': True, 'advertising': True, 'media': True},
        vendors={'granted': 'stripe youtube vimeo'},
        **more,
    )


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
        # Malformed vendors make the whole cookie no decision, as for the elements.
        cookie_value(vendors=None),
        cookie_value(vendors='youtube'),
        cookie_value(vendors=['youtube']),
        cookie_value(vendors={'granted': ['youtube']}),
        cookie_value(vendors={'granted': 'youtube', 'refused': 1}),
        cookie_value(vendors={'refused': False}),
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

    def test_reads_the_vendors_and_the_signal(self):
        parsed = decision.parse_decision(
            cookie_value(vendors={'granted': 'youtube  vimeo ', 'refused': 'maps'}, gpc=True)
        )
        self.assertEqual(parsed['vendors'], {'youtube': True, 'vimeo': True, 'maps': False})
        self.assertIs(parsed['gpc'], True)

    def test_a_record_without_vendors_or_signal(self):
        parsed = decision.parse_decision(cookie_value())
        self.assertEqual(parsed['vendors'], {})
        self.assertIs(parsed['gpc'], False)

    def test_a_vendor_both_granted_and_refused_is_refused(self):
        raw = cookie_value(vendors={'granted': 'youtube vimeo', 'refused': 'youtube'})
        self.assertEqual(decision.parse_decision(raw)['vendors'], {'youtube': False, 'vimeo': True})

    def test_a_missing_or_null_list_is_empty(self):
        for vendors in [{}, {'granted': 'youtube'}, {'granted': 'youtube', 'refused': None}]:
            with self.subTest(vendors=vendors):
                parsed = decision.parse_decision(cookie_value(vendors=vendors))
                self.assertEqual(parsed['vendors'], {'youtube': True} if vendors else {})

    def test_only_a_real_true_is_the_signal(self):
        for gpc in ['true', 1, None, False]:
            with self.subTest(gpc=gpc):
                self.assertIs(decision.parse_decision(cookie_value(gpc=gpc))['gpc'], False)

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


class VendorTests(SimpleTestCase):
    def granted(self, item_id, raw=None, **headers):
        with gpc_inventory():
            return decision.is_granted(request_with(raw, **headers), item_id)

    def test_a_vendor_only_when_granted_by_name(self):
        raw = cookie_value(
            categories={'necessary': True, 'statistics': False, 'advertising': False, 'media': False},
            vendors={'granted': 'youtube', 'refused': 'vimeo'},
        )
        self.assertTrue(self.granted('youtube', raw))
        self.assertFalse(self.granted('vimeo', raw))
        self.assertFalse(self.granted('statistics', raw))

    def test_a_vendor_missing_from_the_record_is_refused(self):
        # Added to the inventory after the decision, so the visitor never saw it.
        raw = cookie_value(categories={'media': True}, vendors={'granted': 'youtube'})
        self.assertTrue(self.granted('youtube', raw))
        self.assertFalse(self.granted('vimeo', raw))

    def test_a_category_with_vendors_needs_all_of_them(self):
        part = cookie_value(categories={'media': True}, vendors={'granted': 'youtube', 'refused': 'vimeo'})
        self.assertFalse(self.granted('media', part))
        # The record's own entry for the category does not count: its vendors do.
        full = cookie_value(categories={'media': False}, vendors={'granted': 'youtube vimeo'})
        self.assertTrue(self.granted('media', full))

    def test_the_vendors_of_a_required_category_need_no_decision(self):
        self.assertTrue(self.granted('stripe'))
        self.assertTrue(self.granted('stripe', cookie_value(vendors={'refused': 'stripe'})))
        self.assertFalse(self.granted('youtube'))

    def test_an_id_the_inventory_does_not_know_is_refused(self):
        raw = cookie_value(categories={'unknown': True}, vendors={'granted': 'dailymotion'})
        self.assertFalse(self.granted('unknown', raw))
        self.assertFalse(self.granted('dailymotion', raw))

    def test_what_the_decision_grants(self):
        with gpc_inventory():
            request = request_with(cookie_value(vendors={'granted': 'youtube'}))
            self.assertEqual(
                decision.consent_choices(request),
                {
                    'categories': {
                        'necessary': True,
                        'statistics': True,
                        'advertising': False,
                        'media': False,
                    },
                    'vendors': {'stripe': True, 'youtube': True, 'vimeo': False},
                },
            )
            self.assertIsNone(decision.consent_choices(request_with()))

    def test_the_template_tag_answers_for_vendors(self):
        template = Template("{% load consent_tags %}{% consent_granted 'youtube' as ok %}{{ ok }}")
        with gpc_inventory():
            request = request_with(cookie_value(vendors={'granted': 'youtube'}))
            self.assertEqual(template.render(Context({'request': request})), 'True')


class GlobalPrivacyControlTests(SimpleTestCase):
    def granted(self, item_id, raw=None, **headers):
        with gpc_inventory():
            return decision.is_granted(request_with(raw, **headers), item_id)

    def test_only_the_exact_value_1_is_the_signal(self):
        for value in ['1', '0', ' 1', '1 ', 'true', '1, 1', '']:
            with self.subTest(value=value):
                signal = value == '1'
                self.assertIs(decision.sends_gpc(request_with(HTTP_SEC_GPC=value)), signal)
                granted = self.granted('advertising', everything_granted(), HTTP_SEC_GPC=value)
                self.assertIs(granted, not signal)
        self.assertFalse(decision.sends_gpc(request_with()))
        self.assertTrue(self.granted('advertising', everything_granted()))

    def test_the_signal_overrides_a_grant_recorded_without_it(self):
        gpc = {'HTTP_SEC_GPC': '1'}
        raw = everything_granted()
        self.assertFalse(self.granted('advertising', raw, **gpc))
        # A vendor covered on its own, and so the category it belongs to.
        self.assertFalse(self.granted('vimeo', raw, **gpc))
        self.assertFalse(self.granted('media', raw, **gpc))
        # What the signal does not cover stays granted.
        self.assertTrue(self.granted('youtube', raw, **gpc))
        self.assertTrue(self.granted('statistics', raw, **gpc))

    def test_a_grant_taken_while_the_browser_sent_it_stands(self):
        raw = everything_granted(gpc=True)
        for item_id in ['advertising', 'vimeo', 'media', 'youtube']:
            with self.subTest(item_id=item_id):
                self.assertTrue(self.granted(item_id, raw, HTTP_SEC_GPC='1'))

    def test_the_signal_grants_nothing_that_was_refused(self):
        raw = cookie_value(categories={'advertising': False}, vendors={'refused': 'vimeo'}, gpc=True)
        self.assertFalse(self.granted('advertising', raw))
        self.assertFalse(self.granted('vimeo', raw))

    def test_the_header_is_read_only_when_it_can_change_the_answer(self):
        cases = [
            ('no decision', None, True, False),
            ('a decision taken under the signal', everything_granted(gpc=True), True, False),
            ('nothing covered', cookie_value(), False, False),
            ('a decision taken without it', everything_granted(), True, True),
        ]
        for name, raw, covered, read in cases:
            with self.subTest(name):
                request = request_with(raw, HTTP_SEC_GPC='1')
                if covered:
                    with gpc_inventory():
                        decision.is_granted(request, 'statistics')
                else:
                    decision.is_granted(request, 'statistics')
                self.assertIs(decision.gpc_was_read(request), read)

    def test_the_example_inventory_covers_nothing(self):
        self.assertFalse(inventory.uses_gpc())
        request = request_with(cookie_value(), HTTP_SEC_GPC='1')
        self.assertTrue(decision.is_granted(request, 'statistics'))


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

    def test_no_vendors_key_without_vendors(self):
        self.assertNotIn('vendors', inventory.build_inventory())
        with gpc_inventory():
            self.assertEqual(inventory.build_inventory()['vendors'], GPC_VENDORS)

    def test_what_global_privacy_control_covers(self):
        with gpc_inventory():
            self.assertTrue(inventory.uses_gpc())
            ids = [item['id'] for item in [*GPC_CATEGORIES, *GPC_VENDORS]]
            covered = {item_id for item_id in ids if inventory.covered_by_gpc(item_id)}
        self.assertEqual(covered, {'advertising', 'vimeo'})

    def test_a_vendor_is_covered_through_its_category(self):
        vendors = [{'id': 'adnetwork', 'category': 'advertising'}]
        with gpc_inventory(), mock.patch.object(inventory, 'VENDORS', vendors):
            self.assertTrue(inventory.covered_by_gpc('adnetwork'))
            self.assertEqual(inventory.vendors_of('advertising'), vendors)

    def test_every_id_fits_in_a_proof_of_consent(self):
        """Or the records view would refuse every proof of the site."""
        ids = [item['id'] for item in [*inventory.CATEGORIES, *inventory.VENDORS]]
        self.assertLessEqual(len(ids), views.MAX_CHOICES)
        for item_id in ids:
            self.assertTrue(0 < len(item_id) <= views.MAX_CHOICE_ID_LENGTH, item_id)
            self.assertNotIn(' ', item_id)

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
        self.assertNotIn('Sec-GPC', self.page(cookie_value(), HTTP_SEC_GPC='1')['Vary'])

    def test_varies_on_sec_gpc_when_the_page_depended_on_it(self):
        with gpc_inventory():
            overridden = self.page(everything_granted(), HTTP_SEC_GPC='1')
            self.assertLessEqual({'Cookie', 'Sec-GPC'}, set(overridden['Vary'].split(', ')))
            # Read, and so varied on, whatever the header says, even when absent.
            self.assertIn('Sec-GPC', self.page(everything_granted())['Vary'])
            # A decision taken under the signal does not depend on it.
            self.assertNotIn('Sec-GPC', self.page(everything_granted(gpc=True), HTTP_SEC_GPC='1')['Vary'])

    def test_the_signal_keeps_a_covered_script_out(self):
        """With statistics marked `gpc`, the page leaves its script out for a
        browser sending the signal, though the visitor granted it before."""
        categories = [
            dict(category, gpc=True) if category['id'] == 'statistics' else category
            for category in inventory.CATEGORIES
        ]
        with mock.patch.object(inventory, 'CATEGORIES', categories):
            self.assertContains(self.page(cookie_value()), 'id="statistics-script"')
            self.assertNotContains(self.page(cookie_value(), HTTP_SEC_GPC='1'), 'id="statistics-script"')
            self.assertContains(self.page(cookie_value(gpc=True), HTTP_SEC_GPC='1'), 'id="statistics-script"')


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
        # A page of before vendors and GPC sends neither.
        self.assertEqual(record.vendors, {})
        self.assertIs(record.gpc, False)
        self.assertIs(record.sec_gpc, False)

    def test_stores_the_vendors_and_the_signal(self):
        vendors = {'youtube': True, 'vimeo': False}
        response = self.post(proof(vendors=vendors, gpc=True, action='grant'), HTTP_SEC_GPC='1')
        self.assertEqual(response.status_code, 201)
        self.assertNotIn('Sec-GPC', response.get('Vary', ''))
        record = ConsentRecord.objects.get()
        self.assertEqual(record.vendors, vendors)
        self.assertIs(record.gpc, True)
        self.assertIs(record.sec_gpc, True)
        self.assertEqual(record.action, 'grant')
        self.assertTrue(str(record).endswith(' GPC'))

    def test_records_the_header_only_when_exactly_1(self):
        for index, value in enumerate(['0', ' 1', 'true', None]):
            with self.subTest(value=value):
                headers = {} if value is None else {'HTTP_SEC_GPC': value}
                self.assertEqual(self.post(proof(id=f'p-{index}', gpc=False), **headers).status_code, 201)
                self.assertIs(ConsentRecord.objects.get(decision_id=f'p-{index}').sec_gpc, False)

    def test_the_largest_maps_are_accepted(self):
        vendors = {f'{index:0{views.MAX_CHOICE_ID_LENGTH}d}': True for index in range(views.MAX_CHOICES)}
        self.assertEqual(self.post(proof(vendors=vendors)).status_code, 201)
        self.assertEqual(len(ConsentRecord.objects.get().vendors), views.MAX_CHOICES)

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
            proof(categories={'x' * 129: True}),
            proof(categories={str(index): True for index in range(501)}),
            proof(vendors=None),
            proof(vendors=['youtube']),
            proof(vendors='youtube'),
            proof(vendors={'youtube': 'yes'}),
            proof(vendors={'youtube': 1}),
            proof(vendors={'': True}),
            proof(vendors={'x' * 129: True}),
            proof(vendors={f'v{index}': True for index in range(501)}),
            proof(gpc='true'),
            proof(gpc=1),
            proof(gpc=None),
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
            self.assertEqual(found['records'][0]['vendors'], {})
            self.assertIs(found['records'][0]['gpc'], False)
            self.assertIs(found['records'][0]['sec_gpc'], False)
            self.assertEqual(self.client.get(self.URL, {'id': 'other'}).json()['count'], 0)


class GpcSupportTests(SimpleTestCase):
    URL = '/.well-known/gpc.json'

    def test_says_the_site_honours_the_signal(self):
        response = self.client.get(self.URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response['Content-Type'], 'application/json')
        self.assertEqual(response.json(), {'gpc': True, 'lastUpdate': settings.CONSENT_GPC_LAST_UPDATE})
        self.assertEqual(self.client.head(self.URL).status_code, 200)
        self.assertEqual(self.client.post(self.URL).status_code, 405)

    @override_settings()
    def test_defaults_to_the_day_the_example_began_to_honour_it(self):
        del settings.CONSENT_GPC_LAST_UPDATE
        self.assertEqual(self.client.get(self.URL).json()['lastUpdate'], views.GPC_SUPPORT_SINCE)

    def test_takes_a_date_or_an_iso_string(self):
        for value in [date(2027, 3, 4), datetime(2027, 3, 4, 12, 30), '2027-03-04']:
            with self.subTest(value=value), self.settings(CONSENT_GPC_LAST_UPDATE=value):
                self.assertEqual(self.client.get(self.URL).json()['lastUpdate'], '2027-03-04')

    def test_refuses_anything_else(self):
        for value in ['soon', '2027-13-01', 20270304, None]:
            with self.subTest(value=value), self.settings(CONSENT_GPC_LAST_UPDATE=value):
                with self.assertRaises(ImproperlyConfigured):
                    views.gpc_last_update()
