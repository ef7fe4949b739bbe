"""Reading the decision on the server with the elements' rules."""
from datetime import datetime, timedelta, timezone

from django.test import SimpleTestCase, override_settings

from cookie_consent_elements import decision

from helpers import consent, cookie_value, encode_uri_component, iso
from inventories import VENDORS

NOW = datetime.now(timezone.utc)


class ParseTests(SimpleTestCase):
    def test_garbage_is_no_decision_and_never_raises(self):
        garbage = [
            '',
            'yes',
            '%7B',
            '%E0%A4%A',
            encode_uri_component('[1, 2]'),
            encode_uri_component('null'),
            encode_uri_component('{"categories": {}, "revision": NaN, "timestamp": "x", "id": "a"}'),
            '[' * 3000,
            'a' * 5000,
            cookie_value(categories={'statistics': 'yes'}),
            cookie_value(categories=['statistics']),
            cookie_value(revision=True),
            cookie_value(revision={'v': 1}),
            cookie_value(timestamp='yesterday'),
            cookie_value(timestamp='2025-13-45T10:00:00Z'),
            cookie_value(timestamp='2025-01-01T10:00:00'),  # no time zone
            cookie_value(decision_id=''),
            cookie_value(decision_id=42),
            cookie_value(vendors=None),
            cookie_value(vendors='youtube'),
            # Dates whose UTC time lies outside what Python's datetime holds.
            cookie_value(timestamp='9999-12-31T23:59:59-14:00'),
            cookie_value(timestamp='0001-01-01T00:00:00+14:00'),
        ]
        for raw in garbage:
            with self.subTest(raw=raw[:60]):
                answer = consent(raw)
                self.assertIsNone(answer.record)
                self.assertFalse(answer.is_granted('statistics'))
                self.assertFalse(answer.decided)
                self.assertIsNone(answer.remaining_lifetime())

    def test_reads_what_the_elements_write(self):
        answer = consent(cookie_value(categories={'necessary': True, 'statistics': False}))
        self.assertEqual(answer.record['categories'], {'necessary': True, 'statistics': False})
        self.assertEqual(answer.record['id'], 'd-1')
        self.assertTrue(answer.decided)
        self.assertFalse(answer.is_granted('statistics'))
        self.assertTrue(answer.is_granted('necessary'))

    def test_timestamps_as_the_elements_read_them(self):
        parse = decision.parse_timestamp
        epoch = timedelta(0)
        self.assertEqual(parse('1970-01-01T00:00:00.000Z'), epoch)
        self.assertEqual(parse('1970-01-01T01:00+01:00'), epoch)
        self.assertEqual(parse('1970-01-01T00:00:00.5Z'), timedelta(milliseconds=500))
        self.assertEqual(parse('9999-12-31T23:59:59-14:00') - parse('9999-12-31T23:59:59Z'), timedelta(hours=14))
        for text in ['1970-01-01', '1970-01-01T00:00:00', '1970-02-30T00:00Z', '1970-01-01T24:00Z', 5, None]:
            with self.subTest(text=text):
                self.assertIsNone(parse(text))

    def test_revisions_compare_as_strings(self):
        self.assertEqual(decision.revision_text(1), decision.revision_text('1'))
        self.assertEqual(decision.revision_text(1.0), '1')
        self.assertEqual(decision.revision_text(float('inf')), 'Infinity')
        self.assertEqual(decision.revision_text(None), '')


