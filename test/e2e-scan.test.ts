import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Log } from 'sarif';
import { ReportSchema } from '../src/model/scan-result.ts';
import type { Report } from '../src/model/scan-result.ts';
import { countResults } from '../src/outputs/sarif.ts';
import { checkovPassedChecks } from '../src/scanners/checkov.ts';
import { trivyPassedChecks } from '../src/scanners/trivy.ts';
import { validateCycloneDx } from '../src/outputs/sbom-validate.ts';
import { EXAMPLE_APP, runCli } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';
import { validateSarif } from './support/schemas.ts';
import { testDbArgs } from './support/testdb.ts';

// One real scan of the example app with every scanner, shared by the assertions below.
let out = '';
let run: CliRun;
let report: Report;
let merged: Log;

before(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-e2e-'));
  run = await runCli([
    'scan',
    EXAMPLE_APP,
    '--out',
    out,
    '--fail-on',
    'high',
    '--no-install',
    '--offline',
    ...testDbArgs(),
  ]);
  report = ReportSchema.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
  merged = JSON.parse(await readFile(path.join(out, 'scanfold.sarif'), 'utf8')) as Log;
});

function has(tool: string, ruleId: string | RegExp, file: string): boolean {
  return report.findings.some(
    (f) =>
      f.tools.includes(tool) &&
      f.sources.some(
        (s) =>
          s.tool === tool &&
          (typeof ruleId === 'string' ? s.ruleId === ruleId : ruleId.test(s.ruleId)),
      ) &&
      f.location.path === file,
  );
}

test('every scanner runs for real and ends ok; the gate fails on the planted high findings (exit 1)', () => {
  const statuses = Object.fromEntries(report.scanners.map((s) => [s.name, s.status]));
  assert.deepEqual(
    statuses,
    {
      trivy: 'ok',
      semgrep: 'ok',
      gitleaks: 'ok',
      checkov: 'ok',
      syft: 'ok',
      grype: 'ok',
      govulncheck: 'ok',
      'osv-scanner': 'ok',
    },
    run.stderr.slice(-3000),
  );
  for (const scanner of report.scanners) {
    assert.match(scanner.version ?? '', /^\d+\.\d+\.\d+/, `${scanner.name} version`);
    // Every scanner's install says what verified it and the digest that passed.
    assert.ok(scanner.install?.verifiedBy, `${scanner.name} install.verifiedBy`);
    assert.match(scanner.install.sha256 ?? '', /^[0-9a-f]{64}$/, `${scanner.name} install.sha256`);
  }
  assert.equal(run.code, 1, run.stdout);
  assert.equal(report.gate.result, 'failed');
  assert.match(run.stdout, /scanner\s+status\s+version/);
});

test('semgrep finds the SQL and command injections with the shipped rules', () => {
  assert.ok(has('semgrep', 'scanfold.python.sql-injection', 'app.py'));
  assert.ok(has('semgrep', 'scanfold.python.command-injection', 'app.py'));
  assert.ok(has('semgrep', 'scanfold.javascript.sql-injection', 'server.js'));
  assert.ok(has('semgrep', 'scanfold.javascript.command-injection', 'server.js'));
  const sqli = report.findings.find((f) => f.ruleId === 'scanfold.python.sql-injection');
  assert.deepEqual(sqli?.cwe, ['CWE-89']);
});

test('gitleaks finds the planted fake secrets, and no secret value reaches any merged output', async () => {
  assert.ok(has('gitleaks', 'aws-access-token', 'config/settings.py'));
  assert.ok(has('gitleaks', 'github-pat', 'config/settings.py'));
  assert.ok(has('gitleaks', 'private-key', 'config/deploy_key.pem'));
  assert.ok(has('gitleaks', 'slack-webhook-url', '.env.example'));
  const planted = [
    'AKIA2SCANFOLDFAKE7QZ',
    'ghp_FakeTokenForScannerTestsNotReal01234',
    'AKIA7FAKESCANFOLDQZ2',
    'FAKE/scanfold/secret/key/NOT+a+real+one0',
  ];
  for (const file of ['scanfold.sarif', 'report.json', 'report.md', 'report.html']) {
    const text = await readFile(path.join(out, file), 'utf8');
    for (const secret of planted)
      assert.ok(!text.includes(secret), `${secret} leaked into ${file}`);
  }
});

