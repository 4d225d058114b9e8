import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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
        await writeJsonFile(file, value, { depth });
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
  await writeJsonFile(file, log, { depth: 4 });
  const lines = (await readFile(file, 'utf8')).split('\n');
  assert.ok(lines.includes('        {"ruleId":"a","message":{"text":"x\\ny"}},'));
  assert.ok(lines.includes('        {"ruleId":"b"}'));
  assert.equal(lines[1], '  "version": "2.1.0",');
});

test('undefined members are dropped as JSON.stringify drops them', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const value = { a: undefined, b: [undefined, 1], c: { d: undefined, e: 'x' } };
  const file = path.join(dir, 'u.json');
  await writeJsonFile(file, value, { depth: 4 });
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), JSON.parse(JSON.stringify(value)));
});

test('a pending member is written once it settles, after everything before it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const file = path.join(dir, 'report.json');
  const rows = Array.from({ length: 60_000 }, (_, index) => ({ index, text: 'x'.repeat(80) }));
  let serialisedBefore = false;
  const last = new Promise<Record<string, string>>((resolve) =>
    setTimeout(() => {
      // The rows (several 4 MiB chunks) were written while this member was pending.
      serialisedBefore = true;
      resolve({ 'report.pdf': 'ab'.repeat(32) });
    }, 50),
  );
  const written = await writeJsonFile(file, { rows, manifest: last }, { depth: 2 });
  const text = await readFile(file, 'utf8');
  assert.ok(serialisedBefore);
  assert.deepEqual(JSON.parse(text), { rows, manifest: { 'report.pdf': 'ab'.repeat(32) } });
  assert.equal(written.sha256, createHash('sha256').update(text).digest('hex'));
});

test('a failed pending member fails the write, after every chunk is on disk', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const rows = Array.from({ length: 60_000 }, (_, index) => ({ index, text: 'y'.repeat(80) }));
  const failed = Promise.reject(new Error('print failed'));
  failed.catch(() => undefined); // as writeOutputs does: awaited by the writer, later
  await assert.rejects(
    writeJsonFile(path.join(dir, 'broken.json'), { rows, manifest: failed }, { depth: 2 }),
    /print failed/,
  );
});

test('measured items: their bytes in the file, and a deflated size above the gzip of their JSON', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const file = path.join(dir, 'sarif.json');
  const run = (tool: string, count: number) => ({
    tool: { driver: { name: tool } },
    results: Array.from({ length: count }, (_, index) => ({
      ruleId: `${tool}-${index % 97}`,
      message: { text: `finding ${index} in ${tool}: ${'detail '.repeat(index % 13)}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${index % 400}.js` } } }],
    })),
  });
  const log = { version: '2.1.0', runs: [run('a', 10), run('b', 80_000), run('c', 0)] };
  const written = await writeJsonFile(file, log, { measure: 'runs' });
  assert.equal(written.measured.length, 3);
  const text = await readFile(file, 'utf8');
  assert.equal(
    written.measured.reduce((sum, item) => sum + item.bytes, 0) < Buffer.byteLength(text),
    true,
  );
  log.runs.forEach((item, index) => {
    const measured = written.measured[index];
    assert.ok(measured);
    const compact = JSON.stringify({ version: '2.1.0', runs: [item] });
    // The indented text is longer than the compact JSON of the run alone.
    assert.ok(measured.bytes >= JSON.stringify(item).length, `run ${index} bytes`);
    assert.ok(measured.deflatedBytes >= gzipSync(compact).length - 64, `run ${index} deflated`);
  });
  // Run b spans several 4 MiB chunks.
  assert.ok((written.measured[1]?.bytes ?? 0) > 8 * 1024 * 1024);
});

test('a file that cannot be written is an error naming it, small or large (thread)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-json-'));
  const large = {
    rows: Array.from({ length: 60_000 }, (_, index) => ({ index, pad: 'z'.repeat(90) })),
  };
  for (const value of [{ a: 1 }, large]) {
    const file = path.join(dir, 'missing-dir', 'report.json');
    await assert.rejects(writeJsonFile(file, value, { depth: 2 }), (error: Error) => {
      assert.match(error.message, /missing-dir\/report\.json: ENOENT/);
      return true;
    });
  }
});
