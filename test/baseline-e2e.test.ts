/**
 * The "done when", with real scanners on a git checkout of the example app: a re-scan
 * against the first report.json has 0 new; a planted credential makes exactly that file's findings
 * new; a deleted file's findings are fixed; a renamed and a shifted file stay unchanged; config
 * suppressions apply, expire and go unused as written.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { ReportSchema } from '../src/model/scan-result.ts';
import type { Report } from '../src/model/scan-result.ts';
import { EXAMPLE_APP, runCli } from './support/run-cli.ts';
import { testDbArgs } from './support/testdb.ts';

const SCANNERS = 'gitleaks,semgrep,checkov,trivy';
let dir = '';
let app = '';
const git = (...args: string[]): string =>
  execFileSync('git', ['-C', app, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
  });

async function scan(
  out: string,
  extra: string[] = [],
): Promise<{ report: Report; code: number | null }> {
  const run = await runCli(
    [
      'scan',
      app,
      '--scanners',
      SCANNERS,
      '--out',
      path.join(dir, out),
      '--no-install',
      '--offline',
      ...testDbArgs(),
      ...extra,
    ],
    { SCANFOLD_PDF: '0' },
  );
  const report = ReportSchema.parse(
    JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')),
  );
  assert.deepEqual(
    report.scanners.map((s) => [s.name, s.status]),
    SCANNERS.split(',').map((name) => [name, 'ok']),
    run.stderr.slice(-2000),
  );
  return { report, code: run.code };
}

let first: Report;
let again: Report;
let changed: Report;
let changedCode: number | null;
let sarif: Log;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-baseline-'));
  app = path.join(dir, 'app');
  await cp(EXAMPLE_APP, app, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'baseline');
  first = (await scan('first', ['--fail-on', 'none'])).report;
  const baseline = path.join(dir, 'first', 'report.json');
  again = (await scan('again', ['--fail-on', 'high', '--baseline', baseline])).report;

  // A pull request: rename a file, delete one, shift one, plant a credential in a new one.
  git('mv', 'app.py', 'api.py');
  git('rm', '-q', 'server.js');
  const settings = path.join(app, 'config', 'settings.py');
  await writeFile(settings, '# moved down by two lines\n\n' + (await readFile(settings, 'utf8')));
  await writeFile(
    path.join(app, 'config', 'planted.py'),
    '# FAKE, for scanner tests\nAWS_ACCESS_KEY_ID = "AKIAQYLPMN5HHHFPZAM2"\n',
  );
  git('add', '-A');
  git('commit', '-qm', 'change');
  const config = path.join(dir, 'policy.yml');
  await writeFile(
    config,
    [
      'suppressions:',
      '  - rule: CKV_DOCKER_2',
      '    reason: health is checked by the orchestrator (SEC-142)',
      '    expires: 2999-03-31',
      '  - rule: scanfold.python.command-injection',
      '    reason: an old exception',
      '    expires: 2020-01-31',
      '  - cve: CVE-1999-0001',
      '    reason: matches nothing',
    ].join('\n'),
  );
  const run = await scan('changed', [
    '--fail-on',
    'high',
    '--baseline',
    baseline,
    '--config',
    config,
  ]);
  changed = run.report;
  changedCode = run.code;
  sarif = JSON.parse(await readFile(path.join(dir, 'changed', 'scanfold.sarif'), 'utf8')) as Log;
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the example scan maps onto OWASP Top 10 and CIS Docker with failing controls tied to real findings', () => {
  const ids = new Set(first.findings.map((f) => f.id));
  const owasp = first.compliance?.frameworks.find((f) => f.id === 'owasp-top10-2021');
  const injection = owasp?.controls.find((c) => c.id === 'A03');
  assert.equal(injection?.status, 'fail');
  assert.ok(injection?.findings.every((id) => ids.has(id)) && injection.findings.length >= 5);
  const docker = first.compliance?.frameworks.find((f) => f.id === 'docker-cis-1.6.0');
  const user = docker?.controls.find((c) => c.id === '4.1');
  assert.equal(user?.status, 'fail');
  assert.ok(
    user?.findings.some(
      (id) => first.findings.find((f) => f.id === id)?.location.path === 'Dockerfile',
    ),
  );
  // Passed checks now reach the mapping, but a failed twin outweighs them: Trivy passes DS-5 on
  // this Dockerfile (its ADD fetches a URL) while Checkov's CKV_DOCKER_4 fails, so 4.9 fails.
  assert.equal(docker?.controls.find((c) => c.id === '4.9')?.status, 'fail');
  for (const framework of first.compliance?.frameworks ?? [])
    for (const control of framework.controls)
      if (control.status === 'pass')
        assert.ok(
          control.passed?.length && control.findings.length === 0,
          `${framework.id} ${control.id}: passes only on a check that ran and passed`,
        );
});

test('a re-scan against its own report.json has 0 new and 0 fixed, and the gate counts only new', () => {
  assert.equal(again.summary.new, 0);
  assert.equal(again.summary.fixed, 0);
  assert.equal(again.summary.unchanged, again.summary.total);
  assert.equal(again.gate.scope, 'new');
  assert.equal(again.gate.result, 'passed');
  assert.equal(again.baseline?.comparable, true);
});

test('a planted credential is new, and only its file; a deleted file is fixed; renamed and shifted files are unchanged', () => {
  const fresh = changed.findings.filter((f) => f.baseline === 'new');
  assert.ok(fresh.length >= 1, 'the planted credential is found');
  assert.deepEqual([...new Set(fresh.map((f) => f.location.path))], ['config/planted.py']);
  const deleted = first.findings.filter((f) => f.location.path === 'server.js');
  assert.ok(deleted.length >= 3);
  assert.deepEqual(changed.fixed?.map((f) => f.id).sort(), deleted.map((f) => f.id).sort());
  assert.equal(changed.summary.fixed, deleted.length);
  const renamed = changed.findings.filter((f) => f.location.path === 'api.py');
  assert.equal(renamed.length, first.findings.filter((f) => f.location.path === 'app.py').length);
  assert.ok(renamed.every((f) => f.baseline === 'unchanged'));
  assert.ok(
    changed.findings
      .filter((f) => f.location.path === 'config/settings.py')
      .every((f) => f.baseline === 'unchanged'),
  );
  assert.equal(changed.baseline?.renames, 1);
  // The secret is critical or high and new: the gate (scope new) fails, exit 1.
  assert.equal(changed.gate.result, 'failed');
  assert.equal(changedCode, 1);
  assert.ok(sarif.runs.flatMap((run) => run.results ?? []).some((r) => r.baselineState === 'new'));
});

test('suppressions: future expiry suppresses (SARIF dismissed), past expiry is listed as expired, no match is unused', () => {
  const healthcheck = changed.findings.filter((f) =>
    f.sources.some((s) => s.ruleId === 'CKV_DOCKER_2'),
  );
  assert.ok(healthcheck.length >= 1);
  for (const finding of healthcheck) {
    assert.equal(finding.suppressed, true);
    assert.deepEqual(finding.suppression, {
      source: 'config',
      reason: 'health is checked by the orchestrator (SEC-142)',
      expires: '2999-03-31',
    });
  }
  const result = sarif.runs
    .find((run) => run.tool.driver.name.toLowerCase().includes('checkov'))
    ?.results?.find((r) => r.ruleId === 'CKV_DOCKER_2');
  assert.deepEqual(result?.suppressions?.at(-1), {
    kind: 'external',
    status: 'accepted',
    justification: 'health is checked by the orchestrator (SEC-142)',
    properties: { 'scanfold/expires': '2999-03-31' },
  });
  const expired = changed.suppressions?.expired ?? [];
  assert.deepEqual(
    expired.map((e) => e.suppression.index),
    [1],
  );
  const injections = changed.findings.filter(
    (f) => f.ruleId === 'scanfold.python.command-injection',
  );
  assert.ok(injections.length >= 1);
  assert.deepEqual(expired[0]?.findings.sort(), injections.map((f) => f.id).sort());
  assert.ok(
    injections.every((f) => !f.suppressed),
    'an expired suppression does not suppress',
  );
  assert.deepEqual(
    changed.suppressions?.unused.map((e) => e.suppression.index),
    [2],
  );
  assert.equal(changed.summary.suppressed, changed.findings.filter((f) => f.suppressed).length);
});
