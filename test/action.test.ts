/**
 * End-to-end tests of the action bundle: `node dist/index.js` runs as a child process with the
 * environment a GitHub-hosted runner gives it (every input from action.yml, as INPUT_* variables,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, a pull_request event payload, the artifact runtime token),
 * pointed at the fake GitHub server. Real gitleaks and semgrep scan a small temp workspace.
 *
 * Run `node scripts/build.mjs` first: the tests exercise dist/, not src/.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../src/model/finding.ts';
import type { Finding } from '../src/model/finding.ts';
import type { Report } from '../src/model/scan-result.ts';
import { escapeMarkdown } from '../src/outputs/escape.ts';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/outputs/markdown.ts';
import { readContext } from '../src/github/context.ts';
import { stickyMarker } from '../src/github/comment.ts';
import { startGitHubServer } from './support/github-server.ts';
import type {
  FaultRule,
  GitHubServer,
  GitHubServerOptions,
  GitHubUser,
  RecordedRequest,
  StoredComment,
} from './support/github-server.ts';
import { runnerEnv, writePullRequestEvent } from './support/runner-env.ts';
import { BUNDLE, defaultInputs, runBundle } from './support/action-run.ts';
import {
  VULNERABLE_PY,
  commitWorkspace,
  git,
  settingsPy,
  writeFiles,
} from './support/workspace.ts';
import type { ActionRun } from './support/action-run.ts';
import type { PullRequestEvent } from './support/runner-env.ts';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const RESOURCE_NOT_ACCESSIBLE = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403',
};

// ---------------------------------------------------------------------------------------------
// Runner simulation
// ---------------------------------------------------------------------------------------------

interface StepOptions {
  server: GitHubServer;
  workspace: string;
  event: PullRequestEvent;
  inputs?: Record<string, string>;
  runId?: number;
  runAttempt?: number;
  backendIds?: { workflowRunBackendId: string; workflowJobRunBackendId: string };
  /** Extra environment variables for the step. */
  env?: Record<string, string>;
}

/** One `uses: scanfold@v1` step on a pull_request run. */
interface Scenario {
  server: GitHubServer;
  dir: string;
  run: ActionRun;
}

/** One action run on a fresh PR workspace against a fresh server with the given faults. */
async function runScenario(options: {
  name: string;
  files: Record<string, string>;
  inputs: Record<string, string>;
  faults?: FaultRule[];
  fork?: boolean;
  /** Comments already on the PR before the run. */
  comments?: { body: string; user: GitHubUser }[];
  server?: GitHubServerOptions;
  env?: Record<string, string>;
}): Promise<Scenario> {
  const server = await startGitHubServer(options.server);
  for (const fault of options.faults ?? []) server.injectFault(fault);
  for (const comment of options.comments ?? []) {
    server.addComment({ owner: OWNER, repo: REPO, issueNumber: PR, ...comment });
  }
  const dir = mkdtempSync(path.join(tmpdir(), `scanfold-action-${options.name}-`));
  const workspace = path.join(dir, 'octo-repo');
  writeFiles(workspace, options.files);
  const event = writePullRequestEvent({
    path: path.join(dir, 'event'),
    number: PR,
    ...(options.fork ? { fork: true } : {}),
  });
  const run = await runStep({
    server,
    workspace,
    event,
    inputs: options.inputs,
    ...(options.env ? { env: options.env } : {}),
  });
  return { server, dir, run };
}

async function closeScenario(scenario: Pick<Scenario, 'server' | 'dir'>): Promise<void> {
  await scenario.server.close();
  rmSync(scenario.dir, { recursive: true, force: true });
}

