/**
 * Golden tests on real scanner outputs published in public repositories (test/fixtures/public,
 * provenance in test/fixtures/public/SOURCES.md). Each file goes through `scanfold merge`'s path
 * (importDocument → normalize → merged SARIF/SBOM → report) and must come out whole: every input
 * result accounted for exactly once, schema-valid outputs, repo-relative paths.
 *
 * The expected counts were taken from the files independently (a JSON count of runs[].results[],
 * Trivy's Results[].Vulnerabilities[] and CycloneDX components[]), so a lost result fails here.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import type { ScanOutcome } from '../src/engine.ts';
import { importDocument, importFiles } from '../src/import/import.ts';
import type { FailOn } from '../src/config/schema.ts';
import type { Report } from '../src/model/scan-result.ts';
import { silentLogger } from '../src/model/ports.ts';
import { validateCycloneDx, validateSarif } from './support/schemas.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/public/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

/** Where ESLint ran: its SARIF names every file by an absolute file:// URI under this directory. */
const ESLINT_ROOT = '/Users/dyw/Documents/2048';
const DEFAULT_ROOT = '/work/repo';

interface ResultCase {
  file: string;
  /** Input results per run, counted independently of scanfold. */
  resultsPerRun: number[];
  findings: number;
  duplicatesMerged: number;
  /** scanfold's tool names and the findings each reported. */
  byTool: Record<string, number>;
  /** Every finding's location path, as a sorted set; unchecked when absent. */
  paths?: string[];
  root?: string;
}

const SARIF_CASES: readonly ResultCase[] = [
  {
    file: 'trivy/alpine-310.sarif',
    resultsPerRun: [4],
    findings: 4,
    duplicatesMerged: 0,
    byTool: { trivy: 4 },
    paths: ['testdata/fixtures/images/alpine-310.tar.gz'],
  },
  {
    file: 'grype/dir.sarif',
    resultsPerRun: [2],
    findings: 2,
    duplicatesMerged: 0,
    byTool: { grype: 2 },
    paths: ['some/path/somefile-1.txt', 'some/path/somefile-2.txt'],
  },
  {
    file: 'semgrep/dataflow-traces.sarif',
    resultsPerRun: [1],
    findings: 1,
    duplicatesMerged: 0,
    byTool: { semgrep: 1 },
    paths: ['targets/taint/taint.py'],
  },
  {
    file: 'semgrep/include-nosemgrep.sarif',
    resultsPerRun: [2],
    findings: 2,
    duplicatesMerged: 0,
    byTool: { semgrep: 2 },
    paths: ['targets/basic/regex-nosemgrep.txt'],
  },
  {
    file: 'gitleaks/sarif_simple.sarif',
    resultsPerRun: [1],
    findings: 1,
    duplicatesMerged: 0,
    byTool: { gitleaks: 1 },
    paths: ['auth.py'],
  },
  {
    // Checkov reported each of its two checks twice on the same block; IaC findings of one tool
    // are never merged with each other, so all four stay.
    file: 'checkov/terragrunt-vpc.sarif',
    resultsPerRun: [4],
    findings: 4,
    duplicatesMerged: 0,
    byTool: { checkov: 4 },
    paths: ['infrastructure-catalog/modules/vpc/main.tf'],
  },
  {
    // Two runs in one log (LGTM.com and the CodeQL CLI), with artifacts[] and artifact indexes.
    file: 'codeql/valid-sarif.sarif',
    resultsPerRun: [1, 2],
    findings: 3,
    duplicatesMerged: 0,
    byTool: { 'lgtm.com': 1, 'codeql-command-line-toolchain': 2 },
    paths: ['main.js', 'src/promiseUtils.js'],
  },
  {
    // Absolute file:///Users/... URIs, made relative to the directory ESLint ran in.
    file: 'eslint/2048-eslint-results.sarif',
    resultsPerRun: [6],
    findings: 6,
    duplicatesMerged: 0,
    byTool: { eslint: 6 },
    paths: ['.eslintrc.js', 'src/App.js', 'src/App.test.js', 'src/serviceWorker.js'],
    root: ESLINT_ROOT,
  },
];

