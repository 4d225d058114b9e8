import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import { ReportSchema } from '../src/model/scan-result.ts';
import { normalize } from '../src/normalize/index.ts';
import { normalizePath } from '../src/normalize/paths.ts';
import { severityOf as severityWithDefault } from '../src/normalize/severity.ts';
import { countResults } from '../src/outputs/sarif.ts';
import { TOOL_KNOWLEDGE } from '../src/scanners/registry.ts';
import { REPO_ROOT } from './support/run-cli.ts';
import { validateCycloneDx } from './support/schemas.ts';

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');
const ROOT = '/home/runner/work/app/app';

/** Severity as normalization computes it: the tool's default comes from its adapter. */
const severityOf = (tool: string, result: Result, rule: ReportingDescriptor | undefined) =>
  severityWithDefault(result, rule, TOOL_KNOWLEDGE.defaultSeverity(tool));

test('paths: every spelling becomes one repo-relative form', () => {
  const cases: [string, Parameters<typeof normalizePath>[1], string][] = [
    ['file:///home/runner/work/app/app/src/a%20b.py', { root: ROOT }, 'src/a b.py'],
    [
      'src/x.py',
      {
        root: ROOT,
        uriBaseId: '%SRCROOT%',
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${ROOT}/` } },
      },
      'src/x.py',
    ],
    ['/home/runner/work/app/app/terraform/main.tf', { root: ROOT }, 'terraform/main.tf'],
    ['.\\src\\win\\file.ts', { root: ROOT }, 'src/win/file.ts'],
    ['./package-lock.json', { root: ROOT }, 'package-lock.json'],
    ['/requirements.txt', { root: ROOT }, 'requirements.txt'],
  ];
  for (const [uri, options, expected] of cases)
    assert.equal(normalizePath(uri, options), expected, uri);
});

test('severity: security-severity bands, then tool words, then tool defaults, then level', () => {
  const result = (properties?: Record<string, unknown>, level?: Result.level): Result => ({
    message: { text: 'm' },
    ...(level ? { level } : {}),
    ...(properties ? { properties } : {}),
  });
  assert.equal(severityOf('x', result({ 'security-severity': '9.8' }), undefined), 'critical');
  assert.equal(severityOf('x', result({ 'security-severity': '7.0' }), undefined), 'high');
  assert.equal(severityOf('x', result({ 'security-severity': '4.0' }), undefined), 'medium');
  assert.equal(severityOf('x', result({ 'security-severity': '0.1' }), undefined), 'low');
  assert.equal(
    severityOf('trivy', result(), { id: 'r', properties: { tags: ['vulnerability', 'CRITICAL'] } }),
    'critical',
  );
  assert.equal(severityOf('checkov', result(undefined, 'error'), undefined), 'medium');
  assert.equal(severityOf('gitleaks', result(), undefined), 'high');
  assert.equal(severityOf('semgrep', result(undefined, 'error'), undefined), 'high');
  assert.equal(severityOf('semgrep', result(undefined, 'note'), undefined), 'low');
});

function vulnLog(
  tool: string,
  results: { ruleId: string; name: string; version: string; aliases?: string[] }[],
): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          message: {
            text: `Package: ${r.name}\nInstalled Version: ${r.version}\nVulnerability ${r.ruleId}`,
          },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'package-lock.json' } } }],
          properties: {
            tags: ['vulnerability'],
            ...(r.aliases ? { 'scanfold/aliases': r.aliases } : {}),
          },
        })),
      },
    ],
  };
}

test('dedupe: Trivy and Grype report one advisory under CVE and GHSA ids: one finding, both tools, every source kept', () => {
  const trivy = vulnLog('Trivy', [
    {
      ruleId: 'CVE-2020-8203',
      name: 'lodash',
      version: '4.17.15',
      aliases: ['CVE-2020-8203', 'GHSA-p6mc-m468-83gw'],
    },
    // The same advisory twice in one scan, under its GHSA id.
    { ruleId: 'GHSA-p6mc-m468-83gw', name: 'lodash', version: '4.17.15' },
    { ruleId: 'CVE-2021-44906', name: 'minimist', version: '1.2.0' },
  ]);
  const grype = vulnLog('grype', [
    {
      ruleId: 'GHSA-p6mc-m468-83gw-lodash',
      name: 'lodash',
      version: '4.17.15',
      aliases: ['GHSA-p6mc-m468-83gw', 'CVE-2020-8203'],
    },
  ]);
  const normalized = normalize(
    [
      { file: 'trivy.sarif', log: trivy },
      { file: 'grype.sarif', log: grype },
    ],
    ROOT,
  );
  assert.equal(normalized.inputResults, 4);
  assert.equal(normalized.findings.length, 2);
  assert.equal(normalized.duplicatesMerged, 2);
  const lodash = normalized.findings.find((f) => f.package?.name === 'lodash');
  assert.deepEqual(lodash?.tools, ['grype', 'trivy']);
  assert.equal(lodash?.cve, 'CVE-2020-8203');
  assert.equal(lodash?.ghsa, 'GHSA-p6mc-m468-83gw');
  assert.equal(lodash?.sources.length, 3);
  // Every input result is reachable from exactly one finding.
  const sources = normalized.findings.flatMap((f) =>
    f.sources.map((s) => `${s.file}#${s.runIndex}#${s.resultIndex}`),
  );
  assert.equal(new Set(sources).size, 4);
});

test('dedupe: the same vulnerability in a different package version stays separate', () => {
  const log = vulnLog('Trivy', [
    { ruleId: 'CVE-2020-8203', name: 'lodash', version: '4.17.15' },
    { ruleId: 'CVE-2020-8203', name: 'lodash', version: '4.17.10' },
  ]);
  assert.equal(normalize([{ file: 'a', log }], ROOT).findings.length, 2);
});

test('fingerprints are stable across line shifts for code findings', () => {
  const at = (line: number): Log => ({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Semgrep OSS' } },
        results: [
          {
            ruleId: 'py.sqli',
            message: { text: 'SQL injection' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'app.py' },
                  region: { startLine: line, snippet: { text: 'cursor.execute(q % x)' } },
                },
              },
            ],
          },
        ],
      },
    ],
  });
  const a = normalize([{ file: 'x', log: at(10) }], ROOT).findings[0];
  const b = normalize([{ file: 'x', log: at(42) }], ROOT).findings[0];
  assert.ok(a && b);
  assert.equal(a.fingerprint, b.fingerprint);
});

