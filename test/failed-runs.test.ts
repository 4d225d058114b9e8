/**
 * A failed scan is never presented as clean: SARIF runs that say they failed, `results: null`,
 * Semgrep JSON with fatal errors, and Gitleaks stopping part-way while exiting 0 are failed scanners
 * (message, exit 3), their invocation stays in scanfold.sarif, and what they did find is kept.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { resolveConfig } from '../src/config/load.ts';
import { EXIT, scan } from '../src/engine.ts';
import { importFiles } from '../src/import/import.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import { fakeGitleaks, fakeToolCache, MINIMAL_SARIF } from './support/fake-tools.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-failed-'));
  await writeFile(path.join(dir, 'good.sarif'), MINIMAL_SARIF);
});
after(() => rm(dir, { recursive: true, force: true }));

async function mergeWith(name: string, content: unknown) {
  await writeFile(path.join(dir, name), JSON.stringify(content));
  return importFiles({
    files: [path.join(dir, 'good.sarif'), path.join(dir, name)],
    outputDir: path.join(dir, `out-${name}`),
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });
}

const semgrepRun = (extra: Record<string, unknown>) => ({
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'Semgrep OSS' } }, ...extra }],
});

describe('imported runs that did not complete are failed inputs', () => {
  test('executionSuccessful: false', async () => {
    const outcome = await mergeWith(
      'failed.sarif',
      semgrepRun({
        results: [],
        invocations: [
          {
            executionSuccessful: false,
            exitCode: 2,
            toolExecutionNotifications: [{ level: 'error', message: { text: 'invalid rule' } }],
          },
        ],
      }),
    );
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
    const semgrep = outcome.report.scanners.find((s) => s.name === 'semgrep');
    assert.equal(semgrep?.status, 'failed');
    assert.match(
      semgrep?.message ?? '',
      /failed\.sarif: run 0 \(semgrep\) did not complete: .*executionSuccessful: false \(invalid rule\)/,
    );
    assert.equal(outcome.report.summary.total, 1, 'the good file is still merged');
    const sarif = JSON.parse(await readFile(outcome.files.sarif, 'utf8')) as Log;
    const run = sarif.runs.find((r) => r.automationDetails?.id?.includes('semgrep'));
    assert.equal(run?.invocations?.[0]?.executionSuccessful, false);
  });

  test('results: null', async () => {
    const outcome = await mergeWith('null.sarif', semgrepRun({ results: null }));
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
    assert.match(
      outcome.report.errors.join('\n'),
      /null\.sarif: run 0 \(semgrep\) did not complete: results: null/,
    );
  });

  test('Semgrep JSON with a fatal error', async () => {
    const outcome = await mergeWith('semgrep.json', {
      version: '1.185.0',
      results: [],
      errors: [{ level: 'error', type: 'InvalidRuleSchemaError', message: 'bad rule' }],
    });
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
    assert.equal(outcome.report.scanners.find((s) => s.name === 'semgrep')?.status, 'failed');
  });

  test('Semgrep JSON with only warnings (a file it could not parse) is a complete scan', async () => {
    const outcome = await mergeWith('semgrep-warn.json', {
      version: '1.185.0',
      results: [],
      errors: [{ level: 'warn', type: 'Syntax error', message: 'could not parse x.py' }],
    });
    assert.equal(outcome.exitCode, EXIT.ok, outcome.report.errors.join('\n'));
    assert.deepEqual(
      outcome.report.scanners.map((s) => [s.name, s.status]),
      [
        ['gitleaks', 'ok'],
        ['semgrep', 'ok'],
      ],
    );
  });
});

async function scanWith(body: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-partial-'));
  await writeFile(path.join(root, 'app.py'), 'print("hello")\n');
  const config = resolveConfig({
    root,
    overrides: { retries: 0, scanners: ['gitleaks'], failOn: 'none' },
    toolCache: await fakeToolCache({ gitleaks: fakeGitleaks(body) }),
    retryBaseMs: 5,
  });
  return scan(config, {
    logger: silentLogger,
    clock: systemClock,
    install: false,
    ignorePath: true,
  });
}

describe('scanners that stop part-way or report a failed run', () => {
  test("Gitleaks' `ERR [git] fatal` while exiting 0: failed with the reason, its results kept", async () => {
    const outcome = await scanWith(`cat > "$out" <<'JSON'
${MINIMAL_SARIF}
JSON
echo "11:32AM ERR [git] fatal: unable to read 3f1e2d4c5b6a79880716253443526170 " >&2
echo "11:32AM INF 107 commits scanned." >&2
exit 0`);
    const gitleaks = outcome.report.scanners.find((s) => s.name === 'gitleaks');
    assert.equal(gitleaks?.status, 'failed');
    assert.match(
      gitleaks?.message ?? '',
      /gitleaks did not complete: gitleaks stopped part-way \(\[git\] fatal: unable to read 3f1e2d4c.*\); 107 commits scanned/,
    );
    assert.equal(gitleaks?.findings, 1);
    assert.equal(outcome.report.summary.total, 1);
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
  });

  test('a scanner whose SARIF says executionSuccessful: false is failed, not clean', async () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'gitleaks' } },
          results: [],
          invocations: [{ executionSuccessful: false, exitCodeDescription: 'out of memory' }],
        },
      ],
    };
    const outcome = await scanWith(`echo '${JSON.stringify(log)}' > "$out"`);
    const gitleaks = outcome.report.scanners.find((s) => s.name === 'gitleaks');
    assert.equal(gitleaks?.status, 'failed');
    assert.match(
      gitleaks?.message ?? '',
      /gitleaks\.sarif: its invocation reports executionSuccessful: false \(out of memory\)/,
    );
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
  });
});
