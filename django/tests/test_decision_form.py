"""The server-rendered banner and its form: `{% cookie_consent_banner %}`
writes the banner pre-rendered from the element for a visitor with no
decision, and its buttons post to the decision view, which sets the cookie the
elements would have written and redirects back to a page of this site."""
import hashlib
import json
import re
import uuid
from base64 import b64encode
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote

from django.template import Context, Template
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.utils import translation

from cookie_consent_elements import decision, server_banner
from cookie_consent_elements.inventory import get_inventory
from cookie_consent_elements.models import ConsentRecord
from cookie_consent_elements.proof import canonical_json, inventory_hash

from helpers import COOKIE, cookie_value, encode_uri_component, request_with
from inventories import VENDORS

URL = '/cookie-consent/decision/'


def banner(request, language='fr', source='{% cookie_consent_banner %}'):
    with translation.override(language):
        return Template('{% load cookie_consent %}' + source).render(Context({'request': request}))


class ServerBannerTests(SimpleTestCase):
    def test_the_banner_for_a_visitor_without_a_decision(self):
        html = banner(RequestFactory().get('/page/?q=1&r=<2>'))  # the path is /page/?q=1&r=%3C2%3E
        self.assertEqual(html.count('<template shadowroot="open" shadowrootmode="open">'), 1)
        self.assertNotIn('__COOKIE_CONSENT_', html)
        self.assertIn('Tout refuser', html)
        action = '/cookie-consent/decision/?next=/page/%3Fq%3D1%26r%3D%253C2%253E'
        self.assertIn(f'decision-action="{action}"', html)
        self.assertRegex(html, r'<form\s+part="actions"\s+class="actions"\s+method="post"\s+action="' + re.escape(action) + '"')
        # The token the host carries is the one the form posts: hydration keeps the form as it is.
        token = re.search(r' csrf-token="([^"]+)"', html).group(1)
        self.assertIn(f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}" />', html)
        self.assertIn('<a part="policy-link" href="/cookies/"', html)
        self.assertIn('class="banner bottom"', html)
        # The shadow root comes before the inventory, inside the element.
        self.assertLess(html.index('<template shadowroot'), html.index('<script type="application/json">'))

    def test_none_for_a_visitor_who_decided(self):
        html = banner(request_with(cookie_value()))
        self.assertNotIn('shadowroot', html)
        self.assertNotIn('decision-action', html)
        self.assertNotIn('csrf-token', html)

    def test_the_language_as_the_elements_fall_back(self):
        self.assertIn('Alle ablehnen', banner(RequestFactory().get('/'), 'de-at'))
        self.assertIn('Reject all', banner(RequestFactory().get('/'), 'xx'))

    def test_position_and_policy_escaped(self):
        with self.settings(COOKIE_CONSENT_POLICY_URL='/charte/?a=1&b="2"'):
            html = banner(RequestFactory().get('/'), source='{% cookie_consent_banner position="top" %}')
        self.assertIn('class="banner top"', html)
        self.assertIn('href="/charte/?a=1&amp;b=&quot;2&quot;"', html)

    def test_no_server_banner_for_a_policy_link_the_element_refuses(self):
        with self.settings(COOKIE_CONSENT_POLICY_URL='javascript://%0Aalert(1)'):
            html = banner(RequestFactory().get('/'))
        self.assertNotIn('shadowroot', html)
        self.assertNotIn('decision-action', html)

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_the_note_on_global_privacy_control_for_a_request_that_sends_it(self):
        note = re.compile(r'<p part="gpc" class="gpc"><!--lit-part-->([^<]+)<!--/lit-part--></p>')
        html = banner(RequestFactory().get('/', HTTP_SEC_GPC='1'))
        self.assertRegex(note.search(html).group(1), r'^Votre navigateur nous demande .*\(Global Privacy Control\)')
        self.assertNotIn('__COOKIE_CONSENT_', html)
        self.assertIn('Tout refuser', html)
        self.assertRegex(note.search(banner(RequestFactory().get('/', HTTP_SEC_GPC='1'), 'de')).group(1), r'^Ihr Browser')
        # Only `1` is the signal.
        for headers in [{}, {'HTTP_SEC_GPC': '0'}]:
            self.assertNotIn('part="gpc"', banner(RequestFactory().get('/', **headers)))

    def test_no_note_where_the_inventory_marks_nothing_for_the_signal(self):
        html = banner(RequestFactory().get('/', HTTP_SEC_GPC='1'))
        self.assertIn('shadowroot', html)
        self.assertNotIn('part="gpc"', html)

    def test_the_style_source_for_a_content_security_policy(self):
        html = banner(RequestFactory().get('/'))
        style = re.search(r'<style>(.*?)</style>', html, re.S).group(1)
        digest = b64encode(hashlib.sha256(style.encode('utf-8')).digest()).decode('ascii')
        self.assertEqual(server_banner.style_source(), f"'sha256-{digest}'")


