/**
 * GitHub's fault matrix, in process: the real clients (@actions/github + plugin-retry/throttling,
 * @actions/artifact) over real HTTP against the GitHub-like server, made to fail the way GitHub
 * does: a rejected token, 404s, connections reset before or in the middle of an answer, answers
 * that never come, an artifact service that is down. Each case checks what the user is told and
 * that everything the fault does not touch is still published and written.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DefaultArtifactClient } from '@actions/artifact';
import { createGitHubClient } from '../src/github/client.ts';
import type { ClientOptions } from '../src/github/client.ts';
import { readContext, readGitHead } from '../src/github/context.ts';
import { publish } from '../src/github/publish.ts';
import type { Analysis, PublishResult, PublishSettings } from '../src/github/publish.ts';
import type { ScanOutcome } from '../src/engine.ts';
import { systemClock } from '../src/model/ports.ts';
import { fastThrottleGroups, refusingUrl, startGitHubServer } from './support/github-server.ts';
import type { FaultRule, GitHubServer, GitHubServerOptions } from './support/github-server.ts';
import { SRC_FILE, outcomeFor, recordingLogger } from './support/publish-fixture.ts';
import type { RecordingLogger } from './support/publish-fixture.ts';
import { runnerEnv, withEnv, writePullRequestEvent } from './support/runner-env.ts';
import { commitWorkspace, writeFiles } from './support/workspace.ts';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const TOKEN = 'ghs_githubTokenOfThisRun';
/** Short enough for the suite, long enough for a loopback answer on a busy machine. */
const REQUEST_TIMEOUT_MS = 400;
/** random() = 0: each wait is half its step: retry n waits min(cap, n² × base) / 2. */
const RETRY = { retries: 3, baseMs: 20, capMs: 60 };

const isSarifPost = (r: { method: string; path: string }): boolean =>
  r.method === 'POST' && r.path.endsWith('/code-scanning/sarifs');

interface Published {
  server: GitHubServer;
  logger: RecordingLogger;
  result: PublishResult;
  summary: string;
  outputDir: string;
  durationMs: number;
}

/** One publish of a PR scan (two tools) against a fresh server carrying the given faults. */
async function publishWith(options: {
  name: string;
  faults?: FaultRule[];
  server?: GitHubServerOptions;
  token?: string;
  /** ACTIONS_RESULTS_URL instead of the server's (e.g. one that refuses connections). */
  resultsUrl?: string;
  client?: Partial<ClientOptions>;
  settings?: Partial<PublishSettings>;
  /** What to upload, from the outcome; one analysis of services/api by default. */
  analyses?: (outcome: ScanOutcome) => Analysis[];
}): Promise<Published & { dir: string }> {
  const server = await startGitHubServer(options.server);
  for (const fault of options.faults ?? []) server.injectFault(fault);
  const dir = mkdtempSync(path.join(tmpdir(), `scanfold-fault-${options.name}-`));
  const workspace = path.join(dir, REPO);
  writeFiles(workspace, { [SRC_FILE]: 'import os\nkey = 1\nquery = 2\n' });
  const head = commitWorkspace(workspace);
  const event = writePullRequestEvent({ path: path.join(dir, 'event'), number: PR, headSha: head });
  const runner = runnerEnv({
    server: { ...server, resultsUrl: options.resultsUrl ?? server.resultsUrl },
    workspace,
    ...event,
    // The PDF (headless Chromium) is not what these tests are about.
    extra: { SCANFOLD_PDF: '0' },
  });
  const logger = recordingLogger();
  const outputDir = path.join(workspace, 'scanfold-results');
  let result: PublishResult | undefined;
  const started = Date.now();
  try {
    await withEnv(runner.env, async () => {
      const outcome = await outcomeFor(workspace, outputDir);
      result = await publish({
        outcome,
        analyses: options.analyses?.(outcome) ?? [
          { sarif: outcome.sarif, scope: 'services/api', failedTools: [] },
        ],
        scope: 'services/api',
        context: await readContext(process.env),
        head: await readGitHead(workspace),
        octokit: createGitHubClient({
          token: options.token ?? TOKEN,
          apiUrl: server.apiUrl,
          logger,
          maxRateLimitWaitSeconds: 60,
          throttleGroups: fastThrottleGroups(),
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
          retry: RETRY,
          random: () => 0,
          ...options.client,
        }),
        artifactClient: new DefaultArtifactClient(),
        settings: {
          comment: 'auto',
          uploadSarif: 'auto',
          artifactName: 'scanfold-report',
          retentionDays: 90,
          pollIntervalMs: 1,
          ...options.settings,
        },
        logger,
        clock: systemClock,
      });
    });
    const summary = runner.readStepSummary();
    assert.ok(result);
    return { server, dir, logger, result, summary, outputDir, durationMs: Date.now() - started };
  } finally {
    runner.cleanup();
  }
}

