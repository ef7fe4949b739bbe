from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from cookie_consent_elements.models import ConsentRecord

# The page's few strings. A real site would use {% translate %} and .po files;
# compiling those needs gettext's msgfmt, which this example does without.
PAGE_TEXTS = {
    'fr': {
        'title': 'Exemple Django',
        'intro': 'Une page Django qui utilise les éléments de consentement aux cookies.',
        'language': 'Langue',
        'change': 'Changer',
        'manage': 'Gérer mes cookies',
        'policy': 'Charte cookies',
        'necessary': 'Cookies nécessaires',
        'statistics': 'Cookies statistiques',
        'server_decision': 'Décision lue par le serveur :',
        'granted': 'statistiques acceptées',
        'refused': 'statistiques refusées',
        'undecided': 'aucune décision',
    },
    'en': {
        'title': 'Django example',
        'intro': 'A Django page that uses the cookie-consent elements.',
        'language': 'Language',
        'change': 'Change',
        'manage': 'Manage my cookies',
        'policy': 'Cookie policy',
        'necessary': 'Necessary cookies',
        'statistics': 'Statistics cookies',
        'server_decision': 'Decision read by the server:',
        'granted': 'statistics granted',
        'refused': 'statistics refused',
        'undecided': 'no decision',
    },
}


@require_safe
def home(request):
    # `.djhtml`, not `.html`: the repository's Prettier would reformat an
    # .html file and break the Django tags.
    texts = PAGE_TEXTS.get(get_language(), PAGE_TEXTS[settings.LANGUAGE_CODE])
    return render(request, 'home.djhtml', {'texts': texts})


@require_safe
def debug_records(request):
    """While DEBUG is on only: the records of one decision id, for the
    end-to-end tests. Never on a real site: it would tell anyone about
    anyone's decision."""
    if not settings.DEBUG:
        raise Http404
    records = ConsentRecord.objects.filter(decision_id=request.GET.get('id', ''))
    fields = ['decision_id', 'revision', 'categories', 'vendors', 'gpc', 'sec_gpc', 'action', 'inventory_hash', 'url']
    return JsonResponse({'count': records.count(), 'records': list(records.values(*fields))})
