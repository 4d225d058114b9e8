# Test cases for rules/semgrep/scanfold.yml (Python rules).
# Run: semgrep --test --config rules/semgrep/ rules/semgrep/tests/
import asyncio
import os
import shlex
import sqlite3
import subprocess

import flask
import pandas
import sqlalchemy
from flask import Flask, request

app = Flask(__name__)
conn = sqlite3.connect("app.db")


@app.route("/sqli")
def sqli():
    cur = conn.cursor()
    name = request.args.get("name")
    # ruleid: scanfold.python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: scanfold.python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = '{}'".format(request.form["name"]))
    query = "SELECT * FROM users WHERE name = '" + request.values.get("n") + "'"
    # ruleid: scanfold.python.sql-injection
    cur.executemany(query, [])
    # ruleid: scanfold.python.sql-injection
    cur.executescript(f"DELETE FROM t WHERE id = {flask.request.json['id']}")
    # ruleid: scanfold.python.sql-injection
    pandas.read_sql(f"SELECT * FROM t WHERE c = '{name}'", conn)
    # ruleid: scanfold.python.sql-injection
    conn.execute(sqlalchemy.text("SELECT * FROM t WHERE c = '%s'" % name))
    # ok: scanfold.python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # ok: scanfold.python.sql-injection
    cur.execute("SELECT * FROM users WHERE id = %d" % int(request.args["id"]))
    # ok: scanfold.python.sql-injection
    cur.execute("SELECT * FROM users WHERE name = 'admin'")
    return "ok"


@app.route("/items/<item_id>")
def item(item_id):
    cur = conn.cursor()
    # ruleid: scanfold.python.sql-injection
    cur.execute("SELECT * FROM items WHERE id = " + item_id)
    return "ok"


@app.get("/fastapi-style/{item_id}")
async def fastapi_style(item_id: str):
    # ruleid: scanfold.python.sql-injection
    conn.execute(f"SELECT * FROM items WHERE id = '{item_id}'")


def django_view(request):
    from myapp.models import User
    # ruleid: scanfold.python.sql-injection
    User.objects.raw("SELECT * FROM auth_user WHERE username = '%s'" % request.GET["u"])
    # ok: scanfold.python.sql-injection
    User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [request.GET["u"]])


def not_a_view(value):
    cur = conn.cursor()
    # Not a view (so not scanfold.python.sql-injection), but a caller may pass request data.
    # ruleid: scanfold.python.formatted-sql
    cur.execute("SELECT * FROM t WHERE c = '%s'" % value)
    # ok: scanfold.python.formatted-sql
    cur.execute("SELECT * FROM t WHERE c = %s", (value,))


def run_query(cur, query):
    # ok: scanfold.python.formatted-sql
    cur.execute(query)


@app.route("/cmd")
def cmd():
    host = request.args.get("host")
    # ruleid: scanfold.python.command-injection
    os.system("ping -c 1 " + host)
    # ruleid: scanfold.python.command-injection
    os.popen("nslookup %s" % host)
    # ruleid: scanfold.python.command-injection
    subprocess.run(f"ping {host}", shell=True)
    # ruleid: scanfold.python.command-injection
    subprocess.Popen("ping " + host, shell=True, stdout=subprocess.PIPE)
    # ruleid: scanfold.python.command-injection
    subprocess.check_call(["bash", "-c", "ping " + host])
    # ruleid: scanfold.python.command-injection
    subprocess.getoutput("dig " + host)
    # ruleid: scanfold.python.command-injection
    subprocess.call([request.args["prog"], "--version"])
    # ruleid: scanfold.python.command-injection
    os.execvp(request.args["prog"], ["x"])
    # ruleid: scanfold.python.command-injection
    asyncio.create_subprocess_shell("ping " + host)
    # ok: scanfold.python.command-injection
    subprocess.run(["ping", "-c", "1", host])
    # ok: scanfold.python.command-injection
    subprocess.run("ping " + host, shell=False)
    # ok: scanfold.python.command-injection
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: scanfold.python.command-injection
    subprocess.run("uptime", shell=True)
    return "ok"


@app.route("/eval")
def code():
    # ruleid: scanfold.python.code-injection
    eval(request.args.get("expr"))
    # ruleid: scanfold.python.code-injection
    exec("result = " + request.form["code"])
    # ok: scanfold.python.code-injection
    eval("1 + 1")
    # ok: scanfold.python.code-injection
    eval(str(int(request.args["n"])))
    return "ok"


# ---------------------------------------------------------------- dvpwa-style (aiohttp) --
# The view reads the form; the DAO builds the SQL: no taint path inside one function.
from aiohttp import web
from aiohttp.web import Request
import aiohttp