test('checkov and trivy find the Dockerfile and Terraform misconfigurations', () => {
  for (const rule of ['CKV_DOCKER_2', 'CKV_DOCKER_3', 'CKV_DOCKER_7'])
    assert.ok(has('checkov', rule, 'Dockerfile'), rule);
  for (const rule of ['CKV_AWS_20', 'CKV_AWS_24'])
    assert.ok(has('checkov', rule, 'terraform/main.tf'), rule);
  assert.ok(
    report.findings.some(
      (f) => f.tools.includes('trivy') && f.category === 'iac' && f.location.path === 'Dockerfile',
    ),
  );
  assert.ok(
    report.findings.some(
      (f) =>
        f.tools.includes('trivy') &&
        f.category === 'iac' &&
        f.location.path === 'terraform/main.tf',
    ),
  );
  // Where the intent matches, Trivy and Checkov merge into one finding.
  assert.ok(
    report.findings.some(
      (f) => f.category === 'iac' && f.tools.includes('trivy') && f.tools.includes('checkov'),
    ),
  );
});

test('trivy and grype find the vulnerable packages in the test DB, merged across tools and aliases', () => {
  const lodash = report.findings.filter(
    (f) => f.category === 'vulnerability' && f.package?.name === 'lodash',
  );
  assert.ok(lodash.length > 0, 'lodash vulnerabilities');
  assert.ok(
    lodash.some((f) => f.tools.includes('trivy') && f.tools.includes('grype')),
    'trivy and grype merged',
  );
  assert.ok(
    report.findings.some(
      (f) => f.category === 'vulnerability' && f.package?.name?.toLowerCase() === 'django',
    ),
  );
});

test('OSV-Scanner finds the npm, PyPI and Go vulnerabilities; they merge with Trivy and Grype through aliases', () => {
  const vulnerabilities = report.findings.filter((f) => f.category === 'vulnerability');
  assert.equal(vulnerabilities.length, 10);
  for (const finding of vulnerabilities)
    for (const tool of ['trivy', 'grype', 'osv-scanner'])
      assert.ok(finding.tools.includes(tool), `${finding.cve} ${finding.package?.name}: ${tool}`);
  assert.equal(report.scanners.find((s) => s.name === 'osv-scanner')?.findings, 10);
});

test('govulncheck marks the Go findings of all four tools reachable or not, from the call graph', () => {
  const go = (module: string) =>
    report.findings.find((f) => f.category === 'vulnerability' && f.package?.name === module);
  const text = go('golang.org/x/text');
  assert.deepEqual(text?.tools, ['govulncheck', 'grype', 'osv-scanner', 'trivy']);
  assert.equal(text?.reachable, true, 'main.go calls language.ParseAcceptLanguage');
  assert.equal(text?.location.path, 'go.mod');
  assert.deepEqual(text?.aliases, ['CVE-2022-32149', 'GHSA-69ch-w2m2-3vjp', 'GO-2022-1059']);
  const websocket = go('github.com/gorilla/websocket');
  assert.deepEqual(websocket?.tools, ['govulncheck', 'grype', 'osv-scanner', 'trivy']);
  assert.equal(websocket?.reachable, false, 'imported, but the frame reader is never called');
  // In scanfold.sarif every tool's result of the finding carries the verdict.
  const verdicts = merged.runs.flatMap((run) =>
    (run.results ?? [])
      .filter((result) => result.properties?.['scanfold/findingId'] === text?.id)
      .map((result): [string, unknown] => [
        run.tool.driver.name,
        result.properties?.['scanfold/reachable'],
      ]),
  );
  assert.equal(verdicts.length, 4);
  assert.ok(
    verdicts.every(([, reachable]) => reachable === true),
    JSON.stringify(verdicts),
  );
  // Every other vulnerability is in npm/PyPI lockfiles: nothing analysed their reachability.
  assert.equal(report.findings.filter((f) => f.reachable !== undefined).length, 2);
  assert.equal(report.scanners.find((s) => s.name === 'govulncheck')?.findings, 2);
});

test('syft writes a real SBOM; the merged CycloneDX 1.6 SBOM validates against the official schema', async () => {
  const raw = await readdir(path.join(out, 'raw'));
  assert.ok(raw.includes('syft.cdx.json'));
  const sbom = await readFile(path.join(out, 'sbom.cdx.json'), 'utf8');
  assert.equal(await validateCycloneDx(sbom), undefined);
  const names = (JSON.parse(sbom) as { components: { name: string }[] }).components.map((c) =>
    c.name.toLowerCase(),
  );
  for (const name of ['lodash', 'minimist', 'django', 'pyyaml'])
    assert.ok(names.includes(name), name);
  assert.ok((report.sbom?.components ?? 0) >= 4);
});