test('normalize: the findings do not depend on the order the logs are given in', async () => {
  const logs = await Promise.all(
    ['trivy/trivy.sarif', 'grype/grype.sarif.json', 'semgrep/semgrep.sarif'].map(
      async (file) => JSON.parse(await readFile(path.join(RECORDED, file), 'utf8')) as Log,
    ),
  );
  // Each log twice under two names: every tool and rule has results from two files, which dedupe
  // orders by file whichever came first.
  const inputs = logs.flatMap((log, index) => [
    { file: `a-${index}.sarif`, log },
    { file: `b-${index}.sarif`, log },
  ]);
  const given = normalize(inputs, ROOT);
  const reversed = normalize([...inputs].reverse(), ROOT);
  assert.deepEqual(reversed, given);
  assert.equal(given.inputResults, 2 * logs.reduce((sum, log) => sum + countResults(log), 0));
  const sources = given.findings.flatMap((finding) => finding.sources.map((s) => s.file));
  assert.equal(sources.length, given.inputResults);
  // Within a finding, a tool's results are listed by file: the a- copy before the b- copy.
  for (const finding of given.findings) {
    const files = finding.sources.map((source) => `${source.tool} ${source.ruleId} ${source.file}`);
    assert.deepEqual(files, [...files].sort(), finding.id);
  }
});