async function close(published: { server: GitHubServer; dir: string }): Promise<void> {
  await published.server.close();
  rmSync(published.dir, { recursive: true, force: true });
}

type Output = 'code scanning' | 'comment' | 'artifact';

/**
 * Every output the fault should not touch is there: the local files with both findings, the job
 * summary with the report, and (unless named in `lost`) both code scanning analyses, the sticky
 * comment and the compliance artifact.
 */
function assertOthersPublished(p: Published, lost: readonly Output[]): void {
  for (const file of ['scanfold.sarif', 'report.json', 'report.md'])
    assert.ok(existsSync(path.join(p.outputDir, file)), `${file} written`);
  const report = JSON.parse(readFileSync(path.join(p.outputDir, 'report.json'), 'utf8')) as {
    summary: { total: number };
  };
  assert.equal(report.summary.total, 2, 'both findings in report.json');
  for (const rule of ['python.sqli', 'aws-access-token'])
    assert.ok(p.summary.includes(rule), `job summary lists ${rule}`);

  const analyses = p.server.analyses.map((a) => a.category).sort();
  if (lost.includes('code scanning')) assert.deepEqual(analyses, []);
  else
    assert.deepEqual(analyses, [
      'scanfold/gitleaks/services/api/',
      'scanfold/semgrep/services/api/',
    ]);

  const comments = p.server.commentsOn(OWNER, REPO, PR);
  if (lost.includes('comment')) assert.equal(comments.length, 0);
  else {
    assert.equal(comments.length, 1, 'one sticky comment');
    assert.match(comments[0]?.body ?? '', /python\.sqli/);
    assert.ok(p.result.commentUrl);
  }

  const artifacts = p.server.artifacts.filter((a) => a.finalized);
  if (lost.includes('artifact')) {
    assert.equal(artifacts.length, 0);
    assert.equal(p.result.artifactId, undefined);
  } else {
    assert.equal(artifacts.length, 1, 'compliance artifact uploaded');
    assert.equal(p.result.artifactId, artifacts[0]?.id);
  }
}

function infos(logger: RecordingLogger): string[] {
  return logger.lines.filter((l) => l.level === 'info').map((l) => l.message);
}