async function runStep(options: StepOptions): Promise<ActionRun> {
  const runner = runnerEnv({
    server: options.server,
    workspace: options.workspace,
    ...options.event,
    inputs: {
      ...defaultInputs(),
      scanners: 'gitleaks,semgrep',
      offline: 'true',
      // The shared tool cache holds hundreds of MB of scanner installs; cache tests opt in.
      cache: 'false',
      ...options.inputs,
    },
    ...(options.runId ? { runId: options.runId } : {}),
    ...(options.runAttempt ? { runAttempt: options.runAttempt } : {}),
    ...(options.backendIds ?? {}),
    ...(options.env ? { extra: options.env } : {}),
  });
  try {
    const result = await runBundle(runner, options.workspace);
    if (process.env.SCANFOLD_TEST_DEBUG)
      process.stderr.write(
        `--- action stdout (${result.durationMs} ms)\n${result.stdout}\n--- stderr\n${result.stderr}\n`,
      );
    return result;
  } finally {
    runner.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Workspaces with planted (fake, generated) secrets and vulnerable code
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Assertions on what reached the server
// ---------------------------------------------------------------------------------------------

const isCommentPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' && /\/issues\/\d+\/comments$/.test(r.path);
const isCommentPatch = (r: RecordedRequest): boolean =>
  r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path);
const isSarifPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' && /\/code-scanning\/sarifs$/.test(r.path);

function stickyComments(server: GitHubServer): StoredComment[] {
  return server.commentsOn(OWNER, REPO, PR).filter((c) => c.body.includes('<!-- scanfold:sticky'));
}

function runSummary(log: Log): Map<string, { tool: string; results: number }> {
  const byCategory = new Map<string, { tool: string; results: number }>();
  for (const run of log.runs) {
    const id = run.automationDetails?.id ?? '';
    assert.ok(!byCategory.has(id), `automationDetails.id ${id} appears twice`);
    byCategory.set(id, { tool: run.tool.driver.name, results: run.results?.length ?? 0 });
  }
  return byCategory;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A row of a findings table (the severity table's rows have a count where the rule is). */
function isFindingRow(line: string): boolean {
  return /^\| \S+ (critical|high|medium|low|info) \| (<code>|`)/.test(line);
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** Nothing an attacker-controlled string could turn into HTML, a mention or a link. */
function assertNoInjection(body: string): void {
  assert.doesNotMatch(body, /<script/i, 'raw <script');
  assert.doesNotMatch(body, /(^|[^\w&#;])@org\b/, 'raw @org mention');
  assert.doesNotMatch(body, /\]\(javascript:/i, 'markdown javascript: link');
  assert.doesNotMatch(body, /href="javascript:/i, 'HTML javascript: link');
  assert.ok(longestLine(body) < 10_000, `a line of ${longestLine(body)} characters`);
}

// ---------------------------------------------------------------------------------------------
// Pre-flight
// ---------------------------------------------------------------------------------------------

before(() => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
});

// ---------------------------------------------------------------------------------------------
// 1. Two pushes to one PR, then a re-run attempt
// ---------------------------------------------------------------------------------------------

void describe('action bundle: two pushes to a PR with 150 comments, then a re-run', () => {
  let server: GitHubServer;
  let dir: string;
  let workspace: string;
  let first: ActionRun;
  let second: ActionRun;
  let rerun: ActionRun;
  let firstComment: StoredComment | undefined;
  let firstRequests: RecordedRequest[];
  let secondRequests: RecordedRequest[];
  let secondArtifacts: GitHubServer['artifacts'];
  let localSarif: Log;
  let push2: PullRequestEvent;
  const secondRunId = 5_550_002;
  const secondBackend = {
    workflowRunBackendId: 'b1a5e0a0-0000-4000-8000-000000000002',
    workflowJobRunBackendId: 'b1a5e0a0-0000-4000-8000-0000000000aa',
  };

  before(async () => {
    server = await startGitHubServer();
    server.seedComments({ owner: OWNER, repo: REPO, issueNumber: PR }, 150);
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-'));
    workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, {
      'app.py': VULNERABLE_PY,
      'config/settings.py': settingsPy('one', 'one'),
    });
    const push1 = writePullRequestEvent({
      path: path.join(dir, 'event1'),
      number: PR,
      headSha: 'a'.repeat(40),
      action: 'opened',
    });
    first = await runStep({
      server,
      workspace,
      event: push1,
      inputs: { 'fail-on': 'none' },
      runId: 5_550_001,
    });
    const created = stickyComments(server)[0];
    firstComment = created ? { ...created } : undefined;
    firstRequests = [...server.requests];

    // Second push: the GitHub token is removed, a new AWS key appears elsewhere.
    writeFiles(workspace, {
      'config/settings.py': settingsPy('one'),
      'deploy/keys.py': settingsPy('two'),
    });
    push2 = writePullRequestEvent({
      path: path.join(dir, 'event2'),
      number: PR,
      headSha: 'b'.repeat(40),
    });
    second = await runStep({
      server,
      workspace,
      event: push2,
      inputs: { 'fail-on': 'none' },
      runId: secondRunId,
      backendIds: secondBackend,
    });
    secondRequests = server.requests.slice(firstRequests.length);
    secondArtifacts = [...server.artifacts];
    localSarif = readJson(path.join(workspace, 'scanfold-results', 'scanfold.sarif')) as Log;

    // "Re-run all jobs": same run id and backend run id, attempt 2, same commit.
    rerun = await runStep({
      server,
      workspace,
      event: push2,
      inputs: { 'fail-on': 'none' },
      runId: secondRunId,
      runAttempt: 2,
      backendIds: {
        ...secondBackend,
        workflowJobRunBackendId: 'b1a5e0a0-0000-4000-8000-0000000000bb',
      },
    });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('first run succeeds and creates exactly one sticky comment after 150 unrelated ones', () => {
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.deepEqual(first.errors, []);
    assert.ok(firstComment, 'sticky comment created');
    assert.equal(firstRequests.filter(isCommentPost).length, 1);
    assert.equal(firstComment.user.login, 'github-actions[bot]');
    assert.match(firstComment.body, /Scanfold: gate passed/);
    assert.doesNotMatch(firstComment.body, /Since the last push/);
    // The PR's unrelated comments were all read (two pages), then read again after the create,
    // to converge with a concurrent run that may have created one too.
    const listed = firstRequests.filter(
      (r) => r.method === 'GET' && /\/issues\/7\/comments$/.test(r.path),
    );
    assert.equal(listed.length, 4);
  });

  void test('second run updates that same comment, with the delta since the last push', () => {
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(secondRequests.filter(isCommentPost).length, 0, 'no second comment');
    assert.equal(secondRequests.filter(isCommentPatch).length, 1);
    const sticky = stickyComments(server);
    assert.equal(sticky.length, 1);
    assert.equal(server.commentsOn(OWNER, REPO, PR).length, 151);
    assert.equal(sticky[0]?.id, firstComment?.id);
    assert.equal(second.outputs['comment-url'], firstComment?.html_url);
    assert.equal(second.outputs['new'], '1');
    const summary = second.summary;
    assert.match(summary, /Scanfold: gate passed/);
  });

  void test('the delta line counts new, fixed and still-open findings', () => {
    // The comment body was replaced by the re-run; the second run's own body is in its PATCH.
    const patch = secondRequests.find(isCommentPatch);
    const body = z
      .object({ body: z.string() })
      .parse(JSON.parse(patch?.body.toString('utf8') ?? '{}')).body;
    const total = Number(second.outputs['total']);
    assert.match(
      body,
      new RegExp(`\\*\\*Since the last push:\\*\\* 1 new, 1 fixed, ${total - 1} still open\\.`),
    );
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT);
    assert.match(
      body,
      new RegExp(`/blob/${'b'.repeat(40)}/deploy/keys\\.py#L2`),
      'links point at the PR head commit',
    );
  });

  void test('outputs are written to GITHUB_OUTPUT', () => {
    const report = z
      .object({
        summary: z.object({ total: z.number(), bySeverity: z.record(z.string(), z.number()) }),
        gate: z.object({ result: z.string() }),
      })
      .parse(readJson(path.join(workspace, 'scanfold-results', 'report.json')));
    for (const run of [first, second]) {
      for (const name of [
        'total',
        'critical',
        'high',
        'medium',
        'low',
        'result',
        'report-json',
        'sarif',
        'comment-url',
        'artifact-id',
        'new',
      ]) {
        assert.ok(name in run.outputs, `output ${name} missing`);
      }
    }
    const out = second.outputs;
    assert.equal(out['total'], String(report.summary.total));
    assert.ok(
      report.summary.total >= 4,
      `expected secrets and code findings, got ${report.summary.total}`,
    );
    for (const severity of ['critical', 'high', 'medium', 'low'])
      assert.equal(out[severity], String(report.summary.bySeverity[severity]));
    assert.equal(out['result'], 'passed');
    assert.equal(out['report-json'], path.join(workspace, 'scanfold-results', 'report.json'));
    assert.equal(out['sarif'], path.join(workspace, 'scanfold-results', 'scanfold.sarif'));
    assert.equal(out['artifact-id'], String(secondArtifacts.at(-1)?.id));
    assert.equal(
      first.outputs['new'],
      first.outputs['total'],
      'no previous comment: every finding is new',
    );
    assert.match(first.outputs['comment-url'] ?? '', /#issuecomment-\d+$/);
  });

  void test('one SARIF upload per tool, matching scanfold.sarif run for run', () => {
    // One POST per tool and action run (first, second, re-run): a rejected run costs no other tool.
    assert.equal(secondRequests.filter(isSarifPost).length, 2);
    assert.equal(server.sarifUploads.length, 6);
    const uploads = server.sarifUploads.slice(2, 4);
    for (const upload of uploads) {
      assert.equal(upload.sarif.runs.length, 1);
      assert.equal(upload.commitSha, push2.sha, 'GITHUB_SHA, the merge commit');
      assert.equal(upload.ref, `refs/pull/${PR}/merge`);
      assert.equal(upload.toolName, 'scanfold');
      assert.equal(upload.checkoutUri, `file://${workspace}`);
      assert.deepEqual(upload.unresolvedUris, []);
    }
    const uploaded = runSummary({
      version: '2.1.0',
      runs: uploads.flatMap((upload) => upload.sarif.runs),
    });
    const local = runSummary(localSarif);
    assert.deepEqual([...uploaded.entries()].sort(), [...local.entries()].sort());
    assert.deepEqual([...uploaded.keys()].sort(), ['scanfold/gitleaks/', 'scanfold/semgrep/']);
    assert.ok([...uploaded.values()].every((r) => r.results > 0));
    assert.equal(new Set(uploaded.keys()).size, 2, 'distinct automationDetails.id per tool');
  });

  void test('compliance artifact: retention 90 days and every output file', () => {
    const artifact = secondArtifacts.at(-1);
    assert.ok(artifact);
    assert.equal(artifact.name, 'scanfold-report');
    assert.equal(artifact.finalized, true);
    assert.equal(artifact.retentionDays, 90);
    const files = [...artifact.files().keys()].sort();
    for (const name of [
      'scanfold.sarif',
      'report.json',
      'report.md',
      'report.html',
      'manifest.json',
    ])
      assert.ok(files.includes(name), `${name} in ${files.join(', ')}`);
    assert.ok(
      files.some((f) => f.startsWith('raw/gitleaks')),
      'raw gitleaks output',
    );
    assert.ok(
      files.some((f) => f.startsWith('raw/semgrep')),
      'raw semgrep output',
    );
    const manifest = z
      .object({ files: z.record(z.string(), z.string()), runId: z.string() })
      .parse(JSON.parse(artifact.files().get('manifest.json')?.toString('utf8') ?? '{}'));
    assert.equal(manifest.runId, String(secondRunId));
    for (const [file, digest] of Object.entries(manifest.files)) {
      const content = artifact.files().get(file);
      assert.ok(content, `${file} listed in manifest.json but not in the artifact`);
      assert.equal(createHash('sha256').update(content).digest('hex'), digest, file);
    }
  });

  void test('job summary holds the report', () => {
    for (const run of [first, second]) {
      assert.match(run.summary, /Scanfold: gate passed/);
      assert.match(run.summary, /\| severity \| total \|/);
      assert.match(run.summary, /aws-access-token/);
    }
  });

  void test('a re-run attempt uploads its artifact under its own name and keeps the one comment', () => {
    assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
    assert.deepEqual(rerun.warnings, []);
    const names = server.artifacts
      .filter((a) => a.workflowRunBackendId === secondBackend.workflowRunBackendId)
      .map((a) => a.name);
    assert.deepEqual(names, ['scanfold-report', 'scanfold-report-attempt-2']);
    assert.equal(rerun.outputs['artifact-id'], String(server.artifacts.at(-1)?.id));
    assert.equal(stickyComments(server).length, 1);
    assert.match(
      stickyComments(server)[0]?.body ?? '',
      /\*\*Since the last push:\*\* 0 new, 0 fixed/,
    );
    assert.equal(rerun.outputs['new'], '0');
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Fork PR: read-only token
// ---------------------------------------------------------------------------------------------

void describe('action bundle: fork PR with a read-only token', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'fork',
      faults: [
        {
          method: 'POST',
          path: /\/issues\/\d+\/comments$/,
          status: 403,
          times: Infinity,
          body: RESOURCE_NOT_ACCESSIBLE,
        },
        {
          method: 'POST',
          path: /\/code-scanning\/sarifs$/,
          status: 403,
          times: Infinity,
          body: RESOURCE_NOT_ACCESSIBLE,
        },
      ],
      files: { 'app.py': VULNERABLE_PY, 'config/settings.py': settingsPy('fork', 'fork') },
      inputs: { 'fail-on': 'none' },
      fork: true,
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('the step succeeds: a refused comment is a warning naming `pull-requests: write`', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.errors, []);
    const refused = run.warnings.filter((w) => /PR comment not posted/.test(w));
    assert.equal(refused.length, 1, run.warnings.join('\n'));
    assert.match(refused[0] ?? '', /403: Resource not accessible by integration/);
    assert.match(refused[0] ?? '', /`pull-requests: write`/);
    assert.equal(server.requests.filter(isCommentPost).length, 1, '403 is final, not retried');
    assert.equal(server.commentsOn(OWNER, REPO, PR).length, 0);
    assert.equal(run.outputs['comment-url'], '');
  });

  void test('upload-sarif auto does not even try from a fork', () => {
    assert.equal(server.requests.filter(isSarifPost).length, 0);
    assert.match(run.stdout, /code scanning: not uploaded from a fork PR/);
  });

  void test('the job summary carries the report and the reason there is no comment', () => {
    assert.match(run.summary, /Scanfold: gate passed/);
    assert.match(run.summary, /aws-access-token/);
    assert.match(run.summary, /github-pat/);
    assert.match(run.summary, /PR comment not posted/);
    assert.match(run.summary, /pull-requests&#58; write/);
    assert.equal(server.artifacts.length, 1, 'the compliance artifact is still uploaded');
    assert.equal(run.outputs['artifact-id'], String(server.artifacts[0]?.id));
  });
});

void describe('action bundle: token without `security-events: write`', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'sarif403',
      faults: [
        {
          method: 'POST',
          path: /\/code-scanning\/sarifs$/,
          status: 403,
          times: Infinity,
          body: RESOURCE_NOT_ACCESSIBLE,
        },
      ],
      files: { 'config/settings.py': settingsPy('sarif403') },
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('a refused SARIF upload is a warning naming `security-events: write`; the rest is published', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.errors, []);
    assert.equal(run.warnings.length, 1, run.warnings.join('\n'));
    assert.match(
      run.warnings[0] ?? '',
      /code scanning upload of gitleaks \(scanfold\/gitleaks\/\) refused \(403: Resource not accessible by integration/,
    );
    assert.match(run.warnings[0] ?? '', /`security-events: write`/);
    assert.equal(server.requests.filter(isSarifPost).length, 1, '403 is final, not retried');
    assert.equal(server.sarifUploads.length, 0);
    assert.equal(stickyComments(server).length, 1);
    assert.equal(server.artifacts.length, 1);
    assert.match(run.summary, /security-events&#58; write/);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Rate limits and server errors
// ---------------------------------------------------------------------------------------------

void describe('action bundle: 429 on the comment, 502 twice on the SARIF upload', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'retry',
      faults: [
        {
          method: 'POST',
          path: /\/issues\/\d+\/comments$/,
          status: 429,
          times: 1,
          headers: { 'Retry-After': '1' },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: '429',
          },
        },
        { method: 'POST', path: /\/code-scanning\/sarifs$/, status: 502, times: 2 },
        {
          method: 'GET',
          path: /\/code-scanning\/sarifs\/[^/]+$/,
          status: 404,
          times: 1,
        },
      ],
      files: { 'config/settings.py': settingsPy('retry', 'retry') },
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('the comment is retried after Retry-After and posted exactly once', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const posts = server.requests.filter(isCommentPost);
    assert.deepEqual(
      posts.map((r) => r.status),
      [429, 201],
    );
    assert.ok((posts[1]?.time ?? 0) - (posts[0]?.time ?? 0) >= 950, 'waited for Retry-After: 1');
    assert.equal(server.commentsOn(OWNER, REPO, PR).length, 1);
    // A retry that may still succeed is a log line, not one of the step's few warning annotations.
    assert.match(run.stdout, /secondary rate limit on POST .*comments; retrying after 1 s/);
    assert.ok(!run.warnings.some((w) => /secondary rate limit/.test(w)), run.warnings.join('\n'));
    assert.ok(run.outputs['comment-url']);
  });

  void test('the SARIF upload is retried through two 502s and stored once', () => {
    // Each retry is one line naming the endpoint, not GitHub's HTML error page.
    assert.match(
      run.stdout,
      /GitHub POST \/repos\/[^ ]+\/code-scanning\/sarifs: 502 Bad Gateway; retry 1 of 3/,
    );
    assert.doesNotMatch(run.stdout, /<html>|Unicorn/);
    assert.deepEqual(
      server.requests.filter(isSarifPost).map((r) => r.status),
      [502, 502, 202],
    );
    assert.equal(server.sarifUploads.length, 1);
    assert.ok(!run.warnings.some((w) => /code scanning upload/.test(w)), run.warnings.join('\n'));
  });

  void test('a failing status check after the upload is a warning, not a failed upload', () => {
    const id = server.sarifUploads[0]?.id ?? '';
    assert.ok(
      run.warnings.some((w) =>
        w.startsWith(`code scanning: upload ${id} accepted, but its processing status is unknown`),
      ),
      run.warnings.join('\n'),
    );
    assert.match(
      run.stdout,
      /code scanning: gitleaks → refs\/pull\/7\/merge scanfold\/gitleaks\/ \(2 results, \d+ bytes gzipped\): uploaded as /,
    );
    assert.notEqual(run.outputs['comment-url'], '');
  });
});

// ---------------------------------------------------------------------------------------------
// 4 + 5. Oversize comment and hostile file names, end to end
// ---------------------------------------------------------------------------------------------

/** A directory path of `depth` segments of `width` characters. */
function deepDir(label: string, depth: number, width: number): string {
  return Array.from({ length: depth }, (_, i) => `${label}${i}-`.padEnd(width, 'x')).join('/');
}

const HOSTILE_DIR = '@org/team <script>alert(1)</script>](javascript:alert(1))';

void describe('action bundle: a comment that would not fit, and hostile paths', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;
  let body: string;
  const secrets = 60;

  before(async () => {
    const files: Record<string, string> = {};
    // 60 secrets under ~1,800-character paths: 50 linked rows alone are ~150 KB.
    const deep = deepDir('d', 9, 200);
    for (let i = 0; i < secrets - 2; i++) files[`${deep}/keys-${i}.py`] = settingsPy(`big-${i}`);
    files[`${HOSTILE_DIR}/creds.py`] = settingsPy('hostile');
    // As long as Linux allows (PATH_MAX 4096), with the hostile text at its end.
    files[`${deepDir('long', 16, 230)}/${'@org team ](javascript:alert(1))'.padEnd(120, 'y')}.py`] =
      settingsPy('long');
    ({ server, dir, run } = await runScenario({
      name: 'big',
      files,
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
    }));
    body = stickyComments(server)[0]?.body ?? '';
  });
  after(() => closeScenario({ server, dir }));

  void test('the comment fits 65,536 characters and says how many findings it leaves out', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs['total'], String(secrets));
    assert.ok(body.length > 0, 'comment posted');
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, `${body.length} characters`);
    const rows = body.split('\n').filter(isFindingRow).length;
    assert.ok(rows > 0 && rows < secrets, `${rows} rows`);
    assert.match(
      body,
      new RegExp(`_${secrets - rows} finding\\(s\\) not listed here; see report\\.json\\._`),
    );
  });

  void test('hostile paths cannot inject HTML, mentions, links or giant lines', () => {
    assertNoInjection(body);
    assertNoInjection(run.summary);
    // The hostile finding is there, shown as text.
    assert.match(
      body,
      /&#64;&#8203;org\/team &#60;script&#62;alert&#40;1&#41;&#60;\/script&#62;&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;\/creds\.py/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Exit status
// ---------------------------------------------------------------------------------------------

void describe('action bundle: gate failure', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'gate',
      files: { 'config/settings.py': settingsPy('gate', 'gate') },
      inputs: { scanners: 'gitleaks' } /* fail-on keeps its action.yml default: high */,
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('exits 1 with ::error:: and the reason', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.errors.length, 1);
    assert.match(run.errors[0] ?? '', /^Scanfold gate failed \(fail-on high\): .+/);
    assert.equal(run.outputs['result'], 'failed');
  });

  void test('fails only after everything is published', () => {
    assert.equal(server.sarifUploads.length, 1);
    assert.equal(server.artifacts.length, 1);
    assert.match(stickyComments(server)[0]?.body ?? '', /Scanfold: gate failed/);
    assert.match(run.summary, /Scanfold: gate failed/);
    const failedAt = run.stdout.indexOf('::error::');
    assert.ok(failedAt > 0);
    for (const published of [
      ' → refs/pull/7/merge scanfold/',
      'compliance artifact scanfold-report:',
      'PR comment: created',
    ]) {
      const at = run.stdout.indexOf(published);
      assert.ok(at >= 0 && at < failedAt, `"${published}" is logged before ::error::`);
    }
    const last = run.commands.at(-1);
    assert.equal(last?.command, 'error', 'the failure is the last thing the step says');
    assert.equal(run.outputs['comment-url'], stickyComments(server)[0]?.html_url);
  });
});

void describe('action bundle: a token GitHub rejects (401)', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'badtoken',
      // The step's github-token (action-run's TOKEN) is not one this server accepts.
      server: { tokens: ['ghs_theOnlyValidTokenOfThisServer'] },
      files: { 'config/settings.py': settingsPy('badtoken') },
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('the step fails with one error line naming the token, told apart from a failed gate; results, outputs, summary and artifact are all there', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.errors.length, 1, run.errors.join('\n'));
    assert.match(
      run.errors[0] ?? '',
      /^Scanfold could not publish to GitHub: GitHub rejected github-token \(401: Bad credentials.*\): it is invalid, expired or revoked, so the code scanning upload and the PR comment were not published; the results are in scanfold-results, the job summary, the compliance artifact\. Pass a valid token/,
    );
    assert.deepEqual(run.warnings, [], 'no warning per module on top of the error');
    // One request was refused (the baseline lookup); nothing more was asked with that token.
    const rest = server.requests.filter((r) => r.service === 'rest');
    assert.deepEqual(
      rest.map((r) => r.status),
      [401],
    );
    assert.equal(run.outputs['result'], 'passed', 'the gate result is still the findings');
    assert.equal(run.outputs['total'], '1');
    assert.equal(run.outputs['comment-url'], '');
    assert.equal(run.outputs['artifact-id'], String(server.artifacts[0]?.id));
    assert.match(run.summary, /aws-access-token/);
    assert.match(run.summary, /GitHub rejected github-token/);
    const sarif = readJson(
      path.join(dir, 'octo-repo', 'scanfold-results', 'scanfold.sarif'),
    ) as Log;
    assert.equal(sarif.runs[0]?.results?.length, 1);
  });
});

