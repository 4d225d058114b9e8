"""Deliberately vulnerable Flask app used by Scanfold's end-to-end tests.

DO NOT DEPLOY. Every weakness in this file is intentional so that the
scanners (Semgrep in particular) have something to find.
"""

import os
import sqlite3
import subprocess

from flask import Flask, jsonify, request

from config import settings

app = Flask(__name__)
app.config["SECRET_KEY"] = settings.SECRET_KEY


def get_db():
    return sqlite3.connect(settings.DATABASE_PATH)


@app.route("/users")
def find_user():
    name = request.args.get("name", "")
    conn = get_db()
    cursor = conn.cursor()
    # VULNERABLE (CWE-89): user input formatted straight into the SQL text.
    query = "SELECT id, name, email FROM users WHERE name = '%s'" % name
    cursor.execute(query)
    return jsonify(cursor.fetchall())


@app.route("/orders/<order_id>")
def get_order(order_id):
    cursor = get_db().cursor()
    # VULNERABLE (CWE-89): f-string built query from a route parameter.
    cursor.execute(f"SELECT * FROM orders WHERE id = {order_id}")
    return jsonify(cursor.fetchone())


@app.route("/users/safe")
def find_user_safe():
    # SAFE: parameterised query; the rules must not report this one.
    name = request.args.get("name", "")
    cursor = get_db().cursor()
    cursor.execute("SELECT id, name FROM users WHERE name = ?", (name,))
    return jsonify(cursor.fetchall())


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    # VULNERABLE (CWE-78): shell=True with request input.
    output = subprocess.check_output("ping -c 1 " + host, shell=True)
    return output


@app.route("/dig", methods=["POST"])
def dig():
    domain = request.form["domain"]
    # VULNERABLE (CWE-78): os.system on request input.
    os.system("dig +short {}".format(domain))
    return "ok"


@app.route("/calc")
def calc():
    # VULNERABLE (CWE-95): eval of request input.
    return str(eval(request.args.get("expr", "1+1")))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
