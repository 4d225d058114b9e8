/**
 * `scanfold merge` lists every imported tool in report.json's scanners[], as `scan` lists the
 * scanners it ran: name, version, status and result count — not only the runs that failed.
 * Real recorded outputs of six tools, plus one Trivy run that did not complete.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { EXIT } from '../src/engine.ts';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';

const RECORDED = path.join(import.meta.dirname, 'fixtures', 'recorded');
const SARIF = {
  checkov: 'checkov/results_sarif.sarif',
  gitleaks: 'gitleaks/gitleaks.sarif',
  grype: 'grype/grype.sarif.json',
  semgrep: 'semgrep/semgrep.sarif',
  trivy: 'trivy-vuln/trivy.sarif.json',
};

let dir: string;
let files: string[];
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-merge-scanners-'));
  const failed = path.join(dir, 'trivy-failed.sarif');
  await writeFile(
    failed,
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Trivy' } },
          results: [],
          invocations: [{ executionSuccessful: false, exitCode: 1 }],
        },
      ],
    }),
  );
  files = [
    ...Object.values(SARIF).map((file) => path.join(RECORDED, file)),
    path.join(RECORDED, 'syft/syft.cdx.json'),
    failed,
  ];
});
after(() => rm(dir, { recursive: true, force: true }));

async function resultCount(file: string): Promise<number> {
  const log = JSON.parse(await readFile(path.join(RECORDED, file), 'utf8')) as Log;
  return log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
}

const merge = (inputs: string[], out: string) =>
  importFiles({
    files: inputs,
    outputDir: path.join(dir, out),
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });

test('every imported tool is listed with its version, status and result count', async () => {
  const outcome = await merge(files, 'out');
  const { scanners } = outcome.report;
  assert.deepEqual(
    scanners.map((s) => [s.name, s.status, s.version]),
    [
      ['checkov', 'ok', '3.3.30'],
      ['gitleaks', 'ok', 'v8.0.0'],
      ['grype', 'ok', '0.121.2'],
      ['semgrep', 'ok', '1.185.0'],
      ['syft', 'ok', '1.57.1'],
      // One Trivy run completed, one did not: the tool is failed, its results still counted.
      ['trivy', 'failed', '0.74.0'],
    ],
  );
  for (const [tool, file] of Object.entries(SARIF)) {
    const scanner = scanners.find((s) => s.name === tool);
    assert.equal(scanner?.findings, await resultCount(file), tool);
    assert.ok(scanner.findings > 0, tool);
    assert.match(
      scanner.notes?.join(' ') ?? '',
      new RegExp(`imported from .*${path.basename(file)}`),
    );
  }
  assert.equal(scanners.find((s) => s.name === 'syft')?.findings, 0, 'an SBOM has no results');
  assert.match(
    scanners.find((s) => s.name === 'trivy')?.message ?? '',
    /trivy-failed\.sarif: run 0 \(trivy\) did not complete/,
  );
  assert.equal(outcome.exitCode, EXIT.scannerFailed);
  // What report.json says is what was written, and the Markdown table shows every tool.
  const written = JSON.parse(await readFile(path.join(dir, 'out', 'report.json'), 'utf8')) as {
    scanners: unknown;
  };
  assert.deepEqual(written.scanners, scanners);
  const markdown = renderMarkdown(outcome.report);
  for (const scanner of scanners) assert.match(markdown, new RegExp(`\\| ${scanner.name} \\|`));
});

test('the scanners list does not depend on the order of the inputs', async () => {
  const forward = await merge(files, 'forward');
  const backward = await merge([...files].reverse(), 'backward');
  assert.deepEqual(backward.report.scanners, forward.report.scanners);
});

test('a hostile driver version reaches neither the terminal nor the report raw', async () => {
  const hostile = path.join(dir, 'hostile.sarif');
  const version = '1.0\u001b[2J\n::error::pwned\u202e' + 'x'.repeat(500);
  await writeFile(
    hostile,
    JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Evil', version } } }] }),
  );
  const outcome = await merge([hostile], 'hostile');
  const [evil] = outcome.report.scanners;
  assert.equal(evil?.name, 'evil');
  assert.ok((evil.version ?? '').length <= 64, evil.version);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(evil.version ?? '', /[\u0000-\u001f\u202e]|^\s*::|\n::/);
});

test('Grype JSON of an image: its findings are the image’s, filed under .scanfold/images/', async () => {
  const recorded = JSON.parse(
    await readFile(path.join(RECORDED, 'grype', 'grype.json'), 'utf8'),
  ) as { source: unknown; matches: unknown[] };
  // The same report as Grype writes it for `grype alpine:3.19` (source.type image).
  recorded.source = { type: 'image', target: { userInput: 'alpine:3.19', imageID: 'sha256:0' } };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-grype-image-'));
  try {
    const file = path.join(dir, 'grype.json');
    await writeFile(file, JSON.stringify(recorded));
    const outcome = await importFiles({
      files: [file],
      outputDir: path.join(dir, 'out'),
      root: dir,
      failOn: 'none',
      logger: silentLogger,
    });
    const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
    assert.equal(report.summary.inputResults, recorded.matches.length);
    for (const finding of report.findings) {
      assert.equal(finding.image?.ref, 'alpine:3.19', finding.id);
      assert.equal(finding.location.path, 'alpine:3.19', finding.id);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