void describe('401: GitHub rejects the token', () => {
  let p: Published & { dir: string };
  let commentOnly: Published & { dir: string };
  before(async () => {
    p = await publishWith({
      name: '401',
      server: { tokens: ['ghs_theOnlyValidToken'] },
      token: 'ghs_revokedOrMistyped',
    });
    commentOnly = await publishWith({
      name: '401-comment',
      server: { tokens: ['ghs_theOnlyValidToken'] },
      token: 'ghs_revokedOrMistyped',
      settings: { uploadSarif: 'false' },
    });
  });
  after(async () => {
    await close(p);
    await close(commentOnly);
  });

  void test('401 with upload-sarif false: the line names only what was not published, after the one refused request', () => {
    assert.match(
      commentOnly.result.credentialsRejected ?? '',
      /\): it is invalid, expired or revoked, so the PR comment was not published; the results are in/,
    );
    assert.deepEqual(commentOnly.logger.warnings(), []);
    // GraphQL viewer was refused; nothing after it was sent (no REST fallback, no listing).
    assert.equal(commentOnly.server.requests.filter((r) => r.service === 'rest').length, 1);
  });

  void test('401 bad credentials: not retried, one line naming the token, nothing more asked of GitHub; artifact, summary and local files still produced', () => {
    const rest = p.server.requests.filter((r) => r.service === 'rest');
    assert.deepEqual(
      rest.map((r) => [r.method, r.status]),
      [['POST', 401]],
      'one request, refused, never retried; the comment is not even tried',
    );
    assert.match(
      p.result.credentialsRejected ?? '',
      /^GitHub rejected github-token \(401: Bad credentials.*\): it is invalid, expired or revoked, so the code scanning upload and the PR comment were not published; the results are in scanfold-results, the job summary, the compliance artifact\. Pass a valid token: the default `github\.token`, or a PAT or App token with `security-events: write` and `pull-requests: write`$/,
    );
    assert.doesNotMatch(p.result.credentialsRejected ?? '', /\n/);
    assert.deepEqual(p.logger.warnings(), [], 'said once, as the step error, not as warnings');
    assert.ok(p.summary.includes('GitHub rejected github-token'), 'the summary says it too');
    assertOthersPublished(p, ['code scanning', 'comment']);
  });
});

void describe('404s: code scanning not available, a pull request that is gone', () => {
  let sarif404: Published & { dir: string };
  let comment404: Published & { dir: string };
  let ghas403: Published & { dir: string };
  const notFound = (docs: string) => ({
    message: 'Not Found',
    documentation_url: docs,
    status: '404',
  });
  before(async () => {
    sarif404 = await publishWith({
      name: 'sarif404',
      faults: [
        {
          method: 'POST',
          path: /\/code-scanning\/sarifs$/,
          status: 404,
          times: Infinity,
          body: notFound(
            'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data',
          ),
        },
      ],
    });
    ghas403 = await publishWith({
      name: 'ghas403',
      faults: [
        {
          method: 'POST',
          path: /\/code-scanning\/sarifs$/,
          status: 403,
          times: Infinity,
          body: {
            message: 'Advanced Security must be enabled for this repository to use code scanning.',
            documentation_url:
              'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data',
            status: '403',
          },
        },
      ],
    });
    comment404 = await publishWith({
      name: 'comment404',
      faults: [
        {
          path: new RegExp(`/issues/${PR}/comments$`),
          status: 404,
          times: Infinity,
          body: notFound('https://docs.github.com/rest/issues/comments#list-issue-comments'),
        },
      ],
    });
  });
  after(async () => {
    await close(sarif404);
    await close(comment404);
    await close(ghas403);
  });

  void test('403 "Advanced Security must be enabled": one warning that code scanning is off for the repository, not a token problem; the rest still produced', () => {
    assert.equal(ghas403.server.requests.filter(isSarifPost).length, 1, 'final: not retried');
    const warnings = ghas403.logger.warnings();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /refused \(403: Advanced Security must be enabled for this repository to use code scanning\..*\): code scanning is not enabled for octo-org\/octo-repo; enable GitHub Code Security \(Advanced Security\) in its settings, or set upload-sarif: false$/,
    );
    assertOthersPublished(ghas403, ['code scanning']);
  });

  void test('404 on the code scanning upload: one warning that code scanning is not enabled; comment, artifact, summary and local files still produced', () => {
    assert.equal(sarif404.server.requests.filter(isSarifPost).length, 1, 'final: not retried');
    const warnings = sarif404.logger.warnings();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^code scanning upload of gitleaks \(scanfold\/gitleaks\/services\/api\/\) refused \(404: Not Found.*\): code scanning is not available for octo-org\/octo-repo\. "Advanced Security must be enabled for this repository to use code scanning"/,
    );
    assert.match(warnings[0] ?? '', /upload-sarif: false/);
    assert.equal(sarif404.result.credentialsRejected, undefined);
    assert.match(sarif404.summary, /Advanced Security must be enabled/);
    assert.match(sarif404.server.commentsOn(OWNER, REPO, PR)[0]?.body ?? '', /did not accept/);
    assertOthersPublished(sarif404, ['code scanning']);
  });

  void test('404 on the PR comment (the pull request is gone): one warning naming it; code scanning, artifact, summary and local files still produced', () => {
    const commentCalls = comment404.server.requests.filter((r) => r.path.endsWith('/comments'));
    assert.deepEqual(
      commentCalls.map((r) => [r.method, r.status]),
      [['GET', 404]],
      'not retried, nothing posted',
    );
    const warnings = comment404.logger.warnings();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^PR comment not posted \(404: Not Found.*\): pull request #7 was not found in octo-org\/octo-repo: it was deleted or transferred, or the token cannot see the repository$/,
    );
    assert.match(comment404.summary, /pull request &#35;&#8203;7 was not found/);
    assertOthersPublished(comment404, ['comment']);
  });
});

