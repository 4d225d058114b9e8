import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { test } from 'node:test';
import type { Log, Result, Run } from 'sarif';
import { countResults } from '../src/outputs/sarif.ts';
import { GITHUB_SARIF_LIMITS, fitToLimits } from '../src/outputs/sarif-limits.ts';
import type { SarifLimits } from '../src/outputs/sarif-limits.ts';
import { matrixKey } from '../src/github/matrix.ts';
import { categoryFor, planUploads, uploadEnvelope } from '../src/github/upload-plan.ts';
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
            artifactLocation: { uri: `src/file-${i}.ts`, uriBaseId: '%SRCROOT%' },
            region: { startLine: i + 1 },
          },
        },
      ],
      properties: { 'scanfold/severity': severity(i) },
    })),
  };
}

const log = (runs: Run[]): Log => ({ version: '2.1.0', runs });
const WORKSPACE = '/home/runner/work/octo-repo/octo-repo';
const plan = (merged: Log, extra: Partial<Parameters<typeof planUploads>[0]> = {}) =>
  planUploads({ merged, scope: '', workspace: WORKSPACE, ...extra });
const decode = (gzipped: Buffer): Log => JSON.parse(gunzipSync(gzipped).toString('utf8')) as Log;

test('21 tools become 21 uploads of one run each: none dropped, each valid SARIF with its own category', () => {
  const merged = log(Array.from({ length: 21 }, (_, i) => run(`tool-${i}`, 3)));
  const planned = plan(merged);
  assert.equal(planned.payloads.length, 21);
  assert.deepEqual(planned.truncated, []);
  const decoded = planned.payloads.map((p) => decode(p.gzipped));
  assert.equal(
    decoded.reduce((sum, l) => sum + countResults(l), 0),
    63,
  );
  for (const payload of decoded) {
    assert.equal(payload.runs.length, 1);
    assert.deepEqual(validateSarif(payload), []);
  }
  assert.equal(new Set(planned.payloads.map((p) => p.category)).size, 21);
});

test('a run over the per-run result limit keeps its most severe results and records what was left out', () => {
  const severities = ['low', 'critical', 'medium', 'high'];
  const merged = log([run('noisy', 50, (i) => severities[i % 4] ?? 'low'), run('quiet', 2)]);
  const planned = plan(merged, { limits: { ...GITHUB_SARIF_LIMITS, resultsPerRun: 20 } });
  assert.deepEqual(planned.truncated, [
    {
      tool: 'scanfold/noisy/',
      kept: 20,
      omitted: 30,
      reason: 'GitHub accepts at most 20 results per run; the most severe were kept',
    },
  ]);
  const noisy = planned.payloads.find((p) => p.tool === 'noisy')?.log.runs[0];
  const kept = (noisy?.results ?? []).map((r) => r.properties?.['scanfold/severity'] as string);
  assert.equal(kept.filter((s) => s === 'critical').length, 13);
  assert.equal(kept.filter((s) => s === 'high').length, 7);
  assert.equal(merged.runs[0]?.results?.length, 50, 'the merged log itself is untouched');
});

test('a single tool too big gzipped is cut down (most severe first) and reported', () => {
  const merged = log([run('a', 400), run('b', 400), run('c', 4000)]);
  const oneRunBytes = plan(log([run('a', 400)])).payloads[0]?.gzipBytes ?? 0;
  const limits = { ...GITHUB_SARIF_LIMITS, gzipBytes: Math.round(oneRunBytes * 1.5) };
  const planned = plan(merged, { limits });
  for (const payload of planned.payloads)
    assert.ok(payload.gzipBytes <= limits.gzipBytes, `${payload.gzipBytes} > ${limits.gzipBytes}`);
  assert.deepEqual(
    planned.payloads.map((p) => p.tool),
    ['a', 'b', 'c'],
  );
  assert.equal(planned.truncated.length, 1);
  assert.equal(planned.truncated[0]?.tool, 'scanfold/c/');
  const keptC = planned.payloads[2]?.results ?? 0;
  assert.equal(planned.truncated[0]?.kept, keptC);
  assert.equal(planned.truncated[0]?.omitted, 4000 - keptC);
});

