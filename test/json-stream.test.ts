import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { writeJsonFile } from '../src/outputs/json-stream.ts';

test('streamed JSON parses back to exactly the value JSON.stringify would write', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.jsonValue({ maxDepth: 7 }),
      fc.integer({ min: 0, max: 6 }),
      async (value, depth) => {
        const file = path.join(dir, `${n++}.json`);
        await writeJsonFile(file, value, depth);
        const text = await readFile(file, 'utf8');
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
        assert.ok(text.endsWith('\n'));
      },
    ),
    { numRuns: 300 },
  );
});

test('containers above the depth are indented; each deeper value is one line', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const file = path.join(dir, 'sarif.json');
  const log = {
    version: '2.1.0',
    runs: [{ results: [{ ruleId: 'a', message: { text: 'x\ny' } }, { ruleId: 'b' }] }],
  };
  await writeJsonFile(file, log, 4);
  const lines = (await readFile(file, 'utf8')).split('\n');
  assert.ok(lines.includes('        {"ruleId":"a","message":{"text":"x\\ny"}},'));
  assert.ok(lines.includes('        {"ruleId":"b"}'));
  assert.equal(lines[1], '  "version": "2.1.0",');
});

test('undefined members are dropped as JSON.stringify drops them', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const value = { a: undefined, b: [undefined, 1], c: { d: undefined, e: 'x' } };
  const file = path.join(dir, 'u.json');
  await writeJsonFile(file, value, 4);
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), JSON.parse(JSON.stringify(value)));
});
