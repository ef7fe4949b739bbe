"""The site's cookie inventory, built in Python so that the cookie names and
lifetimes come from Django's settings and cannot drift from what Django
really sets. The elements receive it as JSON (see the home template); the
server compares its revision with the one stored in the decision cookie, and
reads from it what the decision means: required categories, vendors and their
categories, what Global Privacy Control covers (see decision.py).
"""
from django.conf import settings

# Bump it when a purpose or a provider changes: every stored decision then
# stops counting, and the banner asks again (CNIL).
REVISION = 1

DAY = 24 * 60 * 60

CATEGORIES = [
    {
        'id': 'necessary',
        'required': True,
        'label': {
            'fr': 'Cookies nécessaires au bon fonctionnement de la plateforme',
            'en': 'Cookies necessary for the platform to work',
        },
        'description': {
            'fr': "Connexion, sécurité des appels API, langue d'affichage et mémorisation "
            'de vos choix sur les cookies. Ils ne requièrent pas votre consentement.',
            'en': 'Sign-in, security of API calls, display language and remembering '
            'your cookie choices. They do not require your consent.',
        },
    },
    {
        'id': 'statistics',
        # No `'gpc': True`: counting visits on the site itself sells or shares
        # nothing, so Global Privacy Control does not cover it. A category such
        # as advertising would be marked, and then stays refused while the
        # browser sends the signal, unless the visitor switches it on by name.
        'label': {'fr': 'Cookies statistiques', 'en': 'Statistics cookies'},
        'description': {
            'fr': "Mesure d'audience de cet exemple : un script compte les visites. "
            "Il ne s'exécute qu'avec votre consentement.",
            'en': "This example's audience measurement: a script counts visits. "
            'It only runs with your consent.',
        },
    },
]

# Third parties or tools inside a category, each granted or refused on its own:
# {'id', 'category', 'label', 'description', 'policyHref', 'gpc'}, an id unique
# among categories and vendors and without spaces (the decision cookie keeps
# vendor ids in space-separated lists). A cookie of a vendor names it with
# `'vendor': id`. This site embeds no third party, so it lists none.
VENDORS = []


def duration(seconds):
    """A cookie lifetime as the elements format it: `session` for a cookie
    without Max-Age, else whole days (or hours)."""
    if seconds is None:
        return 'session'
    if seconds % DAY == 0:
        return {'days': seconds // DAY}
    return {'hours': round(seconds / 3600)}


def necessary_cookie(name, service, purpose, seconds):
    """One of the seed's cookies: set by the site itself (Opendatasoft)."""
    return {
        'name': name,
        'category': 'necessary',
        'provider': 'Opendatasoft',
        'service': service,
        'purpose': purpose,
        'duration': duration(seconds),
        'party': 'first',
    }


def cookies():
    """Every cookie the site may set, with the names and ages of the settings."""
    return [
        necessary_cookie(
            settings.SESSION_COOKIE_NAME,
            {
                'fr': 'Authentification (front et back office)',
                'en': 'Authentication (front and back office)',
            },
            {
                'fr': "Se souvenir de l'utilisateur d'une page à une autre.",
                'en': 'Remember the user from one page to the next.',
            },
            None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE,
        ),
        necessary_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            {
                'fr': 'Sélection de la langue (front et back office)',
                'en': 'Language selection (front and back office)',
            },
            {'fr': 'Se souvenir de la langue du visiteur', 'en': "Remember the visitor's language"},
            settings.LANGUAGE_COOKIE_AGE,
        ),
        necessary_cookie(
            settings.CSRF_COOKIE_NAME,
            {'fr': 'API (CSRF) (front et back office)', 'en': 'API (CSRF) (front and back office)'},
            {
                'fr': 'Récupérer des données via des appels API',
                'en': 'Retrieve data through API calls',
            },
            settings.CSRF_COOKIE_AGE,
        ),
        necessary_cookie(
            settings.CONSENT_COOKIE_NAME,
            {
                'fr': 'Choix concernant vos préférences sur les cookies',
                'en': 'Choices about your cookie preferences',
            },
            {
                'fr': 'Se souvenir du choix opéré par le visiteur concernant les cookies',
                'en': 'Remember the choice the visitor made about cookies',
            },
            settings.CONSENT_LIFETIME_DAYS * DAY,
        ),
        {
            'name': 'example_stats',
            'category': 'statistics',
            'provider': {'fr': 'Ce site', 'en': 'This site'},
            'service': {'fr': "Mesure d'audience", 'en': 'Audience measurement'},
            'purpose': {'fr': 'Compter les visites.', 'en': 'Count visits.'},
            'duration': {'days': 390},
            'party': 'first',
        },
    ]


def build_inventory():
    """The inventory the elements are given, as a JSON-serialisable dict.
    `vendors` only when there are some: the inventory, and so its hash in the
    proofs of consent, stays what it was for a site without."""
    built = {'revision': REVISION, 'categories': CATEGORIES, 'cookies': cookies()}
    if VENDORS:
        built['vendors'] = VENDORS
    return built


def required_categories():
    """Ids of the categories that are always on."""
    return {category['id'] for category in CATEGORIES if category.get('required') is True}


def find_vendor(vendor_id):
    """The vendor `vendor_id`, or None (then the id is a category's, or nothing's)."""
    return next((vendor for vendor in VENDORS if vendor['id'] == vendor_id), None)


def vendors_of(category_id):
    """The vendors of a category, in inventory order."""
    return [vendor for vendor in VENDORS if vendor['category'] == category_id]


def covered_by_gpc(item_id):
    """Whether Global Privacy Control covers `item_id`: a category marked
    `gpc`, or a vendor marked itself or through its category."""
    vendor = find_vendor(item_id)
    if vendor is not None and vendor.get('gpc') is True:
        return True
    category_id = vendor['category'] if vendor is not None else item_id
    return any(category['id'] == category_id and category.get('gpc') is True for category in CATEGORIES)


def uses_gpc():
    """Whether anything is marked for Global Privacy Control. Without, the
    signal changes nothing and the server need not read it."""
    return any(item.get('gpc') is True for item in [*CATEGORIES, *VENDORS])