void describe('action bundle: GitHub stalls an upload once, the artifact service never answers', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'stalls',
      faults: [
        { method: 'POST', path: /\/code-scanning\/sarifs$/, network: 'stall', times: 1 },
        { path: /\/twirp\/.*ArtifactService\/CreateArtifact$/, network: 'stall', times: Infinity },
      ],
      files: { 'config/settings.py': settingsPy('stalls') },
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
      env: {
        SCANFOLD_REQUEST_TIMEOUT_MS: '1000',
        SCANFOLD_GITHUB_RETRY_BASE_MS: '10',
        SCANFOLD_ARTIFACT_TIMEOUT_MS: '2000',
      },
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('the job is not held: the stalled upload is retried after the request timeout, the artifact given up with one warning, and the step exits with its connection still open', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(run.durationMs < 60_000, `${run.durationMs} ms`);
    assert.deepEqual(
      server.requests.filter(isSarifPost).map((r) => r.status),
      [0, 202],
      'the first attempt never got an answer; the retry was stored',
    );
    assert.match(run.stdout, /no complete answer within 1 s \(request timeout\); retry 1 of 3/);
    assert.equal(run.warnings.length, 1, run.warnings.join('\n'));
    assert.match(
      run.warnings[0] ?? '',
      /^compliance artifact not uploaded: the artifact service gave no answer within 2 s; its files are in scanfold-results$/,
    );
    assert.equal(run.outputs['artifact-id'], '');
    assert.equal(stickyComments(server).length, 1);
    assert.equal(server.sarifUploads.length, 1);
    assert.match(run.summary, /aws-access-token/);
  });
});