class Student:
    @staticmethod
    async def create(conn, name: str):
        q = ("INSERT INTO students (name) "
             "VALUES ('%(name)s')" % {'name': name})
        async with conn.cursor() as cur:
            # ruleid: scanfold.python.formatted-sql
            await cur.execute(q)

    @staticmethod
    async def get(conn, id_: int):
        async with conn.cursor() as cur:
            # ok: scanfold.python.formatted-sql
            await cur.execute("SELECT id, name FROM students WHERE id = %s", (id_,))
            # ruleid: scanfold.python.formatted-sql
            await cur.execute(f"SELECT id, name FROM students WHERE name = '{id_}'")
            # ok: scanfold.python.formatted-sql
            await cur.execute(f"SELECT id, name FROM students")
            # ruleid: scanfold.python.formatted-sql
            await conn.fetch("SELECT * FROM courses WHERE title = '{}'".format(id_))
            # ruleid: scanfold.python.formatted-sql
            await conn.fetchrow("DELETE FROM marks WHERE student = " + str(id_))


async def students(request: Request):
    if request.method == 'POST':
        data = await request.post()
        name = data.get('name')
        async with request.app['db'].acquire() as conn:
            await Student.create(conn, name)
            async with conn.cursor() as cur:
                # ruleid: scanfold.python.sql-injection
                await cur.execute("SELECT * FROM students WHERE name = '%s'" % name)
    student_id = request.match_info['id']
    async with request.app['db'].acquire() as conn:
        async with conn.cursor() as cur:
            # ruleid: scanfold.python.sql-injection
            await cur.execute("SELECT * FROM students WHERE id = " + student_id)
            # ok: scanfold.python.sql-injection
            await cur.execute("SELECT * FROM students WHERE id = %s", (student_id,))
    # asyncpg: its fetch calls take SQL text too.
    pool = request.app['pool']
    async with pool.acquire() as conn:
        # ruleid: scanfold.python.sql-injection
        await conn.fetch(f"SELECT * FROM students WHERE id = {student_id}")
        query = "SELECT name FROM students WHERE id = '%s'" % student_id
        # ruleid: scanfold.python.sql-injection
        await conn.fetchrow(query)
        # ok: scanfold.python.sql-injection
        await conn.fetchval("SELECT name FROM students WHERE id = $1", student_id)
    # ok: scanfold.python.sql-injection
    await request.app['http'].fetch(f"https://example.test/students/{student_id}")
    return web.Response(text="ok")


# ---------------------------------------------------------------- Django --
from django.db import connection
from django.http import HttpResponse


def django_search(request):
    term = request.GET.get("q")
    with connection.cursor() as cursor:
        # ruleid: scanfold.python.sql-injection
        cursor.execute("SELECT * FROM app_item WHERE name LIKE '%%%s%%'" % term)
        # ok: scanfold.python.sql-injection
        cursor.execute("SELECT * FROM app_item WHERE name LIKE %s", ["%" + term + "%"])
    return HttpResponse("ok")


# ---------------------------------------------------------------- SSRF --
import requests
import httpx
import urllib.request


@app.route("/fetch")
def fetch():
    url = request.args.get("url")
    # ruleid: scanfold.python.ssrf
    requests.get(url, timeout=5)
    # ruleid: scanfold.python.ssrf
    urllib.request.urlopen("http://" + request.args["host"] + "/status")
    # ok: scanfold.python.ssrf
    requests.get("https://api.example.com/status", params={"q": url})
    return "ok"


async def proxy(request):
    target = request.query.get("target")
    async with aiohttp.ClientSession() as session:
        # ruleid: scanfold.python.ssrf
        async with session.get(target) as response:
            body = await response.text()
    # ruleid: scanfold.python.ssrf
    httpx.post(target, json={})
    return web.Response(text=body)


# ---------------------------------------------------------------- path traversal --
from werkzeug.utils import secure_filename


@app.route("/download")
def download():
    name = request.args["file"]
    # ruleid: scanfold.python.path-traversal
    with open(os.path.join("/srv/files", name)) as handle:
        data = handle.read()
    # ruleid: scanfold.python.path-traversal
    flask.send_file("/srv/files/" + name)
    # ok: scanfold.python.path-traversal
    open(os.path.join("/srv/files", secure_filename(name)))
    # ok: scanfold.python.path-traversal
    open(os.path.join("/srv/files", os.path.basename(name)))
    return data


async def static_file(request):
    # ruleid: scanfold.python.path-traversal
    return web.FileResponse("static/" + request.match_info["path"])


def django_avatar(request):
    # ruleid: scanfold.python.path-traversal
    os.remove("/srv/avatars/" + request.POST["name"])
    return HttpResponse("ok")


# ---------------------------------------------------------------- deserialization --
import base64
import pickle
import yaml


@app.route("/session", methods=["POST"])
def restore_session():
    blob = base64.b64decode(request.cookies.get("session"))
    # ruleid: scanfold.python.deserialization
    state = pickle.loads(blob)
    # ruleid: scanfold.python.deserialization
    config = yaml.load(request.data, Loader=yaml.Loader)
    # ok: scanfold.python.deserialization
    safe = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: scanfold.python.deserialization
    also_safe = yaml.safe_load(request.data)
    return str(state) + str(config) + str(safe) + str(also_safe)


async def upload_state(request):
    raw = await request.read()
    # ruleid: scanfold.python.deserialization
    return web.Response(text=str(pickle.loads(raw)))
