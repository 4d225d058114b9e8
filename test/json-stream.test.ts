import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { writeJsonFile } from '../src/outputs/json-stream.ts';

test('streamed JSON is byte-identical to JSON.stringify(value, null, 2) + newline', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.jsonValue({ maxDepth: 7 }),
      fc.integer({ min: 0, max: 6 }),
      async (value, depth) => {
        const file = path.join(dir, `${n++}.json`);
        await writeJsonFile(file, value, depth);
        assert.equal(await readFile(file, 'utf8'), JSON.stringify(value, null, 2) + '\n');
      },
    ),
    { numRuns: 300 },
  );
});

test('undefined members are dropped as JSON.stringify drops them', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const value = { a: undefined, b: [undefined, 1], c: { d: undefined, e: 'x' } };
  const file = path.join(dir, 'u.json');
  await writeJsonFile(file, value, 4);
  assert.equal(await readFile(file, 'utf8'), JSON.stringify(value, null, 2) + '\n');
});
