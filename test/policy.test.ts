import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../src/model/finding.ts';
import { compareWithBaseline } from '../src/policy/baseline.ts';
import type { BaselineReport } from '../src/policy/baseline.ts';
import { evaluateGate } from '../src/policy/gate.ts';
import { applySuppressions, isExpired } from '../src/policy/suppressions.ts';

function finding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'ruleId'>): Finding {
  const tool = overrides.tools?.[0] ?? 'semgrep';
  return {
    fingerprint: `fp-${overrides.id}`,
    category: 'code',
    severity: 'high',
    title: overrides.ruleId,
    message: overrides.ruleId,
    tools: [tool],
    sources: [{ tool, ruleId: overrides.ruleId, file: 'raw/x.sarif', runIndex: 0, resultIndex: 0 }],
    location: { path: 'app.py', startLine: 1 },
    cwe: [],
    ...overrides,
  };
}

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

test('a suppression applies through its expiry day (UTC), then expires', () => {
  const rule = { rule: 'X', reason: 'r', expires: '2026-11-28' };
  assert.equal(isExpired(rule, NOW), false);
  assert.equal(isExpired(rule, Date.parse('2026-11-28T23:59:59Z')), false);
  assert.equal(isExpired(rule, Date.parse('2026-11-29T00:00:00Z')), true);
  assert.equal(isExpired({ rule: 'X', reason: 'r' }, NOW + 1000 * DAY), false);
});

test('suppressions: future expiry suppresses, past expiry is listed as expired, no match is unused', () => {
  const findings = [
    finding({ id: 'SF-1', ruleId: 'CKV_DOCKER_2', tools: ['checkov'], category: 'iac' }),
    finding({
      id: 'SF-2',
      ruleId: 'GHSA-35jh-r3h4-6jhm',
      category: 'vulnerability',
      tools: ['grype'],
      ghsa: 'GHSA-35jh-r3h4-6jhm',
      cve: 'CVE-2021-23337',
      aliases: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
      location: { path: 'examples/package-lock.json' },
    }),
    finding({ id: 'SF-3', ruleId: 'python.lang.eval', location: { path: 'src/app.py' } }),
    finding({ id: 'SF-4', ruleId: 'inline', suppressed: true }),
  ];
  const outcome = applySuppressions(
    findings,
    [
      {
        rule: 'CKV_DOCKER_2',
        reason: 'orchestrator checks health (SEC-142)',
        expires: '2027-03-31',
      },
      { cve: 'cve-2021-23337', path: 'examples/**', reason: 'not reachable' }, // alias + glob
      { rule: 'python.lang.eval', reason: 'old', expires: '2026-01-31' }, // expired
      { tool: 'gitleaks', reason: 'matches nothing' },
    ],
    NOW,
  );
  const byId = new Map(outcome.findings.map((f) => [f.id, f]));
  assert.deepEqual(byId.get('SF-1')?.suppression, {
    source: 'config',
    reason: 'orchestrator checks health (SEC-142)',
    expires: '2027-03-31',
  });
  assert.equal(byId.get('SF-1')?.suppressed, true);
  assert.equal(byId.get('SF-2')?.suppression?.reason, 'not reachable');
  assert.equal(byId.get('SF-3')?.suppressed, undefined, 'an expired suppression does not apply');
  assert.equal(byId.get('SF-4')?.suppression?.source, 'inline');
  assert.deepEqual(
    outcome.expired.map((e) => [e.suppression.index, e.findings]),
    [[2, ['SF-3']]],
  );
  assert.deepEqual(
    outcome.unused.map((e) => e.suppression.index),
    [3],
  );
  assert.deepEqual(
    outcome.active.map((e) => [e.suppression.index, e.findings]),
    [
      [0, ['SF-1']],
      [1, ['SF-2']],
    ],
  );
  // Nothing is dropped: every finding is still there.
  assert.equal(outcome.findings.length, findings.length);
  // Suppressed findings never gate.
  assert.equal(evaluateGate(outcome.findings, 'high').reason.startsWith('1 finding'), true);
});

const baselineOf = (findings: Finding[], extra: Partial<BaselineReport> = {}): BaselineReport => ({
  file: 'old/report.json',
  findings,
  ...extra,
});

