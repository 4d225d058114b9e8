import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../src/model/finding.ts';
import { mapCompliance, passedChecksFrom } from '../src/policy/compliance.ts';
import { checkovPassedChecks } from '../src/scanners/checkov.ts';
import { trivyPassedChecks } from '../src/scanners/trivy.ts';
import trivyCompliance from '../src/policy/data/trivy-compliance.json' with { type: 'json' };
import owasp2021 from '../src/policy/data/owasp-top10-2021.json' with { type: 'json' };

function finding(id: string, tool: string, ruleId: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    fingerprint: id,
    category: 'code',
    severity: 'high',
    ruleId,
    title: ruleId,
    message: ruleId,
    tools: [tool],
    sources: [{ tool, ruleId, file: 'raw/x', runIndex: 0, resultIndex: 0 }],
    location: { path: 'app.py', startLine: 1 },
    cwe: [],
    ...extra,
  };
}

const control = (
  result: ReturnType<typeof mapCompliance>,
  framework: string,
  id: string,
): { status: string; findings: string[]; passed?: string[] } | undefined =>
  result.frameworks.find((f) => f.id === framework)?.controls.find((c) => c.id === id);

test('the data files keep their source and licence, and every OWASP 2021 category has CWEs', () => {
  assert.match(trivyCompliance.module, /^github\.com\/aquasecurity\/trivy-checks@v\d/);
  for (const framework of trivyCompliance.frameworks)
    assert.match(framework.license, /Apache-2\.0/);
  assert.deepEqual(
    owasp2021.controls.map((c) => c.id),
    ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10'],
  );
  assert.ok(owasp2021.controls.every((c) => c.cwes.length > 0));
  assert.ok(owasp2021.controls.find((c) => c.id === 'A03')?.cwes.includes('CWE-89'));
});

test('CWE-tagged code findings, secrets and dependencies map onto OWASP and the CWE Top 25', () => {
  const result = mapCompliance([
    finding('SF-sql', 'semgrep', 'python.sql-injection', { cwe: ['CWE-89'] }),
    finding('SF-key', 'gitleaks', 'aws-access-token', { category: 'secret' }),
    finding('SF-dep', 'grype', 'CVE-2021-23337', { category: 'vulnerability', cwe: ['CWE-94'] }),
    finding('SF-off', 'semgrep', 'eval', { cwe: ['CWE-95'], suppressed: true }),
  ]);
  assert.deepEqual(control(result, 'owasp-top10-2021', 'A03')?.findings, ['SF-sql']);
  assert.deepEqual(control(result, 'owasp-top10-2021', 'A07')?.findings, ['SF-key']);
  assert.deepEqual(control(result, 'owasp-top10-2021', 'A06')?.findings, ['SF-dep']);
  assert.deepEqual(control(result, 'owasp-top10-2025', 'A03')?.findings, ['SF-dep']);
  assert.deepEqual(control(result, 'cwe-top25-2025', 'CWE-89')?.findings, ['SF-sql']);
  // A dependency's own CWE counts in the CWE Top 25 (it is that weakness) but not in OWASP's A03.
  assert.deepEqual(control(result, 'cwe-top25-2025', 'CWE-94')?.findings, ['SF-dep']);
  assert.equal(control(result, 'owasp-top10-2021', 'A01')?.status, 'not-assessed');
  // Nothing passes on silence, and a suppressed finding fails nothing.
  for (const framework of result.frameworks)
    for (const c of framework.controls) {
      assert.notEqual(c.status, 'pass');
      assert.ok(!c.findings.includes('SF-off'));
    }
  assert.deepEqual(result.byFinding.get('SF-sql'), [
    'owasp-top10-2021:A03',
    'owasp-top10-2025:A05',
    'cwe-top25-2025:CWE-89',
  ]);
});

