from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST, require_safe

from . import conf, decision
from .models import ConsentRecord
from .proof import MAX_BODY_BYTES, MAX_USER_AGENT_LENGTH, BadProof, clean_proof


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


@require_safe
def gpc_support(request):
    """`/.well-known/gpc.json`: the site honours Global Privacy Control, since
    COOKIE_CONSENT_GPC_LAST_UPDATE."""
    return JsonResponse({'gpc': True, 'lastUpdate': conf.gpc_last_update()})
