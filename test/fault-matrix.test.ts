/**
 * Rows of docs/RELIABILITY.md that are about a scanner's output and the output directory: each
 * fault is named in the report, the scan exits 3, and the other scanner's results are in every
 * output (SARIF, report.json, report.md, SBOM).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { resolveConfig } from '../src/config/load.ts';
import { EXIT, scan } from '../src/engine.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import { ReportSchema } from '../src/model/scan-result.ts';
import type { Report } from '../src/model/scan-result.ts';
import { fakeGitleaks, fakeSyft, fakeToolCache } from './support/fake-tools.ts';

async function scanWithGitleaks(body: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-fault-'));
  await writeFile(path.join(root, 'app.py'), 'print("hello")\n');
  const config = resolveConfig({
    root,
    overrides: { retries: 0, scanners: ['gitleaks', 'syft'], failOn: 'none' },
    toolCache: await fakeToolCache({ gitleaks: fakeGitleaks(body), syft: fakeSyft() }),
    retryBaseMs: 5,
  });
  const outcome = await scan(config, {
    logger: silentLogger,
    clock: systemClock,
    install: false,
    ignorePath: true,
  });
  const report = ReportSchema.parse(JSON.parse(await readFile(outcome.files.report, 'utf8')));
  return { outcome, report, gitleaks: report.scanners.find((s) => s.name === 'gitleaks') };
}

/** Syft's component reached every output, whatever happened to Gitleaks. */
async function othersKept(outcome: Awaited<ReturnType<typeof scan>>, report: Report) {
  assert.equal(report.scanners.find((s) => s.name === 'syft')?.status, 'ok');
  assert.equal(report.sbom?.components, 1);
  const sbom = await readFile(outcome.files.sbom ?? '', 'utf8');
  assert.match(sbom, /pkg:npm\/lodash@4\.17\.15/);
  const markdown = await readFile(outcome.files.markdown, 'utf8');
  assert.match(markdown, /gitleaks \| ❌ failed/);
  const sarif = JSON.parse(await readFile(outcome.files.sarif, 'utf8')) as Log;
  assert.equal(sarif.version, '2.1.0');
}

for (const [fault, body, message] of [
  ['empty output', ': > "$out"', /gitleaks output unreadable: gitleaks\.sarif: invalid JSON/],
  [
    'truncated output',
    `printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gitleaks"}},"results":[{"ruleId":' > "$out"`,
    /gitleaks output unreadable: gitleaks\.sarif: invalid JSON/,
  ],
  [
    'wrong shape (JSON, not SARIF)',
    `echo '{"version":"2.1.0","runs":{"tool":5}}' > "$out"`,
    /gitleaks output unreadable: gitleaks\.sarif: not SARIF 2\.1\.0 \(runs: /,
  ],
  ['output missing', 'exit 0', /gitleaks wrote no gitleaks\.sarif/],
  ['crash (signal)', 'kill -SEGV $$', /gitleaks exited with SIGSEGV/],
] as const) {
  test(`scanner ${fault}: failed with a message naming it; the others are in every output`, async () => {
    const { outcome, report, gitleaks } = await scanWithGitleaks(body);
    assert.equal(gitleaks?.status, 'failed', JSON.stringify(gitleaks));
    assert.match(gitleaks?.message ?? '', message);
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
    await othersKept(outcome, report);
  });
}

test('huge output: 20,000 results are all kept, in the SARIF and the report', async () => {
  const results = Array.from({ length: 20_000 }, (_, index) => ({
    ruleId: 'generic-api-key',
    message: { text: 'secret' },
    locations: [
      { physicalLocation: { artifactLocation: { uri: `f${index}.py` }, region: { startLine: 1 } } },
    ],
  }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-huge-'));
  const file = path.join(dir, 'huge.sarif');
  await writeFile(
    file,
    JSON.stringify({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'gitleaks' } }, results }],
    }),
  );
  const { outcome, report, gitleaks } = await scanWithGitleaks(`cp ${JSON.stringify(file)} "$out"`);
  assert.equal(gitleaks?.status, 'ok');
  assert.equal(gitleaks?.findings, 20_000);
  assert.equal(report.summary.total, 20_000);
  const sarif = JSON.parse(await readFile(outcome.files.sarif, 'utf8')) as Log;
  assert.equal(
    sarif.runs.find((run) => run.tool.driver.name === 'gitleaks')?.results?.length,
    20_000,
  );
});

test('output directory not writable: one clear error naming it, exit 3', async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'scanfold-ro-'));
  // root writes through file modes; sysfs refuses even root.
  const out = process.getuid?.() === 0 ? '/sys/scanfold-out' : path.join(parent, 'ro', 'out');
  await mkdir(path.join(parent, 'ro'));
  await chmod(path.join(parent, 'ro'), 0o500);
  const sarif = path.join(parent, 'in.sarif');
  await writeFile(
    sarif,
    JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }),
  );
  const run = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, '../src/cli/index.ts'), 'merge', sarif, '--out', out],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 3, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? '', /^error: (EPERM|EACCES|EROFS)\b.*scanfold-out|^error: .*\/ro\/out/);
});