class CurrentTests(SimpleTestCase):
    def test_a_current_consent_grants_its_categories(self):
        answer = consent(cookie_value())
        self.assertTrue(answer.is_granted('statistics'))
        self.assertTrue(answer.granted['statistics'])
        self.assertFalse(answer.granted['advertising'])  # not in the inventory

    def test_another_revision_is_no_decision(self):
        self.assertFalse(consent(cookie_value(revision='other')).decided)

    def test_the_lifetime_counts_from_the_decision(self):
        lifetime = timedelta(days=182)
        self.assertTrue(consent(cookie_value(timestamp=iso(NOW - lifetime + timedelta(minutes=5)))).decided)
        self.assertFalse(consent(cookie_value(timestamp=iso(NOW - lifetime - timedelta(minutes=5)))).decided)
        with self.settings(COOKIE_CONSENT_LIFETIME_DAYS=30):
            self.assertFalse(consent(cookie_value(timestamp=iso(NOW - timedelta(days=31)))).decided)
        with self.settings(COOKIE_CONSENT_LIFETIME_DAYS=1000):  # 13 months at most
            self.assertFalse(consent(cookie_value(timestamp=iso(NOW - timedelta(days=400)))).decided)

    def test_a_day_of_clock_skew(self):
        self.assertTrue(consent(cookie_value(timestamp=iso(NOW + timedelta(hours=23)))).decided)
        self.assertFalse(consent(cookie_value(timestamp=iso(NOW + timedelta(hours=25)))).decided)

    def test_the_remaining_lifetime(self):
        remaining = consent(cookie_value(timestamp=iso(NOW - timedelta(days=10)))).remaining_lifetime()
        self.assertAlmostEqual(remaining.total_seconds(), 172 * 86400, delta=60)


class SeveralCopiesTests(SimpleTestCase):
    """Copies of the cookie for several paths or domains: the newest
    well-formed record wins, as in the elements (`newestDecision`)."""

    def test_the_newest_wins_whatever_the_order(self):
        old = cookie_value(categories={'necessary': True, 'statistics': True}, decision_id='old',
                           timestamp=iso(NOW - timedelta(days=3)))
        new = cookie_value(categories={'necessary': True, 'statistics': False}, decision_id='new',
                           timestamp=iso(NOW - timedelta(days=1)))
        for values in [(old, new), (new, old)]:
            with self.subTest(first=values[0] == old):
                answer = consent(*values)
                self.assertEqual(answer.record['id'], 'new')
                self.assertEqual(answer.raw_value, new)
                self.assertFalse(answer.is_granted('statistics'))

    def test_a_malformed_copy_is_skipped(self):
        good = cookie_value(decision_id='good')
        self.assertEqual(consent('%7Bbroken', good).record['id'], 'good')

    def test_a_copy_dated_more_than_a_day_ahead_is_skipped(self):
        ahead = cookie_value(decision_id='ahead', timestamp=iso(NOW + timedelta(days=30)))
        far = cookie_value(decision_id='far', timestamp='9999-12-31T23:59:59-14:00')
        now = cookie_value(decision_id='now')
        self.assertEqual(consent(ahead, far, now).record['id'], 'now')

    def test_the_newest_of_another_revision_hides_an_older_current_one(self):
        """The elements pick the newest copy, then check its revision."""
        older = cookie_value(decision_id='older', timestamp=iso(NOW - timedelta(days=2)))
        newer = cookie_value(decision_id='newer', revision='old-revision')
        self.assertIsNone(consent(older, newer).record)

    def test_of_equals_the_first(self):
        moment = iso(NOW)
        first, second = cookie_value(decision_id='a', timestamp=moment), cookie_value(decision_id='b', timestamp=moment)
        self.assertEqual(consent(first, second).record['id'], 'a')

    def test_other_cookies_and_odd_spacing(self):
        value = cookie_value()
        request_cookies = f'other=1;cookies_preferences_x=2;  cookies_preferences={value} ;last'
        from django.test import RequestFactory

        answer = decision.Consent(RequestFactory().get('/', HTTP_COOKIE=request_cookies))
        self.assertEqual(answer.raw_value, value)

    @override_settings(COOKIE_CONSENT_COOKIE_NAME='__Host-decision')
    def test_the_cookie_name_from_the_settings(self):
        self.assertTrue(consent(cookie_value(), name='__Host-decision').decided)
        self.assertFalse(consent(cookie_value()).decided)


