"""Deletes the proofs of consent received more than COOKIE_CONSENT_RETENTION_DAYS
ago (run it daily, e.g. from cron): `manage.py purge_consent_records`."""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ... import conf
from ...models import ConsentRecord


class Command(BaseCommand):
    help = 'Deletes the consent records older than COOKIE_CONSENT_RETENTION_DAYS.'

    def add_arguments(self, parser):
        parser.add_argument('--dry-run', action='store_true', help='count them, delete nothing')

    def handle(self, *args, dry_run=False, **options):
        days = conf.retention_days()
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise CommandError('Set COOKIE_CONSENT_RETENTION_DAYS to how many days the records are kept.')
        cutoff = timezone.now() - timedelta(days=days)
        old = ConsentRecord.objects.filter(created_at__lt=cutoff)
        if dry_run:
            count = old.count()
            self.stdout.write(f'{count} consent record(s) received before {cutoff:%Y-%m-%d %H:%M} would be deleted.')
        else:
            count, _ = old.delete()
            self.stdout.write(f'{count} consent record(s) received before {cutoff:%Y-%m-%d %H:%M} deleted.')