test('baseline: same fingerprint is unchanged wherever its line moved; new and fixed are told apart', () => {
  const old = [
    finding({ id: 'SF-a', ruleId: 'r1', location: { path: 'app.py', startLine: 10 } }),
    finding({ id: 'SF-b', ruleId: 'r2', location: { path: 'gone.py', startLine: 3 } }),
  ];
  const now = [
    finding({ id: 'SF-a', ruleId: 'r1', location: { path: 'app.py', startLine: 42 } }),
    finding({ id: 'SF-c', ruleId: 'r3', location: { path: 'new.py', startLine: 1 } }),
  ];
  const result = compareWithBaseline({
    findings: now,
    baseline: baselineOf(old),
    renames: new Map(),
    completedTools: new Set(['semgrep']),
    settings: undefined,
  });
  assert.deepEqual(
    result.findings.map((f) => [f.id, f.baseline]),
    [
      ['SF-a', 'unchanged'],
      ['SF-c', 'new'],
    ],
  );
  assert.deepEqual(
    result.fixed.map((f) => [f.id, f.ruleId, f.location.path, f.tools]),
    [['SF-b', 'r2', 'gone.py', ['semgrep']]],
  );
  assert.equal(result.info.comparable, true);
});

test('baseline: a line-keyed secret that moved, and a renamed file, stay unchanged', () => {
  const old = [
    finding({
      id: 'SF-s',
      ruleId: 'aws-access-token',
      category: 'secret',
      tools: ['gitleaks'],
      fingerprint: 'secret-at-line-3',
      location: { path: 'config/settings.py', startLine: 3 },
    }),
    finding({
      id: 'SF-r',
      ruleId: 'r1',
      fingerprint: 'old-path',
      location: { path: 'a.js', startLine: 5 },
    }),
  ];
  const now = [
    finding({
      id: 'SF-s2',
      ruleId: 'aws-access-token',
      category: 'secret',
      tools: ['gitleaks'],
      fingerprint: 'secret-at-line-9',
      location: { path: 'config/settings.py', startLine: 9 },
    }),
    finding({
      id: 'SF-r2',
      ruleId: 'r1',
      fingerprint: 'new-path',
      location: { path: 'lib/a.js', startLine: 5 },
    }),
    finding({
      id: 'SF-s3',
      ruleId: 'aws-access-token',
      category: 'secret',
      tools: ['gitleaks'],
      fingerprint: 'planted',
      location: { path: 'config/other.py', startLine: 3 },
    }),
  ];
  const result = compareWithBaseline({
    findings: now,
    baseline: baselineOf(old),
    renames: new Map([['a.js', 'lib/a.js']]),
    completedTools: new Set(['gitleaks', 'semgrep']),
    settings: undefined,
  });
  assert.deepEqual(
    result.findings.map((f) => [f.id, f.baseline]),
    [
      ['SF-s2', 'unchanged'],
      ['SF-r2', 'unchanged'],
      ['SF-s3', 'new'],
    ],
  );
  assert.deepEqual(result.fixed, []);
});

test('baseline: findings of a scanner that failed this run are not "fixed"; another setup is flagged', () => {
  const old = [finding({ id: 'SF-t', ruleId: 'DS002', tools: ['trivy'], category: 'iac' })];
  const result = compareWithBaseline({
    findings: [],
    baseline: baselineOf(old, { settings: { scanners: ['trivy', 'semgrep'], digest: 'x' } }),
    renames: new Map(),
    completedTools: new Set(['semgrep']),
    settings: { scanners: ['semgrep'], digest: 'y' },
  });
  assert.deepEqual(result.fixed, []);
  assert.equal(result.info.notRechecked, 1);
  assert.equal(result.info.comparable, false);
  assert.match(result.info.reason ?? '', /baseline ran semgrep, trivy; this run ran semgrep/);
});

test('gate scope new counts only new, unsuppressed findings', () => {
  const findings = [
    finding({ id: 'SF-1', ruleId: 'a', baseline: 'unchanged', severity: 'critical' }),
    finding({ id: 'SF-2', ruleId: 'b', baseline: 'new', severity: 'low' }),
  ];
  assert.equal(evaluateGate(findings, 'high', 'new').result, 'passed');
  assert.equal(evaluateGate(findings, 'high', 'all').result, 'failed');
  const withNew = [...findings, finding({ id: 'SF-3', ruleId: 'c', baseline: 'new' })];
  const gate = evaluateGate(withNew, 'high', 'new');
  assert.equal(gate.result, 'failed');
  assert.equal(gate.reason, '1 new finding(s) at or above high (1 high)');
});
