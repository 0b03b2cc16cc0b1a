#!/usr/bin/env python3
"""A throw-away PostgreSQL/PostGIS cluster for the tests and ``make demo-postgis``.

    /usr/bin/python3 scripts/postgis_cluster.py start   # prints the pg_service.conf path and the service name
    /usr/bin/python3 scripts/postgis_cluster.py stop

The cluster lives under ``build/postgis/`` (data directory, socket directory, log, ``pg_service.conf``); it listens
on a Unix socket only (no TCP port is opened), on "port" 54329 (the socket's name). The server runs as the
``postgres`` system user when we are root (PostgreSQL refuses root), else as the current user. Authentication:
``trust`` for the cluster's owner, ``scram-sha-256`` with a password for the role ``planer`` – the connections
that QGIS opens go through ``service=`` entries in ``pg_service.conf`` (``PGSERVICEFILE``), so no password ever
appears in a layer source, a log or a project file.

Services written:
- ``bildungslandschaft_test``: the database ``bildungslandschaft`` as the owner (trust).
- ``bildungslandschaft_planer``: the same database as ``planer`` with a password (for the no-leak tests).
"""

import argparse
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BASE = os.path.join(ROOT, "build", "postgis")
PORT = 54329
DBNAME = "bildungslandschaft"
SERVICE = "bildungslandschaft_test"
PLANER_SERVICE = "bildungslandschaft_planer"
PLANER_PASSWORD = "Geheim-Planer-7f3c9"  # a test-only secret; tests assert it never leaks into outputs


class ClusterError(RuntimeError):
    pass


def pg_bin(name):
    """Path of a PostgreSQL server program (Debian keeps them in /usr/lib/postgresql/<version>/bin)."""
    base = "/usr/lib/postgresql"
    if os.path.isdir(base):
        for version in sorted(os.listdir(base), key=lambda v: [int(p) for p in v.split(".") if p.isdigit()],
                              reverse=True):
            path = os.path.join(base, version, "bin", name)
            if os.path.exists(path):
                return path
    found = shutil.which(name)
    if found:
        return found
    raise ClusterError("PostgreSQL server program {0} not found: apt-get install postgresql postgresql-postgis"
                       .format(name))


def _server_user():
    if os.geteuid() == 0:
        try:
            return pwd.getpwnam("postgres")
        except KeyError:
            raise ClusterError("running as root needs the 'postgres' system user (apt-get install postgresql)")
    return None