void describe('connection reset', () => {
  let once: Published & { dir: string };
  let always: Published & { dir: string };
  before(async () => {
    once = await publishWith({
      name: 'reset',
      faults: [
        // The upload's connection drops twice before any answer.
        { method: 'POST', path: /\/code-scanning\/sarifs$/, network: 'reset', times: 2 },
        // The comment listing breaks off half-way through its body.
        {
          method: 'GET',
          path: /\/issues\/\d+\/comments$/,
          network: 'reset-mid-response',
          times: 1,
        },
        // The comment is stored, but the answer is cut off: it must not be posted twice.
        {
          method: 'POST',
          path: /\/issues\/\d+\/comments$/,
          network: 'reset-mid-response',
          times: 1,
        },
      ],
    });
    always = await publishWith({
      name: 'reset-always',
      faults: [
        { method: 'POST', path: /\/code-scanning\/sarifs$/, network: 'reset', times: Infinity },
      ],
    });
  });
  after(async () => {
    await close(once);
    await close(always);
  });

  void test('a reset connection is retried with backoff and jitter: each analysis and the comment stored once, no warning', () => {
    assert.deepEqual(once.logger.warnings(), []);
    const posts = once.server.requests.filter(isSarifPost);
    assert.equal(posts.length, 4, 'two resets, then one upload per tool');
    assert.equal(once.server.sarifUploads.length, 2);
    const retries = infos(once.logger).filter((l) => /; retry \d of 3 in \d+ ms$/.test(l));
    // Steps 1, 4 × 20 ms, capped at 60, halved by the jitter (random() = 0).
    assert.match(
      retries[0] ?? '',
      /^GitHub POST .*\/code-scanning\/sarifs: no answer \(.+\); retry 1 of 3 in 10 ms$/,
    );
    assert.match(retries[1] ?? '', /code-scanning\/sarifs: no answer .*; retry 2 of 3 in 30 ms$/);
    assert.ok(
      retries.some((l) => /GET .*\/comments.*connection lost while reading the answer/.test(l)),
      'the listing cut off mid-body is retried, not read as an empty list',
    );
    assert.equal(once.server.commentsOn(OWNER, REPO, PR).length, 1, 'posted exactly once');
    assertOthersPublished(once, []);
  });

  void test('a connection reset on every try: retried up to the cap, then a warning; comment, artifact, summary and local files still produced', () => {
    assert.equal(
      always.server.requests.filter(isSarifPost).length,
      5,
      'the first upload: the first try and 3 retries; then GitHub counts as unreachable and the second upload is tried once',
    );
    const warnings = always.logger.warnings();
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^code scanning upload of gitleaks \(scanfold\/gitleaks\/services\/api\/\) failed: no answer \(.+\) \(after 4 attempts\)$/,
    );
    assert.match(
      warnings[1] ?? '',
      /^code scanning upload of semgrep \(scanfold\/semgrep\/services\/api\/\) failed: no answer \([^()]+\)$/,
    );
    assert.ok(
      infos(always.logger).includes(
        'GitHub: no answer through every retry; later requests are tried once each',
      ),
    );
    // The comment, after that, still got through on its single attempt.
    assert.match(always.summary, /Code scanning did not accept the gitleaks analysis/);
    assertOthersPublished(always, ['code scanning']);
  });
});

