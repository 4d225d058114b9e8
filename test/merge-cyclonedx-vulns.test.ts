/**
 * CycloneDX with `vulnerabilities` (Trivy `--format cyclonedx`, Grype `-o cyclonedx-json`, OSV)
 * is not only an SBOM: each vulnerability × affected component is a finding, merged with the
 * same advisory on the same package from SARIF inputs, and kept in the merged sbom.cdx.json.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { importFiles } from '../src/import/import.ts';
import type { Logger } from '../src/model/ports.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';

const TRIVY_SARIF = path.join(
  import.meta.dirname,
  'fixtures',
  'recorded',
  'trivy-vuln',
  'trivy.sarif.json',
);

const BOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { tools: { components: [{ type: 'application', name: 'grype', version: '0.80.0' }] } },
  components: [
    {
      type: 'library',
      name: 'lodash',
      version: '4.17.15',
      purl: 'pkg:npm/lodash@4.17.15',
      'bom-ref': 'lod',
    },
    {
      type: 'library',
      name: 'app',
      'bom-ref': 'app',
      components: [
        {
          type: 'library',
          group: 'org.yaml',
          name: 'snakeyaml',
          version: '1.33',
          purl: 'pkg:maven/org.yaml/snakeyaml@1.33',
          'bom-ref': 'snake',
        },
      ],
    },
  ],
  vulnerabilities: [
    {
      // The same advisory Trivy's SARIF reports on lodash 4.17.15 (there as the GHSA's CVE).
      id: 'GHSA-p6mc-m468-83gw',
      references: [{ id: 'CVE-2020-8203', source: { name: 'NVD' } }],
      ratings: [
        { severity: 'medium', method: 'other' },
        { score: 7.4, severity: 'high', method: 'CVSSv31' },
      ],
      cwes: [770, 1321],
      recommendation: 'Upgrade lodash to version 4.17.19',
      affects: [{ ref: 'lod' }],
    },
    {
      id: 'CVE-2022-1471',
      ratings: [{ score: 9.8, method: 'CVSSv3' }, { severity: 'high' }],
      affects: [
        {
          ref: 'snake',
          versions: [
            { version: '1.33', status: 'affected' },
            { version: '2.0', status: 'unaffected' },
          ],
        },
      ],
    },
    { id: 'CVE-2020-0001', ratings: [{ severity: 'low' }], affects: [{ ref: 'not-in-this-bom' }] },
  ],
};

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cdx-vulns-'));
  await writeFile(path.join(dir, 'grype.cdx.json'), JSON.stringify(BOM));
});
after(() => rm(dir, { recursive: true, force: true }));

test('CycloneDX vulnerabilities become findings, merge with SARIF, and stay in the SBOM', async () => {
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warning: (line) => warnings.push(line) };
  const out = path.join(dir, 'out');
  const outcome = await importFiles({
    files: [path.join(dir, 'grype.cdx.json'), TRIVY_SARIF],
    outputDir: out,
    root: dir,
    failOn: 'none',
    logger,
  });
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
  assert.deepEqual(report.errors, []);
  assert.deepEqual(outcome.report.errors, []);

  // Merged with Trivy's result for the same advisory on the same package, one finding.
  const lodash = report.findings.filter(
    (f) => f.package?.name === 'lodash' && f.aliases?.includes('CVE-2020-8203'),
  );
  assert.equal(lodash.length, 1, JSON.stringify(lodash));
  const merged = lodash[0];
  assert.deepEqual([...(merged?.tools ?? [])].sort(), ['grype', 'trivy']);
  assert.equal(merged?.cve, 'CVE-2020-8203');
  assert.equal(merged?.ghsa, 'GHSA-p6mc-m468-83gw');
  assert.equal(merged?.severity, 'high', 'the highest of the ratings');

  const snake = report.findings.find((f) => f.cve === 'CVE-2022-1471');
  assert.equal(snake?.severity, 'critical', 'the CVSS score outranks the word');
  assert.equal(snake?.cvss, 9.8);
  assert.deepEqual(snake?.tools, ['grype']);
  assert.deepEqual(snake?.package, {
    name: 'org.yaml:snakeyaml',
    version: '1.33',
    fixedVersion: '2.0',
    purl: 'pkg:maven/org.yaml/snakeyaml@1.33',
    ecosystem: 'maven',
  });

  const grypeOnly = report.findings.find(
    (f) => f.tools.length === 1 && f.tools[0] === 'grype' && f.package?.name === 'lodash',
  );
  assert.equal(grypeOnly, undefined, 'no second lodash finding');
  const lodashSource = merged?.sources.find((source) => source.tool === 'grype');
  assert.ok(lodashSource, 'the CycloneDX result is a source of the merged finding');

  // Not lost: an advisory on a bom-ref the file does not describe is a finding, and a warning.
  const orphan = report.findings.find((f) => f.cve === 'CVE-2020-0001');
  assert.equal(orphan?.severity, 'low');
  assert.equal(orphan?.package, undefined);
  assert.deepEqual(warnings, [
    `${path.join(dir, 'grype.cdx.json')}: 1 vulnerability entry affects a bom-ref not in the file; imported without a package`,
  ]);
  const grype = report.scanners.find((s) => s.name === 'grype');
  assert.equal(grype?.findings, 3, 'every CycloneDX vulnerability × component is a result');

  // In scanfold.sarif, as the tool's run, like any result.
  const sarif = JSON.parse(await readFile(path.join(out, 'scanfold.sarif'), 'utf8')) as Log;
  const run = sarif.runs.find((r) => r.automationDetails?.id === 'scanfold/grype/');
  assert.deepEqual(run?.results?.map((r) => r.ruleId).sort(), [
    'CVE-2020-0001',
    'CVE-2022-1471',
    'GHSA-p6mc-m468-83gw',
  ]);

  // The merged SBOM keeps the vulnerabilities, on the components they affect.
  const sbom = JSON.parse(await readFile(path.join(out, 'sbom.cdx.json'), 'utf8')) as {
    components: { name: string; 'bom-ref': string }[];
    vulnerabilities?: { id: string; affects: { ref: string }[]; cwes?: number[] }[];
  };
  const ids = (sbom.vulnerabilities ?? []).map((v) => v.id).sort();
  assert.ok(ids.includes('CVE-2020-8203'), ids.join());
  assert.ok(ids.includes('CVE-2022-1471'), ids.join());
  const snakeRef = sbom.components.find((c) => c.name === 'snakeyaml')?.['bom-ref'];
  const snakeVuln = sbom.vulnerabilities?.find((v) => v.id === 'CVE-2022-1471');
  assert.deepEqual(snakeVuln?.affects, [{ ref: snakeRef }]);
  const lodashVuln = sbom.vulnerabilities?.find((v) => v.id === 'CVE-2020-8203');
  assert.deepEqual(lodashVuln?.cwes, [770, 1321]);
});

test('a wrong-typed vulnerability field rejects the file, naming it', async () => {
  const bad = { ...BOM, vulnerabilities: [{ id: 'CVE-1', ratings: [{ score: '9.8' }] }] };
  await writeFile(path.join(dir, 'bad.cdx.json'), JSON.stringify(bad));
  const outcome = await importFiles({
    files: [path.join(dir, 'bad.cdx.json')],
    outputDir: path.join(dir, 'out-bad'),
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });
  assert.equal(outcome.report.errors.length, 1);
  assert.match(
    outcome.report.errors[0] ?? '',
    /bad\.cdx\.json: invalid CycloneDX at vulnerabilities\.0\.ratings\.0\.score: .*expected number, received string$/,
  );
});

test("a BOM beside its own tool's SARIF (a scan's raw files) adds no second copy of its results", async () => {
  const grypeSarif = path.join(
    import.meta.dirname,
    'fixtures',
    'recorded',
    'grype',
    'grype.sarif.json',
  );
  const outcome = await importFiles({
    files: [path.join(dir, 'grype.cdx.json'), grypeSarif],
    outputDir: path.join(dir, 'out-pair'),
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });
  const files = new Set(outcome.report.findings.flatMap((f) => f.sources.map((s) => s.file)));
  assert.deepEqual([...files], [grypeSarif]);
});
