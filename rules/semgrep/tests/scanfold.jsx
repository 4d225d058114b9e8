// Test cases for rules/semgrep/scanfold.yml (JavaScript rules).
// Run: semgrep --test --config rules/semgrep/ rules/semgrep/tests/
// The .jsx extension keeps ESLint (which lints .js/.ts here) away from this
// deliberately vulnerable code; Semgrep parses it as JavaScript.
const express = require('express');
const mysql = require('mysql');
const cp = require('child_process');
const { exec, execSync, spawn } = require('child_process');
const vm = require('vm');

const app = express();
const db = mysql.createConnection({});

app.get('/sqli', (req, res) => {
  const id = req.query.id;
  // ruleid: scanfold.javascript.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + id, () => {});
  // ruleid: scanfold.javascript.sql-injection
  db.query(`SELECT * FROM users WHERE name = '${req.body.name}'`);
  const sql = "DELETE FROM sessions WHERE token = '" + req.cookies.token + "'";
  // ruleid: scanfold.javascript.sql-injection
  db.execute(sql);
  // ruleid: scanfold.javascript.sql-injection
  db.all('SELECT * FROM t WHERE c = ' + req.params.c, () => {});
  // ruleid: scanfold.javascript.sql-injection
  knex.raw(`SELECT * FROM t WHERE c = ${req.get('X-Filter')}`);
  // ok: scanfold.javascript.sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [id]);
  // ok: scanfold.javascript.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + parseInt(id, 10));
  // ok: scanfold.javascript.sql-injection
  db.query('SELECT * FROM users WHERE id = ' + db.escape(id));
  // ok: scanfold.javascript.sql-injection
  cache.get(req.query.key);
  res.send('ok');
});

app.post('/sqli2', async function (req, res) {
  // ruleid: scanfold.javascript.sql-injection
  await pool.query("SELECT * FROM orders WHERE status = '" + req.body.status + "'");
  res.end();
});

function notAHandler(db2, value) {
  // Not a handler (so not scanfold.javascript.sql-injection), but a caller may pass request data.
  // ruleid: scanfold.javascript.formatted-sql
  db2.query('SELECT * FROM t WHERE c = ' + value);
}

app.get('/cmd', (req, res) => {
  const host = req.query.host;
  // ruleid: scanfold.javascript.command-injection
  exec('ping -c 1 ' + host);
  // ruleid: scanfold.javascript.command-injection
  execSync(`nslookup ${req.query.domain}`);
  // ruleid: scanfold.javascript.command-injection
  cp.exec('dig ' + req.body.name, () => {});
  // ruleid: scanfold.javascript.command-injection
  spawn('sh', ['-c', 'ping ' + host]);
  // ruleid: scanfold.javascript.command-injection
  cp.spawn(req.query.prog, ['--version']);
  // ok: scanfold.javascript.command-injection
  spawn('ping', ['-c', '1', host]);
  // ok: scanfold.javascript.command-injection
  exec('uptime');
  // ok: scanfold.javascript.command-injection
  /^[a-z]+$/.exec(host);
  // ok: scanfold.javascript.command-injection
  exec('ping -c 1 ' + Number(host));
  res.send('ok');
});

app.post('/eval', (req, res) => {
  // ruleid: scanfold.javascript.code-injection
  eval(req.body.code);
  // ruleid: scanfold.javascript.code-injection
  const fn = new Function('x', req.body.fn);
  // ruleid: scanfold.javascript.code-injection
  setTimeout('run(' + req.query.arg + ')', 10);
  // ruleid: scanfold.javascript.code-injection
  vm.runInNewContext(req.query.expr, {});
  // ok: scanfold.javascript.code-injection
  setTimeout(() => fn(), 10);
  // ok: scanfold.javascript.code-injection
  eval('1 + 1');
  res.send('ok');
});

// ES-module variants.
import { execFileSync } from 'node:child_process';
import * as child_process from 'child_process';
import expressEsm from 'express';
import { Pool } from 'pg';

const esmApp = expressEsm();
const pgPool = new Pool();

esmApp.get('/users/:id', async (req, res) => {
  // ruleid: scanfold.javascript.sql-injection
  const result = await pgPool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  // ok: scanfold.javascript.sql-injection
  await pgPool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(result.rows);
});

esmApp.post('/convert', (req, res) => {
  // ruleid: scanfold.javascript.command-injection
  execFileSync(req.body.tool, ['--version']);
  // ok: scanfold.javascript.command-injection
  execFileSync('convert', [req.body.file, 'out.png']);
  // ruleid: scanfold.javascript.command-injection
  child_process.exec(`tar xf ${req.query.archive}`);
  // ok: scanfold.javascript.command-injection
  child_process.execFile('convert', [req.body.file, 'out.png']);
  res.send('ok');
});

// ------------------------------------------------ dvpwa-style data-access function --
const mysqlDb = require('mysql2');

function findStudent(db, name) {
  // ruleid: scanfold.javascript.formatted-sql
  return db.query("SELECT * FROM students WHERE name = '" + name + "'");
}

async function deleteMarks(pool, studentId) {
  const sql = `DELETE FROM marks WHERE student = ${studentId}`;
  // ruleid: scanfold.javascript.formatted-sql
  await pool.query(sql);
  // ok: scanfold.javascript.formatted-sql
  await pool.query('DELETE FROM marks WHERE student = ?', [studentId]);
}

function runQuery(db, text) {
  // ok: scanfold.javascript.formatted-sql
  return db.query(text);
}

// ------------------------------------------------ SSRF, path traversal, deserialization --
const axios = require('axios');
const fs = require('fs');
const path = require('path');
const serialize = require('node-serialize');

app.get('/proxy', async (req, res) => {
  // ruleid: scanfold.javascript.ssrf
  const upstream = await axios.get(req.query.url);
  // ruleid: scanfold.javascript.ssrf
  await fetch('http://' + req.query.host + '/health');
  // ok: scanfold.javascript.ssrf
  await axios.get('https://api.example.com/items', { params: { q: req.query.url } });
  res.send(upstream.data);
});

app.get('/files/:name', (req, res) => {
  // ruleid: scanfold.javascript.path-traversal
  fs.readFile(path.join(__dirname, 'files', req.params.name), (err, data) => res.send(data));
  // ruleid: scanfold.javascript.path-traversal
  res.sendFile('/srv/files/' + req.params.name);
  // ok: scanfold.javascript.path-traversal
  res.sendFile(req.params.name, { root: '/srv/files' });
  // ok: scanfold.javascript.path-traversal
  fs.readFileSync(path.join('/srv/files', path.basename(req.params.name)));
});

app.post('/profile', (req, res) => {
  const cookie = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: scanfold.javascript.deserialization
  const profile = serialize.unserialize(cookie);
  // ok: scanfold.javascript.deserialization
  const data = JSON.parse(cookie);
  res.json({ profile, data });
});
