"""The admin of the proofs, the CSV export, the retention command and the checks."""
import csv
import io
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from cookie_consent_elements.checks import check_settings
from cookie_consent_elements.models import ConsentRecord


def record(decision_id, statistics=True, action='accept-all', **fields):
    return ConsentRecord.objects.create(
        decision_id=decision_id,
        timestamp=timezone.now(),
        revision='1',
        categories={'necessary': True, 'statistics': statistics},
        action=action,
        inventory_hash='sha256:' + '0' * 64,
        url='https://example.fr/',
        **fields,
    )


class AdminTests(TestCase):
    URL = '/admin/cookie_consent_elements/consentrecord/'

    def setUp(self):
        self.client.force_login(User.objects.create_superuser('admin', 'admin@example.fr', 'x'))
        record('granted-1')
        record('refused-1', statistics=False, action='reject-all')
        record('formula', user_agent='=HYPERLINK("http://evil")')

    def ids(self, **params):
        response = self.client.get(self.URL, params)
        self.assertEqual(response.status_code, 200)
        return sorted(row.decision_id for row in response.context['cl'].result_list)

    def test_filters_by_category_action_and_date(self):
        self.assertEqual(self.ids(category='statistics:no'), ['refused-1'])
        self.assertEqual(self.ids(category='statistics:yes'), ['formula', 'granted-1'])
        self.assertEqual(self.ids(action='reject-all'), ['refused-1'])
        today = timezone.localdate()
        self.assertEqual(len(self.ids(created_at__year=today.year, created_at__month=today.month)), 3)

    def test_searches_by_decision_id(self):
        self.assertEqual(self.ids(q='granted-1'), ['granted-1'])

    def test_read_only(self):
        self.assertEqual(self.client.get(self.URL + 'add/').status_code, 403)
        pk = ConsentRecord.objects.get(decision_id='granted-1').pk
        self.assertEqual(self.client.get(f'{self.URL}{pk}/change/').status_code, 200)  # to view
        self.client.post(f'{self.URL}{pk}/change/', {'action': 'reset'})
        self.assertEqual(ConsentRecord.objects.get(pk=pk).action, 'accept-all')

    def test_exports_csv(self):
        selected = list(ConsentRecord.objects.values_list('pk', flat=True))
        response = self.client.post(self.URL, {'action': 'export_csv', '_selected_action': selected})
        self.assertEqual(response['Content-Type'], 'text/csv; charset=utf-8')
        self.assertIn('attachment; filename="consent-records-', response['Content-Disposition'])
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[0]['categories'], 'necessary=yes statistics=yes')
        formula = next(row for row in rows if row['decision_id'] == 'formula')
        self.assertEqual(formula['user_agent'], '\'=HYPERLINK("http://evil")')


class PurgeTests(TestCase):
    def test_deletes_what_is_older_than_the_retention(self):
        ConsentRecord.objects.filter(pk=record('old').pk).update(created_at=timezone.now() - timedelta(days=11))
        record('recent')
        out = io.StringIO()
        with self.settings(COOKIE_CONSENT_RETENTION_DAYS=10):
            call_command('purge_consent_records', '--dry-run', stdout=out)
            self.assertEqual(ConsentRecord.objects.count(), 2)
            call_command('purge_consent_records', stdout=out)
        self.assertEqual(list(ConsentRecord.objects.values_list('decision_id', flat=True)), ['recent'])
        self.assertIn('1 consent record(s)', out.getvalue())

    def test_needs_the_setting(self):
        for value in [None, 0, '30', True]:
            with self.subTest(value=value), self.settings(COOKIE_CONSENT_RETENTION_DAYS=value):
                with self.assertRaises(CommandError):
                    call_command('purge_consent_records', stdout=io.StringIO())


class ChecksTests(SimpleTestCase):
    def test_the_settings_are_checked_at_start(self):
        self.assertEqual(check_settings(), [])
        with override_settings(COOKIE_CONSENT_INVENTORY={'categories': []}, COOKIE_CONSENT_GPC_LAST_UPDATE='soon',
                               COOKIE_CONSENT_RETENTION_DAYS=-1):
            self.assertEqual([error.id for error in check_settings()],
                             ['cookie_consent.E001', 'cookie_consent.E002', 'cookie_consent.E003'])
