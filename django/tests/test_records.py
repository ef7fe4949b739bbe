"""The proof-of-consent endpoint: what the elements POST
(src/consent/proof-of-consent.ts) is stored once; anything else is a 400
with a message, never a 500, and nothing is stored."""
import json
from datetime import datetime, timedelta, timezone

from django.conf import settings
from django.test import Client, TestCase, override_settings

from cookie_consent_elements.models import ConsentRecord

from inventories import VENDORS

URL = '/cookie-consent/records/'


def iso(moment):
    """As `Date.prototype.toISOString` writes it."""
    return moment.astimezone(timezone.utc).isoformat(timespec='milliseconds').replace('+00:00', 'Z')


def proof(**changes):
    body = {
        'id': '9b1c6f7e-3a52-4d2e-9d4c-1f0e8a7b6c5d',
        'timestamp': iso(datetime.now(timezone.utc)),
        'revision': 'ab12cd34ef56ab78',
        'categories': {'necessary': True, 'statistics': True},
        'vendors': {},
        'gpc': False,
        'action': 'accept-all',
        'inventoryHash': 'sha256:' + '0' * 64,
        'url': 'https://example.fr/page/',
    }
    body.update(changes)
    return body


class RecordsTests(TestCase):
    def post(self, body, client=None, **headers):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return (client or self.client).post(URL, data, content_type='application/json', **headers)

    def assertRefused(self, body, **headers):
        response = self.post(body, **headers)
        self.assertEqual(response.status_code, 400, response.content[:200])
        self.assertIsInstance(response.json().get('error'), str)
        self.assertEqual(ConsentRecord.objects.count(), 0)
        return response

    def test_stores_a_proof(self):
        response = self.post(proof(), HTTP_USER_AGENT='TestBrowser/1')
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {'id': proof()['id'], 'created': True})
        record = ConsentRecord.objects.get()
        self.assertEqual(record.categories, {'necessary': True, 'statistics': True})
        self.assertEqual(record.vendors, {})
        self.assertEqual(record.action, 'accept-all')
        self.assertEqual(record.revision, 'ab12cd34ef56ab78')
        self.assertEqual(record.user_agent, 'TestBrowser/1')
        self.assertIs(record.gpc, False)
        self.assertIs(record.sec_gpc, False)
        self.assertLess(abs(record.timestamp - datetime.now(timezone.utc)), timedelta(minutes=1))

    def test_what_an_older_page_sends(self):
        """Without vendors and gpc, and with a numeric or no revision."""
        for index, revision in enumerate([1, 1.0, None, '1']):
            with self.subTest(revision=revision):
                body = proof(id=f'older-{index}', revision=revision)
                del body['vendors'], body['gpc']
                self.assertEqual(self.post(body).status_code, 201)
        self.assertEqual(
            list(ConsentRecord.objects.order_by('decision_id').values_list('revision', flat=True)),
            ['1', '1', '', '1'],
        )

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_stores_the_vendors_and_the_signal(self):
        vendors = {'stripe': True, 'youtube': True, 'vimeo': False}
        categories = {'necessary': True, 'statistics': False, 'advertising': False, 'media': False}
        body = proof(categories=categories, vendors=vendors, gpc=True, action='grant')
        self.assertEqual(self.post(body, HTTP_SEC_GPC='1').status_code, 201)
        record = ConsentRecord.objects.get()
        self.assertEqual(record.vendors, vendors)
        self.assertIs(record.gpc, True)
        self.assertIs(record.sec_gpc, True)
        self.assertTrue(str(record).endswith(' GPC'))

    def test_the_header_counts_only_when_exactly_1(self):
        for index, value in enumerate(['0', ' 1', 'true', '1, 1']):
            with self.subTest(value=value):
                self.assertEqual(self.post(proof(id=f'h-{index}'), HTTP_SEC_GPC=value).status_code, 201)
        self.assertFalse(ConsentRecord.objects.filter(sec_gpc=True).exists())

    def test_the_same_decision_twice_is_stored_once(self):
        self.assertEqual(self.post(proof()).status_code, 201)
        again = self.post(proof(action='reject-all'))
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json(), {'id': proof()['id'], 'created': False})
        self.assertEqual(ConsentRecord.objects.get().action, 'accept-all')

    def test_timestamps_a_day_from_now_at_most(self):
        now = datetime.now(timezone.utc)
        for index, moment in enumerate([now - timedelta(hours=23), now + timedelta(hours=23)]):
            self.assertEqual(self.post(proof(id=f't-{index}', timestamp=iso(moment))).status_code, 201)
        ConsentRecord.objects.all().delete()
        for moment in [now - timedelta(hours=25), now + timedelta(hours=25)]:
            with self.subTest(moment=moment):
                self.assertRefused(proof(timestamp=iso(moment)))

    def test_the_attacks_of_issue_16(self):
        attacks = {
            'a timestamp past datetime.max in UTC': proof(timestamp='9999-12-31T23:59:59-14:00'),
            'a timestamp before datetime.min in UTC': proof(timestamp='0001-01-01T00:00:00+14:00'),
            'a 10,000-character revision': proof(revision='r' * 10_000),
            'a NaN revision': json.dumps(proof(revision=0)).replace('"revision": 0', '"revision": NaN'),
            'an infinite revision': json.dumps(proof(revision=0)).replace('"revision": 0', '"revision": 1e999'),
            '100,000 unknown categories': proof(categories={f'c{index}': True for index in range(100_000)}),
            'a javascript: URL': proof(url='javascript:alert(1)'),
            'the year 3000': proof(timestamp='3000-01-01T00:00:00.000Z'),
        }
        for name, body in attacks.items():
            with self.subTest(name):
                self.assertRefused(body)

    def test_refuses_what_is_not_a_proof(self):
        bad = [
            '{not json',
            b'\xff\xfe',
            '[1]',
            '"proof"',
            '[' * 100_000,
            '{"id": ' + '1' * 5000 + '}',  # beyond Python's digits limit for int()
            proof(id=''),
            proof(id='x' * 65),
            proof(id=42),
            proof(id='an id; with=cookie characters'),
            proof(timestamp='now'),
            proof(timestamp='2025-13-45T10:00:00Z'),
            proof(timestamp=iso(datetime.now(timezone.utc)).replace('Z', '')),  # no time zone
            proof(timestamp=1_750_000_000_000),
            proof(revision=False),
            proof(revision={'v': 1}),
            proof(revision=10**70),
            proof(categories={}),
            proof(categories=['statistics']),
            proof(categories={'necessary': True, 'statistics': 'yes'}),
            proof(categories={'necessary': True, 'statistics': 1}),
            proof(categories={'necessary': True, 'advertising': True}),  # not in the inventory
            proof(vendors=None),
            proof(vendors=['youtube']),
            proof(vendors={'youtube': True}),  # the seed inventory has no vendors
            proof(gpc='true'),
            proof(gpc=1),
            proof(gpc=None),
            proof(action='sync'),
            proof(action=None),
            proof(inventoryHash=None),
            proof(inventoryHash='sha256:xyz'),
            proof(inventoryHash='md5:' + '0' * 32),
            proof(url=''),
            proof(url='/relative/'),
            proof(url='data:text/html,hi'),
            proof(url='https://'),
            proof(url='https://example.fr/' + 'a' * 2000),
            proof(url='https://example.fr/a b'),
            proof(url=['https://example.fr/']),
        ]
        for body in bad:
            with self.subTest(body=str(body)[:80]):
                self.assertRefused(body)

    @override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
    def test_refuses_unknown_vendors(self):
        self.assertRefused(proof(vendors={'dailymotion': True}))
        self.assertRefused(proof(vendors={'youtube': 'yes'}))

    def test_refuses_a_body_too_large_before_reading_it(self):
        self.assertRefused(json.dumps(proof(padding='x' * 300_000)))

    def test_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        self.assertEqual(self.post(proof(), client).status_code, 403)
        client.get('/page/')
        token = client.cookies[settings.CSRF_COOKIE_NAME].value
        self.assertEqual(self.post(proof(), client, HTTP_X_CSRFTOKEN=token).status_code, 201)

    def test_only_posts(self):
        self.assertEqual(self.client.get(URL).status_code, 405)
        self.assertEqual(self.client.put(URL).status_code, 405)