test('golden: recorded real outputs merge with every result kept and counts consistent', async () => {
  const files = [
    'semgrep/semgrep.sarif',
    'gitleaks/gitleaks.sarif',
    'checkov/results_sarif.sarif',
    'grype/grype.sarif.json',
    'trivy/trivy.sarif',
    'trivy-vuln/trivy.sarif.json',
    'trivy/trivy.cdx.json',
    'syft/syft.cdx.json',
  ].map((file) => path.join(RECORDED, file));
  const inputs = await Promise.all(
    files
      .filter((file) => !file.endsWith('.cdx.json'))
      .map(async (file) => JSON.parse(await readFile(file, 'utf8')) as Log),
  );
  let expectedResults = inputs.reduce((sum, log) => sum + countResults(log), 0);
  const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-golden-'));
  const outcome = await importFiles({
    files,
    outputDir: out,
    root: path.join(REPO_ROOT, 'examples', 'vulnerable-app'),
    failOn: 'none',
    logger: silentLogger,
  });
  const report = ReportSchema.parse(JSON.parse(await readFile(outcome.files.report, 'utf8')));
  const merged = JSON.parse(await readFile(outcome.files.sarif, 'utf8')) as Log;
  assert.equal(expectedResults, 8 + 6 + 28 + 8 + 91 + 8);
  // The licence policy adds its own results (raw/policy/licenses.sarif): tinymce's GPL-2.0-or-later.
  const policy = JSON.parse(
    await readFile(path.join(out, 'raw', 'policy', 'licenses.sarif'), 'utf8'),
  ) as Log;
  assert.equal(countResults(policy), 1);
  expectedResults += countResults(policy);
  assert.equal(countResults(merged), expectedResults, 'merged SARIF keeps every result');
  assert.equal(report.summary.inputResults, expectedResults);
  assert.equal(report.summary.total, expectedResults - report.summary.duplicatesMerged);
  assert.equal(report.findings.flatMap((f) => f.sources).length, expectedResults);
  assert.deepEqual(
    merged.runs.map((run) => run.automationDetails?.id),
    [
      'scanfold/checkov/',
      'scanfold/gitleaks/',
      'scanfold/grype/',
      'scanfold/license-policy/',
      'scanfold/semgrep/',
      'scanfold/trivy/',
    ],
  );
  for (const run of merged.runs) {
    for (const result of run.results ?? [])
      assert.equal(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, result.ruleId);
  }
  // Syft's and Trivy's SBOMs merge by purl into one valid CycloneDX 1.6 document.
  assert.deepEqual(
    await validateCycloneDx(await readFile(outcome.files.sbom ?? '', 'utf8')),
    undefined,
  );
  const syftComponents = (
    JSON.parse(await readFile(path.join(RECORDED, 'syft/syft.cdx.json'), 'utf8')) as {
      components: unknown[];
    }
  ).components.length;
  assert.ok(
    (report.sbom?.components ?? 0) >= syftComponents - 2,
    `${report.sbom?.components} components`,
  );
  assert.ok(report.sbom?.licenses.includes('GPL-2.0-or-later'), report.sbom?.licenses.join(', '));
  assert.equal(outcome.exitCode, 0);
});

test('merge: a corrupt or unknown file is named in a clear error, the others still merge, exit non-zero', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-bad-'));
  const corrupt = path.join(dir, 'corrupt.sarif');
  const unknown = path.join(dir, 'unknown.json');
  const brokenSarif = path.join(dir, 'broken.sarif');
  await writeFile(corrupt, '{"version": "2.1.0", "runs": [');
  await writeFile(unknown, '{"hello": "world"}');
  await writeFile(brokenSarif, '{"version": "2.1.0", "runs": [{"results": []}]}');
  const good = path.join(RECORDED, 'gitleaks', 'gitleaks.sarif');
  const outcome = await importFiles({
    files: [corrupt, good, unknown, brokenSarif],
    outputDir: path.join(dir, 'out'),
    root: REPO_ROOT,
    failOn: 'none',
    logger: silentLogger,
  });
  assert.equal(outcome.report.summary.inputResults, 6);
  assert.equal(outcome.report.errors.length, 3);
  assert.match(outcome.report.errors[0] ?? '', /corrupt\.sarif: invalid JSON/);
  assert.match(outcome.report.errors[1] ?? '', /unknown\.json: unknown format/);
  assert.match(
    outcome.report.errors[2] ?? '',
    /broken\.sarif: invalid SARIF 2\.1\.0 at runs\.0\.tool/,
  );
  assert.notEqual(outcome.exitCode, 0);
});

