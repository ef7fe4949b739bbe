"""Re-sets the decision cookie from the server.

Why: Safari (ITP) caps cookies written by `document.cookie` at seven days, so a
decision the elements store for six months would be forgotten after a week
and the banner would ask again. A cookie set by an HTTP response of the site
itself is not capped. So, on each page the visitor loads, this middleware
sends the same `cookies_preferences` back with `Set-Cookie`, its `Max-Age`
being what remains of the decision's lifetime: the decision lasts exactly as
long as the elements meant (counted from when it was taken, never extended by
visits, as the CNIL requires), whatever the browser.

It also adds `Vary: Cookie` to the responses that depended on the decision
(a template that used `consent_granted`, or this re-set), so no cache serves
one visitor's page, or decision, to another; and `Vary: Sec-GPC` to those
that depended on Global Privacy Control (decision.py reads the header only
when the inventory marks something it covers).
"""
import re

from django.conf import settings
from django.utils.cache import patch_vary_headers

from . import decision as consent

# Characters Python's http.cookies sends without quoting. `encodeURIComponent`
# leaves `(` and `)` alone, and a quoted value would come back to the elements
# as `"…"`, which they rightly refuse: such a value is not re-set.
COOKIE_SAFE = re.compile(r"[A-Za-z0-9!#$%&'*+\-.^_`|~:]+")


def should_refresh(request, response):
    """Only full pages: they are what Safari's clock resets on, and a late answer
    to a background request (started before the visitor decided) must not put
    back the decision the page has just replaced."""
    if request.method != 'GET' or settings.CONSENT_COOKIE_NAME in response.cookies:
        return False
    return response.get('Content-Type', '').startswith('text/html')


def refresh_decision_cookie(request, response):
    """Sends the current decision back with the remaining lifetime; a missing,
    invalid, outdated or unsafe value is left as it is (the elements deal with
    it and ask again)."""
    if not should_refresh(request, response):
        return
    raw = consent.raw_cookie(request)
    decision = consent.current_decision(request)
    if decision is None or not COOKIE_SAFE.fullmatch(raw):
        return
    remaining = min(consent.remaining_lifetime(decision), consent.lifetime())
    response.set_cookie(
        settings.CONSENT_COOKIE_NAME,
        raw,
        max_age=int(remaining.total_seconds()),
        path='/',
        domain=settings.CONSENT_COOKIE_DOMAIN,
        secure=request.is_secure(),
        # The elements read and rewrite it: it must stay visible to scripts.
        httponly=False,
        samesite='Lax',
    )


class ConsentCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        refresh_decision_cookie(request, response)
        vary = []
        if consent.was_read(request):
            vary.append('Cookie')
        if consent.gpc_was_read(request):
            vary.append('Sec-GPC')
        if vary:  # an empty list would still write an empty Vary header
            patch_vary_headers(response, vary)
        return response