void describe('slow responses past the request timeout', () => {
  let once: Published & { dir: string };
  let always: Published & { dir: string };
  before(async () => {
    once = await publishWith({
      name: 'stall',
      faults: [{ method: 'GET', path: /\/issues\/\d+\/comments$/, network: 'stall', times: 1 }],
    });
    always = await publishWith({
      name: 'stall-always',
      faults: [
        { method: 'POST', path: /\/code-scanning\/sarifs$/, network: 'stall', times: Infinity },
      ],
    });
  });
  after(async () => {
    await close(once);
    await close(always);
  });

  void test('an answer that never comes is cut off at the request timeout and retried; the comment is posted once', () => {
    assert.deepEqual(once.logger.warnings(), []);
    assert.ok(
      infos(once.logger).some((l) =>
        /^GitHub GET .*\/comments.*: no complete answer within 0\.4 s \(request timeout\); retry 1 of 3 in 10 ms$/.test(
          l,
        ),
      ),
      infos(once.logger).join('\n'),
    );
    assert.equal(once.server.commentsOn(OWNER, REPO, PR).length, 1);
    assertOthersPublished(once, []);
  });

  void test('an upload that stalls every time: bounded by the timeout and the retry cap, then a warning; comment, artifact, summary and local files still produced', () => {
    assert.equal(always.server.requests.filter(isSarifPost).length, 5);
    // 5 attempts of 0.4 s and 3 short waits: the job is not held for undici's 300 s per attempt.
    assert.ok(always.durationMs < 20_000, `${always.durationMs} ms`);
    const warnings = always.logger.warnings();
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /failed: no complete answer within 0\.4 s \(request timeout\) \(after 4 attempts\)$/,
    );
    assert.match(
      warnings[1] ?? '',
      /failed: no complete answer within 0\.4 s \(request timeout\)$/,
    );
    assertOthersPublished(always, ['code scanning']);
  });
});

void describe('artifact service down', () => {
  let refused: Published & { dir: string };
  let stalled: Published & { dir: string };
  let flaky: Published & { dir: string };
  before(async () => {
    refused = await publishWith({ name: 'artifact-refused', resultsUrl: await refusingUrl() });
    stalled = await publishWith({
      name: 'artifact-stalled',
      faults: [
        { path: /\/twirp\/.*ArtifactService\/CreateArtifact$/, network: 'stall', times: Infinity },
      ],
      settings: { artifactTimeoutMs: 500 },
    });
    flaky = await publishWith({
      name: 'artifact-503',
      faults: [
        {
          path: /\/twirp\/.*ArtifactService\/CreateArtifact$/,
          status: 503,
          times: 1,
          body: { code: 'unavailable', msg: 'service unavailable' },
        },
      ],
    });
  });
  after(async () => {
    await close(refused);
    await close(stalled);
    await close(flaky);
  });

  void test('the artifact service refusing connections: one warning line, code scanning, comment, summary and local files still produced', () => {
    const warnings = refused.logger.warnings();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^compliance artifact not uploaded: Failed to CreateArtifact: Unable to make request: ECONNREFUSED; its files are in scanfold-results$/,
    );
    assert.match(refused.summary, /compliance artifact not uploaded/);
    assertOthersPublished(refused, ['artifact']);
  });

  void test('an artifact service that never answers: given up after the artifact timeout with one warning; code scanning, comment, summary and local files still produced', () => {
    const warnings = stalled.logger.warnings();
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0] ?? '',
      /^compliance artifact not uploaded: the artifact service gave no answer within 0\.5 s; its files are in scanfold-results$/,
    );
    assert.ok(stalled.durationMs < 20_000, `${stalled.durationMs} ms`);
    assertOthersPublished(stalled, ['artifact']);
  });

  void test('a 503 from the artifact service is retried by @actions/artifact; the artifact is uploaded once', () => {
    assert.deepEqual(flaky.logger.warnings(), []);
    const creates = flaky.server.requests.filter((r) => r.path.endsWith('/CreateArtifact'));
    assert.deepEqual(
      creates.map((r) => r.status),
      [503, 200],
    );
    assertOthersPublished(flaky, []);
  });
});

