import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Log, Run } from 'sarif';
import { writeJsonFile } from '../src/outputs/json-stream.ts';
import { fitToLimits, GITHUB_SARIF_LIMITS } from '../src/outputs/sarif-limits.ts';

/** A run whose results compress about as well as real ones (repeated rules, varied paths). */
function run(tool: string, count: number, seed: number): Run {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return {
    tool: { driver: { name: tool, rules: [{ id: `${tool}-1` }] } },
    automationDetails: { id: `scanfold/${tool}/` },
    results: Array.from({ length: count }, (_, index) => ({
      ruleId: `${tool}-1`,
      message: { text: `finding ${index}: ${next().toString(36)} ${next().toString(36)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/${next().toString(36)}/${index}.ts` },
            region: { startLine: (next() % 900) + 1 },
          },
        },
      ],
      properties: { 'scanfold/severity': ['low', 'medium', 'high'][next() % 3] },
    })),
  };
}

test('sizes measured while writing never change what fitToLimits keeps', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-limits-'));
  const log: Log = {
    version: '2.1.0',
    runs: [run('small', 50, 1), run('middle', 1_000, 2), run('large', 6_000, 3)],
  };
  const written = await writeJsonFile(path.join(dir, 'scanfold.sarif'), log, { measure: 'runs' });
  const gzipped = log.runs.map((item) => gzipSync(JSON.stringify({ ...log, runs: [item] })).length);
  // Limits below, near and above each run's real gzipped size: the shortcut must agree each time.
  for (const limit of [...gzipped.flatMap((size) => [size * 0.97, size * 1.05]), 10 * 2 ** 20]) {
    const limits = { ...GITHUB_SARIF_LIMITS, gzipBytes: Math.round(limit) };
    const exact = fitToLimits(log, limits);
    const measured = fitToLimits(log, limits, written.measured);
    assert.deepEqual(measured.truncated, exact.truncated, `limit ${Math.round(limit)}`);
    assert.deepEqual(
      measured.runs.map((item) => item.results?.length),
      exact.runs.map((item) => item.results?.length),
    );
  }
  // The estimate is never below the real gzipped size of the run.
  written.measured.forEach((item, index) =>
    assert.ok(item.deflatedBytes >= (gzipped[index] ?? 0) * 0.95, `run ${index}`),
  );
});

test('a size function given to fitToLimits decides, is asked once per run that fits, about the run returned', () => {
  const log: Log = {
    version: '2.1.0',
    runs: [run('small', 50, 1), run('middle', 1_000, 2), run('large', 6_000, 3)],
  };
  const exact = log.runs.map((item) => gzipSync(JSON.stringify({ ...log, runs: [item] })).length);
  const asked: Run[] = [];
  const size = (envelope: Log, item: Run): number => {
    asked.push(item);
    return gzipSync(JSON.stringify({ ...envelope, runs: [item] })).length;
  };
  const limits = { ...GITHUB_SARIF_LIMITS, gzipBytes: Math.max(...exact) };
  const fitted = fitToLimits(log, limits, undefined, size);
  assert.deepEqual(fitted.truncated, []);
  // The caller can keep what it measured (the uploader keeps the gzipped payload) by run.
  assert.equal(asked.length, 3);
  fitted.runs.forEach((item, index) => assert.equal(item, asked[index], `run ${index}`));
  // One byte under the largest run's exact size: only that run is cut down, as the default says.
  const tighter = { ...limits, gzipBytes: limits.gzipBytes - 1 };
  const cut = fitToLimits(log, tighter, undefined, size);
  assert.deepEqual(
    cut.truncated.map((item) => item.tool),
    ['scanfold/large/'],
  );
  assert.deepEqual(cut.truncated, fitToLimits(log, tighter).truncated);
  assert.equal(asked.at(-1), cut.runs[2], 'the last run measured is the one kept');
});

test('a run of text outside ASCII is sized in bytes, not characters', () => {
  // Random CJK characters: three UTF-8 bytes each, and gzip cannot get them under one byte each.
  let state = 7;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const text = (): string =>
    String.fromCodePoint(...Array.from({ length: 200 }, () => 0x4e00 + (next() % 20_000)));
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wide' } },
        results: Array.from({ length: 100 }, () => ({ message: { text: text() } })),
      },
    ],
  };
  const json = JSON.stringify(log);
  const gzipped = gzipSync(json).length;
  // A limit the JSON's length in characters is well under, and its gzipped bytes are over.
  const limit = json.length + 4096;
  assert.ok(gzipped > limit, `${gzipped} > ${limit}`);
  const fitted = fitToLimits(log, { ...GITHUB_SARIF_LIMITS, gzipBytes: limit });
  assert.equal(fitted.truncated.length, 1);
  const kept = { ...log, runs: fitted.runs };
  assert.ok(gzipSync(JSON.stringify(kept)).length <= limit);
});
