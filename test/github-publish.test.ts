/**
 * The GitHub edge in process: src/github modules with real clients (@actions/github + plugins,
 * @actions/artifact) over real HTTP against the GitHub-like server, on outcomes built by the real
 * engine (`assemble`). The action bundle's end-to-end tests are in action*.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DefaultArtifactClient } from '@actions/artifact';
import { assemble } from '../src/engine.ts';
import type { ScanOutcome } from '../src/engine.ts';
import type { Report } from '../src/model/scan-result.ts';
import { systemClock } from '../src/model/ports.ts';
import { isGhes, uploadComplianceArtifact } from '../src/github/artifact.ts';
import { createGitHubClient, rateLimitOf, rateLimitedUntil } from '../src/github/client.ts';
import { publishComment, stickyMarker } from '../src/github/comment.ts';
import { readContext, readGitHead, resolveAnalysisTarget } from '../src/github/context.ts';
import type { GitHubContext } from '../src/github/context.ts';
import { publish } from '../src/github/publish.ts';
import type { PublishSettings } from '../src/github/publish.ts';
import { fastThrottleGroups, startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, withEnv, writePullRequestEvent } from './support/runner-env.ts';
import { commitWorkspace, writeFiles } from './support/workspace.ts';
import { SRC_FILE, outcomeFor, recordingLogger } from './support/publish-fixture.ts';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const TOKEN = 'ghs_githubTokenOfThisRun';

/** A workspace that is a git checkout with one commit; returns its HEAD. */
function gitWorkspace(dir: string, files: Record<string, string>): string {
  writeFiles(dir, files);
  return commitWorkspace(dir);
}

function context(overrides: Partial<GitHubContext>): GitHubContext {
  return {
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com',
    owner: OWNER,
    repo: REPO,
    sha: 'b'.repeat(40),
    ref: 'refs/heads/main',
    eventName: 'push',
    runId: '1',
    runAttempt: 1,
    workflow: 'Scanfold',
    job: 'scan',
    workspace: '/w',
    retentionDays: 90,
    pullRequest: undefined,
    ...overrides,
  };
}