/**
 * Trivy's native JSON of the same alpine-310 image scan as trivy/alpine-310.sarif. Its paths are
 * not pinned here: see the todo test on merging it with that SARIF.
 */
const TRIVY_JSON: ResultCase = {
  file: 'trivy/alpine-310.json',
  resultsPerRun: [4],
  findings: 4,
  duplicatesMerged: 0,
  byTool: { trivy: 4 },
};

interface SbomCase {
  file: string;
  /** components[] (flattened), counted independently. */
  components: number;
  /** Components once those sharing a purl (without qualifiers) count once. */
  uniqueByPurl: number;
}

const SBOM_CASES: readonly SbomCase[] = [
  {
    file: 'cyclonedx/trivy-fluentd-multiple-lockfiles-short.cdx.json',
    components: 4,
    uniqueByPurl: 4,
  },
  { file: 'cyclonedx/syft-hello-world-jar.cdx.json', components: 1, uniqueByPurl: 1 },
];

let workDir = '';
let runCounter = 0;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'scanfold-public-fixtures-'));
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Merged {
  outcome: ScanOutcome;
  report: Report;
  sarif: Log;
  inputs: { file: string; log: Log }[];
}

async function merge(
  files: readonly string[],
  root: string = DEFAULT_ROOT,
  failOn: FailOn = 'none',
): Promise<Merged> {
  const absolute = files.map(fixture);
  const outputDir = path.join(workDir, `run-${++runCounter}`);
  const outcome = await importFiles({
    files: absolute,
    outputDir,
    root,
    failOn,
    logger: silentLogger,
  });
  const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
  const sarif = JSON.parse(await readFile(outcome.files.sarif, 'utf8')) as Log;
  const inputs: { file: string; log: Log }[] = [];
  for (const file of absolute) {
    const imported = importDocument(file, await readFile(file, 'utf8'));
    if (imported.kind === 'sarif') inputs.push({ file, log: imported.input.log });
  }
  return { outcome, report, sarif, inputs };
}

/** GitHub's bands for a `security-severity` score, written out here rather than imported. */
function githubBand(score: number): string {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const resultCount = (log: Log): number =>
  log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);

/**
 * GitHub reads a result's security-severity, else its rule's (the run's kept descriptor for the
 * id): what it reads must be the finding's severity, as report.json gives it.
 */
function assertSeverityShown({ report, sarif }: Pick<Merged, 'report' | 'sarif'>): void {
  const severityOf = new Map(report.findings.map((finding) => [finding.id, finding.severity]));
  for (const run of sarif.runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const result of run.results ?? []) {
      const shown: unknown =
        result.properties?.['security-severity'] ??
        rules[result.ruleIndex ?? -1]?.properties?.['security-severity'];
      const findingId = String(result.properties?.['scanfold/findingId']);
      assert.equal(
        githubBand(Number(shown)),
        severityOf.get(findingId),
        `${result.ruleId ?? '?'}: the security-severity GitHub reads (${String(shown)})`,
      );
    }
  }
}

