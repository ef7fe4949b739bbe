"""Settings of the example site: a small Django project that installs the
app's wheel (django-cookie-consent-elements) and uses nothing else of this
repository. Made for development only: DEBUG is on and the key is public.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'example-only-this-key-is-public')
DEBUG = os.environ.get('DJANGO_DEBUG', '1') == '1'
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'cookie_consent_elements',
    'example_site',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
    'cookie_consent_elements.middleware.ConsentMiddleware',
]

ROOT_URLCONF = 'example_site.urls'
WSGI_APPLICATION = 'example_site.wsgi.application'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
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
# Any name: the tags give it to the elements (the tests rename it).
LANGUAGE_COOKIE_NAME = os.environ.get('DJANGO_LANGUAGE_COOKIE_NAME', 'django_language')

STATIC_URL = '/static/'

COOKIE_CONSENT_INVENTORY = 'example_site.inventory.build_inventory'
COOKIE_CONSENT_POLICY_URL = 'policy'  # a URL's name, or a path
COOKIE_CONSENT_RETENTION_DAYS = 5 * 365
