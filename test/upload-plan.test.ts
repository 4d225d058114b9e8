import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { Log, Result, Run } from 'sarif';
import { countResults } from '../src/outputs/sarif.ts';
import { GITHUB_SARIF_LIMITS, planUploads } from '../src/outputs/upload-plan.ts';
import { validateSarif } from './support/schemas.ts';

function run(tool: string, results: number, severity: (i: number) => string = () => 'low'): Run {
  return {
    tool: { driver: { name: tool, rules: [{ id: 'r' }] } },
    automationDetails: { id: `scanfold/${tool}/` },
    results: Array.from({ length: results }, (_, i): Result => ({
      ruleId: 'r',
      ruleIndex: 0,
      message: { text: `finding ${i} ${'x'.repeat(40)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/file-${i}.ts` },
            region: { startLine: i + 1 },
          },
        },
      ],
      properties: { 'scanfold/severity': severity(i) },
    })),
  };
}

const log = (runs: Run[]): Log => ({ version: '2.1.0', runs });

test('21 tools are split into two uploads, no run dropped, each payload valid SARIF', () => {
  const merged = log(Array.from({ length: 21 }, (_, i) => run(`tool-${i}`, 3)));
  const plan = planUploads(merged);
  assert.deepEqual(
    plan.payloads.map((p) => p.log.runs.length),
    [20, 1],
  );
  assert.deepEqual(plan.truncated, []);
  const decoded = plan.payloads.map(
    (p) => JSON.parse(gunzipSync(p.gzipped).toString('utf8')) as Log,
  );
  assert.equal(
    decoded.reduce((sum, l) => sum + countResults(l), 0),
    63,
  );
  for (const payload of decoded) assert.deepEqual(validateSarif(payload), []);
});

test('a run over the per-run result limit keeps its most severe results and records what was left out', () => {
  const severities = ['low', 'critical', 'medium', 'high'];
  const merged = log([run('noisy', 50, (i) => severities[i % 4] ?? 'low'), run('quiet', 2)]);
  const plan = planUploads(merged, { ...GITHUB_SARIF_LIMITS, resultsPerRun: 20 });
  assert.deepEqual(plan.truncated, [
    {
      tool: 'scanfold/noisy/',
      kept: 20,
      omitted: 30,
      reason: 'GitHub accepts at most 20 results per run; the most severe were kept',
    },
  ]);
  const noisy = plan.payloads[0]?.log.runs.find(
    (r) => r.automationDetails?.id === 'scanfold/noisy/',
  );
  const kept = (noisy?.results ?? []).map((r) => r.properties?.['scanfold/severity'] as string);
  assert.equal(kept.filter((s) => s === 'critical').length, 13);
  assert.equal(kept.filter((s) => s === 'high').length, 7);
  assert.equal(merged.runs[0]?.results?.length, 50, 'the merged log itself is untouched');
});

test('payloads over the gzip limit are split by tool; a single oversized tool is cut down and reported', () => {
  const merged = log([run('a', 400), run('b', 400), run('c', 4000)]);
  const oneRunBytes = planUploads(log([run('a', 400)])).payloads[0]?.gzipBytes ?? 0;
  const limits = { ...GITHUB_SARIF_LIMITS, gzipBytes: Math.round(oneRunBytes * 1.5) };
  const plan = planUploads(merged, limits);
  for (const payload of plan.payloads)
    assert.ok(payload.gzipBytes <= limits.gzipBytes, `${payload.gzipBytes} > ${limits.gzipBytes}`);
  assert.deepEqual(
    plan.payloads.map((p) => p.tools),
    [['scanfold/a/'], ['scanfold/b/'], ['scanfold/c/']],
  );
  assert.equal(plan.truncated.length, 1);
  assert.equal(plan.truncated[0]?.tool, 'scanfold/c/');
  const keptC = countResults(plan.payloads[2]?.log ?? log([]));
  assert.equal(plan.truncated[0]?.kept, keptC);
  assert.equal(plan.truncated[0]?.omitted, 4000 - keptC);
});
