/**
 * `baseline: auto` in process: compliance artifacts uploaded by the real @actions/artifact client
 * from several runs, found again through the real REST client (list, run, 302 zip download)
 * against the GitHub-like server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DefaultArtifactClient } from '@actions/artifact';
import { findBaselineReport } from '../src/github/baseline.ts';
import { createGitHubClient } from '../src/github/client.ts';
import type { GitHubContext } from '../src/github/context.ts';
import type { Logger } from '../src/model/ports.ts';
import { fastThrottleGroups, startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, withEnv } from './support/runner-env.ts';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const NAME = 'scanfold-report';

interface RecordingLogger extends Logger {
  lines: { level: string; message: string }[];
}

function recordingLogger(): RecordingLogger {
  const lines: { level: string; message: string }[] = [];
  const add = (level: string) => (message: string) => lines.push({ level, message });
  return {
    lines,
    debug: add('debug'),
    info: add('info'),
    warning: add('warning'),
    error: add('error'),
    group: () => {},
    progress: () => {},
  };
}

function prContext(server: GitHubServer, baseRef: string): GitHubContext {
  return {
    apiUrl: server.apiUrl,
    serverUrl: 'https://github.com',
    owner: OWNER,
    repo: REPO,
    sha: 'c'.repeat(40),
    ref: 'refs/pull/7/merge',
    eventName: 'pull_request',
    runId: '999',
    runAttempt: 1,
    workflow: 'Scanfold',
    job: 'scan',
    workspace: '/w',
    retentionDays: 90,
    pullRequest: { number: 7, headSha: 'd'.repeat(40), fork: false, baseRef },
  };
}

void describe('baseline auto: the base branch’s last successful compliance report', () => {
  let server: GitHubServer;
  let work: string;
  /** A minimal valid report.json, told apart by its generatedAt; run 666's is not a report. */
  const reportOf = (runId: number): string =>
    runId === 666
      ? JSON.stringify({ marker: 'not a report' })
      : JSON.stringify({
          generatedAt: `2026-01-01T00:00:${String(runId % 60).padStart(2, '0')}Z`,
          findings: [],
        });

  /** One run's compliance artifact, uploaded like uploadComplianceArtifact does (dir layout kept). */
  async function uploadRun(runId: number, branch: string, conclusion: string): Promise<void> {
    server.addWorkflowRun({ id: runId, headBranch: branch, headSha: 'a'.repeat(40), conclusion });
    const dir = mkdtempSync(path.join(work, `run-${runId}-`));
    writeFileSync(path.join(dir, 'report.json'), reportOf(runId));
    writeFileSync(path.join(dir, 'results.sarif'), '{}');
    writeFileSync(path.join(dir, 'event.json'), '{}');
    const runner = runnerEnv({
      server,
      workspace: dir,
      runId,
      eventPath: path.join(dir, 'event.json'),
      eventName: 'push',
      ref: `refs/heads/${branch}`,
    });
    try {
      await withEnv(runner.env, () =>
        new DefaultArtifactClient().uploadArtifact(
          NAME,
          [path.join(dir, 'report.json'), path.join(dir, 'results.sarif')],
          dir,
          { retentionDays: 90 },
        ),
      );
    } finally {
      runner.cleanup();
    }
  }

  before(async () => {
    server = await startGitHubServer();
    work = mkdtempSync(path.join(tmpdir(), 'scanfold-baseline-auto-'));
    await uploadRun(100, 'main', 'success'); // older successful run on main
    await uploadRun(101, 'main', 'success'); // the one to pick
    await uploadRun(102, 'main', 'failure'); // newer, but failed
    await uploadRun(103, 'feature-x', 'success'); // newest, other branch
    await uploadRun(104, 'main', 'success'); // newest on main, but expired
    const expired = server.artifacts.find(
      (a) => a.blob && a.id === Math.max(...server.artifacts.map((x) => x.id)),
    );
    assert.ok(expired);
    expired.expiresAt = new Date(Date.now() - 60_000).toISOString();
    // A busy repository: 100 newer PR runs push main's artifacts onto the second page.
    for (let i = 0; i < 100; i++) await uploadRun(200 + i, `feature-${i}`, 'success');
  });
  after(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Look for the baseline of a PR into `baseRef`, as the action does, recording every log line. */
  async function lookUp(baseRef: string) {
    const logger = recordingLogger();
    const octokit = createGitHubClient({
      token: 'ghs_token',
      apiUrl: server.apiUrl,
      logger,
      maxRateLimitWaitSeconds: 0,
      throttleGroups: fastThrottleGroups(),
      requestTimeoutMs: 2_000,
      retry: { baseMs: 10 },
    });
    const file = await findBaselineReport({
      octokit,
      context: prContext(server, baseRef),
      artifactName: NAME,
      logger,
    });
    return { file, logger, warnings: logger.lines.filter((l) => l.level === 'warning') };
  }

  void test('skips expired, failed and other-branch artifacts; downloads the zip through the 302', async () => {
    const { file, logger, warnings } = await lookUp('main');
    assert.ok(file, JSON.stringify(logger.lines));
    assert.equal(readFileSync(file, 'utf8'), reportOf(101));
    assert.deepEqual(warnings, []);
    const rest = server.requests
      .filter((r) => r.service === 'rest')
      .map((r) => `${r.status} ${r.path}`);
    // The failed run was checked and passed over; the other branch's and the expired one never were.
    assert.ok(rest.includes('200 /repos/octo-org/octo-repo/actions/runs/102'), rest.join('\n'));
    assert.ok(!rest.some((r) => /runs\/10[34]$/.test(r)), rest.join('\n'));
    assert.ok(
      rest.some((r) => /^302 .*\/actions\/artifacts\/\d+\/zip$/.test(r)),
      rest.join('\n'),
    );
    const listed = server.requests.filter((r) => r.path.endsWith('/actions/artifacts'));
    assert.deepEqual(
      listed.map((r) => [r.query.name, r.query.per_page, r.query.page]),
      [
        [NAME, '100', '1'],
        [NAME, '100', '2'],
      ],
    );
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  void test('none on the base branch: one info line, no baseline', async () => {
    const { file, logger } = await lookUp('release/2.x');
    assert.equal(file, undefined);
    assert.deepEqual(
      logger.lines.map((l) => l.level),
      ['info'],
    );
    assert.match(
      logger.lines[0]?.message ?? '',
      /no unexpired scanfold-report artifact.*release\/2\.x/,
    );
  });

  void test('403 without actions: read: one warning naming the permission, no baseline', async () => {
    const fault = server.injectFault({
      path: /\/actions\/artifacts$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    try {
      const { file, warnings } = await lookUp('main');
      assert.equal(file, undefined);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]?.message ?? '', /actions: read/);
      assert.equal(fault.hits, 1);
    } finally {
      fault.remove();
    }
  });

  void test('403 for the rate limit: one warning saying rate-limited until the reset, not actions: read', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    const fault = server.injectFault({
      path: /\/actions\/artifacts$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    try {
      const { file, warnings } = await lookUp('main');
      assert.equal(file, undefined);
      assert.equal(warnings.length, 1, JSON.stringify(warnings.map((w) => w.message)));
      const iso = new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      assert.match(warnings[0]?.message ?? '', new RegExp(`rate-limited until ${iso}`));
      assert.doesNotMatch(warnings[0]?.message ?? '', /actions: read/);
      assert.equal(fault.hits, 1);
    } finally {
      fault.remove();
    }
  });

  void test('a download that fails after the redirect: one warning, no baseline', async () => {
    const fault = server.injectFault({
      method: 'GET',
      path: /^\/devstoreaccount1\/actions-results\//,
      status: 403,
      body: '<Error><Code>AuthenticationFailed</Code></Error>',
    });
    try {
      const { file, logger, warnings } = await lookUp('main');
      assert.equal(file, undefined);
      assert.equal(warnings.length, 1, JSON.stringify(logger.lines));
      assert.match(warnings[0]?.message ?? '', /downloading .*running without a baseline/);
      assert.doesNotMatch(warnings[0]?.message ?? '', /actions: read/);
      assert.equal(fault.hits, 1);
    } finally {
      fault.remove();
    }
  });

  void test('the artifact storage dropping the download once: retried, the baseline is used', async () => {
    const fault = server.injectFault({
      method: 'GET',
      path: /^\/devstoreaccount1\/actions-results\//,
      network: 'reset-mid-response',
    });
    try {
      const { file, logger, warnings } = await lookUp('main');
      assert.ok(file, JSON.stringify(logger.lines));
      assert.equal(readFileSync(file, 'utf8'), reportOf(101));
      assert.deepEqual(warnings, []);
      assert.equal(fault.hits, 1);
      assert.ok(
        logger.lines.some((l) =>
          /GET .*\/zip: connection lost while reading the answer .*; retry 1 of 3/.test(l.message),
        ),
        JSON.stringify(logger.lines),
      );
      rmSync(path.dirname(file), { recursive: true, force: true });
    } finally {
      fault.remove();
    }
  });

  void test('the artifact storage down for the download (5xx every time): retried up to the cap, one warning, no baseline', async () => {
    const fault = server.injectFault({
      method: 'GET',
      path: /^\/devstoreaccount1\/actions-results\//,
      status: 503,
      times: Infinity,
      body: '<Error><Code>ServerBusy</Code></Error>',
    });
    try {
      const { file, logger, warnings } = await lookUp('main');
      assert.equal(file, undefined);
      assert.equal(fault.hits, 4, 'the first try and 3 retries');
      assert.equal(warnings.length, 1, JSON.stringify(logger.lines));
      assert.match(
        warnings[0]?.message ?? '',
        /^baseline auto: downloading the base branch report: .*ServerBusy.* \(after 4 attempts\); running without a baseline$/,
      );
    } finally {
      fault.remove();
    }
  });

  void test('a report.json that is not a Scanfold report: one warning, no baseline', async () => {
    await uploadRun(666, 'broken', 'success');
    const { file, logger, warnings } = await lookUp('broken');
    assert.equal(file, undefined);
    assert.equal(warnings.length, 1, JSON.stringify(logger.lines));
    assert.match(warnings[0]?.message ?? '', /run 666 is unusable: .*not a scanfold report\.json/);
  });
});
