import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  govulncheckToSarif,
  readGovulncheckJson,
  splitJsonStream,
} from '../src/scanners/govulncheck.ts';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import { ReportSchema } from '../src/model/scan-result.ts';
import { EXAMPLE_APP, REPO_ROOT, runCli } from './support/run-cli.ts';
import { validateSarif } from './support/schemas.ts';

const RECORDED = path.join(
  REPO_ROOT,
  'test',
  'fixtures',
  'recorded',
  'govulncheck',
  'govulncheck.json',
);

test('govulncheck JSON stream: concatenated pretty-printed objects, strings with braces, broken input', () => {
  assert.deepEqual(splitJsonStream('{"a": "}{"}\n{\n "b": [1, {"c": "\\"]"}]\n}\n'), [
    { a: '}{' },
    { b: [1, { c: '"]' }] },
  ]);
  assert.deepEqual(splitJsonStream(''), []);
  assert.throws(() => splitJsonStream('{"a": 1'), /truncated/);
  assert.throws(() => splitJsonStream('{"a": 1} x'), /unexpected/);
  assert.throws(() => splitJsonStream('{"a": 1}}'), /unbalanced/);
});

test('recorded govulncheck output: one SARIF result per advisory and module, at the deepest level reached', async () => {
  const log = govulncheckToSarif(await readGovulncheckJson(RECORDED), 'services/api');
  assert.deepEqual(validateSarif(log), []);
  const results = log.runs[0]?.results ?? [];
  assert.deepEqual(
    results.map((r): unknown[] => [r.ruleId, r.level, r.properties?.['scanfold/reachable']]),
    [
      ['GO-2020-0019', 'warning', false],
      ['GO-2022-1059', 'error', true],
    ],
  );
  const text = results[1];
  assert.equal(
    text?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'services/api/go.mod',
  );
  assert.deepEqual(text?.properties?.['scanfold/package'], {
    name: 'golang.org/x/text',
    version: '0.3.7',
    fixedVersion: '0.3.8',
    ecosystem: 'gomod',
    purl: 'pkg:golang/golang.org/x/text@v0.3.7',
  });
  assert.deepEqual(text?.properties?.['scanfold/aliases'], [
    'GO-2022-1059',
    'CVE-2022-32149',
    'GHSA-69ch-w2m2-3vjp',
  ]);
  assert.match(
    text?.message.text ?? '',
    /handleLanguage \(main\.go:20\) calls golang\.org\/x\/text\/language\.ParseAcceptLanguage/,
  );
  // The call path, entry first, ends at the vulnerable function; the project's frame links to main.go.
  const flow = text?.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
  assert.equal(
    flow.at(-1)?.location?.message?.text,
    'golang.org/x/text/language.ParseAcceptLanguage',
  );
  assert.ok(
    flow.some(
      (step) =>
        step.location?.physicalLocation?.artifactLocation?.uri === 'services/api/main.go' &&
        step.location.physicalLocation.region?.startLine === 20,
    ),
  );
  assert.equal(log.runs[0]?.tool.driver.semanticVersion, '1.9.0');
  assert.deepEqual(
    log.runs[0]?.tool.driver.rules?.map((rule) => rule.id),
    ['GO-2020-0019', 'GO-2022-1059'],
  );
});

test('offline without a local OSV database, govulncheck and OSV-Scanner say they skipped (never "no findings")', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-osv-skip-'));
  const run = await runCli([
    'scan',
    EXAMPLE_APP,
    '--scanners',
    'govulncheck,osv-scanner',
    '--offline',
    '--no-install',
    '--fail-on',
    'none',
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const report = ReportSchema.parse(
    JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')),
  );
  const byName = new Map(report.scanners.map((s) => [s.name, s]));
  assert.equal(byName.get('govulncheck')?.status, 'skipped');
  assert.match(byName.get('govulncheck')?.message ?? '', /offline and no Go vulnerability DB/);
  assert.equal(byName.get('osv-scanner')?.status, 'skipped');
  assert.match(byName.get('osv-scanner')?.message ?? '', /offline and no OSV database/);
});

test('scanfold merge reads OSV-Scanner JSON; its findings join Trivy and Grype through the alias + package rules', async () => {
  const recorded = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');
  const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-osv-merge-'));
  const outcome = await importFiles({
    files: [
      path.join(recorded, 'osv-scanner', 'osv-scanner.json'),
      path.join(recorded, 'trivy-vuln', 'trivy.json'),
      path.join(recorded, 'grype', 'grype.json'),
    ],
    outputDir: out,
    root: EXAMPLE_APP,
    failOn: 'none',
    logger: silentLogger,
  });
  const report = ReportSchema.parse(JSON.parse(await readFile(outcome.files.report, 'utf8')));
  assert.equal(report.summary.inputResults, 10 + 8 + 8);
  // The recorded Trivy and Grype runs predate the example's go.mod: 8 three-way merges, 2 OSV only.
  const byTools = report.findings.map((f) => f.tools.join('+')).sort();
  assert.deepEqual(byTools, [
    ...Array<string>(8).fill('grype+osv-scanner+trivy'),
    'osv-scanner',
    'osv-scanner',
  ]);
  const text = report.findings.find((f) => f.package?.name === 'golang.org/x/text');
  assert.deepEqual(text?.aliases, ['CVE-2022-32149', 'GHSA-69ch-w2m2-3vjp', 'GO-2022-1059']);
  assert.equal(text?.package?.fixedVersion, '0.3.8');
  assert.equal(text?.location.path, 'go.mod');
});

test('an advisory listing an alias twice (GO-2025-4008 does) gives unique rule tags, valid SARIF', async () => {
  const messages = await readGovulncheckJson(RECORDED);
  const twice = messages.map((message) =>
    message.osv?.aliases?.length
      ? {
          ...message,
          osv: { ...message.osv, aliases: [...message.osv.aliases, ...message.osv.aliases] },
        }
      : message,
  );
  assert.ok(
    twice.some((message, index) => message !== messages[index]),
    'an alias was doubled',
  );
  const log = govulncheckToSarif(twice, 'services/api');
  assert.deepEqual(validateSarif(log), []);
  for (const rule of log.runs[0]?.tool.driver.rules ?? []) {
    const tags = rule.properties?.tags ?? [];
    assert.equal(new Set(tags).size, tags.length, `${rule.id}: ${tags.join(', ')}`);
    assert.ok(tags.includes('security'));
  }
});
