"""The site's inventory, built in Python so that the cookie names and
lifetimes come from Django's settings and cannot drift from what Django
really sets. COOKIE_CONSENT_INVENTORY names this function. It has no
`revision`: the app derives one from the categories, so changing a purpose
asks every visitor again.
"""
from django.conf import settings

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
        # nothing, so Global Privacy Control does not cover it.
        'label': {'fr': 'Cookies statistiques', 'en': 'Statistics cookies'},
        'description': {
            'fr': "Mesure d'audience de cet exemple : un script compte les visites. "
            "Il ne s'exécute qu'avec votre consentement.",
            'en': "This example's audience measurement: a script counts visits. "
            'It only runs with your consent.',
        },
    },
]


def duration(seconds):
    """A lifetime as the elements show it: `session`, whole days or hours."""
    if seconds is None:
        return 'session'
    if seconds % DAY == 0:
        return {'days': seconds // DAY}
    return {'hours': round(seconds / 3600)}


def necessary_cookie(name, service, purpose, seconds):
    return {
        'name': name,
        'category': 'necessary',
        'provider': 'Opendatasoft',
        'service': service,
        'purpose': purpose,
        'duration': duration(seconds),
        'party': 'first',
    }


def build_inventory():
    """Every cookie the site may set, named and aged by the settings."""
    session_age = None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE
    cookies = [
        necessary_cookie(
            settings.SESSION_COOKIE_NAME,
            {'fr': 'Authentification (front et back office)', 'en': 'Authentication (front and back office)'},
            {'fr': "Se souvenir de l'utilisateur d'une page à une autre.", 'en': 'Remember the user from one page to the next.'},
            session_age,
        ),
        necessary_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            {'fr': 'Sélection de la langue (front et back office)', 'en': 'Language selection (front and back office)'},
            {'fr': 'Se souvenir de la langue du visiteur', 'en': "Remember the visitor's language"},
            settings.LANGUAGE_COOKIE_AGE,
        ),
        necessary_cookie(
            settings.CSRF_COOKIE_NAME,
            {'fr': 'API (CSRF) (front et back office)', 'en': 'API (CSRF) (front and back office)'},
            {'fr': 'Récupérer des données via des appels API', 'en': 'Retrieve data through API calls'},
            settings.CSRF_COOKIE_AGE,
        ),
        necessary_cookie(
            'cookies_preferences',
            {'fr': 'Choix concernant vos préférences sur les cookies', 'en': 'Choices about your cookie preferences'},
            {
                'fr': 'Se souvenir du choix opéré par le visiteur concernant les cookies',
                'en': 'Remember the choice the visitor made about cookies',
            },
            182 * DAY,
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
    return {'categories': CATEGORIES, 'cookies': cookies}
