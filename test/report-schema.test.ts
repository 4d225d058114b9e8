import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { reportJsonSchema } from '../scripts/report-schema.ts';
import { REPO_ROOT } from './support/run-cli.ts';

test('schemas/report.schema.json is generated from the zod schema and up to date', async () => {
  const committed = await readFile(path.join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8');
  assert.equal(committed, reportJsonSchema(), 'run: node scripts/report-schema.ts');
});
