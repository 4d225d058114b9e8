// Container images, live: a two-layer Alpine image built offline from fixture root filesystems
// (test/support/oci-image.ts), as a docker-archive tarball, as an OCI layout, and pulled by
// reference from a registry on 127.0.0.1 serving that layout (test/support/oci-registry.ts),
// scanned by the real Trivy, Syft and Grype against the fixture vulnerability DBs. No daemon.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { ReportSchema } from '../src/model/scan-result.ts';
import type { Report } from '../src/model/scan-result.ts';
import { countResults } from '../src/outputs/sarif.ts';
import { validateCycloneDx } from '../src/outputs/sbom-validate.ts';
import { buildImage, fixtureImageLayers } from './support/oci-image.ts';
import { serveLayout } from './support/oci-registry.ts';
import type { LoopbackRegistry } from './support/oci-registry.ts';
import type { BuiltImage } from './support/oci-image.ts';
import { REPO_ROOT, runCli } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';
import { validateSarif } from './support/schemas.ts';
import { testDbArgs } from './support/testdb.ts';

let out = '';
let run: CliRun;
let report: Report;
let merged: Log;
let archive: BuiltImage;
let layout: BuiltImage;
let registry: LoopbackRegistry;
let remote: { ref: string; diffIds: string[] };

before(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'scanfold-image-'));
  const layers = fixtureImageLayers(REPO_ROOT);
  archive = buildImage({
    layers,
    out: path.join(work, 'fixture.tar'),
    format: 'docker-archive',
    tag: 'scanfold/fixture:1',
  });
  layout = buildImage({
    layers,
    out: path.join(work, 'fixture-oci'),
    format: 'oci-dir',
    tag: 'scanfold/fixture:1',
  });
  registry = await serveLayout(layout.path, 'scanfold/fixture');
  remote = { ref: `registry:${registry.host}/scanfold/fixture:1`, diffIds: layout.diffIds };
  // The scanned directory holds nothing: every finding below comes from the images.
  const root = path.join(work, 'app');
  await mkdir(root);
  out = path.join(work, 'out');
  run = await runCli([
    'scan',
    root,
    '--scanners',
    'trivy,syft,grype',
    '--image',
    archive.ref,
    '--image',
    layout.ref,
    '--image',
    remote.ref,
    '--out',
    out,
    '--fail-on',
    'none',
    '--no-install',
    '--offline',
    ...testDbArgs(),
  ]);
  report = ReportSchema.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
  merged = JSON.parse(await readFile(path.join(out, 'scanfold.sarif'), 'utf8')) as Log;
});

after(() => registry.close());

const OPENSSL = ['CVE-2023-6129', 'CVE-2024-0727'];
const PACKAGES = ['libcrypto3', 'libssl3'];

test('trivy, syft and grype all scan the three images and end ok', () => {
  assert.equal(run.code, 0, run.stderr.slice(-3000));
  assert.deepEqual(Object.fromEntries(report.scanners.map((s) => [s.name, s.status])), {
    trivy: 'ok',
    syft: 'ok',
    grype: 'ok',
  });
  for (const [tool, count] of [
    ['trivy', 3],
    ['grype', 3],
  ] as const) {
    const images = report.scanners
      .find((s) => s.name === tool)
      ?.outputs.filter((file) => /-image-\d\.sarif$/.test(file));
    assert.equal(images?.length, count, `${tool}: one SARIF per image`);
  }
});