const SARIF_POST = { method: 'POST', path: /\/code-scanning\/sarifs$/ } as const;

void describe('rate limits are not missing permissions', () => {
  let primary: Published & { dir: string };
  let secondary: Published & { dir: string };
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const resetIso = new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  before(async () => {
    primary = await publishWith({
      name: 'primary-limit',
      faults: [
        {
          ...SARIF_POST,
          status: 403,
          times: Infinity,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
          body: { message: 'API rate limit exceeded for installation ID 1.' },
        },
      ],
    });
    secondary = await publishWith({
      name: 'secondary-limit',
      faults: [
        {
          ...SARIF_POST,
          status: 429,
          times: Infinity,
          headers: { 'retry-after': '3600' },
          body: { message: 'You have exceeded a secondary rate limit.' },
        },
      ],
    });
  });
  after(async () => {
    await close(primary);
    await close(secondary);
  });

  void test('403 with x-ratelimit-remaining 0: "rate-limited until <reset>", no permission advice, no further GitHub call', () => {
    const warnings = primary.logger.warnings();
    assert.ok(
      warnings.some((w) => w.includes(`rate-limited until ${resetIso}`)),
      warnings.join('\n'),
    );
    assert.ok(!warnings.some((w) => /security-events|pull-requests: write/.test(w)));
    assert.equal(primary.server.requests.filter(isSarifPost).length, 1);
    const after = primary.server.requests.filter((r) => r.service === 'rest' && !isSarifPost(r));
    assert.deepEqual(after, [], 'nothing else was sent to the REST API');
    assert.equal(primary.server.commentsOn(OWNER, REPO, PR).length, 0);
    assert.ok(
      warnings.some((w) => /^PR comment not posted: GitHub's API is rate-limited until/.test(w)),
    );
    assertOthersPublished(primary, ['code scanning', 'comment']);
  });

  void test('429 secondary limit with a long Retry-After: reported as rate-limited, the rest of the uploads not tried', () => {
    const warnings = secondary.logger.warnings();
    assert.ok(
      warnings.some((w) => /rate-limited until \d{4}-/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(!warnings.some((w) => /security-events/.test(w)));
    assert.equal(secondary.server.requests.filter(isSarifPost).length, 1);
    assert.ok(
      secondary.result.uploads.some((u) => u.errors.includes('not tried after the first refusal')),
    );
  });
});

void describe('code scanning off, in each of GitHub’s wordings', () => {
  const wordings = [
    'GitHub Advanced Security is not enabled',
    'Code Security must be enabled for this repository to use code scanning.',
    'Advanced Security blocked by a policy',
    'Code scanning is not enabled for this repository',
  ];
  for (const message of wordings)
    void test(`403 "${message}": code scanning is off, not a token problem`, async () => {
      const published = await publishWith({
        name: 'off',
        faults: [{ ...SARIF_POST, status: 403, times: Infinity, body: { message } }],
      });
      try {
        const warnings = published.logger.warnings();
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0] ?? '', /code scanning is not enabled for octo-org\/octo-repo/);
        assert.doesNotMatch(warnings[0] ?? '', /security-events/);
      } finally {
        await close(published);
      }
    });
});

void test('a 502 with GitHub’s HTML page: one warning line naming the endpoint, no HTML', async () => {
  const published = await publishWith({
    name: 'html502',
    faults: [{ ...SARIF_POST, status: 502, times: Infinity }],
  });
  try {
    const fault = published.server.requests.find((r) => isSarifPost(r) && r.faulted);
    assert.ok(fault);
    const warnings = published.logger.warnings();
    assert.ok(warnings.length >= 1);
    for (const warning of warnings) {
      assert.doesNotMatch(warning, /<|\n/, warning);
    }
    assert.ok(
      warnings.some((w) =>
        w.includes(
          `POST /repos/${OWNER}/${REPO}/code-scanning/sarifs: 502 Bad Gateway (after 4 attempts)`,
        ),
      ),
      warnings.join('\n'),
    );
  } finally {
    await close(published);
  }
});

void describe('matrix legs: one category each, duplicates refused, processing awaited together', () => {
  void test('two legs scanning the same path keep their own analyses when each has a matrix key', async () => {
    const published = await publishWith({
      name: 'matrix',
      analyses: (outcome) => [
        {
          sarif: outcome.sarif,
          scope: 'services/api',
          variant: 'matrix-aaaa1111',
          failedTools: [],
        },
        {
          sarif: outcome.sarif,
          scope: 'services/api',
          variant: 'matrix-bbbb2222',
          failedTools: [],
        },
      ],
    });
    try {
      assert.deepEqual(published.server.analyses.map((a) => a.category).sort(), [
        'scanfold/gitleaks/services/api/matrix-aaaa1111/',
        'scanfold/gitleaks/services/api/matrix-bbbb2222/',
        'scanfold/semgrep/services/api/matrix-aaaa1111/',
        'scanfold/semgrep/services/api/matrix-bbbb2222/',
      ]);
      // Every upload was sent before the first status poll.
      const kinds = published.server.requests
        .filter((r) => r.path.includes('/code-scanning/sarifs'))
        .map((r) => r.method);
      assert.deepEqual(kinds.slice(0, 4), ['POST', 'POST', 'POST', 'POST']);
      assert.ok(published.result.uploads.every((u) => u.status === 'complete'));
    } finally {
      await close(published);
    }
  });

  void test('two analyses of one (tool, category) in one publish: neither uploaded, one error naming it', async () => {
    const published = await publishWith({
      name: 'duplicate',
      analyses: (outcome) => [
        { sarif: outcome.sarif, scope: 'services/api', failedTools: ['gitleaks'] },
        { sarif: outcome.sarif, scope: 'services/api', failedTools: ['gitleaks'] },
      ],
    });
    try {
      assert.equal(published.server.requests.filter(isSarifPost).length, 0);
      const errors = published.logger.lines.filter((l) => l.level === 'error');
      assert.equal(errors.length, 1);
      assert.match(
        errors[0]?.message ?? '',
        /^code scanning: 2 analyses of semgrep in this run have the category scanfold\/semgrep\/services\/api\/; .*none was uploaded/,
      );
    } finally {
      await close(published);
    }
  });

  void test('processing that never ends: every upload polled together, given up after the overall limit', async () => {
    const started = Date.now();
    const published = await publishWith({
      name: 'pending',
      server: { sarifPendingPolls: 1_000_000 },
      settings: { pollIntervalMs: 20, processingTimeoutMs: 200 },
    });
    try {
      assert.ok(Date.now() - started < 10_000);
      assert.deepEqual(
        published.result.uploads.map((u) => u.status),
        ['pending', 'pending'],
      );
      const polls = published.server.requests.filter(
        (r) => r.method === 'GET' && r.path.includes('/code-scanning/sarifs/'),
      );
      const perUpload = new Map<string, number>();
      for (const poll of polls) perUpload.set(poll.path, (perUpload.get(poll.path) ?? 0) + 1);
      assert.equal(perUpload.size, 2);
      const [a, b] = [...perUpload.values()];
      assert.ok(a !== undefined && b !== undefined && Math.abs(a - b) <= 1, 'polled in rounds');
      const sarifCalls = published.server.requests.filter((r) =>
        r.path.includes('/code-scanning/sarifs'),
      );
      const lastPost = sarifCalls.findLastIndex((r) => r.method === 'POST');
      const firstPoll = sarifCalls.findIndex((r) => r.method === 'GET');
      assert.ok(lastPost < firstPoll, 'every upload sent before the first poll');
      assert.ok(published.logger.warnings().every((w) => !/pending/.test(w)));
    } finally {
      await close(published);
    }
  });
});
