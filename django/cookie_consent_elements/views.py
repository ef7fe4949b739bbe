from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from . import conf, decision
from .middleware import set_decision_cookie
from .models import ConsentRecord
from .proof import MAX_BODY_BYTES, MAX_URL_LENGTH, MAX_USER_AGENT_LENGTH, BadProof, clean_proof, inventory_hash

# What the banner's form may post without its script (`decision-action`).
FORM_ACTIONS = ('accept-all', 'reject-all')


def store(fields):
    """Stores one proof; returns whether it is new. The same decision id again
    (a retried POST whose first answer was lost) keeps the first record."""
    try:
        with transaction.atomic():
            _, created = ConsentRecord.objects.get_or_create(
                decision_id=fields['decision_id'], defaults=fields
            )
    except IntegrityError:  # the same id arrived twice at once: the other won
        created = False
    return created


def declared_length(request):
    try:
        return int(request.META.get('CONTENT_LENGTH') or 0)
    except ValueError:
        return 0


@require_POST
def records(request):
    """The proof of one decision (`consent-endpoint`). CsrfViewMiddleware
    checks the X-CSRFToken header the elements send. 201 when stored, 200
    when that decision was already stored, 400 with `{"error": …}` for
    anything that is not a proof."""
    if declared_length(request) > MAX_BODY_BYTES:
        return JsonResponse({'error': f'the body is larger than {MAX_BODY_BYTES} bytes'}, status=400)
    try:
        fields = clean_proof(request.body, decision.consent_of(request).inventory)
    except BadProof as problem:
        return JsonResponse({'error': str(problem)}, status=400)
    fields['user_agent'] = request.META.get('HTTP_USER_AGENT', '')[:MAX_USER_AGENT_LENGTH]
    # What the server saw itself: the header the US laws name, at the moment
    # the decision arrived. The answer does not depend on it: no Vary.
    fields['sec_gpc'] = decision.sends_gpc(request)
    created = store(fields)
    return JsonResponse({'id': fields['decision_id'], 'created': created}, status=201 if created else 200)


def safe_next(request, target):
    """`target` when it is a path on this site (`/page/?q=1`), else `/`:
    never another host, scheme, or a `//host` or `/\\host` that a browser
    would take for one."""
    if not isinstance(target, str) or not target.startswith('/'):
        return '/'
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return '/'
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else '/'


@require_POST
def decision_form(request):
    """Where the server-rendered banner's form posts before the script runs
    (`decision-action`): `action` is `accept-all` or `reject-all`, `next` (in
    the query or the form) the page to return to. CsrfViewMiddleware checks
    the form's `csrfmiddlewaretoken`. Sets the decision cookie the elements
    would have written (a new id, now, the inventory's revision, `gpc` under
    `Sec-GPC: 1`), stores its proof as the elements' endpoint does, and
    redirects (303) to `next` when it is a path on this site, else to `/`.
    400 for any other action."""
    action = request.POST.get('action')
    if action not in FORM_ACTIONS:
        return HttpResponseBadRequest('action must be accept-all or reject-all', content_type='text/plain')
    inventory = decision.consent_of(request).inventory
    gpc = decision.sends_gpc(request)
    record = decision.new_record(inventory, action, gpc)
    target = safe_next(request, request.POST.get('next', request.GET.get('next')))
    vendors = {vendor: vendor in record.get('vendors', {}).get('granted', '').split(' ') for vendor in inventory.vendor_ids}
    store(
        {
            'decision_id': record['id'],
            'timestamp': decision.as_datetime(decision.parse_timestamp(record['timestamp'])),
            'revision': decision.revision_text(record['revision']),
            'categories': record['categories'],
            'vendors': vendors,
            'gpc': gpc,
            'sec_gpc': gpc,
            'action': action,
            'inventory_hash': inventory_hash(inventory),
            'url': request.build_absolute_uri(urlsplit(target).path)[:MAX_URL_LENGTH],
            'user_agent': request.META.get('HTTP_USER_AGENT', '')[:MAX_USER_AGENT_LENGTH],
        }
    )
    response = HttpResponseRedirect(target, status=303)
    set_decision_cookie(request, response, decision.serialize_record(record), conf.lifetime_days() * 24 * 60 * 60)
    add_never_cache_headers(response)
    return response


@require_safe
def gpc_support(request):
    """`/.well-known/gpc.json`: the site honours Global Privacy Control, since
    COOKIE_CONSENT_GPC_LAST_UPDATE."""
    return JsonResponse({'gpc': True, 'lastUpdate': conf.gpc_last_update()})