def _run_as_server(args, **kw):
    user = _server_user()
    if user is not None:
        args = ["runuser", "-u", user.pw_name, "--"] + args
    return subprocess.run(args, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def _paths(base):
    return {"base": base, "data": os.path.join(base, "data"), "socket": os.path.join(base, "socket"),
            "log": os.path.join(base, "server.log"), "service": os.path.join(base, "pg_service.conf")}


def _reachable_base(base):
    """*base* when the server user can enter it, else a folder under the system's temp dir."""
    user = _server_user()
    if user is None:
        return base
    os.makedirs(os.path.dirname(base), exist_ok=True)
    probe = subprocess.run(["runuser", "-u", user.pw_name, "--", "test", "-x", os.path.dirname(base)])
    if probe.returncode == 0:
        return base
    return os.path.join(tempfile.gettempdir(), "bildungslandschaft-postgis")


def service_file(base=BASE):
    return _paths(_reachable_base(base))["service"]


def environment(base=BASE):
    """Environment variables that let libpq (QGIS, GDAL, psql) find the services."""
    return {"PGSERVICEFILE": service_file(base)}


def is_running(base=BASE):
    p = _paths(_reachable_base(base))
    if not os.path.exists(os.path.join(p["data"], "postmaster.pid")):
        return False
    res = subprocess.run([pg_bin("pg_isready"), "-h", p["socket"], "-p", str(PORT)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    return res.returncode == 0


def psql(sql, service=SERVICE, base=BASE, check=True):
    """Run *sql* with psql through a service; returns stdout (tuples only, unaligned)."""
    env = dict(os.environ, **environment(base))
    res = subprocess.run(["psql", "service={0}".format(service), "-v", "ON_ERROR_STOP=1", "-X", "-q", "-t", "-A",
                          "-c", sql], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and res.returncode != 0:
        raise ClusterError("psql failed: {0}".format(res.stderr.strip()))
    return res.stdout


def start(base=BASE):
    """Start (creating it on first use) the cluster; returns the path of pg_service.conf."""
    base = _reachable_base(base)
    p = _paths(base)
    if is_running(base):
        return p["service"]
    user = _server_user()
    for key in ("base", "socket"):
        os.makedirs(p[key], exist_ok=True)
    if user is not None:
        for key in ("base", "socket"):
            os.chown(p[key], user.pw_uid, user.pw_gid)
    if not os.path.exists(os.path.join(p["data"], "PG_VERSION")):
        if os.path.exists(p["data"]):
            shutil.rmtree(p["data"])
        _run_as_server([pg_bin("initdb"), "-D", p["data"], "-A", "trust", "-U", "postgres", "-E", "UTF8",
                        "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C"])
        with open(os.path.join(p["data"], "pg_hba.conf"), "w") as fh:
            fh.write("local all planer scram-sha-256\nlocal all all trust\n")
        if user is not None:
            os.chown(os.path.join(p["data"], "pg_hba.conf"), user.pw_uid, user.pw_gid)
    options = "-c listen_addresses='' -c unix_socket_directories='{0}' -p {1} -c fsync=off " \
              "-c full_page_writes=off -c synchronous_commit=off".format(p["socket"], PORT)
    _run_as_server([pg_bin("pg_ctl"), "-D", p["data"], "-l", p["log"], "-o", options, "-w", "-t", "60", "start"])
    _write_service_file(p)
    _prepare_database(base)
    return p["service"]


def _has_c_utf8():
    out = subprocess.run(["locale", "-a"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    return any(line.lower().replace("-", "") == "c.utf8" for line in out.split())


def _write_service_file(p):
    text = ("[{service}]\nhost={socket}\nport={port}\ndbname={db}\nuser=postgres\n\n"
            "[{planer}]\nhost={socket}\nport={port}\ndbname={db}\nuser=planer\npassword={password}\n").format(
        service=SERVICE, planer=PLANER_SERVICE, socket=p["socket"], port=PORT, db=DBNAME,
        password=PLANER_PASSWORD)
    tmp = p["service"] + ".part"
    with open(tmp, "w") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, p["service"])


def _prepare_database(base):
    p = _paths(base)
    env = dict(os.environ, **environment(base))
    exists = subprocess.run(["psql", "-h", p["socket"], "-p", str(PORT), "-U", "postgres", "-d", "postgres", "-X",
                             "-t", "-A", "-c", "SELECT 1 FROM pg_database WHERE datname = '{0}'".format(DBNAME)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if exists.stdout.strip() != "1":
        subprocess.run(["createdb", "-h", p["socket"], "-p", str(PORT), "-U", "postgres", DBNAME], env=env,
                       check=True)
    psql("CREATE EXTENSION IF NOT EXISTS postgis", base=base)
    psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planer') THEN "
         "CREATE ROLE planer LOGIN; END IF; END $$; "
         "ALTER ROLE planer PASSWORD '{0}'; GRANT ALL ON DATABASE {1} TO planer; "
         "GRANT ALL ON SCHEMA public TO planer".format(PLANER_PASSWORD, DBNAME), base=base)


def stop(base=BASE):
    base = _reachable_base(base)
    p = _paths(base)
    if not os.path.exists(os.path.join(p["data"], "postmaster.pid")):
        return False
    _run_as_server([pg_bin("pg_ctl"), "-D", p["data"], "-m", "fast", "-w", "-t", "60", "stop"])
    return True


def wipe(base=BASE):
    """Stop the cluster and remove its folder."""
    stop(base)
    shutil.rmtree(_reachable_base(base), ignore_errors=True)


def load_gpkg(gpkg, schema, service=SERVICE, base=BASE, layers=None):
    """Copy every (or the named) layer of *gpkg* into *schema* (geometry column ``geom``, key ``fid``, column
    names as they are, own CRS kept)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    os.environ.update(environment(base))
    psql('CREATE SCHEMA IF NOT EXISTS "{0}"'.format(schema), service=service, base=base)
    src = gdal.OpenEx(gpkg, gdal.OF_VECTOR)
    names = [src.GetLayer(i).GetName() for i in range(src.GetLayerCount())]
    for name in names:
        if layers is not None and name not in layers:
            continue
        lyr = src.GetLayerByName(name)
        geom_type = lyr.GetGeomType()
        options = ["-lco", "SCHEMA={0}".format(schema), "-lco", "FID=fid", "-lco", "LAUNDER=NO",
                   "-lco", "OVERWRITE=YES", "-nln", name]
        if geom_type != ogr.wkbNone:
            options += ["-lco", "GEOMETRY_NAME=geom"]
        gdal.VectorTranslate("PG:service={0}".format(service), src, options=options + [name])
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("start", "stop", "wipe", "status"))
    args = parser.parse_args()
    try:
        if args.command == "start":
            path = start()
            print("PGSERVICEFILE={0}".format(path))
            print("service={0}".format(SERVICE))
        elif args.command == "stop":
            print("stopped" if stop() else "not running")
        elif args.command == "wipe":
            wipe()
        else:
            print("running" if is_running() else "not running")
    except (ClusterError, subprocess.CalledProcessError) as err:
        out = getattr(err, "output", "") or ""
        print("PostGIS cluster: {0}\n{1}".format(err, out), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