// ---------------------------------------------------------------------------------------------
// Unit level: renderMarkdown with synthetic reports, readContext with edge-case payloads
// ---------------------------------------------------------------------------------------------

function syntheticFinding(index: number, overrides: Partial<Finding> = {}): Finding {
  const category = overrides.category ?? CATEGORIES[index % CATEGORIES.length] ?? 'code';
  return {
    id: `SF-${index}`,
    fingerprint: createHash('sha256').update(`finding-${index}`).digest('hex'),
    category,
    severity: SEVERITIES[index % 4] ?? 'high',
    ruleId: `rule-${index}`,
    title: `Finding number ${index} `.padEnd(140, 'z'),
    message: `Message ${index}`,
    tools: ['semgrep'],
    sources: [
      {
        tool: 'semgrep',
        ruleId: `rule-${index}`,
        file: 'raw/semgrep.sarif',
        runIndex: 0,
        resultIndex: index,
      },
    ],
    location: { path: `src/${'module/'.repeat(40)}file-${index}.py`, startLine: index + 1 },
    cwe: [],
    ...overrides,
  };
}

function syntheticReport(findings: Finding[]): Report {
  const count = <K extends string>(
    keys: readonly K[],
    pick: (f: Finding) => K,
  ): Record<K, number> =>
    Object.fromEntries(
      keys.map((key) => [key, findings.filter((f) => pick(f) === key).length]),
    ) as Record<K, number>;
  const byTool: Record<string, number> = {};
  for (const f of findings) for (const tool of f.tools) byTool[tool] = (byTool[tool] ?? 0) + 1;
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'scanfold', version: '0.0.0-test' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    root: '/work',
    summary: {
      total: findings.length,
      bySeverity: count(SEVERITIES, (f) => f.severity),
      byCategory: count(CATEGORIES, (f) => f.category),
      byTool,
      inputResults: findings.length,
      duplicatesMerged: 0,
    },
    gate: { failOn: 'high', result: 'failed', reason: 'findings at or above high' },
    scanners: [
      {
        name: 'semgrep',
        status: 'ok',
        version: '1.0.0',
        attempts: 1,
        durationMs: 1000,
        findings: findings.length,
        outputs: [],
      },
    ],
    findings,
    truncated: [],
    errors: [],
    manifest: {},
  };
}