test('scanning a subdirectory: every URI becomes repository-relative, and the category carries the path', () => {
  const merged = log([run('semgrep', 2)]);
  const first = merged.runs[0]?.results?.[0];
  assert.ok(first);
  first.relatedLocations = [
    { physicalLocation: { artifactLocation: { uri: 'lib/util.py' } } },
    {
      physicalLocation: {
        artifactLocation: { uri: `file://${WORKSPACE}/services/api/abs.py` },
      },
    },
  ];
  first.codeFlows = [
    {
      threadFlows: [
        {
          locations: [{ location: { physicalLocation: { artifactLocation: { uri: 'flow.py' } } } }],
        },
      ],
    },
  ];
  const planned = plan(merged, { scope: 'services/api' });
  const uploaded = decode(planned.payloads[0]?.gzipped ?? Buffer.alloc(0));
  const result = uploaded.runs[0]?.results?.[0];
  assert.equal(
    result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'services/api/src/file-0.ts',
  );
  assert.deepEqual(
    result?.relatedLocations?.map((l) => l.physicalLocation?.artifactLocation?.uri),
    ['services/api/lib/util.py', 'services/api/abs.py'],
  );
  assert.equal(
    result?.codeFlows?.[0]?.threadFlows[0]?.locations[0]?.location?.physicalLocation
      ?.artifactLocation?.uri,
    'services/api/flow.py',
  );
  assert.equal(uploaded.runs[0]?.automationDetails?.id, 'scanfold/semgrep/services/api/');
  assert.equal(uploaded.runs[0]?.originalUriBaseIds?.['%SRCROOT%']?.uri, `file://${WORKSPACE}/`);
  assert.equal(
    merged.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'src/file-0.ts',
    'scanfold.sarif keeps scan-root paths',
  );
  assert.deepEqual(validateSarif(uploaded), []);
});

test('categories: the root keeps scanfold/<tool>/, a path or a category input names the analysis', () => {
  assert.equal(categoryFor('trivy', ''), 'scanfold/trivy/');
  assert.equal(categoryFor('trivy', 'services/api'), 'scanfold/trivy/services/api/');
  assert.equal(categoryFor('trivy', 'services/api', 'backend'), 'scanfold/trivy/backend/');
  assert.equal(categoryFor('trivy', '', '/nightly/'), 'scanfold/trivy/nightly/');
});

test('over 25,000 rules: only the rules the results use are kept, and ruleIndex points at them', () => {
  const big = run('checkov', 3);
  const rules = Array.from({ length: 25_010 }, (_, i) => ({ id: `CKV_${i}` }));
  big.tool.driver.rules = rules;
  big.results = [7, 25_005, 7].map((index) => ({
    ruleId: `CKV_${index}`,
    ruleIndex: index,
    message: { text: 'x' },
  }));
  const planned = plan(log([big]));
  const uploaded = planned.payloads[0]?.log.runs[0];
  assert.deepEqual(
    uploaded?.tool.driver.rules?.map((r) => r.id),
    ['CKV_7', 'CKV_25005'],
  );
  assert.deepEqual(
    uploaded?.results?.map((r) => [r.ruleId, r.ruleIndex]),
    [
      ['CKV_7', 0],
      ['CKV_25005', 1],
      ['CKV_7', 0],
    ],
  );
  assert.deepEqual(planned.truncated, [], 'no result is lost');
});

test('over 5,000 results in a run: a note says GitHub shows only the first 5,000', () => {
  const planned = plan(log([run('trivy', 5_001), run('gitleaks', 5_000)]));
  assert.equal(planned.notes.length, 1);
  assert.match(
    planned.notes[0] ?? '',
    /^trivy: 5001 results uploaded; GitHub shows only the first 5000/,
  );
});

test('a failed tool is not uploaded at all (its empty run would close its alerts)', () => {
  const planned = plan(log([run('trivy', 0), run('gitleaks', 1)]), { excludedTools: ['trivy'] });
  assert.deepEqual(
    planned.payloads.map((p) => p.tool),
    ['gitleaks'],
  );
});

/** A run whose results compress about as well as real ones (repeated rules, varied paths). */
function variedRun(tool: string, count: number, seed: number): Run {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return {
    tool: { driver: { name: tool, rules: [{ id: `${tool}-1` }, { id: `${tool}-2` }] } },
    automationDetails: { id: `scanfold/${tool}/` },
    results: Array.from({ length: count }, (_, index): Result => ({
      ruleId: `${tool}-${(next() % 2) + 1}`,
      message: { text: `finding ${index}: ${next().toString(36)} ${next().toString(36)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/${next().toString(36)}/${index}.ts` },
            region: { startLine: (next() % 900) + 1 },
          },
        },
      ],
      properties: { 'scanfold/severity': ['low', 'medium', 'high', 'critical'][next() % 4] },
    })),
  };
}

