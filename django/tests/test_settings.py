"""Settings of the app's tests: the app as a site installs it."""
import os
from pathlib import Path

SECRET_KEY = 'tests-only'
DEBUG = False
ALLOWED_HOSTS = ['testserver']
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = 'fr'
LANGUAGES = [('fr', 'Français'), ('en', 'English')]
TIME_ZONE = 'Europe/Paris'
ROOT_URLCONF = 'test_urls'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
STATIC_URL = '/static/'

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'cookie_consent_elements',
]
MIDDLEWARE = [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'cookie_consent_elements.middleware.ConsentMiddleware',
]
TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [Path(__file__).resolve().parent / 'templates'],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.request',
                'django.template.context_processors.i18n',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        },
    },
]

if os.environ.get('COOKIE_CONSENT_TEST_DB') == 'postgres':
    # runtests.py --db postgres sets PGHOST, PGPORT and PGUSER.
    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'postgres'}}
else:
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}

if os.environ.get('COOKIE_CONSENT_TEST_SOURCE'):
    # The sources have no static files: the repository's build stands in.
    DIST = os.environ.get('COOKIE_CONSENT_DIST') or Path(__file__).resolve().parents[2] / 'dist'
    STATICFILES_DIRS = [('cookie-consent', str(DIST))]

COOKIE_CONSENT_INVENTORY = 'inventories.seed'
COOKIE_CONSENT_POLICY_URL = '/cookies/'
COOKIE_CONSENT_RETENTION_DAYS = 365 * 5
