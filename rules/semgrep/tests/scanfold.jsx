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
  // ok: scanfold.javascript.sql-injection
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
