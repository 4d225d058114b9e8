/**
 * `scan` and `scanfold merge` read a tool's raw output through the same adapter `parse`, so the
 * same files give the same findings either way. For every adapter with recorded (or public)
 * output, the files are laid out under the names a scan gives them; the scan side is what the
 * runner and engine do with them (adapter.parse → assemble), the merge side is importFiles on
 * the same files. Ids, fingerprints, paths, lines, severities, packages and counts must agree.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { assemble } from '../src/engine.ts';
import { importFiles } from '../src/import/import.ts';
import type { Finding } from '../src/model/finding.ts';
import type { SarifInput, SbomInput } from '../src/model/inputs.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import type { ParseContext } from '../src/scanners/adapter.ts';
import { scanOutputs } from '../src/scanners/common.ts';
import { govulncheckToSarif, readGovulncheckJson } from '../src/scanners/govulncheck.ts';
import { adapterNamed } from '../src/scanners/registry.ts';
import { EXAMPLE_APP, REPO_ROOT } from './support/run-cli.ts';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

interface Case {
  scanner: string;
  /** Fixture (under test/fixtures) → the name the scan gives that raw output. */
  files: Record<string, string>;
  /** The raw outputs `scanfold merge` is given (default: all of them). */
  merged?: readonly string[];
  /** The tool's results in the fixture (counted with jq), so an empty comparison cannot pass. */
  results: number;
}

const CASES: readonly Case[] = [
  {
    scanner: 'trivy',
    files: {
      'recorded/trivy/trivy.json': 'trivy.json',
      'recorded/trivy/trivy.sarif': 'trivy.sarif',
      'recorded/trivy/trivy.cdx.json': 'trivy.cdx.json',
    },
    results: 91,
  },
  {
    scanner: 'trivy',
    files: {
      'recorded/trivy-vuln/trivy.json': 'trivy.json',
      'recorded/trivy-vuln/trivy.sarif.json': 'trivy.sarif',
    },
    results: 8,
  },
  {
    // An image scan's pair (`trivy image`, converted by scanfold): the image is the artifact.
    scanner: 'trivy',
    files: {
      'public/trivy/alpine-310.json': 'trivy-image-1.json',
      'public/trivy/alpine-310.sarif': 'trivy-image-1.sarif',
    },
    results: 4,
  },
  {
    scanner: 'semgrep',
    files: {
      'recorded/semgrep/semgrep.sarif': 'semgrep.sarif',
      'recorded/semgrep/semgrep.json': 'semgrep.json',
    },
    results: 8,
  },
  {
    scanner: 'gitleaks',
    files: { 'recorded/gitleaks/gitleaks.sarif': 'gitleaks.sarif' },
    results: 6,
  },
  {
    scanner: 'checkov',
    files: {
      'recorded/checkov/results_sarif.sarif': 'checkov.sarif',
      'recorded/checkov/results_json.json': 'checkov.json',
    },
    results: 28,
  },
  {
    scanner: 'grype',
    files: {
      'recorded/grype/grype.sarif.json': 'grype.sarif',
      'recorded/grype/grype.json': 'grype.json',
    },
    results: 8,
  },
  {
    // No SARIF was recorded: the report alone, as the adapter converts it for both.
    scanner: 'osv-scanner',
    files: { 'recorded/osv-scanner/osv-scanner.json': 'osv-scanner.json' },
    results: 10,
  },
  {
    // govulncheck's stream of JSON objects, and the SARIF the scan writes from it.
    scanner: 'govulncheck',
    files: { 'recorded/govulncheck/govulncheck.json': 'govulncheck-1.json' },
    results: 2,
  },
  {
    // The stream alone: converted as the scan converted it (the module is at the root).
    scanner: 'govulncheck',
    files: { 'recorded/govulncheck/govulncheck.json': 'govulncheck-1.json' },
    merged: ['govulncheck-1.json'],
    results: 2,
  },
  { scanner: 'syft', files: { 'recorded/syft/syft.cdx.json': 'syft.cdx.json' }, results: 0 },
];

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The fixture files under a scan's names, in a fresh `raw/` directory. */
async function rawOutputs(item: Case): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-parity-'));
  dirs.push(dir);
  const raw = path.join(dir, 'raw');
  await mkdir(raw);
  const files: string[] = [];
  for (const [fixture, name] of Object.entries(item.files)) {
    await copyFile(path.join(FIXTURES, fixture), path.join(raw, name));
    files.push(path.join(raw, name));
  }
  if (item.scanner === 'govulncheck') {
    // What the adapter's scan writes beside the stream.
    const sarif = path.join(raw, 'govulncheck-1.sarif');
    const messages = await readGovulncheckJson(path.join(raw, 'govulncheck-1.json'));
    await writeFile(sarif, JSON.stringify(govulncheckToSarif(messages, '.')));
    files.push(sarif);
  }
  return files;
}