const LINKS = {
  blobBase: 'https://github.com/octo-org/octo-repo/blob/0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
  codeScanningUrl: 'https://github.com/octo-org/octo-repo/security/code-scanning?query=pr%3A7',
};

void describe('renderMarkdown (unit)', () => {
  void test('3,000 findings and a 2,000-fingerprint header still fit one comment, with the omitted count', () => {
    const findings = Array.from({ length: 3_000 }, (_, i) => syntheticFinding(i));
    const report = syntheticReport(findings);
    const header = `<!-- scanfold:sticky Scanfold/scan -->\n<!-- scanfold:fingerprints ${findings
      .slice(0, 2_000)
      .map((f) => f.fingerprint.slice(0, 16))
      .join(',')} -->`;
    const body = renderMarkdown(report, { header, links: LINKS });
    assert.ok(body.length <= GITHUB_COMMENT_LIMIT, `${body.length}`);
    const rows = body.split('\n').filter(isFindingRow).length;
    assert.ok(rows > 0, 'some findings are listed');
    assert.match(
      body,
      new RegExp(`_${3_000 - rows} finding\\(s\\) not listed here; see report\\.json\\._`),
    );
    assert.match(body, /<sub>scanfold 0\.0\.0-test/, 'the footer survives');
  });

  void test('when even the summary does not fit, it says all findings were omitted', () => {
    const report = syntheticReport(Array.from({ length: 10 }, (_, i) => syntheticFinding(i)));
    const body = renderMarkdown(report, { links: LINKS, maxLength: 1_800 });
    assert.ok(body.length <= 1_800, `${body.length}`);
    assert.match(
      body,
      /_All 10 findings omitted to fit the size limit; see report\.json\._|_Details omitted to fit the size limit; see report\.json\._/,
    );
  });

  void test('hostile text in every field: no HTML, mention, link or 10,000-character line', () => {
    const hostile =
      'pwn @org/team <script>alert(1)</script> [x](javascript:alert(1)) ![i](https://evil.example/p.png) #1 www.evil.example';
    const finding = syntheticFinding(1, {
      category: 'vulnerability',
      ruleId: `CVE-1\`</code>${hostile}`,
      title: hostile,
      message: hostile,
      tools: [`trivy${hostile}`],
      package: { name: `pkg${hostile}`, version: `1${hostile}`, fixedVersion: `2${hostile}` },
      location: { path: `${'a'.repeat(5_000)}/${hostile}/${'b'.repeat(5_000)}.py`, startLine: 3 },
    });
    const second = syntheticFinding(2, {
      location: { path: `](javascript:alert(1))/@org/team.py`, startLine: 1 },
    });
    const report = syntheticReport([finding, second]);
    report.gate.reason = hostile;
    report.scanners[0] = { ...report.scanners[0]!, message: hostile, notes: [hostile] };
    report.truncated.push({ tool: `trivy${hostile}`, kept: 1, omitted: 1, reason: hostile });
    const body = renderMarkdown(report, {
      links: { ...LINKS, artifactUrl: `${LINKS.runUrl}/artifacts/9` },
      notices: [hostile],
    });
    assertNoInjection(body);
    assert.doesNotMatch(body, /!\[/, 'image');
    assert.doesNotMatch(
      body,
      /&#64;(?!&#8203;)/,
      'an @ GitHub would decode and turn into a mention',
    );
    assert.doesNotMatch(body, /(^|[^;])#1\b/, 'an issue reference');
    assert.doesNotMatch(body, /www\.evil/, 'a www autolink');
    assert.ok(
      !body.includes('a'.repeat(200)),
      'the 10,000-character path is cut in the label and not linked',
    );
    assert.ok(longestLine(body) < 4_000, `longest line ${longestLine(body)}`);
    // Our own links are intact, and the hostile path that fits is linked, percent-encoded.
    assert.match(
      body,
      /\[workflow run\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/1\)/,
    );
    assert.match(
      body,
      /<a href="https:\/\/github\.com\/octo-org\/octo-repo\/blob\/[0-9a-f]{40}\/%5D\(javascript%3Aalert\(1\)\)\/%40org\/team\.py#L1">/,
    );
  });

  void test('rule ids are shown as written: no entities inside code spans', () => {
    const report = syntheticReport([
      syntheticFinding(1, { ruleId: 'CKV_AWS_20', title: "Bucket isn't private" }),
    ]);
    const body = renderMarkdown(report, { links: LINKS });
    assert.match(body, /<code>CKV&#95;AWS&#95;20<\/code>/, 'entities are decoded inside <code>');
    assert.doesNotMatch(
      body,
      /`[^`\n]*&#\d+;[^`\n]*`/,
      'an entity inside a backtick code span shows literally',
    );
    assert.match(body, /Bucket isn&#39;t private/, 'one escape per character');
    assert.equal(escapeMarkdown("isn't"), 'isn&#39;t');
  });
});

void describe('readContext (unit): which pull requests are forks', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-context-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const contextFor = async (
    name: string,
    edit: (payload: PullRequestEvent['payload']) => unknown,
  ): Promise<boolean | undefined> => {
    const event = writePullRequestEvent({
      path: path.join(dir, name),
      number: PR,
      fork: name.startsWith('fork'),
    });
    writeFileSync(event.eventPath, JSON.stringify(edit(event.payload)));
    const context = await readContext({
      GITHUB_EVENT_PATH: event.eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    });
    return context.pullRequest?.fork;
  };

  void test('a branch of a repository that is itself a fork is not a fork PR', async () => {
    const fork = await contextFor('same-repo-of-a-fork', (payload) => {
      payload.pull_request.head.repo.fork = true;
      payload.pull_request.base.repo.fork = true;
      return payload;
    });
    assert.equal(fork, false);
  });

  void test('a PR from another repository is a fork PR', async () => {
    assert.equal(await contextFor('fork-pr', (payload) => payload), true);
  });

  void test('a PR whose head repository was deleted (head.repo null) is treated as a fork PR', async () => {
    assert.equal(
      await contextFor('fork-deleted', (payload) => ({
        ...payload,
        pull_request: {
          ...payload.pull_request,
          head: { ...payload.pull_request.head, repo: null },
        },
      })),
      true,
    );
  });
});

void test('matrix legs scanning different directories keep separate sticky comments', () => {
  const context = { workflow: 'Security', job: 'scan' };
  assert.equal(stickyMarker(context, ''), '<!-- scanfold:sticky Security/scan -->');
  assert.equal(
    stickyMarker(context, 'services/api'),
    '<!-- scanfold:sticky Security/scan:services/api -->',
  );
  assert.notEqual(stickyMarker(context, 'services/api'), stickyMarker(context, 'services/web'));
});

void describe('action bundle: someone else pasted the sticky marker', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;
  const intruder: GitHubUser = { login: 'mallory', id: 666, type: 'User' };
  const spoofBody =
    '<!-- scanfold:sticky Scanfold/scan -->\n<!-- scanfold:fingerprints 0000000000000000 -->\nlooks official';

  before(async () => {
    ({ server, dir, run } = await runScenario({
      name: 'spoof',
      files: { 'config/settings.py': settingsPy('spoof') },
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
      comments: [{ body: spoofBody, user: intruder }],
    }));
  });
  after(() => closeScenario({ server, dir }));

  void test('their comment is left alone and ours is created, with no delta taken from theirs', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const marked = stickyComments(server);
    assert.equal(marked.length, 2);
    assert.equal(marked.find((c) => c.user.login === 'mallory')?.body, spoofBody);
    const ours = marked.find((c) => c.user.type === 'Bot');
    assert.ok(ours);
    assert.doesNotMatch(ours.body, /Since the last push/);
    assert.equal(run.outputs['new'], run.outputs['total']);
  });
});

