/** docs/RELIABILITY.md: every test a row names exists, by file and title. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './support/run-cli.ts';

test('every row of the fault matrix names a test that exists', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'RELIABILITY.md'), 'utf8');
  const references = [...doc.matchAll(/`(test\/[\w.-]+\.test\.ts)` › ([^|]+?)\s*\|/g)];
  assert.ok(references.length >= 40, `${references.length} rows with a test`);
  for (const [, file = '', title = ''] of references) {
    const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    // Titles are written in the test files as string literals; Markdown shows them as they read.
    const plain = title.trim();
    assert.ok(
      source.includes(plain) || source.replace(/\\'/g, "'").includes(plain),
      `${file} has no test titled "${plain}"`,
    );
  }
});