/** What scan() does with a scanner's raw outputs once the tool has run. */
async function scanSide(item: Case, files: string[]): Promise<Report> {
  const adapter = adapterNamed(item.scanner);
  assert.ok(adapter);
  const context: ParseContext = { root: EXAMPLE_APP, exclude: [], images: [] };
  const parsed = await adapter.parse(scanOutputs(files), context);
  const sarif: SarifInput[] = parsed.sarif.map(({ file, log }) => ({
    file: `raw/${file}`,
    log,
    tool: adapter.name,
  }));
  const sboms: SbomInput[] = parsed.sboms.map(({ file, bom }) => ({
    tool: adapter.name,
    file,
    bom,
  }));
  const outputDir = path.join(path.dirname(path.dirname(files[0] ?? '')), 'scan-out');
  const outcome = await assemble({
    root: EXAMPLE_APP,
    outputDir,
    failOn: 'none',
    scanners: [],
    sarif,
    sboms,
    errors: [],
    logger: silentLogger,
  });
  return outcome.report;
}

async function mergeSide(item: Case, files: string[]): Promise<Report> {
  const given = item.merged
    ? files.filter((file) => item.merged?.includes(path.basename(file)))
    : files;
  const outcome = await importFiles({
    files: given,
    outputDir: path.join(path.dirname(path.dirname(files[0] ?? '')), 'merge-out'),
    root: EXAMPLE_APP,
    failOn: 'none',
    logger: silentLogger,
  });
  return JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
}

/** Everything about a finding that does not name the file it was read from. */
function comparable(finding: Finding): unknown {
  return {
    id: finding.id,
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    tools: finding.tools,
    location: finding.location,
    locations: finding.locations,
    package: finding.package,
    aliases: finding.aliases,
    cwe: finding.cwe,
    image: finding.image,
    suppressed: finding.suppressed,
  };
}

for (const item of CASES) {
  const given = item.merged ? ` (merging ${item.merged.join(' + ')})` : '';
  test(`${item.scanner}: scan and merge of ${Object.values(item.files).join(' + ')} agree${given}`, async () => {
    const files = await rawOutputs(item);
    const scanned = await scanSide(item, files);
    const merged = await mergeSide(item, files);
    assert.deepEqual(merged.errors, []);
    assert.deepEqual(scanned.errors, []);
    if (item.scanner === 'syft') {
      assert.ok((scanned.sbom?.components ?? 0) > 0);
      assert.equal(merged.sbom?.components, scanned.sbom?.components);
      return;
    }
    assert.equal(scanned.summary.byTool[item.scanner], item.results, 'every result of the fixture');
    assert.equal(merged.summary.inputResults, scanned.summary.inputResults);
    assert.equal(merged.summary.total, scanned.summary.total);
    assert.deepEqual(merged.summary.bySeverity, scanned.summary.bySeverity);
    assert.deepEqual(merged.summary.byTool, scanned.summary.byTool);
    assert.deepEqual(merged.findings.map(comparable), scanned.findings.map(comparable));
    // Paths are the scanned directory's, never where the raw file happens to lie.
    for (const finding of merged.findings) {
      assert.ok(!path.isAbsolute(finding.location.path), finding.location.path);
      assert.ok(!finding.location.path.includes('raw/'), finding.location.path);
    }
  });
}