class DecisionFormTests(TestCase):
    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)

    def token(self):
        """The CSRF token of a page with the banner, as a browser gets it
        (once: after a decision, the page has no banner)."""
        if not hasattr(self, '_token'):
            page = self.client.get('/page/')
            self._token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
        return self._token

    def post(self, action='reject-all', next_url='/page/?q=1', token=None, **headers):
        data = {'action': action, 'csrfmiddlewaretoken': token if token is not None else self.token()}
        return self.client.post(f'{URL}?next={encode_uri_component(next_url)}', data, **headers)

    def decision_cookie(self, response):
        return response.cookies[COOKIE]

    def test_reject_all_sets_the_cookie_and_redirects_back(self):
        before = datetime.now(timezone.utc)
        response = self.post('reject-all')
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response['Location'], '/page/?q=1')
        cookie = self.decision_cookie(response)
        self.assertEqual(cookie['max-age'], 182 * 24 * 60 * 60)
        self.assertEqual(cookie['path'], '/')
        self.assertEqual(cookie['samesite'], 'Lax')
        self.assertFalse(cookie['httponly'])
        record = decision.parse_record(cookie.value)
        self.assertIsNotNone(record)
        self.assertEqual(record['categories'], {'necessary': True, 'statistics': False})
        self.assertEqual(record['revision'], get_inventory().revision)
        self.assertEqual(str(uuid.UUID(record['id'])), record['id'])
        moment = decision.as_datetime(record['timestamp'])
        self.assertTrue(before - timedelta(seconds=1) <= moment <= datetime.now(timezone.utc))
        self.assertFalse(record['gpc'])
        # The value the elements write, byte for byte: encodeURIComponent(JSON.stringify(record)).
        raw = json.loads(unquote(cookie.value))
        self.assertEqual(list(raw), ['categories', 'revision', 'timestamp', 'id'])
        self.assertEqual(cookie.value, encode_uri_component(json.dumps(raw, separators=(',', ':'))))
        # The next page knows the decision.
        page = self.client.get('/page/')
        self.assertTrue(page.wsgi_request.consent.decided)
        self.assertFalse(page.wsgi_request.consent.is_granted('statistics'))
        self.assertNotIn(b'shadowroot', page.content)

    def test_accept_all_and_its_proof(self):
        response = self.post('accept-all', HTTP_USER_AGENT='Test/1.0')
        record = decision.parse_record(self.decision_cookie(response).value)
        self.assertEqual(record['categories'], {'necessary': True, 'statistics': True})
        proof = ConsentRecord.objects.get()
        self.assertEqual(proof.decision_id, record['id'])
        self.assertEqual(proof.action, 'accept-all')
        self.assertEqual(proof.categories, record['categories'])
        self.assertEqual(proof.vendors, {})
        self.assertEqual(proof.revision, get_inventory().revision)
        self.assertEqual(proof.url, 'http://testserver/page/')
        self.assertEqual(proof.user_agent, 'Test/1.0')
        self.assertEqual(proof.inventory_hash, inventory_hash(get_inventory()))
        self.assertFalse(proof.gpc or proof.sec_gpc)

    def test_the_inventory_hash_is_the_elements(self):
        # src/consent/proof-of-consent.ts: sha256 of the JSON with sorted keys, no spaces.
        data = {'b': [1, {'z': 'é', 'a': None}], 'a': True}
        self.assertEqual(canonical_json(data), '{"a":true,"b":[1,{"a":null,"z":"é"}]}')

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_global_privacy_control_and_vendors(self):
        response = self.post('accept-all', HTTP_SEC_GPC='1')
        raw = json.loads(unquote(self.decision_cookie(response).value))
        self.assertEqual(list(raw), ['categories', 'vendors', 'revision', 'timestamp', 'id', 'gpc'])
        self.assertEqual(
            raw['categories'], {'necessary': True, 'statistics': True, 'advertising': False, 'media': False}
        )
        self.assertEqual(raw['vendors'], {'granted': 'stripe youtube', 'refused': 'vimeo'})
        self.assertIs(raw['gpc'], True)
        self.assertEqual(raw['revision'], 3)
        proof = ConsentRecord.objects.get()
        self.assertTrue(proof.gpc and proof.sec_gpc)
        self.assertEqual(proof.vendors, {'stripe': True, 'youtube': True, 'vimeo': False})
        # Read back with the elements' rules, under the same signal.
        page = self.client.get('/page/', HTTP_SEC_GPC='1')
        self.assertTrue(page.wsgi_request.consent.is_granted('youtube'))
        self.assertFalse(page.wsgi_request.consent.is_granted('vimeo'))

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_reject_all_with_vendors(self):
        raw = json.loads(unquote(self.decision_cookie(self.post('reject-all')).value))
        self.assertEqual(raw['vendors'], {'granted': 'stripe', 'refused': 'youtube vimeo'})
        self.assertNotIn('gpc', raw)

    def test_a_bad_csrf_token_is_refused(self):
        for token in ['', 'x' * 64]:
            with self.subTest(token=token):
                response = self.post('accept-all', token=token)
                self.assertEqual(response.status_code, 403)
                self.assertNotIn(COOKIE, response.cookies)
        self.assertEqual(ConsentRecord.objects.count(), 0)

    def test_an_unsafe_next_goes_home(self):
        for target in [
            'https://evil.example/',
            '//evil.example/',
            '/\\evil.example/',
            '\\\\evil.example/',
            'javascript:alert(1)',
            'http://testserver/page/',
            'page/',
            '',
        ]:
            with self.subTest(next=target):
                response = self.post('reject-all', next_url=target)
                self.assertEqual(response.status_code, 303)
                self.assertEqual(response['Location'], '/')
                self.assertIsNotNone(decision.parse_record(self.decision_cookie(response).value))

    def test_next_in_the_form_too(self):
        data = {'action': 'reject-all', 'csrfmiddlewaretoken': self.token(), 'next': '/page/#top'}
        response = self.client.post(URL, data)
        self.assertEqual(response['Location'], '/page/#top')

    def test_an_unknown_action_is_a_400(self):
        for action in ['save', 'grant', 'ACCEPT-ALL', '']:
            with self.subTest(action=action):
                response = self.post(action)
                self.assertEqual(response.status_code, 400)
                self.assertNotIn(COOKIE, response.cookies)
        response = self.client.post(URL, {'csrfmiddlewaretoken': self.token()})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(ConsentRecord.objects.count(), 0)

    def test_only_post(self):
        self.assertEqual(self.client.get(URL).status_code, 405)