@override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
class VendorTests(SimpleTestCase):
    def test_a_vendor_only_when_granted_by_name(self):
        answer = consent(cookie_value(categories={'media': False}, vendors={'granted': 'youtube', 'refused': 'vimeo'}))
        self.assertTrue(answer.is_granted('youtube'))
        self.assertFalse(answer.is_granted('vimeo'))
        self.assertFalse(answer.is_granted('media'))  # not all of its vendors

    def test_a_category_with_vendors_needs_all_of_them(self):
        self.assertTrue(consent(cookie_value(categories={'media': False}, vendors={'granted': 'youtube vimeo'}))
                        .is_granted('media'))

    def test_a_vendor_in_both_lists_is_refused(self):
        answer = consent(cookie_value(vendors={'granted': 'youtube vimeo', 'refused': 'youtube'}))
        self.assertFalse(answer.is_granted('youtube'))
        self.assertTrue(answer.is_granted('vimeo'))

    def test_the_vendors_of_a_required_category_need_no_decision(self):
        self.assertTrue(consent().is_granted('stripe'))
        self.assertFalse(consent().is_granted('youtube'))

    def test_malformed_lists_are_no_decision_with_vendors(self):
        for vendors in [{'granted': ['youtube']}, {'granted': 'youtube', 'refused': 1}]:
            with self.subTest(vendors=vendors):
                answer = consent(cookie_value(vendors=vendors))
                self.assertFalse(answer.decided)
                self.assertIsNone(answer.remaining_lifetime())

    def test_the_whole_answer(self):
        answer = consent(cookie_value(vendors={'granted': 'youtube'}))
        self.assertEqual(
            answer.choices,
            {
                'categories': {'necessary': True, 'statistics': True, 'advertising': False, 'media': False},
                'vendors': {'stripe': True, 'youtube': True, 'vimeo': False},
            },
        )


@override_settings(COOKIE_CONSENT_INVENTORY=VENDORS)
class GlobalPrivacyControlTests(SimpleTestCase):
    EVERYTHING = {'necessary': True, 'statistics': True, 'advertising': True, 'media': True}

    def granted(self, item_id, raw, **headers):
        return consent(raw, **headers).is_granted(item_id)

    def test_only_the_exact_value_1_is_the_signal(self):
        raw = cookie_value(categories=self.EVERYTHING, vendors={'granted': 'youtube vimeo'})
        for value in ['1', '0', ' 1', '1 ', 'true', '1, 1', '']:
            with self.subTest(value=value):
                self.assertIs(self.granted('advertising', raw, HTTP_SEC_GPC=value), value != '1')

    def test_the_signal_overrides_a_grant_recorded_without_it(self):
        raw = cookie_value(categories=self.EVERYTHING, vendors={'granted': 'youtube vimeo'})
        gpc = {'HTTP_SEC_GPC': '1'}
        self.assertFalse(self.granted('advertising', raw, **gpc))
        self.assertFalse(self.granted('vimeo', raw, **gpc))
        self.assertFalse(self.granted('media', raw, **gpc))
        self.assertTrue(self.granted('youtube', raw, **gpc))
        self.assertTrue(self.granted('statistics', raw, **gpc))

    def test_a_grant_taken_under_the_signal_stands(self):
        raw = cookie_value(categories=self.EVERYTHING, vendors={'granted': 'youtube vimeo'}, gpc=True)
        for item_id in ['advertising', 'vimeo', 'media']:
            self.assertTrue(self.granted(item_id, raw, HTTP_SEC_GPC='1'))

    def test_the_header_is_read_only_when_it_can_change_the_answer(self):
        under_signal = consent(cookie_value(gpc=True), HTTP_SEC_GPC='1')
        under_signal.is_granted('advertising')
        self.assertFalse(under_signal.gpc_read)
        without = consent(cookie_value(), HTTP_SEC_GPC='1')
        without.is_granted('advertising')
        self.assertTrue(without.gpc_read)

    @override_settings(COOKIE_CONSENT_INVENTORY='inventories.seed')
    def test_an_inventory_marking_nothing_never_reads_it(self):
        answer = consent(cookie_value(), HTTP_SEC_GPC='1')
        self.assertTrue(answer.is_granted('statistics'))
        self.assertFalse(answer.gpc_read)