test("trivy: merging the SARIF alone gets Trivy's path fix too, only the JSON's details are missing", async () => {
  const item = CASES[0];
  assert.ok(item);
  const files = await rawOutputs(item);
  const scanned = await scanSide(item, files);
  const merged = await mergeSide({ ...item, merged: ['trivy.sarif'] }, files);
  const brief = (finding: Finding): unknown => ({
    id: finding.id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    path: finding.location.path,
    line: finding.location.startLine,
  });
  const trivyOnly = scanned.findings.filter((finding) => finding.tools.includes('trivy'));
  assert.equal(merged.findings.length, 91);
  assert.deepEqual(merged.findings.map(brief).sort(byJson), trivyOnly.map(brief).sort(byJson));
});

function byJson(a: unknown, b: unknown): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

test("trivy: a ROOTPATH naming the JSON report is the scan root; a directory ROOTPATH is Trivy's own", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-rootpath-'));
  dirs.push(dir);
  const sarifFrom = (rootPath: string): string =>
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Trivy', rules: [{ id: 'AVD-AWS-0089' }] } },
          originalUriBaseIds: { ROOTPATH: { uri: rootPath } },
          results: [
            {
              ruleId: 'AVD-AWS-0089',
              message: { text: 'bucket has no logging' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'main.tf', uriBaseId: 'ROOTPATH' },
                    region: { startLine: 3 },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
  const root = path.join(dir, 'repo');
  // `trivy convert` of /tmp/ci/trivy.json, and `trivy fs --format sarif infra` run in the repo.
  const converted = path.join(dir, 'converted.sarif');
  await writeFile(converted, sarifFrom('file:///tmp/ci/trivy.json/'));
  const direct = path.join(dir, 'direct.sarif');
  await writeFile(direct, sarifFrom(`file://${root}/infra/`));
  const pathOf = async (file: string): Promise<string | undefined> => {
    const outcome = await importFiles({
      files: [file],
      outputDir: path.join(dir, `out-${path.basename(file)}`),
      root,
      failOn: 'none',
      logger: silentLogger,
    });
    return outcome.report.findings[0]?.location.path;
  };
  assert.equal(await pathOf(converted), 'main.tf');
  assert.equal(await pathOf(direct), 'infra/main.tf');
});

test('a SARIF claiming a known tool is read by its adapter, whatever odd fields it carries', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-claims-'));
  dirs.push(dir);
  const files: string[] = [];
  for (const [index, details] of [{ id: 5 }, 'x', null, [1], { id: 'scanfold/trivy/' }].entries()) {
    const file = path.join(dir, `claims-${index}.sarif`);
    await writeFile(
      file,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: index % 2 ? 'gitleaks' : 'Trivy' } },
            automationDetails: details,
            results: [
              {
                ruleId: `rule-${index}`,
                message: { text: 'found' },
                locations: [{ physicalLocation: { artifactLocation: { uri: `f${index}.txt` } } }],
              },
            ],
          },
        ],
      }),
    );
    files.push(file);
  }
  const outcome = await importFiles({
    files,
    outputDir: path.join(dir, 'out'),
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });
  assert.deepEqual(outcome.report.errors, []);
  assert.equal(outcome.report.summary.inputResults, 5);
  assert.deepEqual(outcome.report.findings.map((finding) => finding.location.path).sort(), [
    'f0.txt',
    'f1.txt',
    'f2.txt',
    'f3.txt',
    'f4.txt',
  ]);
});
