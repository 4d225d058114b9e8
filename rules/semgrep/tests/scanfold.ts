// Test cases for rules/semgrep/scanfold.yml (TypeScript / ES module variants).
import { exec as _unused, execSync } from 'node:child_process';
import * as child_process from 'child_process';
import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const app = express();
const pool = new Pool();

app.get('/users/:id', async (req: Request, res: Response) => {
  // ruleid: scanfold.javascript.sql-injection
  const result = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  // ok: scanfold.javascript.sql-injection
  await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(result.rows);
});

app.post('/convert', (req: Request, res: Response) => {
  // ruleid: scanfold.javascript.command-injection
  execSync('convert ' + req.body.file + ' out.png');
  // ruleid: scanfold.javascript.command-injection
  child_process.exec(`tar xf ${req.query.archive}`);
  // ok: scanfold.javascript.command-injection
  child_process.execFile('convert', [req.body.file, 'out.png']);
  res.send('ok');
});
