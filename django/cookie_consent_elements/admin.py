"""The proofs in Django's admin: read-only (a proof is never edited), with
filters by date, action and category, search by decision id, and a CSV
export of the selected records."""
import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from .inventory import get_inventory
from .models import ConsentRecord

CSV_FIELDS = [
    'decision_id',
    'timestamp',
    'created_at',
    'action',
    'revision',
    'categories',
    'vendors',
    'gpc',
    'sec_gpc',
    'inventory_hash',
    'url',
    'user_agent',
]
# A cell starting with one of these is a formula to a spreadsheet; the URL and
# the User-Agent come from the visitor.
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def csv_cell(value):
    if isinstance(value, dict):
        text = ' '.join(f'{key}={"yes" if on else "no"}' for key, on in value.items())
    elif hasattr(value, 'isoformat'):
        text = value.isoformat()
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CategoryFilter(admin.SimpleListFilter):
    """By a category of the inventory, granted or refused."""

    title = 'category'
    parameter_name = 'category'

    def lookups(self, request, model_admin):
        choices = []
        for category in get_inventory().categories:
            if category.get('required') is not True:
                choices += [(f'{category["id"]}:yes', f'{category["id"]} granted'),
                            (f'{category["id"]}:no', f'{category["id"]} refused')]
        return choices

    def queryset(self, request, queryset):
        if not self.value() or ':' not in self.value():
            return queryset
        category_id, answer = self.value().rsplit(':', 1)
        return queryset.filter(**{f'categories__{category_id}': answer == 'yes'})


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ['decision_id', 'action', 'timestamp', 'revision', 'gpc', 'sec_gpc', 'created_at']
    list_filter = ['created_at', 'action', CategoryFilter, 'gpc', 'sec_gpc']
    date_hierarchy = 'created_at'
    search_fields = ['=decision_id']
    actions = ['export_csv']
    readonly_fields = [field.name for field in ConsentRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description='Export the selected records as CSV')
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type='text/csv; charset=utf-8')
        name = f'consent-records-{timezone.now():%Y%m%d-%H%M%S}.csv'
        response['Content-Disposition'] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(CSV_FIELDS)
        for record in queryset.order_by('created_at').iterator():
            writer.writerow([csv_cell(getattr(record, field)) for field in CSV_FIELDS])
        return response
