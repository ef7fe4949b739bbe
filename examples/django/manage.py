#!/usr/bin/env python3
"""Django's command-line utility for the example site. Run it with a Python
that has Django and the app's wheel installed (see README.md), from any
directory.
"""
import os
import sys
from pathlib import Path


def main():
    # Keeps `example_site` importable when manage.py is run through a symlink.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'example_site.settings')
    try:
        import cookie_consent_elements  # noqa: F401
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            'Install Django and the app: pip install django django/dist/django_cookie_consent_elements-*.whl '
            '(see examples/django/README.md).'
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == '__main__':
    main()