/** planUploads before each run was gzipped once: fitToLimits' own estimate, then gzip per run. */
function referencePlan(request: Parameters<typeof planUploads>[0]) {
  const envelope = uploadEnvelope(request);
  const fitted = fitToLimits(envelope, request.limits ?? { ...GITHUB_SARIF_LIMITS });
  return {
    truncated: fitted.truncated,
    payloads: fitted.runs.map((run) => ({
      log: { ...envelope, runs: [run] },
      gzipped: gzipSync(JSON.stringify({ ...envelope, runs: [run] })),
    })),
  };
}

test('each run gzipped once: the same runs, truncations and payload bytes as sizing first and gzipping after', () => {
  const merged = log([
    variedRun('gitleaks', 40, 1),
    variedRun('semgrep', 700, 2),
    variedRun('trivy', 1_500, 3),
  ]);
  const request = { merged, scope: 'services/api', workspace: WORKSPACE };
  // Each run's own measures: the upload's gzip, the fast gzip and the JSON length the estimate uses.
  const measures = referencePlan(request).payloads.flatMap(({ log: one, gzipped }) => {
    const json = JSON.stringify(one);
    return [gzipped.length, gzipSync(json, { level: 1 }).length / 0.95, json.length + 1024];
  });
  // Limits below, at, near and above each of those sizes, a run cut to one result, GitHub's own.
  const sizes = measures.flatMap((size) =>
    [0.5, 0.97, 1, 1.03].flatMap((f) => [Math.round(size * f) - 1, Math.round(size * f)]),
  );
  const cases: SarifLimits[] = [
    ...[...sizes, 100].map((gzipBytes) => ({ ...GITHUB_SARIF_LIMITS, gzipBytes })),
    { ...GITHUB_SARIF_LIMITS },
    { ...GITHUB_SARIF_LIMITS, resultsPerRun: 300 },
    { ...GITHUB_SARIF_LIMITS, resultsPerRun: 300, gzipBytes: Math.round((measures[3] ?? 0) / 2) },
  ];
  let shrunk = 0;
  for (const limits of cases) {
    const label = `limits ${limits.gzipBytes} / ${limits.resultsPerRun}`;
    const expected = referencePlan({ ...request, limits });
    const planned = planUploads({ ...request, limits });
    assert.deepEqual(planned.truncated, expected.truncated, label);
    assert.equal(planned.payloads.length, expected.payloads.length, label);
    planned.payloads.forEach((payload, index) => {
      const reference = expected.payloads[index];
      assert.ok(reference);
      assert.deepEqual(payload.log, reference.log, `${label} run ${index}`);
      assert.ok(payload.gzipped.equals(reference.gzipped), `${label} run ${index} payload bytes`);
      assert.equal(payload.gzipBytes, reference.gzipped.length, label);
      assert.equal(payload.results, reference.log.runs[0]?.results?.length ?? 0, label);
    });
    shrunk += planned.truncated.filter((item) => item.reason.includes('gzipped')).length;
  }
  assert.ok(shrunk >= 10, `the size limit cut runs down in ${shrunk} cases`);
});

test('rebasing shares what it does not rewrite and keeps every key, `__proto__` included, as data', () => {
  const merged = JSON.parse(
    JSON.stringify(log([run('semgrep', 1)])).replace(
      '"message":{',
      '"message":{"__proto__":{"polluted":true},',
    ),
  ) as Log;
  const planned = plan(merged, { scope: 'services/api' });
  const uploaded = decode(planned.payloads[0]?.gzipped ?? Buffer.alloc(0));
  const result = uploaded.runs[0]?.results?.[0];
  assert.deepEqual(Object.keys(result?.message ?? {}), ['__proto__', 'text']);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(
    result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'services/api/src/file-0.ts',
  );
  // The merged log is never changed; unchanged parts are shared, not copied.
  const original = merged.runs[0]?.results?.[0];
  assert.equal(original?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'src/file-0.ts');
  const planned0 = uploadEnvelope({ merged, scope: 'services/api', workspace: WORKSPACE });
  const rebased = planned0.runs[0]?.results?.[0];
  assert.equal(rebased?.message, original?.message);
  assert.notEqual(rebased?.locations, original?.locations);
});

