import json
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from . import decision, inventory
from .models import ConsentRecord

# The page's own few strings. A real site would use {% trans %} and .po files;
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


def page_texts():
    """The strings of the language LocaleMiddleware activated (French by default)."""
    return PAGE_TEXTS.get(get_language(), PAGE_TEXTS[settings.LANGUAGE_CODE])


@require_safe
def home(request):
    # `.djhtml`, not `.html`: the repository's Prettier would reformat an .html
    # file and break the Django tags (a `{# #}` comment must stay on one line).
    return render(
        request,
        'consent/home.djhtml',
        {
            'texts': page_texts(),
            'inventory': inventory.build_inventory(),
            # The elements must use the cookies and the lifetime Django uses.
            'language_cookie': settings.LANGUAGE_COOKIE_NAME,
            'csrf_cookie': settings.CSRF_COOKIE_NAME,
            'consent_days': settings.CONSENT_LIFETIME_DAYS,
        },
    )


# What a proof carries, as the elements POST it.
ACTIONS = {action for action, _ in ConsentRecord.ACTIONS}
MAX_ID_LENGTH = ConsentRecord._meta.get_field('decision_id').max_length
MAX_URL_LENGTH = ConsentRecord._meta.get_field('url').max_length
MAX_HASH_LENGTH = ConsentRecord._meta.get_field('inventory_hash').max_length
MAX_USER_AGENT_LENGTH = ConsentRecord._meta.get_field('user_agent').max_length
# Bounds on the category and vendor maps, so that a forged body cannot fill
# the database with one huge row. Far above any real inventory: each vendor
# costs the decision cookie (4096 bytes at most) its id plus 3 bytes. The
# inventory's ids must stay within them, or every proof of the site would be
# refused (tests.py checks the example's).
MAX_CHOICES = 500
MAX_CHOICE_ID_LENGTH = 128


class BadProof(ValueError):
    """The body is not a proof of consent; the message says which field."""


def short_string(value, field, max_length):
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise BadProof(f'{field} must be a non-empty string of at most {max_length} characters')
    return value


def choice_map(value, field, required=True):
    """Category or vendor id -> granted: at most MAX_CHOICES non-empty ids of
    at most MAX_CHOICE_ID_LENGTH characters, every value a real boolean."""
    problem = (
        not decision.is_categories(value)
        or (required and not value)
        or len(value) > MAX_CHOICES
        or not all(0 < len(item_id) <= MAX_CHOICE_ID_LENGTH for item_id in value)
    )
    if problem:
        raise BadProof(
            f'{field} must map {"each" if required else "every"} id (at most {MAX_CHOICES}, '
            f'each of 1 to {MAX_CHOICE_ID_LENGTH} characters) to true or false'
        )
    return value


def proof_from_body(body):
    """The fields of a ConsentRecord from a POSTed body, or BadProof."""
    try:
        proof = json.loads(body)
    except (ValueError, RecursionError):  # ValueError covers bad UTF-8 too
        raise BadProof('the body is not JSON') from None
    if not isinstance(proof, dict):
        raise BadProof('the body must be a JSON object')
    timestamp = decision.parse_timestamp(proof.get('timestamp'))
    if timestamp is None:
        raise BadProof('timestamp must be an ISO 8601 date with a time zone')
    revision = proof.get('revision')
    if not decision.is_revision(revision):
        raise BadProof('revision must be a string, a number or null')
    categories = choice_map(proof.get('categories'), 'categories')
    # Optional: a page still running the elements of before vendors sends none.
    vendors = choice_map(proof.get('vendors', {}), 'vendors', required=False)
    gpc = proof.get('gpc', False)
    if not isinstance(gpc, bool):
        raise BadProof('gpc must be true or false')
    if proof.get('action') not in ACTIONS:
        raise BadProof(f'action must be one of {", ".join(sorted(ACTIONS))}')
    return {
        'decision_id': short_string(proof.get('id'), 'id', MAX_ID_LENGTH),
        'timestamp': timestamp,
        'revision': decision.revision_text(revision),
        'categories': categories,
        'vendors': vendors,
        'gpc': gpc,
        'action': proof['action'],
        'inventory_hash': short_string(proof.get('inventoryHash'), 'inventoryHash', MAX_HASH_LENGTH),
        'url': short_string(proof.get('url'), 'url', MAX_URL_LENGTH),
    }


def request_fields(request):
    """What the server itself saw of the POST: the browser's User-Agent, and
    whether it sent `Sec-GPC: 1`. The response does not depend on the header,
    so reading it here adds no `Vary`."""
    return {
        'user_agent': request.META.get('HTTP_USER_AGENT', '')[:MAX_USER_AGENT_LENGTH],
        'sec_gpc': decision.sends_gpc(request),
    }


def store_proof(fields, seen):
    """Stores one proof, with what the server saw of its request (`seen`);
    returns whether it is new. The same decision id again (a retried POST
    whose first answer was lost) keeps the first record."""
    try:
        with transaction.atomic():
            _, created = ConsentRecord.objects.get_or_create(
                decision_id=fields['decision_id'],
                defaults={**fields, **seen},
            )
    except IntegrityError:  # the same id arrived twice at once: the other won
        created = False
    return created


def receive_proof(request):
    try:
        fields = proof_from_body(request.body)
    except BadProof as problem:
        return JsonResponse({'error': str(problem)}, status=400)
    created = store_proof(fields, request_fields(request))
    return JsonResponse({'id': fields['decision_id'], 'created': created}, status=201 if created else 200)


def debug_lookup(request):
    """While DEBUG is on only: the records of one decision id, so the
    end-to-end tests can check what arrived. Never on a real site: it would
    tell anyone about anyone's decision."""
    if not settings.DEBUG:
        raise Http404
    records = ConsentRecord.objects.filter(decision_id=request.GET.get('id', ''))
    fields = [
        'decision_id',
        'revision',
        'categories',
        'vendors',
        'gpc',
        'sec_gpc',
        'action',
        'inventory_hash',
        'url',
    ]
    return JsonResponse({'count': records.count(), 'records': list(records.values(*fields))})


@require_http_methods(['GET', 'POST'])
def records(request):
    """POST: stores the proof of one decision (CsrfViewMiddleware checks the
    X-CSRFToken header the elements send). 201 when stored, 200 when that
    decision was already stored, 400 for a body that is not a proof."""
    if request.method == 'POST':
        return receive_proof(request)
    return debug_lookup(request)


# The day this site began to honour Global Privacy Control (`Sec-GPC`), for
# `/.well-known/gpc.json`; CONSENT_GPC_LAST_UPDATE overrides it.
GPC_SUPPORT_SINCE = '2026-12-01'


def gpc_last_update():
    """CONSENT_GPC_LAST_UPDATE as the GPC specification writes dates
    (`YYYY-MM-DD`): a `date`, or a string Python reads as an ISO date."""
    value = getattr(settings, 'CONSENT_GPC_LAST_UPDATE', GPC_SUPPORT_SINCE)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ImproperlyConfigured(
            f'CONSENT_GPC_LAST_UPDATE must be a date or "YYYY-MM-DD", not {value!r}'
        ) from None


@require_safe
def gpc_support(request):
    """`/.well-known/gpc.json`: tells user agents and auditors that this site
    honours Global Privacy Control (decision.py refuses what the signal covers
    while the browser sends it), and since when that statement stands."""
    return JsonResponse({'gpc': True, 'lastUpdate': gpc_last_update()})
