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
    # ok: scanfold.python.sql-injection
    cur.execute("SELECT * FROM t WHERE c = '%s'" % value)


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