test('text outside ASCII: a run under the limit in characters but over it gzipped is cut down', () => {
  let state = 7;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const cjk = (length: number): string =>
    Array.from({ length }, () => String.fromCharCode(0x4e00 + (next() % 20_000))).join('');
  const semgrep = run('semgrep', 0);
  semgrep.results = Array.from({ length: 600 }, () => ({
    ruleId: 'r',
    message: { text: cjk(200) },
  }));
  const merged = log([semgrep]);
  const request = { merged, scope: '', workspace: WORKSPACE };
  const [whole] = referencePlan(request).payloads;
  assert.ok(whole);
  // Under the limit in UTF-16 code units, which the old estimate counted, but not gzipped.
  const limits = { ...GITHUB_SARIF_LIMITS, gzipBytes: JSON.stringify(whole.log).length + 2_000 };
  assert.ok(whole.gzipped.length > limits.gzipBytes);
  // fitToLimits' own sizing counts UTF-8 bytes as well (it once counted characters and let it by).
  assert.equal(referencePlan({ ...request, limits }).truncated.length, 1);
  const planned = planUploads({ ...request, limits });
  const payload = planned.payloads[0];
  assert.ok(payload && payload.gzipBytes <= limits.gzipBytes);
  assert.equal(planned.truncated[0]?.kept, payload.results);
  assert.equal(planned.truncated[0]?.omitted, 600 - payload.results);
});

test('matrix legs: a variant joins the default category only; the matrix key is stable and absent outside a matrix', () => {
  assert.equal(
    categoryFor('trivy', 'services/api', undefined, 'matrix-1a2b3c4d'),
    'scanfold/trivy/services/api/matrix-1a2b3c4d/',
  );
  assert.equal(categoryFor('trivy', '', undefined, 'leg-a'), 'scanfold/trivy/leg-a/');
  assert.equal(
    categoryFor('trivy', 'services/api', 'backend', 'matrix-1a2b3c4d'),
    'scanfold/trivy/backend/',
  );
  assert.equal(
    categoryFor('trivy', 'services/api', undefined, undefined),
    'scanfold/trivy/services/api/',
  );
  for (const none of [undefined, '', 'null', '{}', '[1]', 'not json'])
    assert.equal(matrixKey(none), undefined);
  const a = matrixKey('{"os":"ubuntu","image":{"name":"app","tag":"1"}}');
  assert.match(a ?? '', /^matrix-[0-9a-f]{8}$/);
  assert.equal(matrixKey('{ "image": {"tag":"1","name":"app"}, "os": "ubuntu" }'), a);
  assert.notEqual(matrixKey('{"os":"windows","image":{"name":"app","tag":"1"}}'), a);
  const merged = log([run('trivy', 1)]);
  const legs = ['matrix-00000001', 'matrix-00000002'].map(
    (variant) => plan(merged, { scope: 'services/api', variant }).payloads[0]?.category,
  );
  assert.equal(new Set(legs).size, 2);
});

test('a result with more than 10,000 thread-flow locations is cut to the first 10,000', () => {
  const location = (i: number) => ({ location: { message: { text: `step ${i}` } } });
  const flows = [
    { threadFlows: [{ locations: Array.from({ length: 6_000 }, (_, i) => location(i)) }] },
    {
      threadFlows: [
        { locations: Array.from({ length: 6_000 }, (_, i) => location(i)) },
        { locations: [location(0)] },
      ],
    },
  ];
  const one = run('codeql', 1);
  const result = one.results?.[0];
  assert.ok(result);
  result.codeFlows = flows;
  const fitted = fitToLimits(log([one]), { ...GITHUB_SARIF_LIMITS });
  const kept = fitted.runs[0]?.results?.[0]?.codeFlows ?? [];
  const total = kept.flatMap((f) => f.threadFlows).reduce((n, t) => n + t.locations.length, 0);
  assert.equal(total, 10_000);
  assert.equal(kept.length, 2);
  assert.equal(kept[1]?.threadFlows.length, 1, 'a thread flow left empty is dropped');
  assert.equal(GITHUB_SARIF_LIMITS.gzipBytes, 10_000_000);
});