test('merge: native JSON of Gitleaks, Semgrep and Checkov gives the same counts as their SARIF', async () => {
  const pairs: [string, string][] = [
    ['gitleaks/gitleaks.json', 'gitleaks/gitleaks.sarif'],
    ['semgrep/semgrep.json', 'semgrep/semgrep.sarif'],
    ['checkov/results_json.json', 'checkov/results_sarif.sarif'],
  ];
  for (const [native, sarif] of pairs) {
    const count = async (file: string): Promise<number> => {
      const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-native-'));
      const outcome = await importFiles({
        files: [path.join(RECORDED, file)],
        outputDir: out,
        root: REPO_ROOT,
        failOn: 'none',
        logger: silentLogger,
      });
      assert.deepEqual(outcome.report.errors, []);
      return outcome.report.summary.inputResults;
    };
    assert.equal(await count(native), await count(sarif), native);
  }
});

test("extraction: a result's own tags, CWEs, aliases and severity count beside its rule's", () => {
  // One rule, many results: what the rule decides is worked out once per rule, and a result that
  // brings its own facts must still get its own answer (and not pass it on to the next result).
  const at = (line: number) => ({
    physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: line } },
  });
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'SomeSast',
            rules: [
              {
                id: 'sqli',
                shortDescription: { text: 'SQL injection' },
                properties: { tags: ['security', 'CWE-89'], 'security-severity': '7.5' },
              },
            ],
          },
        },
        results: [
          { ruleId: 'sqli', message: { text: 'a' }, locations: [at(1)] },
          {
            ruleId: 'sqli',
            message: { text: 'b' },
            locations: [at(2)],
            properties: { tags: ['CWE-798'], 'security-severity': '9.5' },
          },
          {
            ruleId: 'sqli',
            message: { text: 'c' },
            locations: [at(3)],
            properties: { 'scanfold/cwe': [], 'scanfold/aliases': ['CVE-2024-0001'] },
          },
          { ruleId: 'sqli', message: { text: 'd' }, locations: [at(4)] },
        ],
      },
    ],
  };
  const byLine = new Map(
    normalize([{ file: 'x.sarif', log }], ROOT).findings.map((f) => [f.location.startLine, f]),
  );
  const facts = (line: number) => {
    const f = byLine.get(line);
    return [f?.category, f?.severity, f?.cwe, f?.cve, f?.title];
  };
  assert.deepEqual(facts(1), ['code', 'high', ['CWE-89'], undefined, 'SQL injection']);
  // A hard-coded credential CWE of its own makes it a secret; its own score wins.
  assert.equal(byLine.get(2)?.category, 'secret');
  assert.deepEqual(byLine.get(2)?.cwe, ['CWE-798', 'CWE-89']);
  assert.equal(byLine.get(2)?.severity, 'critical');
  // scanfold's own (empty) CWE list is the whole answer; its alias is its own.
  assert.deepEqual(facts(3), ['code', 'high', [], 'CVE-2024-0001', 'SQL injection']);
  assert.deepEqual(facts(4), facts(1));
});