void describe('action bundle: two matrix legs of one job in the same run', () => {
  let server: GitHubServer;
  let dir: string;
  let legs: ActionRun[] = [];

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-matrix-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, {
      'services/api/settings.py': settingsPy('api'),
      'services/web/settings.py': settingsPy('web'),
    });
    server.setCheckout(workspace);
    const event = writePullRequestEvent({ path: path.join(dir, 'event'), number: PR });
    const runId = 777;
    legs = [];
    for (const [index, leg] of ['api', 'web'].entries()) {
      legs.push(
        await runStep({
          server,
          workspace,
          event,
          inputs: {
            scanners: 'gitleaks',
            'fail-on': 'none',
            path: `services/${leg}`,
            'output-dir': `out-${leg}`,
          },
          runId,
          backendIds: {
            workflowRunBackendId: 'c0ffee00-0000-4000-8000-000000000777',
            workflowJobRunBackendId: `c0ffee00-0000-4000-8000-00000000077${index}`,
          },
        }),
      );
    }
  });
  after(() => closeScenario({ server, dir }));

  void test('each leg keeps its own sticky comment and its own artifact, without failing', () => {
    for (const leg of legs) assert.equal(leg.code, 0, leg.stdout + leg.stderr);
    const markers = stickyComments(server).map(
      (c) => /<!-- scanfold:sticky [^>]* -->/.exec(c.body)?.[0],
    );
    assert.deepEqual(markers.sort(), [
      '<!-- scanfold:sticky Scanfold/scan:services/api -->',
      '<!-- scanfold:sticky Scanfold/scan:services/web -->',
    ]);
    const names = server.artifacts.map((a) => a.name);
    assert.equal(names.length, 2);
    assert.equal(names[0], 'scanfold-report');
    assert.match(names[1] ?? '', /^scanfold-report-scan-[0-9a-f]{8}$/);
    assert.ok(
      legs[1]?.warnings.some((w) => /artifact name scanfold-report is taken in this run/.test(w)),
    );
  });

  void test('both legs keep their alerts, each on a real repository path', () => {
    for (const upload of server.sarifUploads) assert.deepEqual(upload.unresolvedUris, []);
    assert.deepEqual(server.analyses.map((a) => a.category).sort(), [
      'scanfold/gitleaks/services/api/',
      'scanfold/gitleaks/services/web/',
    ]);
    assert.deepEqual(
      server.alerts
        .filter((a) => a.state === 'open')
        .map((a) => a.path)
        .sort(),
      ['services/api/settings.py', 'services/web/settings.py'],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Where results are filed: a git checkout, a subdirectory, pull_request_target
// ---------------------------------------------------------------------------------------------

void describe('action bundle: a PR checkout of its head commit, scanning a subdirectory', () => {
  let server: GitHubServer;
  let dir: string;
  let head: string;
  let run: ActionRun;

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-subdir-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, {
      'services/api/app.py': VULNERABLE_PY,
      'services/api/config/settings.py': settingsPy('subdir'),
      'README.md': '# repo\n',
    });
    head = commitWorkspace(workspace);
    server.setCheckout(workspace);
    const event = writePullRequestEvent({
      path: path.join(dir, 'event'),
      number: PR,
      headSha: head,
    });
    run = await runStep({
      server,
      workspace,
      event,
      inputs: { path: 'services/api', 'fail-on': 'none' },
    });
  });
  after(() => closeScenario({ server, dir }));

  void test('every alert lands on a real repository path, under the PR head ref', () => {
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(server.sarifUploads.length, 2);
    for (const upload of server.sarifUploads) {
      assert.equal(upload.ref, `refs/pull/${PR}/head`);
      assert.equal(upload.commitSha, head);
      assert.deepEqual(upload.unresolvedUris, []);
    }
    const paths = new Set(server.alerts.map((alert) => alert.path));
    assert.deepEqual([...paths].sort(), ['services/api/app.py', 'services/api/config/settings.py']);
    assert.deepEqual(server.analyses.map((a) => a.category).sort(), [
      'scanfold/gitleaks/services/api/',
      'scanfold/semgrep/services/api/',
    ]);
  });

  void test('comment and summary links open the files at the scanned commit', () => {
    const body = stickyComments(server)[0]?.body ?? '';
    const link = `https://github.com/${OWNER}/${REPO}/blob/${head}/services/api/app.py#L`;
    assert.ok(body.includes(link), body);
    assert.ok(run.summary.includes(link));
    assert.match(
      readFileSync(path.join(dir, 'octo-repo', 'scanfold-results', 'report.json'), 'utf8'),
      /"root": ".*services\/api"/,
    );
  });
});

