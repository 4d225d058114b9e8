/**
 * A real scan (Trivy + Checkov) of a small Dockerfile that meets some CIS Docker controls and
 * breaks one: controls pass only on checks the scanners really ran and passed, which reach the
 * compliance mapping from their raw JSON and never become findings or SARIF results.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { ReportSchema } from '../src/model/scan-result.ts';
import type { Report } from '../src/model/scan-result.ts';
import { countResults } from '../src/outputs/sarif.ts';
import { checkovPassedChecks } from '../src/scanners/checkov.ts';
import { trivyPassedChecks } from '../src/scanners/trivy.ts';
import { runCli } from './support/run-cli.ts';
import { testDbArgs } from './support/testdb.ts';

// Non-root USER (CIS 4.1), HEALTHCHECK (4.6), COPY not ADD (4.9); `apt-get update` alone (4.7) fails.
const DOCKERFILE = `FROM debian:12.7
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
COPY app.sh /app/app.sh
USER app
HEALTHCHECK CMD curl -fsS http://localhost:8080/ || exit 1
CMD ["/app/app.sh"]
`;

let dir = '';
let report: Report;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cis-'));
  const app = path.join(dir, 'app');
  await mkdir(app);
  await writeFile(path.join(app, 'Dockerfile'), DOCKERFILE);
  await writeFile(path.join(app, 'app.sh'), '#!/bin/sh\nexec sleep infinity\n');
  const run = await runCli(
    [
      'scan',
      app,
      '--scanners',
      'trivy,checkov',
      '--out',
      path.join(dir, 'out'),
      '--no-install',
      '--offline',
      ...testDbArgs(),
    ],
    { SCANFOLD_PDF: '0' },
  );
  report = ReportSchema.parse(
    JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')),
  );
  assert.deepEqual(
    report.scanners.map((s) => [s.name, s.status]),
    [
      ['trivy', 'ok'],
      ['checkov', 'ok'],
    ],
    run.stderr.slice(-2000),
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rawJson(scanner: string, name: string): Promise<unknown> {
  const output = report.scanners
    .find((s) => s.name === scanner)
    ?.outputs.find((file) => path.basename(file) === name);
  assert.ok(output, `${scanner} wrote ${name}`);
  return JSON.parse(await readFile(path.join(dir, 'out', output), 'utf8')) as unknown;
}

test('CIS Docker controls pass on checks that really ran and passed, and fail on findings', async () => {
  const trivyPassed = trivyPassedChecks(await rawJson('trivy', 'trivy.json')).map((c) => c.checkId);
  const checkovPassed = checkovPassedChecks(await rawJson('checkov', 'checkov.json')).map(
    (c) => c.checkId,
  );
  // The scanners really reported them (Trivy with --include-non-failures, Checkov without --quiet).
  for (const id of ['DS-0002', 'DS-0005', 'DS-0026']) assert.ok(trivyPassed.includes(id), id);
  for (const id of ['CKV_DOCKER_2', 'CKV_DOCKER_3']) assert.ok(checkovPassed.includes(id), id);
  assert.ok(!trivyPassed.includes('DS-0017'), 'apt-get update alone fails');

  const docker = report.compliance?.frameworks.find((f) => f.id === 'docker-cis-1.6.0');
  const control = (id: string) => docker?.controls.find((c) => c.id === id);
  for (const [id, check] of [
    ['4.1', 'DS-2'],
    ['4.6', 'DS-26'],
    ['4.9', 'DS-5'],
  ] as const) {
    assert.equal(control(id)?.status, 'pass', id);
    assert.deepEqual(control(id)?.passed, [check], id);
    assert.deepEqual(control(id)?.findings, [], id);
  }
  const update = control('4.7');
  assert.equal(update?.status, 'fail');
  assert.ok(
    update?.findings.some((id) =>
      report.findings
        .find((f) => f.id === id)
        ?.sources.some((s) => s.tool === 'trivy' && s.ruleId === 'DS-0017'),
    ),
  );
  // Manual controls and checks nobody ran stay not assessed.
  assert.equal(control('4.2')?.status, 'not-assessed');
  assert.equal(control('4.4')?.status, 'not-assessed');
});

test('passed checks never become findings or SARIF results', async () => {
  const failedChecks = new Set(
    report.findings.flatMap((f) => f.sources.map((s) => `${s.tool}:${s.ruleId}`)),
  );
  for (const passed of ['trivy:DS-0002', 'trivy:DS-0026', 'checkov:CKV_DOCKER_2'])
    assert.ok(!failedChecks.has(passed), passed);
  let rawResults = 0;
  for (const scanner of report.scanners)
    for (const output of scanner.outputs.filter((file) => file.endsWith('.sarif')))
      rawResults += countResults(
        JSON.parse(await readFile(path.join(dir, 'out', output), 'utf8')) as Log,
      );
  // Trivy's FAIL entries and Checkov's failed_checks, and nothing else, are the SARIF results.
  const trivy = (await rawJson('trivy', 'trivy.json')) as {
    Results?: { Misconfigurations?: { Status?: string }[] }[];
  };
  const trivyFailed = (trivy.Results ?? [])
    .flatMap((r) => r.Misconfigurations ?? [])
    .filter((m) => m.Status === 'FAIL').length;
  const checkov = (await rawJson('checkov', 'checkov.json')) as
    { results: { failed_checks: unknown[] } } | { results: { failed_checks: unknown[] } }[];
  const checkovFailed = [checkov]
    .flat()
    .reduce((sum, r) => sum + r.results.failed_checks.length, 0);
  assert.ok(trivyFailed > 0);
  assert.equal(rawResults, trivyFailed + checkovFailed);
  assert.equal(report.summary.inputResults, rawResults);
  assert.equal(
    report.scanners.reduce((sum, s) => sum + s.findings, 0),
    rawResults,
  );
});
