import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/config/load.ts';
import type { FileConfig } from '../src/config/schema.ts';
import { EXIT, scan } from '../src/engine.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import { ReportSchema } from '../src/model/scan-result.ts';
import { fakeGitleaks, fakeSyft, fakeToolCache, MINIMAL_SARIF } from './support/fake-tools.ts';
import { REPO_ROOT } from './support/run-cli.ts';

/** Dead or a zombie (killed, waiting for init to reap it) both count as not running. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function scanWith(tools: Record<string, string>, overrides: FileConfig) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-root-'));
  await writeFile(path.join(root, 'app.py'), 'print("hello")\n');
  const toolCache = await fakeToolCache(tools);
  const config = resolveConfig({
    root,
    overrides: { retries: 0, ...overrides },
    toolCache,
    retryBaseMs: 5,
  });
  const outcome = await scan(config, {
    logger: silentLogger,
    clock: systemClock,
    install: false,
    ignorePath: true,
  });
  ReportSchema.parse(JSON.parse(await readFile(outcome.files.report, 'utf8')));
  return {
    outcome,
    root,
    toolCache,
    scanner: (name: string) => outcome.report.scanners.find((s) => s.name === name),
  };
}

async function rawFiles(outputDir: string): Promise<string[]> {
  return existsSync(path.join(outputDir, 'raw')) ? readdir(path.join(outputDir, 'raw')) : [];
}

test('a missing scanner fails with a clear message while the others still report', async () => {
  const { outcome, scanner } = await scanWith(
    { syft: fakeSyft() },
    { scanners: ['gitleaks', 'syft'] },
  );
  assert.equal(scanner('gitleaks')?.status, 'failed');
  assert.match(
    scanner('gitleaks')?.message ?? '',
    /gitleaks: not installed .*scanfold install --scanners gitleaks/,
  );
  assert.equal(scanner('syft')?.status, 'ok');
  assert.equal(outcome.report.sbom?.components, 1);
  assert.equal(outcome.exitCode, EXIT.scannerFailed);
});

test('a scanner exiting non-zero is failed with its stderr tail, no raw output, others kept', async () => {
  const { outcome, scanner } = await scanWith(
    {
      gitleaks: fakeGitleaks(
        'echo "fatal: config file broken.toml: bad rule" >&2; echo "{}" > "$out"; exit 2',
      ),
      syft: fakeSyft(),
    },
    { scanners: ['gitleaks', 'syft'] },
  );
  const gitleaks = scanner('gitleaks');
  assert.equal(gitleaks?.status, 'failed');
  assert.equal(gitleaks?.attempts, 1, 'bad config is not transient: no retry');
  assert.match(
    gitleaks?.message ?? '',
    /gitleaks exited with 2: fatal: config file broken\.toml: bad rule/,
  );
  assert.deepEqual(gitleaks?.stderrTail, ['fatal: config file broken.toml: bad rule']);
  assert.deepEqual(
    await rawFiles(outcome.outputDir),
    ['syft.cdx.json'],
    'the half-written gitleaks output never reaches raw/',
  );
  assert.equal(scanner('syft')?.status, 'ok');
});

test('a hanging scanner is timed out and its whole process tree killed', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-hang-'));
  const pidFile = path.join(root, 'child.pid');
  const { outcome, scanner } = await scanWith(
    {
      gitleaks: fakeGitleaks(`sleep 300 & echo $! > ${pidFile}; echo partial > "$out"; wait`),
      syft: fakeSyft(),
    },
    { scanners: ['gitleaks', 'syft'], timeoutMinutes: 0.1, retries: 2 },
  );
  assert.equal(scanner('gitleaks')?.status, 'timed-out');
  assert.equal(scanner('gitleaks')?.attempts, 1, 'a timeout is not retried');
  assert.match(scanner('gitleaks')?.message ?? '', /timed out after 6 s; process tree killed/);
  const childPid = Number(await readFile(pidFile, 'utf8'));
  assert.equal(isRunning(childPid), false, 'the grandchild sleep must be gone');
  assert.ok(!(await rawFiles(outcome.outputDir)).includes('gitleaks.sarif'));
  assert.equal(scanner('syft')?.status, 'ok');
  assert.equal(outcome.exitCode, EXIT.scannerFailed);
});

test('invalid JSON output is a failure naming the file, never "no findings"', async () => {
  const { outcome, scanner } = await scanWith(
    { gitleaks: fakeGitleaks('echo "{not json" > "$out"') },
    { scanners: ['gitleaks'] },
  );
  assert.equal(scanner('gitleaks')?.status, 'failed');
  assert.match(
    scanner('gitleaks')?.message ?? '',
    /gitleaks output unreadable: gitleaks\.sarif: invalid JSON/,
  );
  assert.deepEqual(await rawFiles(outcome.outputDir), []);
  assert.equal(outcome.report.summary.total, 0);
  assert.equal(outcome.exitCode, EXIT.scannerFailed);
});

test('transient failures are retried with backoff: two failures then success is attempts = 3', async () => {
  const state = await mkdtemp(path.join(os.tmpdir(), 'scanfold-state-'));
  const counter = path.join(state, 'count');
  const body = `n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}
if [ $n -le 2 ]; then echo "Error: GET https://example.invalid: TOOMANYREQUESTS: rate limit exceeded" >&2; exit 1; fi
cat > "$out" <<'JSON'
${MINIMAL_SARIF}
JSON`;
  const { outcome, scanner } = await scanWith(
    { gitleaks: fakeGitleaks(body) },
    { scanners: ['gitleaks'], retries: 2, failOn: 'none' },
  );
  assert.equal(scanner('gitleaks')?.status, 'ok');
  assert.equal(scanner('gitleaks')?.attempts, 3);
  assert.equal(scanner('gitleaks')?.findings, 1);
  assert.equal(outcome.report.summary.total, 1);
  assert.equal(outcome.exitCode, EXIT.ok);
});

test('transient failures stop at the retry cap and report failed with the attempts made', async () => {
  const { scanner } = await scanWith(
    { gitleaks: fakeGitleaks('echo "dial tcp: i/o timeout" >&2; exit 1') },
    { scanners: ['gitleaks'], retries: 1 },
  );
  assert.equal(scanner('gitleaks')?.status, 'failed');
  assert.equal(scanner('gitleaks')?.attempts, 2);
  assert.match(scanner('gitleaks')?.message ?? '', /i\/o timeout \(after 2 attempts\)/);
});

test('checkov is skipped when there is no infrastructure code', async () => {
  const { scanner, outcome } = await scanWith(
    { gitleaks: fakeGitleaks(`cat > "$out" <<'JSON'\n${MINIMAL_SARIF}\nJSON`) },
    { scanners: ['gitleaks', 'checkov'], failOn: 'none' },
  );
  assert.equal(scanner('checkov')?.status, 'skipped');
  assert.match(scanner('checkov')?.message ?? '', /no infrastructure-as-code files/);
  assert.equal(outcome.exitCode, EXIT.ok);
});

test('a cancelled scan (SIGTERM to the CLI) takes its scanners process trees down with it', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cancel-'));
  const pidFile = path.join(root, 'child.pid');
  const toolCache = await fakeToolCache({
    gitleaks: fakeGitleaks(`sleep 300 & echo $! > ${pidFile}; wait`),
  });
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'dist', 'cli.js'),
      'scan',
      root,
      '--scanners',
      'gitleaks',
      '--no-install',
    ],
    {
      env: { ...process.env, SCANFOLD_TOOL_CACHE: toolCache },
      stdio: 'ignore',
    },
  );
  for (
    let waited = 0;
    !existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '';
    waited += 50
  ) {
    assert.ok(waited < 20_000, 'the fake scanner never started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const grandchild = Number(readFileSync(pidFile, 'utf8'));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  );
  child.kill('SIGTERM');
  assert.equal(await exited, 'SIGTERM');
  for (let waited = 0; isRunning(grandchild) && waited < 5_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(isRunning(grandchild), false);
});