void describe('action bundle: pull_request_target never files the PR under the base branch', () => {
  let server: GitHubServer;
  let dir: string;
  let onBase: ActionRun;
  let onHead: ActionRun;
  let base: string;
  let head: string;

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-prt-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, { 'config/settings.py': settingsPy('prt') });
    base = commitWorkspace(workspace);
    const baseEvent = writePullRequestEvent({ path: path.join(dir, 'event-base'), number: PR });
    const asTarget = (event: PullRequestEvent, sha: string): PullRequestEvent => ({
      ...event,
      eventName: 'pull_request_target' as PullRequestEvent['eventName'],
      ref: 'refs/heads/main',
      sha,
    });
    // The default checkout of pull_request_target: the base branch, GITHUB_SHA.
    onBase = await runStep({
      server,
      workspace,
      event: asTarget(baseEvent, base),
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
    });
    // Checking out the PR head (ref: github.event.pull_request.head.sha).
    writeFiles(workspace, { 'config/more.py': settingsPy('prt-head') });
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'PR head');
    head = git(workspace, 'rev-parse', 'HEAD');
    const headEvent = writePullRequestEvent({
      path: path.join(dir, 'event-head'),
      number: PR,
      headSha: head,
    });
    onHead = await runStep({
      server,
      workspace,
      event: asTarget(headEvent, base),
      inputs: { scanners: 'gitleaks', 'fail-on': 'none' },
      runId: 4242,
    });
  });
  after(() => closeScenario({ server, dir }));

  void test('on the base checkout nothing is uploaded, with a warning; the comment is still posted', () => {
    assert.equal(onBase.code, 0, onBase.stdout + onBase.stderr);
    assert.ok(
      onBase.warnings.some((w) =>
        /code scanning: nothing uploaded: pull_request_target runs on the base branch/.test(w),
      ),
      onBase.warnings.join('\n'),
    );
    assert.ok(server.sarifUploads.every((u) => u.ref !== 'refs/heads/main'));
    assert.equal(stickyComments(server).length, 1);
  });

  void test('on the PR head checkout it files under refs/pull/N/head and the head commit', () => {
    assert.equal(onHead.code, 0, onHead.stdout + onHead.stderr);
    assert.equal(server.sarifUploads.length, 1);
    assert.equal(server.sarifUploads[0]?.ref, `refs/pull/${PR}/head`);
    assert.equal(server.sarifUploads[0]?.commitSha, head);
    assert.notEqual(head, base);
  });
});
