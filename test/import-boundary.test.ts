/**
 * Every imported file is validated on its own at the boundary: one wrong-typed field, a hostile
 * nesting, a FIFO, a directory or an oversized file rejects that file only, with one error line
 * naming it (and the field); the good files are merged, the gate is evaluated, exit 3 says an
 * input failed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../src/model/scan-result.ts';
import { runScanfold } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';

function merge(args: readonly string[], cwd: string): Promise<CliRun> {
  return runScanfold(['merge', ...args], { entry: 'source', cwd });
}

/** A valid Semgrep-like SARIF with one high finding, with `mutate` applied to its only result. */
function sarif(mutate: (result: Record<string, unknown>) => void = () => {}): string {
  const result: Record<string, unknown> = {
    ruleId: 'r1',
    level: 'error',
    message: { text: 'SQL injection' },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'app.py' },
          region: { startLine: 3, snippet: { text: 'q = "..." + x' } },
        },
      },
    ],
  };
  mutate(result);
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'r1' }] } }, results: [result] }],
  });
}

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scanfold-boundary-'));
  await writeFile(path.join(dir, 'good.sarif'), sarif());
});
after(() => rm(dir, { recursive: true, force: true }));

async function expectRejected(name: string, reason: RegExp) {
  const out = `out-${name.replace(/\W/g, '')}`;
  const run = await merge(['good.sarif', name, '--out', out, '--fail-on', 'critical'], dir);
  assert.equal(run.code, 3, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.ok(lines[0]?.startsWith(`error: ${name}: `), lines[0]);
  assert.match(lines[0] ?? '', reason);
  const report = JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')) as Report;
  assert.equal(report.summary.total, 1, 'the good file is merged');
  assert.equal(report.gate.result, 'passed', 'the gate is evaluated');
  assert.equal(report.errors.length, 1);
}

describe('one wrong-typed field rejects only its file, naming the field', () => {
  const cases: [string, (result: Record<string, unknown>) => void, RegExp][] = [
    [
      'uri-number.sarif',
      (r) => {
        const [location] = r.locations as { physicalLocation: { artifactLocation: object } }[];
        if (location) location.physicalLocation.artifactLocation = { uri: 123 };
      },
      /runs\.0\.results\.0\.locations\.0\.physicalLocation\.artifactLocation\.uri: .*expected string/,
    ],
    [
      'tags-string.sarif',
      (r) => (r.properties = { tags: 'secret' }),
      /results\.0\.properties\.tags: .*expected array/,
    ],
    ['suppressions-yes.sarif', (r) => (r.suppressions = 'yes'), /results\.0\.suppressions: /],
    [
      'snippet-number.sarif',
      (r) => {
        const [location] = r.locations as { physicalLocation: { region: object } }[];
        if (location) location.physicalLocation.region = { startLine: 1, snippet: { text: 5 } };
      },
      /region\.snippet\.text: .*expected string/,
    ],
    ['rule-id-number.sarif', (r) => (r.rule = { id: 5 }), /results\.0\.rule\.id: /],
  ];
  for (const [name, mutate, reason] of cases) {
    test(name, async () => {
      await writeFile(path.join(dir, name), sarif(mutate));
      await expectRejected(name, reason);
    });
  }

  test('a 5,000-deep array in properties', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await writeFile(
      path.join(dir, 'deep.sarif'),
      sarif((r) => (r.properties = { deep: 'DEEP' })).replace('"DEEP"', deep),
    );
    await expectRejected('deep.sarif', /nested deeper than 100 levels/);
  });
});