/** The invariants every merge must keep, whatever its inputs. */
function assertWhole(
  { outcome, report, sarif, inputs }: Merged,
  expectedInputResults: number,
): void {
  // A run that says its execution failed (ESLint with files it could not parse) is a failed input:
  // reported, exit 3, its results still merged. Nothing else may fail.
  const failedRuns = inputs.flatMap((input) =>
    input.log.runs.filter((run) => run.invocations?.some((i) => i.executionSuccessful === false)),
  ).length;
  assert.equal(report.errors.length, failedRuns, report.errors.join('\n'));
  for (const error of report.errors)
    assert.match(error, /did not complete: its invocation reports executionSuccessful: false/);
  assert.equal(outcome.exitCode, failedRuns > 0 ? 3 : 0);

  const inputResults = inputs.reduce((sum, input) => sum + resultCount(input.log), 0);
  assert.equal(inputResults, expectedInputResults, 'results read from the inputs');
  assert.equal(resultCount(sarif), inputResults, 'results in scanfold.sarif');
  assert.equal(report.summary.inputResults, inputResults, 'report.summary.inputResults');
  const sources = report.findings.flatMap((finding) => finding.sources);
  assert.equal(sources.length, inputResults, 'sources across findings');

  // Every input result is the source of exactly one finding.
  const expectedKeys = inputs.flatMap(({ file, log }) =>
    log.runs.flatMap((run, runIndex) =>
      (run.results ?? []).map((_, resultIndex) => `${file}#${runIndex}#${resultIndex}`),
    ),
  );
  const seen = new Map<string, number>();
  for (const source of sources) {
    const key = `${source.file}#${source.runIndex}#${source.resultIndex}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  assert.deepEqual(
    [...seen.entries()].filter(([, count]) => count !== 1),
    [],
    'no input result is the source of two findings',
  );
  assert.deepEqual([...seen.keys()].sort(), [...expectedKeys].sort());

  assert.equal(report.findings.length, report.summary.total);
  assert.equal(report.summary.total, report.summary.inputResults - report.summary.duplicatesMerged);

  assert.deepEqual(validateSarif(sarif), [], 'scanfold.sarif is valid SARIF 2.1.0');

  const automationIds = sarif.runs.map((run) => run.automationDetails?.id);
  assert.ok(automationIds.every((id) => typeof id === 'string' && id.length > 0));
  assert.equal(new Set(automationIds).size, sarif.runs.length, 'automationDetails.id per run');

  const findingIds = new Set(report.findings.map((finding) => finding.id));
  for (const run of sarif.runs) {
    const rules = run.tool.driver.rules ?? [];
    for (const result of run.results ?? []) {
      assert.ok(result.ruleIndex !== undefined, `${result.ruleId ?? '?'}: ruleIndex`);
      assert.equal(rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at its rule');
      const findingId: unknown = result.properties?.['scanfold/findingId'];
      assert.ok(typeof findingId === 'string' && findingIds.has(findingId), 'result → finding');
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (!artifact) continue;
        assert.equal(artifact.uriBaseId, '%SRCROOT%');
        assert.ok(
          artifact.uri !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri),
          `${artifact.uri ?? ''}: no scheme`,
        );
        assert.ok(!artifact.uri.startsWith('/'), `${artifact.uri}: relative`);
      }
    }
  }
  assertSeverityShown({ report, sarif });
  for (const finding of report.findings) {
    assert.ok(!finding.location.path.startsWith('/'), `${finding.location.path}: relative`);
    assert.ok(!finding.location.path.startsWith('file:'), `${finding.location.path}: no file:`);
  }
}

function assertCase(merged: Merged, expected: ResultCase): void {
  const inputResults = expected.resultsPerRun.reduce((a, b) => a + b, 0);
  assertWhole(merged, inputResults);
  const [input] = merged.inputs;
  assert.ok(input);
  assert.deepEqual(
    input.log.runs.map((run) => run.results?.length ?? 0),
    expected.resultsPerRun,
  );
  assert.equal(merged.report.summary.total, expected.findings);
  assert.equal(merged.report.summary.duplicatesMerged, expected.duplicatesMerged);
  assert.deepEqual(merged.report.summary.byTool, expected.byTool);
  assert.equal(merged.sarif.runs.length, Object.keys(expected.byTool).length, 'one run per tool');
  if (expected.paths)
    assert.deepEqual(
      [...new Set(merged.report.findings.map((finding) => finding.location.path))].sort(),
      [...expected.paths].sort(),
    );
}

describe('public SARIF fixtures, one at a time', () => {
  for (const expected of SARIF_CASES) {
    test(expected.file, async () => {
      assertCase(await merge([expected.file], expected.root), expected);
    });
  }

  test('gitleaks: the secret snippet is redacted in scanfold.sarif', async () => {
    const { sarif } = await merge(['gitleaks/sarif_simple.sarif']);
    const snippets = sarif.runs.flatMap((run) =>
      (run.results ?? []).flatMap((result) =>
        (result.locations ?? []).map((l) => l.physicalLocation?.region?.snippet?.text),
      ),
    );
    assert.deepEqual(snippets, ['[secret redacted: test-rule, 8 chars]']);
  });

  test('gitleaks: a result whose rule is missing from rules[] gets a placeholder rule', async () => {
    const { sarif } = await merge(['gitleaks/sarif_simple.sarif']);
    const [run] = sarif.runs;
    assert.ok(run);
    // 34 descriptors with "google" listed twice, plus "test-rule" that only the result names.
    assert.equal(run.tool.driver.rules?.length, 34);
    assert.equal(run.results?.[0]?.ruleIndex, 33);
  });

  test('trivy: the image scan keeps each package of each CVE as its own finding', async () => {
    const { report } = await merge(['trivy/alpine-310.sarif']);
    assert.deepEqual(
      report.findings
        .map((f) => `${f.cve ?? ''} ${f.package?.name ?? ''}@${f.package?.version ?? ''}`)
        .sort(),
      [
        'CVE-2019-1549 libcrypto1.1@1.1.1c-r0',
        'CVE-2019-1549 libssl1.1@1.1.1c-r0',
        'CVE-2019-1551 libcrypto1.1@1.1.1c-r0',
        'CVE-2019-1551 libssl1.1@1.1.1c-r0',
      ],
    );
  });

  test('semgrep: a result suppressed in source (nosemgrep) does not block the gate', async () => {
    const { report } = await merge(['semgrep/include-nosemgrep.sarif'], DEFAULT_ROOT, 'high');
    assert.equal(report.gate.reason, '1 finding(s) at or above high (1 high)');
  });

  test('semgrep: INFO is info (Semgrep writes it as SARIF level note, which alone reads low)', async () => {
    const { report } = await merge(['semgrep/defectdojo-cwe-list-0.96.json'], DEFAULT_ROOT, 'low');
    assert.deepEqual(
      report.findings.map((finding) => finding.severity),
      ['info'],
    );
    assert.equal(report.gate.result, 'passed');
  });
});

describe('Trivy JSON of an image scan', () => {
  test(TRIVY_JSON.file, async () => {
    assertCase(await merge([TRIVY_JSON.file]), TRIVY_JSON);
  });

  test('alone, its findings are the image’s (language packages included), not repository files', async () => {
    // tp2-sbom: an image with OS packages and a Node.js target (Trivy 0.69.3).
    const { report, sarif: log } = await merge(['trivy/tp2-sbom-trivy-results.json']);
    assert.ok(report.findings.length > 0);
    for (const finding of report.findings) {
      assert.equal(finding.image?.ref, 'vulnerable-app:v1', finding.id);
      assert.equal(finding.location.path, 'vulnerable-app:v1', finding.id);
    }
    const uris = new Set(
      log.runs.flatMap((run) =>
        (run.results ?? []).map(
          (result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
        ),
      ),
    );
    assert.deepEqual([...uris], ['.scanfold/images/vulnerable-app_v1']);
  });

  test('packages keep their purl from PkgIdentifier', async () => {
    const { report } = await merge([TRIVY_JSON.file]);
    assert.deepEqual([...new Set(report.findings.map((f) => f.package?.purl))].sort(), [
      'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
      'pkg:apk/alpine/libssl1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
    ]);
  });

  test('beside the SARIF of the same scan, it enriches that SARIF as a scan does: one result each', async () => {
    // alpine-310.json and alpine-310.sarif pair by name: Trivy's adapter reads the SARIF and takes
    // packages and purls from the JSON, so no result is read twice.
    const { report } = await merge(['trivy/alpine-310.sarif', TRIVY_JSON.file]);
    assert.deepEqual(
      [...new Set(report.findings.map((f) => f.location.path))],
      ['testdata/fixtures/images/alpine-310.tar.gz'],
    );
    assert.equal(report.summary.inputResults, 4);
    assert.equal(report.summary.total, 4);
    assert.equal(report.summary.duplicatesMerged, 0);
    assert.deepEqual(report.errors, []);
    assert.deepEqual([...new Set(report.findings.map((f) => f.package?.purl))].sort(), [
      'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
      'pkg:apk/alpine/libssl1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2',
    ]);
  });
});

describe("severity: a tool's own word, not the CVSS score beside it", () => {
  const TP2 = 'trivy/tp2-sbom-trivy-results';
  const severities = (report: Report): Record<string, string> =>
    Object.fromEntries(
      report.findings.map((f) => [`${f.ruleId} ${f.package?.name ?? ''}`, f.severity]),
    );

  test('Trivy 0.69.3: its SARIF, its JSON and both together rate every finding alike', async () => {
    const sarif = await merge([`${TP2}.sarif`]);
    assertWhole(sarif, 36);
    const json = await merge([`${TP2}.json`]);
    const pair = await merge([`${TP2}.sarif`, `${TP2}.json`]);
    assert.equal(Object.keys(severities(json.report)).length, 36);
    assert.deepEqual(severities(sarif.report), severities(json.report));
    assert.deepEqual(severities(pair.report), severities(json.report));
    // Trivy's tag, level, "Severity:" line and JSON say LOW (MEDIUM for qs); the rules'
    // security-severity says 5.0 (3.7 for qs).
    const bySarif = severities(sarif.report);
    assert.deepEqual(
      [
        'CVE-2024-43796 express',
        'CVE-2024-43799 send',
        'CVE-2024-43800 serve-static',
        'CVE-2025-15284 qs',
      ].map((key) => bySarif[key]),
      ['low', 'low', 'low', 'medium'],
    );
  });

  test('Grype: "low" and "critical" in its messages, whatever the score', async () => {
    // image.sarif scores its low 8.2 and its critical 8.5; dir.sarif its low 4.0 and its critical 1.0.
    for (const file of ['grype/image.sarif', 'grype/dir.sarif']) {
      const merged = await merge([file]);
      assertWhole(merged, 2);
      assert.deepEqual(
        severities(merged.report),
        {
          'CVE-1999-0001-package-1 package-1': 'low',
          'CVE-1999-0002-package-2 package-2': 'critical',
        },
        file,
      );
    }
  });

  test('Trivy 0.15.0: UNKNOWN is info, as Trivy means it', async () => {
    const merged = await merge(['trivy/demo-debug-0.15.sarif']);
    assertWhole(merged, 124);
    const [run] = merged.inputs[0]?.log.runs ?? [];
    const unknown = new Set(
      (run?.tool.driver.rules ?? [])
        .filter((rule) => rule.properties?.tags?.includes('UNKNOWN'))
        .map((rule) => rule.id),
    );
    assert.equal(unknown.size, 11);
    const info = merged.report.findings.filter((f) => f.severity === 'info');
    assert.deepEqual(info.map((f) => f.ruleId).sort(), [...unknown].sort());
  });

  test('two Trivy versions rating one check differently: each result shows its own in scanfold.sarif', async () => {
    // AVD-AWS-0089: MEDIUM (5.5) in Trivy 0.34.0, LOW (2.0) in 0.45.1; one rule is kept per id.
    const merged = await merge([
      'trivy/tfsec-example-0.34.sarif',
      'trivy/tfsec-example-0.45.sarif',
    ]);
    // Not assertWhole: Trivy 0.34 names remote modules by https:// URIs, a path question of its own.
    assert.equal(merged.report.summary.inputResults, 18);
    assertSeverityShown(merged);
    const bySeverity = merged.report.findings
      .filter((f) => f.ruleId === 'AVD-AWS-0089')
      .map((f) => f.severity)
      .sort();
    assert.deepEqual(bySeverity, ['low', 'low', 'medium']);
  });
});

describe('Checkov JSON of `checkov -d terraform`', () => {
  test("paths are the repository's (repo_file_path), as Checkov's SARIF in that repository gives them", async () => {
    // file_path is "/main.tf" (relative to -d terraform), repo_file_path "/terraform/main.tf".
    const json = await merge(['checkov/aurelien-terraform-checkov-results.json']);
    const sarif = await merge(['checkov/aurelien-terraform-results.sarif']);
    const checks = (report: Report): string[] =>
      report.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine ?? ''}`);
    assert.equal(json.report.summary.total, 19);
    assert.deepEqual(
      [...new Set(json.report.findings.map((f) => f.location.path))],
      ['terraform/main.tf'],
    );
    // The SARIF (21 distinct checks, modules included) has each of the JSON's 19 at the same place.
    const inSarif = new Set(checks(sarif.report));
    assert.deepEqual(
      checks(json.report).filter((check) => !inSarif.has(check)),
      [],
    );
  });
});

