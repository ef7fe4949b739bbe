"""WSGI entry point, for a real server (runserver does not need it)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'example_site.settings')
application = get_wsgi_application()