test('CIS: Trivy ids directly, Checkov only through the intent map; pass needs a check that ran', () => {
  const docker = (tool: string, ruleId: string, id: string): Finding =>
    finding(id, tool, ruleId, { category: 'iac', location: { path: 'Dockerfile' } });
  const result = mapCompliance(
    [
      docker('trivy', 'DS-0002', 'SF-root'), // 4.1 user
      docker('checkov', 'CKV_DOCKER_4', 'SF-add'), // 4.9 COPY not ADD, via DS-5
      docker('checkov', 'CKV_DOCKER_9', 'SF-apt'), // no Trivy twin: not mapped, never guessed
      finding('SF-pem', 'gitleaks', 'private-key', {
        category: 'secret',
        location: { path: 'build/app.Dockerfile', startLine: 3 },
      }),
    ],
    new Set(['DS-26']), // HEALTHCHECK ran and passed (Checkov CKV_DOCKER_2)
  );
  assert.equal(control(result, 'docker-cis-1.6.0', '4.1')?.status, 'fail');
  assert.deepEqual(control(result, 'docker-cis-1.6.0', '4.9')?.findings, ['SF-add']);
  assert.deepEqual(control(result, 'docker-cis-1.6.0', '4.10')?.findings, ['SF-pem']);
  assert.deepEqual(control(result, 'docker-cis-1.6.0', '4.6'), {
    id: '4.6',
    title: 'Ensure HEALTHCHECK instructions have been added to the container image',
    status: 'pass',
    findings: [],
    passed: ['DS-26'],
  });
  assert.equal(control(result, 'docker-cis-1.6.0', '4.7')?.status, 'not-assessed');
  assert.deepEqual(result.byFinding.get('SF-apt'), [
    'owasp-top10-2021:A05',
    'owasp-top10-2025:A02',
  ]);
  // Frameworks none of whose checks were seen are left out rather than shown all not-assessed.
  assert.equal(
    result.frameworks.some((f) => f.id === 'aws-cis-1.4'),
    false,
  );
  const ids =
    result.frameworks.find((f) => f.id === 'docker-cis-1.6.0')?.controls.map((c) => c.id) ?? [];
  assert.ok(ids.indexOf('4.9') < ids.indexOf('4.10'), ids.join(' '));
});

test("Checkov's passed_checks (its JSON without --quiet) let a CIS control pass, through the twins only", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-passed-'));
  try {
    await mkdir(path.join(dir, 'raw', 'checkov'), { recursive: true });
    // Checkov's JSON shape: one report per framework, each with results.passed_checks.
    const passed = (id: string) => ({
      check_id: id,
      check_result: { result: 'PASSED' },
      file_path: '/Dockerfile',
      resource: '/Dockerfile.',
    });
    await writeFile(
      path.join(dir, 'raw', 'checkov', 'checkov.json'),
      JSON.stringify([
        {
          check_type: 'dockerfile',
          results: {
            passed_checks: [passed('CKV_DOCKER_2'), passed('CKV_DOCKER_9')],
            failed_checks: [],
          },
        },
        { check_type: 'secrets', results: { passed_checks: [], failed_checks: [] } },
      ]),
    );
    const checks = await passedChecksFrom(dir, [
      {
        name: 'checkov',
        status: 'ok',
        attempts: 1,
        durationMs: 1,
        findings: 0,
        outputs: ['raw/checkov/checkov.json'],
      },
    ]);
    // CKV_DOCKER_9 has no Trivy twin: it stands for nothing.
    assert.deepEqual([...checks], ['DS-26']);
    const result = mapCompliance([], checks);
    assert.equal(control(result, 'docker-cis-1.6.0', '4.6')?.status, 'pass');
    assert.equal(control(result, 'docker-cis-1.6.0', '4.1')?.status, 'not-assessed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("Trivy's PASS entries are evidence only when they assess something: a Dockerfile, or a named resource", () => {
  const misconfig = (ID: string, Status: string, Resource?: string) => ({
    ID,
    Status,
    CauseMetadata: Resource ? { Resource } : { Provider: 'AWS' },
  });
  const report = {
    SchemaVersion: 2,
    Results: [
      {
        Target: 'Dockerfile',
        Class: 'config',
        Type: 'dockerfile',
        Misconfigurations: [misconfig('DS-0026', 'PASS'), misconfig('DS-0002', 'FAIL')],
      },
      // Module-level: also "no password policy here", which proves nothing.
      {
        Target: 'terraform',
        Class: 'config',
        Type: 'terraform',
        Misconfigurations: [misconfig('AWS-0056', 'PASS')],
      },
      {
        Target: 'main.tf',
        Class: 'config',
        Type: 'terraform',
        Misconfigurations: [misconfig('AWS-0088', 'PASS', 'aws_s3_bucket.logs')],
      },
    ],
  };
  assert.deepEqual(trivyPassedChecks(report), [
    { checkId: 'DS-0026', file: 'Dockerfile' },
    { checkId: 'AWS-0088', file: 'main.tf', resource: 'aws_s3_bucket.logs' },
  ]);
  for (const hostile of [null, 'x', { Results: 'x' }, [{ results: { passed_checks: 1 } }]]) {
    assert.deepEqual(trivyPassedChecks(hostile), []);
    assert.deepEqual(checkovPassedChecks(hostile), []);
  }
});
