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
