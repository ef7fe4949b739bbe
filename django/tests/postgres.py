"""A throwaway PostgreSQL cluster for the tests: `initdb` in a temporary
directory, `pg_ctl start` on a free port of 127.0.0.1, `pg_ctl stop` and the
directory removed after, whatever happened. Debian's `postgresql` package
provides the programs (in /usr/lib/postgresql/<version>/bin). PostgreSQL
refuses to run as root: as root, the programs run as the `postgres` user.
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager


def program(name):
    found = sorted(glob.glob(f'/usr/lib/postgresql/*/bin/{name}'), key=lambda path: int(path.split('/')[4]))
    path = found[-1] if found else shutil.which(name)
    if not path:
        raise SystemExit(f'{name} not found: install PostgreSQL (apt-get install postgresql)')
    return path


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


@contextmanager
def throwaway_cluster():
    """Yields the environment (PGHOST, PGPORT, PGUSER) that reaches it."""
    as_user = ['runuser', '-u', 'postgres', '--'] if os.geteuid() == 0 else []
    directory = tempfile.mkdtemp(prefix='cookie-consent-pg-')
    data, sockets = os.path.join(directory, 'data'), os.path.join(directory, 'sockets')
    os.mkdir(sockets)
    if as_user:
        shutil.chown(directory, 'postgres')
        shutil.chown(sockets, 'postgres')
    port = free_port()
    run = lambda *args: subprocess.run(as_user + list(args), check=True, stdout=subprocess.DEVNULL)  # noqa: E731
    started = False
    try:
        run(program('initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync')
        options = f'-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off'
        run(program('pg_ctl'), '-D', data, '-o', options, '-l', os.path.join(directory, 'log'), '-w', 'start')
        started = True
        yield {'PGHOST': '127.0.0.1', 'PGPORT': str(port), 'PGUSER': 'postgres', 'COOKIE_CONSENT_TEST_DB': 'postgres'}
    finally:
        if started:
            run(program('pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop')
        shutil.rmtree(directory, ignore_errors=True)