describe('all public SARIF fixtures in one merge', () => {
  const files = SARIF_CASES.map((c) => c.file);
  const inputResults = SARIF_CASES.flatMap((c) => c.resultsPerRun).reduce((a, b) => a + b, 0);

  test(`${files.length} files, ${inputResults} results`, async () => {
    assert.equal(inputResults, 23);
    const merged = await merge(files, ESLINT_ROOT);
    assertWhole(merged, inputResults);
    assert.equal(merged.inputs.length, files.length);
    assert.equal(merged.report.summary.total, 23);
    assert.equal(merged.report.summary.duplicatesMerged, 0);
    const byTool: Record<string, number> = {};
    for (const c of SARIF_CASES)
      for (const [tool, count] of Object.entries(c.byTool))
        byTool[tool] = (byTool[tool] ?? 0) + count;
    assert.deepEqual(merged.report.summary.byTool, byTool);
    assert.equal(merged.sarif.runs.length, Object.keys(byTool).length);
    // Grype's and Trivy's vulnerabilities are enough for scanfold to write an SBOM.
    assert.ok(merged.outcome.files.sbom);
    assert.equal(
      await validateCycloneDx(await readFile(merged.outcome.files.sbom, 'utf8')),
      undefined,
    );
  });
});

describe('public CycloneDX fixtures', () => {
  async function assertSbom(files: readonly string[], maxComponents: number): Promise<number> {
    const { outcome, report } = await merge(files);
    assert.deepEqual(report.errors, []);
    assert.ok(outcome.files.sbom, 'sbom.cdx.json is written');
    const json = await readFile(outcome.files.sbom, 'utf8');
    assert.equal(await validateCycloneDx(json), undefined, 'sbom.cdx.json is valid CycloneDX 1.6');
    const bom = JSON.parse(json) as { components?: unknown[] };
    const components = bom.components?.length ?? 0;
    assert.ok(components >= 1, 'at least one component');
    assert.ok(components <= maxComponents, `${components} ≤ ${maxComponents} input components`);
    assert.equal(report.sbom?.components, components);
    return components;
  }

  for (const expected of SBOM_CASES) {
    test(expected.file, async () => {
      const text = await readFile(fixture(expected.file), 'utf8');
      const imported = importDocument(expected.file, text);
      assert.equal(imported.kind, 'sbom');
      const components = await assertSbom([expected.file], expected.uniqueByPurl);
      assert.ok(expected.uniqueByPurl <= expected.components);
      assert.equal(components, expected.uniqueByPurl);
    });
  }

  test('both SBOMs in one merge', async () => {
    // The two describe different subjects (a jar, an image): the first file's stays the merged
    // SBOM's metadata.component, the other's is kept as one more component.
    const max = SBOM_CASES.reduce((sum, c) => sum + c.uniqueByPurl, 0) + SBOM_CASES.length - 1;
    assert.equal(
      await assertSbom(
        SBOM_CASES.map((c) => c.file),
        max,
      ),
      6,
    );
  });
});