void describe('ref and commit per event (codeql-action getRef), read from a real git HEAD', () => {
  let dir: string;
  let head: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-ref-'));
    head = gitWorkspace(dir, { 'a.txt': 'a\n' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const merge = 'c'.repeat(40);
  const pr = (headSha: string) => ({ number: PR, headSha, fork: false });

  void test('readGitHead reads the checkout, and nothing outside one', async () => {
    assert.equal(await readGitHead(dir), head);
    const plain = mkdtempSync(path.join(tmpdir(), 'scanfold-nogit-'));
    try {
      assert.equal(await readGitHead(plain), undefined);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  void test('pull_request: the merge commit by default, the head ref when the head is checked out', () => {
    const pullRequest = context({
      eventName: 'pull_request',
      ref: `refs/pull/${PR}/merge`,
      sha: merge,
    });
    assert.deepEqual(resolveAnalysisTarget({ ...pullRequest, pullRequest: pr(head) }, head), {
      ok: true,
      target: { ref: `refs/pull/${PR}/head`, sha: head },
      how: 'PR head commit',
    });
    const onMerge = resolveAnalysisTarget(
      { ...pullRequest, pullRequest: pr('d'.repeat(40)) },
      merge,
    );
    assert.ok(onMerge.ok);
    assert.deepEqual(onMerge.target, { ref: `refs/pull/${PR}/merge`, sha: merge });
    assert.equal(
      resolveAnalysisTarget({ ...pullRequest, pullRequest: pr('d'.repeat(40)) }, head).ok,
      false,
    );
  });

  void test('pull_request_target never files under the base branch: head ref + head sha, or nothing', () => {
    const target = context({
      eventName: 'pull_request_target',
      ref: 'refs/heads/main',
      sha: merge,
    });
    const checkedOutHead = resolveAnalysisTarget({ ...target, pullRequest: pr(head) }, head);
    assert.ok(checkedOutHead.ok);
    assert.deepEqual(checkedOutHead.target, { ref: `refs/pull/${PR}/head`, sha: head });
    const baseCheckedOut = resolveAnalysisTarget(
      { ...target, pullRequest: pr('d'.repeat(40)) },
      merge,
    );
    assert.equal(baseCheckedOut.ok, false);
    assert.match(baseCheckedOut.ok ? '' : baseCheckedOut.reason, /base branch/);
    assert.equal(resolveAnalysisTarget({ ...target, pullRequest: pr(head) }, undefined).ok, false);
  });

  void test('other events upload only when HEAD is GITHUB_SHA; inputs override, both or neither', () => {
    const run = context({ eventName: 'workflow_run', sha: head });
    assert.ok(resolveAnalysisTarget(run, head).ok);
    assert.equal(resolveAnalysisTarget(run, 'e'.repeat(40)).ok, false);
    assert.equal(resolveAnalysisTarget(run, undefined).ok, false);
    assert.ok(resolveAnalysisTarget(context({ eventName: 'push' }), undefined).ok);
    assert.equal(resolveAnalysisTarget(context({ eventName: 'push' }), head).ok, false);
    const overridden = resolveAnalysisTarget(run, 'e'.repeat(40), {
      ref: 'refs/heads/x',
      sha: head,
    });
    assert.ok(overridden.ok);
    assert.deepEqual(overridden.target, { ref: 'refs/heads/x', sha: head });
    assert.equal(resolveAnalysisTarget(run, head, { ref: 'refs/heads/x' }).ok, false);
  });
});

void describe('rate limits: a short wait is sat through, an hour-long one is not', () => {
  let server: GitHubServer;
  before(async () => {
    server = await startGitHubServer({ pullRequests: [{ owner: OWNER, repo: REPO, number: PR }] });
  });
  after(() => server.close());

  const primaryLimit = (resetInSeconds: number) => ({
    method: 'POST',
    path: /\/issues\/\d+\/comments$/,
    status: 403,
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '1000',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    },
    body: { message: 'API rate limit exceeded for installation ID 1.' },
  });

  void test('reset in an hour: one request, a notice naming the cap, and the call fails at once with the reset time', async () => {
    const logger = recordingLogger();
    const octokit = createGitHubClient({
      token: TOKEN,
      apiUrl: server.apiUrl,
      logger,
      maxRateLimitWaitSeconds: 60,
      throttleGroups: fastThrottleGroups(),
    });
    server.injectFault(primaryLimit(3600));
    const before = server.requests.length;
    const started = Date.now();
    const comment = () =>
      octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' });
    const failure: unknown = await comment().then(
      () => assert.fail('the call should fail'),
      (error: unknown) => error,
    );
    assert.ok(Date.now() - started < 30_000, 'did not wait for the reset');
    assert.equal(server.requests.length - before, 1);
    // The caller warns, once, with what it could not do; the client only notes why it stopped.
    assert.deepEqual(logger.warnings(), []);
    assert.match(
      logger.lines.map((l) => l.message).join('\n'),
      /longer than max-rate-limit-wait \(60 s\); not waiting/,
    );
    assert.match(rateLimitOf(failure) ?? '', /^rate-limited until \d{4}-\d\d-\d\dT/);
    assert.match(rateLimitedUntil(octokit) ?? '', /^rate-limited until /);
    // Nothing more is sent with this client until the limit resets: the same budget is exhausted.
    server.clearFaults();
    await assert.rejects(comment());
    assert.equal(server.requests.length - before, 1, 'no request sent while rate-limited');
  });

  void test('reset in a second: waited for and retried once', async () => {
    const logger = recordingLogger();
    const octokit = createGitHubClient({
      token: TOKEN,
      apiUrl: server.apiUrl,
      logger,
      maxRateLimitWaitSeconds: 60,
      throttleGroups: fastThrottleGroups(),
    });
    server.injectFault(primaryLimit(1));
    const created = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: 'x',
    });
    assert.equal(created.status, 201);
    // A wait sat through is a notice: warnings are kept for what a user must act on.
    const infos = logger.lines.filter((l) => l.level === 'info').map((l) => l.message);
    assert.match(infos.join('\n'), /rate limit on POST .*; retrying after \d+ s/);
    assert.deepEqual(logger.warnings(), []);
  });
});

const SETTINGS: PublishSettings = {
  comment: 'auto',
  uploadSarif: 'auto',
  artifactName: 'scanfold-report',
  retentionDays: 400,
  pollIntervalMs: 1,
};

void describe('publish: a PR scan of a subdirectory, one tool rejected by code scanning', () => {
  let server: GitHubServer;
  let dir: string;
  let workspace: string;
  let head: string;
  const logger = recordingLogger();
  let summary = '';
  let result: Awaited<ReturnType<typeof publish>>;

  before(async () => {
    server = await startGitHubServer({
      processingErrors: (sarif) =>
        sarif.runs.some((run) => run.tool.driver.name === 'gitleaks')
          ? ['gitleaks: invalid location (simulated processing failure)']
          : [],
    });
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-publish-'));
    workspace = path.join(dir, REPO);
    head = gitWorkspace(workspace, { [SRC_FILE]: 'import os\nkey = 1\nquery = 2\n' });
    server.setCheckout(workspace);
    const event = writePullRequestEvent({
      path: path.join(dir, 'event'),
      number: PR,
      headSha: head,
    });
    const runner = runnerEnv({ server, workspace, ...event, retentionDays: 30 });
    try {
      await withEnv(runner.env, async () => {
        const outcome = await outcomeFor(workspace, path.join(dir, 'out'));
        const octokit = createGitHubClient({
          token: TOKEN,
          apiUrl: server.apiUrl,
          logger,
          maxRateLimitWaitSeconds: 60,
          throttleGroups: fastThrottleGroups(),
        });
        result = await publish({
          outcome,
          analyses: [{ sarif: outcome.sarif, scope: 'services/api', failedTools: [] }],
          scope: 'services/api',
          context: await readContext(process.env),
          head: await readGitHead(workspace),
          octokit,
          artifactClient: new DefaultArtifactClient(),
          settings: SETTINGS,
          logger,
          clock: systemClock,
        });
      });
      summary = runner.readStepSummary();
    } finally {
      runner.cleanup();
    }
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('one upload per tool, filed under the PR head (HEAD is the head commit)', () => {
    assert.equal(server.sarifUploads.length, 2);
    for (const upload of server.sarifUploads) {
      assert.equal(upload.ref, `refs/pull/${PR}/head`);
      assert.equal(upload.commitSha, head);
      assert.equal(upload.sarif.runs.length, 1);
    }
    assert.deepEqual(
      server.sarifUploads.map((u) => u.sarif.runs[0]?.automationDetails?.id).sort(),
      ['scanfold/gitleaks/services/api/', 'scanfold/semgrep/services/api/'],
    );
  });

  void test('every uploaded URI names a real repository path', () => {
    for (const upload of server.sarifUploads) assert.deepEqual(upload.unresolvedUris, []);
    const uris = server.sarifUploads.flatMap((u) =>
      (u.sarif.runs[0]?.results ?? []).map(
        (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      ),
    );
    assert.deepEqual(uris, [SRC_FILE, SRC_FILE]);
  });

  void test('the rejected gitleaks run costs semgrep nothing; the failure reaches summary and comment', () => {
    assert.deepEqual(result.uploads.map((u) => [u.tool, u.status]).sort(), [
      ['gitleaks', 'failed'],
      ['semgrep', 'complete'],
    ]);
    assert.equal(
      server.alerts.filter((a) => a.state === 'open' && a.tool === 'Semgrep OSS').length,
      1,
    );
    const comment = server.commentsOn(OWNER, REPO, PR)[0];
    assert.ok(comment);
    for (const text of [summary, comment.body])
      assert.match(
        text,
        /Code scanning could not process the gitleaks analysis .*scanfold\/gitleaks\/services\/api\/.*invalid location/,
      );
  });

  void test('comment and summary link files at the scanned commit under the scanned directory', () => {
    const comment = server.commentsOn(OWNER, REPO, PR)[0]?.body ?? '';
    const link = `https://github.com/${OWNER}/${REPO}/blob/${head}/services/api/app.py#L`;
    assert.ok(comment.includes(link), comment);
    assert.ok(summary.includes(link));
    assert.ok(
      comment.includes(stickyMarker({ workflow: 'Scanfold', job: 'scan' }, 'services/api')),
    );
  });

  void test('the artifact keeps what the repository allows, and the log says so', () => {
    assert.equal(server.artifacts.length, 1);
    assert.equal(server.artifacts[0]?.retentionDays, 30);
    assert.match(
      logger.lines.map((l) => l.message).join('\n'),
      /kept 30 days \(until \d{4}-\d\d-\d\d\); 400 were asked for, the repository allows at most 30/,
    );
  });
});

void describe('sticky comment: whose it is, lost answers, concurrent runs', () => {
  let server: GitHubServer;
  let dir: string;
  let outcome: ScanOutcome;
  const PAT = 'ghp_personalTokenOfOctocat';
  before(async () => {
    server = await startGitHubServer({
      tokenUsers: { [PAT]: { login: 'octocat', id: 583231, type: 'User' } },
      // The PRs each test below comments on (github.com answers 404 for any other).
      pullRequests: [11, 12, 13, 14].map((number) => ({ owner: OWNER, repo: REPO, number })),
    });
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-comment-'));
    const workspace = path.join(dir, REPO);
    gitWorkspace(workspace, { [SRC_FILE]: 'x\n' });
    outcome = await outcomeFor(workspace, path.join(dir, 'out'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const marker = stickyMarker({ workflow: 'Scanfold', job: 'scan' }, '');
  const post = (token: string, issue: number, logger = recordingLogger()) =>
    publishComment({
      octokit: createGitHubClient({
        token,
        apiUrl: server.apiUrl,
        logger,
        maxRateLimitWaitSeconds: 60,
        throttleGroups: fastThrottleGroups(),
      }),
      context: context({ apiUrl: server.apiUrl }),
      pullRequest: issue,
      report: outcome.report,
      marker,
      links: {},
      notices: [],
      logger,
    });

  void test("a marked comment by the PAT's user is not GITHUB_TOKEN's, and vice versa", async () => {
    await post(PAT, 11);
    await post(TOKEN, 11);
    const authors = server
      .commentsOn(OWNER, REPO, 11)
      .map((c) => c.user.login)
      .sort();
    assert.deepEqual(authors, ['github-actions[bot]', 'octocat']);
    const again = await post(PAT, 11);
    assert.equal(again.updated, true);
    assert.equal(server.commentsOn(OWNER, REPO, 11).length, 2);
  });

  void test('a POST whose answer is lost (502 after it was stored) is not posted twice', async () => {
    server.injectFault({
      method: 'POST',
      path: /\/issues\/12\/comments$/,
      status: 502,
      afterHandling: true,
    });
    await post(TOKEN, 12);
    assert.equal(server.commentsOn(OWNER, REPO, 12).length, 1);
    assert.equal(
      server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/12/comments'))
        .length,
      1,
    );
  });

  void test('a POST that really failed (502 before storing) is retried once and posted once', async () => {
    server.injectFault({ method: 'POST', path: /\/issues\/13\/comments$/, status: 502 });
    await post(TOKEN, 13);
    assert.equal(server.commentsOn(OWNER, REPO, 13).length, 1);
  });

  void test('two concurrent runs converge on one comment', async () => {
    await Promise.all([post(TOKEN, 14), post(TOKEN, 14), post(TOKEN, 14)]);
    const left = server.commentsOn(OWNER, REPO, 14);
    assert.equal(left.length, 1, left.map((c) => c.id).join(','));
    assert.ok(left[0]?.body.includes(marker));
  });
});

void test('GitHub Enterprise Server: the artifact step is skipped with one info line', async () => {
  const logger = recordingLogger();
  const refuse = (): never => {
    throw new Error('@actions/artifact must not be called on GHES');
  };
  const id = await uploadComplianceArtifact({
    client: {
      uploadArtifact: refuse,
      listArtifacts: refuse,
      getArtifact: refuse,
      downloadArtifact: refuse,
      deleteArtifact: refuse,
    },
    context: context({ serverUrl: 'https://github.example.corp' }),
    outputDir: '/nonexistent',
    report: { scanners: [], root: '/w' } as unknown as Report,
    commit: 'a'.repeat(40),
    name: 'scanfold-report',
    retentionDays: 90,
    logger,
  });
  assert.equal(id, undefined);
  assert.deepEqual(logger.warnings(), []);
  const info = logger.lines.filter((l) => /compliance artifact/.test(l.message));
  assert.equal(info.length, 1);
  assert.match(
    info[0]?.message ?? '',
    /skipped on GitHub Enterprise Server \(https:\/\/github\.example\.corp\)/,
  );
  assert.equal(isGhes('https://github.com'), false);
  assert.equal(isGhes('https://octo.ghe.com'), false);
  assert.equal(isGhes('https://github.example.corp'), true);
});

void test('errors outside any one scanner (a failed shard) head the summary', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-errors-'));
  const server = await startGitHubServer();
  try {
    const workspace = path.join(dir, REPO);
    gitWorkspace(workspace, { [SRC_FILE]: 'x\n' });
    const runner = runnerEnv({
      server,
      workspace,
      eventPath: path.join(dir, 'none.json'),
      eventName: 'push',
    });
    try {
      await withEnv(runner.env, async () => {
        const outcome = await assemble({
          root: workspace,
          outputDir: path.join(dir, 'out'),
          failOn: 'none',
          scanners: [],
          sarif: [],
          sboms: [],
          errors: [
            'shard infra: no bundle in this run (the leg failed, timed out or was cancelled before uploading)',
          ],
          logger: recordingLogger(),
        });
        await publish({
          outcome,
          analyses: [],
          scope: '',
          context: await readContext(process.env),
          head: undefined,
          octokit: undefined,
          artifactClient: new DefaultArtifactClient(),
          settings: SETTINGS,
          logger: recordingLogger(),
          clock: systemClock,
        });
      });
      assert.match(runner.readStepSummary(), /shard infra&#58; no bundle in this run/);
    } finally {
      runner.cleanup();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a 403 on the first upload stops the rest, across legs: one request, one warning', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-refused-'));
  const server = await startGitHubServer();
  server.injectFault({
    method: 'POST',
    path: /\/code-scanning\/sarifs$/,
    status: 403,
    times: Infinity,
    body: { message: 'Resource not accessible by integration', status: '403' },
  });
  try {
    const workspace = path.join(dir, REPO);
    const head = gitWorkspace(workspace, { [SRC_FILE]: 'x\n' });
    const runner = runnerEnv({
      server,
      workspace,
      eventPath: path.join(dir, 'none.json'),
      eventName: 'push',
      sha: head,
    });
    const logger = recordingLogger();
    try {
      await withEnv(runner.env, async () => {
        const outcome = await outcomeFor(workspace, path.join(dir, 'out'));
        await publish({
          outcome,
          analyses: [
            { sarif: outcome.sarif, scope: 'services/api', failedTools: [] },
            { sarif: outcome.sarif, scope: 'services/web', failedTools: [] },
          ],
          scope: '',
          context: await readContext(process.env),
          head,
          octokit: createGitHubClient({
            token: TOKEN,
            apiUrl: server.apiUrl,
            logger,
            maxRateLimitWaitSeconds: 60,
            throttleGroups: fastThrottleGroups(),
          }),
          artifactClient: new DefaultArtifactClient(),
          settings: { ...SETTINGS, comment: 'never' },
          logger,
          clock: systemClock,
        });
      });
    } finally {
      runner.cleanup();
    }
    assert.equal(
      server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/code-scanning/sarifs'))
        .length,
      1,
    );
    assert.equal(logger.warnings().filter((w) => /security-events: write/.test(w)).length, 1);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('four matrix legs of one job and path upload one compliance artifact each: none lost to a taken name', async () => {
  const server = await startGitHubServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-legs-'));
  const workspace = path.join(dir, REPO);
  const event = writePullRequestEvent({ path: path.join(dir, 'event'), number: PR });
  const runner = runnerEnv({ server, workspace, ...event });
  try {
    const outputDir = path.join(workspace, 'scanfold-results');
    writeFiles(outputDir, { 'report.json': '{}\n' });
    const report = { scanners: [{ name: 'trivy', status: 'ok' }], root: workspace } as Report;
    const legs = ['matrix-aaaa1111', 'matrix-bbbb2222', 'matrix-bbbb2222', undefined];
    const ids: (number | undefined)[] = [];
    const logger = recordingLogger();
    await withEnv(runner.env, async () => {
      for (const matrixKey of legs)
        ids.push(
          await uploadComplianceArtifact({
            client: new DefaultArtifactClient(),
            context: await readContext(process.env),
            outputDir,
            report,
            commit: 'a'.repeat(40),
            name: 'scanfold-report',
            retentionDays: 90,
            matrixKey,
            logger,
          }),
        );
    });
    assert.ok(
      ids.every((id) => typeof id === 'number'),
      JSON.stringify(ids),
    );
    const names = server.artifacts.filter((a) => a.finalized).map((a) => a.name);
    assert.equal(new Set(names).size, 4, names.join(', '));
    assert.ok(names.includes('scanfold-report'));
    // Two legs alike in job, path, scanners and matrix: the second gets -2.
    assert.ok(
      names.some((n) => n.endsWith('-2')),
      names.join(', '),
    );
    assert.equal(logger.warnings().length, 3);
  } finally {
    runner.cleanup();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
