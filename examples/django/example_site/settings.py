"""Settings of the example site: the smallest Django project that uses the
cookie-consent elements the way a real site would (language cookie, CSRF,
sessions, proof of consent stored in the database).

Made for development only: DEBUG is on and the secret key is public.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# The repository's root: its `dist/` holds the built elements.
REPO_DIR = BASE_DIR.parent.parent

SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'example-only-this-key-is-public')
DEBUG = os.environ.get('DJANGO_DEBUG', '1') == '1'
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

INSTALLED_APPS = [
    'django.contrib.sessions',
    'django.contrib.staticfiles',
    'consent',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    # After the session, before anything that reads the language.
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
    # Re-sets the decision cookie from the server (see consent/middleware.py).
    'consent.middleware.ConsentCookieMiddleware',
]

ROOT_URLCONF = 'example_site.urls'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.debug',
                # consent_tags reads the decision cookie from the request.
                'django.template.context_processors.request',
                'django.template.context_processors.i18n',
            ],
        },
    },
]

WSGI_APPLICATION = 'example_site.wsgi.application'

# The end-to-end tests give each server its own throwaway database.
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': os.environ.get('DJANGO_DB_PATH', str(BASE_DIR / 'db.sqlite3')),
    }
}

DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'

USE_I18N = True
USE_TZ = True
TIME_ZONE = 'Europe/Paris'
LANGUAGE_CODE = 'fr'
LANGUAGES = [('fr', 'Français'), ('en', 'English')]
# Django's default is `django_language`; the tests rename it to check that the
# elements follow the name the template gives them.
LANGUAGE_COOKIE_NAME = os.environ.get('DJANGO_LANGUAGE_COOKIE_NAME', 'django_language')

STATIC_URL = '/static/'
# `{% static 'cookie-consent.js' %}` is the bundle `npm run build` writes; its
# languages (`locales/`) and the dialog and table (`chunks/`) load from next to it.
# runserver serves them while DEBUG is on.
# COOKIE_CONSENT_DIST serves another build (e.g. node_modules/cookie-consent-elements/dist).
STATICFILES_DIRS = [os.environ.get('COOKIE_CONSENT_DIST', str(REPO_DIR / 'dist'))]

# The decision cookie, as the elements write it. The lifetime must be the
# elements' (182 days unless the page configures another).
CONSENT_COOKIE_NAME = 'cookies_preferences'
CONSENT_LIFETIME_DAYS = 182
# `Domain` of the decision cookie, only if the elements are configured with one.
CONSENT_COOKIE_DOMAIN = None
# `lastUpdate` of /.well-known/gpc.json: change it when what this site does
# with Global Privacy Control changes (e.g. an inventory item marked `gpc`).
CONSENT_GPC_LAST_UPDATE = '2026-12-01'