describe('only regular files of a sane size are read', () => {
  test('a FIFO is refused at once instead of hanging', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.sarif')]);
    await expectRejected('pipe.sarif', /a FIFO; give a file/);
  });

  test('a directory is refused, named', async () => {
    await mkdir(path.join(dir, 'adir.sarif'));
    await expectRejected('adir.sarif', /a directory; give a file/);
  });

  test('a file over the input limit is refused without being read', async () => {
    await writeFile(path.join(dir, 'huge.sarif'), '');
    await truncate(path.join(dir, 'huge.sarif'), 300 * 1024 * 1024);
    await expectRejected('huge.sarif', /314572800 bytes is over the 256 MiB input limit/);
  });

  test('an empty JSON array names no tool and is refused, not imported as a clean run', async () => {
    await writeFile(path.join(dir, 'empty.json'), '[]');
    await expectRejected('empty.json', /an empty JSON array names no tool/);
  });

  test('invalid JSON: the error gives a line and column, never the input bytes', async () => {
    await writeFile(path.join(dir, 'bad.json'), '{"a": AKIAZ7QW2RT5YU3IO4PL}');
    await expectRejected(
      'bad.json',
      /: invalid JSON at line 1, column 7 \(unexpected character\)$/,
    );
    await writeFile(path.join(dir, 'mid.sarif'), '{"version": "2.1.0",\n "runs": [ x ]}');
    await expectRejected(
      'mid.sarif',
      /: invalid JSON at line 2, column 12 \(unexpected character\)$/,
    );
    await writeFile(
      path.join(dir, 'nan.sarif'),
      sarif((r) => (r.properties = { n: 'NAN' })).replace('"NAN"', 'NaN'),
    );
    await expectRejected(
      'nan.sarif',
      /: invalid JSON at line 1, column \d+ \(unexpected character\)$/,
    );
  });
});

describe('PowerShell and .NET encodings', () => {
  async function expectMerged(name: string, bytes: Buffer): Promise<void> {
    await writeFile(path.join(dir, name), bytes);
    const out = `out-${name.replace(/\W/g, '')}`;
    const run = await merge([name, '--out', out, '--fail-on', 'none'], dir);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')) as Report;
    assert.equal(report.summary.total, 1);
    assert.deepEqual(report.errors, []);
  }

  test('a UTF-8 byte-order mark is skipped', () =>
    expectMerged(
      'bom.sarif',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sarif())]),
    ));

  test('UTF-16 LE and BE with a byte-order mark are decoded', async () => {
    const le = Buffer.from(sarif(), 'utf16le');
    await expectMerged('le.sarif', Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    await expectMerged(
      'be.sarif',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
    );
  });

  test('UTF-16 without a byte-order mark is refused naming the encoding', async () => {
    await writeFile(path.join(dir, 'nobom16.sarif'), Buffer.from(sarif(), 'utf16le'));
    await expectRejected(
      'nobom16.sarif',
      /: looks like UTF-16 LE without a byte-order mark; save the file as UTF-8$/,
    );
  });
});

describe('a recognisable CycloneDX or tool report names its first wrong field, not "unknown format"', () => {
  const bom = (components: unknown[]) =>
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components });
  const semgrep = (line: unknown) =>
    JSON.stringify({
      version: '1.90.0',
      results: [
        { check_id: 'r1', path: 'a.py', start: { line: 1 }, extra: { message: 'm' } },
        { check_id: 'r1', path: 'a.py', start: { line }, extra: { message: 'm' } },
      ],
      errors: [],
    });
  const cases: [string, string, RegExp][] = [
    [
      'noname.cdx.json',
      bom([
        { type: 'library', name: 'ok' },
        { type: 'library', version: '2' },
      ]),
      /: invalid CycloneDX at components\.1\.name: .*expected string, received undefined$/,
    ],
    [
      'namenum.cdx.json',
      bom([{ type: 'library', name: 5 }]),
      /: invalid CycloneDX at components\.0\.name: .*expected string, received number$/,
    ],
    [
      'semgrep-line.json',
      semgrep('3'),
      /: invalid Semgrep JSON at results\.1\.start\.line: .*expected number, received string$/,
    ],
    [
      'grype-id.json',
      JSON.stringify({
        descriptor: { name: 'grype' },
        matches: [{ vulnerability: { id: 7 }, artifact: { name: 'lodash' } }],
      }),
      /: invalid Grype JSON at matches\.0\.vulnerability\.id: .*expected string/,
    ],
    [
      'checkov-path.json',
      JSON.stringify({
        check_type: 'terraform',
        results: { failed_checks: [{ check_id: 'CKV_AWS_1', file_path: null }] },
      }),
      /: invalid Checkov JSON at results\.failed_checks\.0\.file_path: .*expected string/,
    ],
    [
      'gitleaks-file.json',
      JSON.stringify([{ RuleID: 'aws-access-token', File: ['SECRETVALUE'] }]),
      /: invalid Gitleaks JSON at 0\.File: .*expected string, received array$/,
    ],
    [
      // Gitleaks 7's own field names (DefectDojo's unittests/scans/gitleaks/version_7.5.0.json).
      'gitleaks-7.json',
      JSON.stringify([
        { line: 'x', lineNumber: 3, offender: 'AKIA…', rule: 'AWS Access Key', file: 'a.py' },
      ]),
      /: invalid Gitleaks JSON at 0\.rule: a Gitleaks 7 report, which is not read/,
    ],
    [
      // `trivy k8s --format json` (DefectDojo's unittests/scans/trivy/issue_10991.json).
      'trivy-k8s.json',
      JSON.stringify({ ClusterName: 'kind', Resources: [{ Namespace: 'default', Kind: 'Pod' }] }),
      /: invalid Trivy JSON at ClusterName: a Trivy Kubernetes report \(trivy k8s\), which is not read/,
    ],
  ];
  for (const [name, text, reason] of cases) {
    test(name, async () => {
      await writeFile(path.join(dir, name), text);
      await expectRejected(name, reason);
    });
  }

  test('a file no tool would write is still "unknown format"', async () => {
    await writeFile(path.join(dir, 'other.json'), JSON.stringify({ results: [{ x: 1 }] }));
    await expectRejected('other.json', /: unknown format \(expected SARIF 2\.1\.0, CycloneDX JSON/);
  });
});