test("severity: Trivy's and Grype's own words outrank security-severity; other tools' scores stay first", () => {
  // The same rule and result under four drivers: the CVSS score says critical, the words say low.
  const logOf = (driver: string, message: string): Log => ({
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: driver,
            rules: [
              {
                id: 'CVE-2024-0001',
                shortDescription: { text: 'CVE-2024-0001 low vulnerability for lib package' },
                properties: {
                  tags: ['vulnerability', 'security', 'LOW'],
                  'security-severity': '9.8',
                },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'CVE-2024-0001',
            message: { text: message },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'package.json' } } }],
          },
        ],
      },
    ],
  });
  const severity = (driver: string, message: string) =>
    normalize([{ file: `${driver}.sarif`, log: logOf(driver, message) }], ROOT).findings[0]
      ?.severity;
  const trivyMessage =
    'Package: lib\nInstalled Version: 1.0.0\nVulnerability CVE-2024-0001\nSeverity: LOW';
  assert.equal(severity('Trivy', trivyMessage), 'low');
  // Trivy's rule tag alone (Trivy 0.15's messages are "."); Grype's short description alone.
  assert.equal(severity('Trivy', '.'), 'low');
  assert.equal(
    severity('Grype', 'A low vulnerability in npm package: lib, version 1.0.0 was found at: /x'),
    'low',
  );
  assert.equal(severity('Grype', 'no word here'), 'low');
  // The message is the result's own: it outranks the rule's word.
  assert.equal(severity('Trivy', trivyMessage.replace('LOW', 'HIGH')), 'high');
  // A tool that states no word of its own: security-severity first, as GitHub reads it.
  assert.equal(severity('SomeScanner', trivyMessage), 'critical');
  assert.equal(severity('CodeQL', 'x'), 'critical');
});

test('dedupe: CodeQL cwe-089 and Semgrep CWE-89 on the same line are one finding from two tools', () => {
  const sast = (tool: string, tag: string): Log => ({
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            rules: [{ id: `${tool}.sqli`, properties: { tags: ['security', tag] } }],
          },
        },
        results: [
          {
            ruleId: `${tool}.sqli`,
            message: { text: 'SQL injection' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'app.py' },
                  region: { startLine: 30 },
                },
              },
            ],
          },
        ],
      },
    ],
  });
  const normalized = normalize(
    [
      { file: 'codeql.sarif', log: sast('CodeQL', 'external/cwe/cwe-089') },
      { file: 'semgrep.sarif', log: sast('Semgrep OSS', 'CWE-89: SQL Injection') },
    ],
    ROOT,
  );
  assert.equal(normalized.findings.length, 1);
  assert.deepEqual(normalized.findings[0]?.tools, ['codeql', 'semgrep']);
  assert.deepEqual(normalized.findings[0]?.cwe, ['CWE-89']);
});

test('merge: native Trivy and Grype JSON of one scan dedupe across tools through CVE/GHSA aliases', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-native-vuln-'));
  const outcome = await importFiles({
    files: [
      path.join(RECORDED, 'trivy-vuln', 'trivy.json'),
      path.join(RECORDED, 'grype', 'grype.json'),
    ],
    outputDir: out,
    root: path.join(REPO_ROOT, 'examples', 'vulnerable-app'),
    failOn: 'none',
    logger: silentLogger,
  });
  assert.deepEqual(outcome.report.errors, []);
  assert.equal(outcome.report.summary.inputResults, 16);
  assert.equal(outcome.report.summary.total, 8);
  for (const finding of outcome.report.findings) {
    assert.deepEqual(finding.tools, ['grype', 'trivy'], finding.ruleId);
    assert.ok(finding.cve && finding.ghsa && finding.package?.purl, finding.ruleId);
  }
});

test("merge: Checkov's own results_sarif.sarif and results_json.json are one run, not every result twice", async () => {
  const merge = async (files: string[]) => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'scanfold-checkov-pair-'));
    try {
      return await importFiles({
        files: files.map((file) => path.join(RECORDED, file)),
        outputDir: out,
        root: REPO_ROOT,
        failOn: 'none',
        logger: silentLogger,
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  };
  const sarifOnly = await merge(['checkov/results_sarif.sarif']);
  const both = await merge(['checkov/results_sarif.sarif', 'checkov/results_json.json']);
  assert.deepEqual(both.report.errors, []);
  assert.ok(sarifOnly.report.summary.inputResults > 0);
  assert.equal(both.report.summary.inputResults, sarifOnly.report.summary.inputResults);
  assert.equal(both.report.summary.total, sarifOnly.report.summary.total);
});
