"""`ConsentMiddleware`: `request.consent`, the decision cookie re-set by the
server, and the `Vary` headers of pages that depended on either.

Why the re-set: Safari (ITP) caps cookies written by `document.cookie` at
seven days, so a decision the elements store for six months would be asked
again every week. A cookie set by the site's own HTTP response is not capped.
So on each full page (GET, `text/html`) the middleware sends the decision in
force back with `Set-Cookie`, its `Max-Age` being what remains of its
lifetime counted from when it was taken: never extended by visits (CNIL).
"""
import re

from django.utils.cache import patch_vary_headers

from . import conf
from .decision import Consent

# Characters Python's http.cookies sends without quoting. `encodeURIComponent`
# leaves `(` and `)` alone, and a quoted value would come back to the elements
# as `"…"`, which they rightly refuse: such a value is not re-set.
COOKIE_SAFE = re.compile(r"[A-Za-z0-9!#$%&'*+\-.^_`|~:]+")


def should_refresh(request, response):
    """Only full pages: a late answer to a background request (started before
    the visitor decided) must not put back the decision just replaced."""
    if request.method != 'GET' or conf.cookie_name() in response.cookies:
        return False
    return response.get('Content-Type', '').startswith('text/html')


def refresh_decision_cookie(request, response):
    """Sends the decision in force back with its remaining lifetime; a
    missing, invalid, outdated or unsafe value is left as it is."""
    if not should_refresh(request, response):
        return
    consent = request.consent
    remaining = consent.remaining_lifetime()
    raw = consent.raw_value
    if remaining is None or raw is None or not COOKIE_SAFE.fullmatch(raw):
        return
    set_decision_cookie(request, response, raw, max(0, int(remaining.total_seconds())))


def set_decision_cookie(request, response, value, max_age):
    """`Set-Cookie` for the decision cookie, with the attributes the elements give it."""
    name = conf.cookie_name()
    host_only = name.startswith('__Host-')
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path='/',
        # A __Host- cookie has no Domain and is always Secure, as browsers require.
        domain=None if host_only else conf.cookie_domain(),
        secure=host_only or name.startswith('__Secure-') or request.is_secure(),
        # The elements read and rewrite it: it must stay visible to scripts.
        httponly=False,
        samesite='Lax',
    )


class ConsentMiddleware:
    """Put it after SessionMiddleware and LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.consent = Consent(request)
        response = self.get_response(request)
        consent = request.consent
        if isinstance(consent, Consent):
            refresh_decision_cookie(request, response)
            vary = [header for header, read in (('Cookie', consent.cookie_read), ('Sec-GPC', consent.gpc_read)) if read]
            if vary:  # an empty list would still write an empty Vary header
                patch_vary_headers(response, vary)
        return response
