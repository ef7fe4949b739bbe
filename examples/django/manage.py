#!/usr/bin/env python3
"""Django's command-line utility for the example site.

Run it with Debian's Python, which has `python3-django`, from any directory:
`/usr/bin/python3 examples/django/manage.py runserver`.
"""
import os
import sys
from pathlib import Path


def main():
    # Python already puts this file's directory first on sys.path; saying it
    # keeps `example_site` importable when manage.py is run through a symlink.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'example_site.settings')
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Install Debian's python3-django "
            '(`npm run setup`) and run this file with /usr/bin/python3.'
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == '__main__':
    main()