test('nothing lost: results in raw outputs = results in merged SARIF = sources of findings', async () => {
  let rawResults = 0;
  for (const scanner of report.scanners) {
    for (const output of scanner.outputs.filter((file) => file.endsWith('.sarif'))) {
      rawResults += countResults(JSON.parse(await readFile(path.join(out, output), 'utf8')) as Log);
    }
  }
  const perScanner = report.scanners.reduce((sum, s) => sum + s.findings, 0);
  assert.equal(perScanner, rawResults);
  // The licence policy's own results (tinymce's GPL-2.0-or-later) are inputs too.
  const policy = JSON.parse(
    await readFile(path.join(out, 'raw', 'policy', 'licenses.sarif'), 'utf8'),
  ) as Log;
  assert.ok(countResults(policy) >= 1);
  rawResults += countResults(policy);
  assert.equal(report.summary.inputResults, rawResults);
  assert.equal(countResults(merged), rawResults);
  const sources = report.findings.flatMap((f) =>
    f.sources.map((s) => `${s.file}#${s.runIndex}#${s.resultIndex}`),
  );
  assert.equal(sources.length, rawResults);
  assert.equal(new Set(sources).size, rawResults, 'each result belongs to exactly one finding');
  assert.equal(report.summary.total, rawResults - report.summary.duplicatesMerged);
  assert.ok(report.summary.duplicatesMerged > 0);
  assert.deepEqual(
    validateSarif(merged),
    [],
    'scanfold.sarif validates against the SARIF 2.1.0 schema',
  );
  const ids = merged.runs.map((r) => r.automationDetails?.id);
  assert.equal(new Set(ids).size, ids.length, 'one category per tool');
});

test("scanfold merge of the scan's raw outputs gives the scan's findings", async () => {
  // Every file the scanners wrote, as a matrix leg would upload them, through the same adapters.
  const files = report.scanners.flatMap((scanner) =>
    scanner.outputs.map((output) => path.join(out, output)),
  );
  assert.ok(files.some((file) => file.endsWith('trivy.json')));
  const mergeOut = await mkdtemp(path.join(os.tmpdir(), 'scanfold-e2e-merge-'));
  const merge = await runCli(['merge', ...files, '--out', mergeOut, '--root', EXAMPLE_APP]);
  assert.equal(merge.code, run.code, merge.stdout + merge.stderr);
  const again = ReportSchema.parse(
    JSON.parse(await readFile(path.join(mergeOut, 'report.json'), 'utf8')),
  );
  assert.deepEqual(again.errors, []);
  const brief = (finding: Report['findings'][number]): unknown => ({
    id: finding.id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    tools: finding.tools,
    location: finding.location,
    package: finding.package,
    reachable: finding.reachable,
  });
  assert.equal(again.summary.inputResults, report.summary.inputResults);
  assert.deepEqual(again.summary.bySeverity, report.summary.bySeverity);
  assert.deepEqual(again.findings.map(brief), report.findings.map(brief));
});

test('passed checks reach the compliance mapping as evidence, never as findings (counts as in EXPECTED.md)', async () => {
  const raw = async (scanner: string, name: string): Promise<unknown> => {
    const output = report.scanners
      .find((s) => s.name === scanner)
      ?.outputs.find((file) => path.basename(file) === name);
    assert.ok(output, `${scanner} wrote ${name}`);
    return JSON.parse(await readFile(path.join(out, output), 'utf8')) as unknown;
  };
  // Checkov without --quiet lists its passed checks; Trivy with --include-non-failures its PASS entries.
  assert.ok(checkovPassedChecks(await raw('checkov', 'checkov.json')).length >= 90);
  const trivyPassed = trivyPassedChecks(await raw('trivy', 'trivy.json'));
  assert.ok(trivyPassed.some((c) => c.checkId === 'DS-0005' && c.file === 'Dockerfile'));
  // Trivy's module-level Terraform passes name no resource: not evidence.
  assert.ok(trivyPassed.every((c) => c.file === 'Dockerfile' || c.resource));
  assert.equal(report.summary.inputResults, 104);
  assert.equal(report.summary.total, 67);
  assert.equal(report.summary.duplicatesMerged, 37);
  assert.equal(report.scanners.find((s) => s.name === 'trivy')?.findings, 39);
  assert.equal(report.scanners.find((s) => s.name === 'checkov')?.findings, 28);
});