test('the same file given twice, or through a link, is read once: its results do not count twice', async () => {
  await symlink(path.join(dir, 'good.sarif'), path.join(dir, 'good-link.sarif'));
  await link(path.join(dir, 'good.sarif'), path.join(dir, 'good-hard.sarif'));
  const run = await merge(
    [
      'good.sarif',
      './good.sarif',
      'good-link.sarif',
      'good-hard.sarif',
      '--out',
      'out-twice',
      '--fail-on',
      'critical',
    ],
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  const warnings = run.stderr.trim().split('\n');
  assert.equal(warnings.length, 3, run.stderr);
  for (const warning of warnings)
    assert.match(warning, /the same file as good\.sarif, given again/);
  const report = JSON.parse(
    await readFile(path.join(dir, 'out-twice', 'report.json'), 'utf8'),
  ) as Report;
  assert.equal(report.summary.total, 1);
  assert.equal(report.findings[0]?.sources.length, 1);
});

test('Checkov’s JSON for a directory with nothing to scan (counts only) is a clean Checkov run', async () => {
  const recorded = path.join(
    import.meta.dirname,
    'fixtures',
    'recorded',
    'checkov',
    'empty-dir.json',
  );
  const run = await merge([recorded, '--out', 'out-checkov-empty', '--fail-on', 'low'], dir);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(
    await readFile(path.join(dir, 'out-checkov-empty', 'report.json'), 'utf8'),
  ) as Report;
  assert.deepEqual(
    report.scanners.map((scanner) => [scanner.name, scanner.status, scanner.version]),
    [['checkov', 'ok', '3.3.30']],
  );
  assert.equal(report.summary.total, 0);
});

test('bytes that are not UTF-8 (a Latin-1 é) are read as U+FFFD with a warning, the result kept', async () => {
  const [before, after] = sarif((r) => (r.message = { text: 'caf@E9@' })).split('@E9@');
  // 0xE9 is Latin-1's é, and no UTF-8 sequence.
  const bytes = Buffer.concat([
    Buffer.from(before ?? ''),
    Buffer.from([0xe9]),
    Buffer.from(after ?? ''),
  ]);
  await writeFile(path.join(dir, 'latin1.sarif'), bytes);
  const run = await merge(['latin1.sarif', '--out', 'out-latin1', '--fail-on', 'critical'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stderr,
    /^warning: latin1\.sarif: some bytes are not UTF-8 \(Latin-1\?\); each was read as U\+FFFD$/m,
  );
  const report = JSON.parse(
    await readFile(path.join(dir, 'out-latin1', 'report.json'), 'utf8'),
  ) as Report;
  assert.equal(report.summary.total, 1);
});

test('Checkov’s counts-only JSON with parsing errors is a failed run, never a clean one', async () => {
  await writeFile(
    path.join(dir, 'checkov-unparsed.json'),
    JSON.stringify({
      passed: 0,
      failed: 0,
      skipped: 0,
      parsing_errors: 2,
      resource_count: 0,
      checkov_version: '3.3.30',
    }),
  );
  const run = await merge(
    ['checkov-unparsed.json', '--out', 'out-unparsed', '--fail-on', 'low'],
    dir,
  );
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /checkov-unparsed\.json: .*2 file\(s\) could not be parsed/);
  const report = JSON.parse(
    await readFile(path.join(dir, 'out-unparsed', 'report.json'), 'utf8'),
  ) as Report;
  assert.equal(report.scanners[0]?.status, 'failed');
});