test('OS package vulnerabilities from Trivy and Grype merge into one finding per image, package and CVE', () => {
  for (const image of [archive, layout, remote]) {
    const findings = report.findings.filter(
      (f) => f.image?.ref === image.ref && f.category === 'vulnerability',
    );
    const keys = findings.map((f) => `${f.cve}|${f.package?.name}`).sort();
    assert.deepEqual(
      keys,
      OPENSSL.flatMap((cve) => PACKAGES.map((name) => `${cve}|${name}`)).sort(),
      image.ref,
    );
    for (const finding of findings) {
      assert.deepEqual(
        finding.tools,
        ['grype', 'trivy'],
        `${finding.cve} ${finding.package?.name}`,
      );
      assert.equal(finding.category, 'vulnerability');
      assert.equal(finding.package?.version, '3.1.4-r1');
      assert.equal(finding.location.path, image.ref);
      // The layer that installed OpenSSL, with the instruction that made it.
      assert.equal(finding.image?.layer?.diffId, image.diffIds[1]);
      assert.equal(
        finding.image?.layer?.createdBy,
        'RUN /bin/sh -c apk add --no-cache libssl3 # buildkit',
      );
    }
    assert.equal(
      findings.find((f) => f.cve === 'CVE-2023-6129')?.package?.fixedVersion,
      '3.1.4-r3',
    );
  }
});

test('nothing lost: every raw image result is a source of exactly one finding; SARIF validates', async () => {
  let raw = 0;
  for (const scanner of report.scanners)
    for (const file of scanner.outputs.filter((f) => f.endsWith('.sarif')))
      raw += countResults(JSON.parse(await readFile(path.join(out, file), 'utf8')) as Log);
  // Per image: 4 package matches from each of Trivy and Grype, and Trivy's 2 checks of the image
  // config (DS-0002 runs as root, DS-0026 no HEALTHCHECK).
  assert.equal(raw, 30);
  // The licence policy adds its own results for the images' packages (GPL-2.0-only busybox and
  // alpine-baselayout); they are not image-scanner output.
  const policy = report.findings
    .filter((f) => f.tools.includes('license-policy'))
    .flatMap((f) => f.sources).length;
  assert.equal(report.summary.inputResults, raw + policy);
  assert.equal(report.findings.filter((f) => f.image).length, 18);
  for (const image of [archive, layout, remote])
    assert.deepEqual(
      report.findings
        .filter((f) => f.image?.ref === image.ref && f.category === 'iac')
        .map((f) => f.ruleId)
        .sort(),
      ['DS-0002', 'DS-0026'],
    );
  assert.equal(countResults(merged), raw + policy);
  assert.deepEqual(validateSarif(merged), []);
});

test('the merged SBOM keeps the image packages (and validates as CycloneDX 1.6)', async () => {
  const text = await readFile(path.join(out, 'sbom.cdx.json'), 'utf8');
  assert.equal(await validateCycloneDx(text), undefined);
  const purls = (JSON.parse(text) as { components: { purl?: string }[] }).components
    .map((c) => c.purl?.split('?')[0])
    .filter(Boolean);
  for (const name of ['musl', 'busybox', 'libcrypto3', 'libssl3', 'alpine-baselayout'])
    assert.ok(
      purls.some((purl) => purl?.startsWith(`pkg:apk/alpine/${name}@`)),
      `${name} in the SBOM`,
    );
});

test('the registry reference was pulled from the loopback registry by the tools themselves', () => {
  const pulls = registry.requests();
  assert.ok(pulls.includes('GET /v2/scanfold/fixture/manifests/1'), pulls.join('\n'));
  for (const diffId of layout.diffIds)
    assert.ok(pulls.includes(`GET /v2/scanfold/fixture/blobs/${diffId}`), diffId);
});

test('the PR comment lists image findings in a section of their own, with the layer', async () => {
  const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
  assert.match(markdown, /<b>image<\/b> <code>docker-archive&#58;[^<]*fixture\.tar<\/code> \(6\)/);
  assert.match(markdown, /<b>image<\/b> <code>oci-dir&#58;[^<]*fixture-oci<\/code> \(6\)/);
  assert.match(
    markdown,
    /<b>image<\/b> <code>registry&#58;127\.0\.0\.1&#58;\d+\/scanfold\/fixture&#58;1<\/code> \(6\)/,
  );
  assert.match(markdown, /layer&#58; RUN \/bin\/sh -c apk add --no-cache libssl3/);
});
