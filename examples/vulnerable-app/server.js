// Deliberately vulnerable Express app used by Scanfold's end-to-end tests.
// DO NOT DEPLOY. Every weakness in this file is intentional.
'use strict';

const express = require('express');
const mysql = require('mysql');
const { exec } = require('child_process');

const app = express();
app.use(express.json());

const db = mysql.createConnection({
  host: process.env.DB_HOST || 'localhost',
  user: 'app',
  password: process.env.DB_PASSWORD,
  database: 'shop',
});

// VULNERABLE (CWE-78): request input passed to a shell.
app.get('/lookup', (req, res) => {
  exec('nslookup ' + req.query.host, (err, stdout) => {
    if (err) return res.status(500).send(err.message);
    res.type('text/plain').send(stdout);
  });
});

// VULNERABLE (CWE-89): SQL built by string concatenation.
app.get('/products', function (req, res) {
  const category = req.query.category;
  const sql = "SELECT * FROM products WHERE category = '" + category + "'";
  db.query(sql, (err, rows) => {
    if (err) return res.status(500).send(err.message);
    res.json(rows);
  });
});

// SAFE: placeholder query; the rules must not report this one.
app.get('/products/safe', (req, res) => {
  db.query('SELECT * FROM products WHERE category = ?', [req.query.category], (err, rows) => {
    if (err) return res.status(500).send(err.message);
    res.json(rows);
  });
});

// VULNERABLE (CWE-95): eval of request body.
app.post('/calc', (req, res) => {
  res.json({ result: eval(req.body.expression) });
});

app.listen(3000, () => console.log('listening on :3000'));
