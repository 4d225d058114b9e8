import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DefaultArtifactClient } from '@actions/artifact';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { RetryOptions } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import type { Log as SarifLog } from 'sarif';
import { fastThrottleGroups, startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, withEnv, writePullRequestEvent } from './support/runner-env.ts';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const SHA = 'a'.repeat(40);
/** plugin-retry's default doNotRetry plus 413 and 429 (429 is then left to plugin-throttling). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 413, 422, 429, 451];

interface OctokitSetup {
  retry?: RetryOptions;
  onSecondaryRateLimit?: (retryAfter: number) => boolean;
}

function octokitFor(server: GitHubServer, setup: OctokitSetup = {}) {
  return getOctokit(
    'ghs_test_token',
    {
      baseUrl: server.apiUrl,
      // Keep the plugin's backoff schedule (1, 4, 9 x base) but in tens of milliseconds.
      retry: { retryAfterBaseValue: 10, ...setup.retry },
      throttle: {
        id: randomUUID(),
        ...fastThrottleGroups(),
        onRateLimit: () => true,
        onSecondaryRateLimit: setup.onSecondaryRateLimit ?? (() => true),
      },
    },
    retry,
    throttling,
  );
}

function sarifLog(runs: number, category = (i: number) => `scanfold/tool${i}/`): SarifLog {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: Array.from({ length: runs }, (_, i) => ({
      tool: { driver: { name: `tool${i}`, rules: [{ id: 'R1' }] } },
      automationDetails: { id: category(i) },
      results: [{ ruleId: 'R1', message: { text: `finding ${i}` }, locations: [] }],
    })),
  };
}

const encodeSarif = (log: SarifLog): string => gzipSync(JSON.stringify(log)).toString('base64');

async function rejectsWithStatus(
  p: Promise<unknown>,
  status: number,
  message?: RegExp,
): Promise<RequestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof RequestError, `expected RequestError, got ${String(err)}`);
    assert.equal(err.status, status);
    if (message) assert.match(err.message, message);
    return err;
  }
  assert.fail(`expected HTTP ${status}`);
}

void describe('GitHub test server: REST with @actions/github + retry + throttling', () => {
  let server: GitHubServer;
  before(async () => {
    server = await startGitHubServer({
      pullRequests: [
        {
          owner: OWNER,
          repo: REPO,
          number: PR,
          files: Array.from({ length: 250 }, (_, i) => ({
            filename: `src/file${i}.ts`,
            additions: i,
            deletions: 1,
          })),
        },
      ],
    });
    server.seedComments({ owner: OWNER, repo: REPO, issueNumber: PR }, 153);
  });
  after(() => server.close());

  void test('paginates 150+ comments via octokit.paginate and GitHub-style Link headers', async () => {
    const octokit = octokitFor(server);
    const before = server.requests.length;
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100,
    });
    assert.equal(all.length, 153);
    assert.equal(new Set(all.map((c) => c.id)).size, 153);
    const pages = server.requests.slice(before);
    assert.deepEqual(
      pages.map((r) => [r.path, r.query['page'], r.status]),
      [
        [`/repos/${OWNER}/${REPO}/issues/${PR}/comments`, undefined, 200],
        [`/repositories/${server.repositoryId(OWNER, REPO)}/issues/${PR}/comments`, '2', 200],
      ],
    );

    const res = await fetch(
      `${server.apiUrl}/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=50&page=2`,
      {
        headers: { authorization: 'Bearer x' },
      },
    );
    const base = `${server.apiUrl}/repositories/${server.repositoryId(OWNER, REPO)}/issues/${PR}/comments`;
    assert.equal(
      res.headers.get('link'),
      `<${base}?per_page=50&page=1>; rel="prev", <${base}?per_page=50&page=3>; rel="next", ` +
        `<${base}?per_page=50&page=4>; rel="last", <${base}?per_page=50&page=1>; rel="first"`,
    );
    const body = (await res.json()) as unknown[];
    assert.equal(body.length, 50);
  });

  void test('requires a token', async () => {
    const res = await fetch(`${server.apiUrl}/repos/${OWNER}/${REPO}/issues/${PR}/comments`);
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });

  void test('creates, updates, rejects too-long and deletes comments', async () => {
    const octokit = octokitFor(server);
    const created = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: '<!-- scanfold -->\nfirst',
    });
    assert.equal(created.status, 201);
    assert.equal(created.data.user?.login, 'github-actions[bot]');
    assert.match(
      created.data.html_url,
      new RegExp(
        `^https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${created.data.id}$`,
      ),
    );
    assert.ok(created.data.node_id);

    const updated = await octokit.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.data.id,
      body: '<!-- scanfold -->\nsecond',
    });
    assert.equal(updated.data.body, '<!-- scanfold -->\nsecond');
    assert.equal(
      server.comments.find((c) => c.id === created.data.id)?.body,
      '<!-- scanfold -->\nsecond',
    );

    await rejectsWithStatus(
      octokit.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: PR,
        body: 'x'.repeat(65537),
      }),
      422,
      /Body is too long \(maximum is 65536 characters\)/,
    );
    await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: 'x'.repeat(65536),
    });

    const del = await octokit.rest.issues.deleteComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.data.id,
    });
    assert.equal(del.status, 204);
    assert.equal(
      server.comments.some((c) => c.id === created.data.id),
      false,
    );
    await rejectsWithStatus(
      octokit.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: created.data.id,
        body: 'x',
      }),
      404,
    );
  });

  void test('uploads gzip+base64 SARIF and reads it back decoded', async () => {
    const octokit = octokitFor(server);
    const log = sarifLog(2);
    const up = await octokit.rest.codeScanning.uploadSarif({
      owner: OWNER,
      repo: REPO,
      commit_sha: SHA,
      ref: `refs/pull/${PR}/head`,
      sarif: encodeSarif(log),
      checkout_uri: 'file:///home/runner/work/octo-repo/octo-repo',
      tool_name: 'scanfold',
    });
    assert.equal(up.status, 202);
    const id = up.data.id ?? '';
    const upload = server.sarifUploads.find((u) => u.id === id);
    assert.ok(upload);
    assert.deepEqual(upload.sarif, log);
    assert.equal(upload.ref, `refs/pull/${PR}/head`);
    assert.equal(upload.toolName, 'scanfold');

    const status = await octokit.rest.codeScanning.getSarif({
      owner: OWNER,
      repo: REPO,
      sarif_id: id,
    });
    assert.equal(status.data.processing_status, 'complete');
    assert.match(status.data.analyses_url ?? '', /code-scanning\/analyses\?sarif_id=/);

    const upload400 = (l: SarifLog) =>
      octokit.rest.codeScanning.uploadSarif({
        owner: OWNER,
        repo: REPO,
        commit_sha: SHA,
        ref: 'refs/heads/main',
        sarif: encodeSarif(l),
      });
    // More than 20 runs: accepted (202), then failed when processed, as GitHub reports it.
    const tooMany = await upload400(sarifLog(21));
    assert.equal(tooMany.status, 202);
    const tooManyStatus = await octokit.rest.codeScanning.getSarif({
      owner: OWNER,
      repo: REPO,
      sarif_id: tooMany.data.id ?? '',
    });
    assert.equal(tooManyStatus.data.processing_status, 'failed');
    assert.match(
      (tooManyStatus.data.errors ?? []).join('\n'),
      /^rejecting SARIF, as there are more runs than allowed \(21 > 20\)$/,
    );
    // Same category is fine for different tools; same tool + same category is accepted (202) and
    // then fails processing, as GitHub does since 2025-07-22.
    assert.equal((await upload400(sarifLog(2, () => 'same/'))).status, 202);
    const dup = sarifLog(2, (i) => `same/run-${i}`);
    dup.runs.forEach((r) => (r.tool.driver.name = 'scanfold'));
    const dupUpload = await upload400(dup);
    assert.equal(dupUpload.status, 202);
    const dupStatus = await octokit.rest.codeScanning.getSarif({
      owner: OWNER,
      repo: REPO,
      sarif_id: dupUpload.data.id ?? '',
    });
    assert.equal(dupStatus.data.processing_status, 'failed');
    assert.match(
      (dupStatus.data.errors ?? []).join('\n'),
      /A delivery cannot contain multiple runs with the same category.*tool "scanfold", category "same\/"/,
    );
    // plugin-retry would retry a 413 three times (it is not in its default doNotRetry list).
    const noRetry413 = octokitFor(server, { retry: { doNotRetry: DO_NOT_RETRY } });
    const before413 = server.requests.length;
    await rejectsWithStatus(
      noRetry413.rest.codeScanning.uploadSarif({
        owner: OWNER,
        repo: REPO,
        commit_sha: SHA,
        ref: 'refs/heads/main',
        sarif: randomBytes(10 * 1024 * 1024 + 1).toString('base64'),
      }),
      413,
    );
    assert.equal(server.requests.length - before413, 1);
    assert.equal(server.sarifUploads.length, 4);
  });

  void test('lists pull request files with pagination', async () => {
    const octokit = octokitFor(server);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: OWNER,
      repo: REPO,
      pull_number: PR,
      per_page: 100,
    });
    assert.equal(files.length, 250);
    assert.equal(files[249]?.filename, 'src/file249.ts');
    assert.equal(files[3]?.changes, 4);
  });

  void test('502 twice then success is retried by @octokit/plugin-retry', async () => {
    const octokit = octokitFor(server);
    const fault = server.injectFault({
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      status: 502,
      times: 2,
    });
    const start = server.requests.length;
    const res = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: PR });
    assert.equal(res.status, 200);
    assert.equal(fault.hits, 2);
    assert.deepEqual(
      server.requests.slice(start).map((r) => [r.status, r.faulted]),
      [
        [502, true],
        [502, true],
        [200, false],
      ],
    );
  });

  void test('network faults: a reset before any answer, a reset mid-body after the request was carried out, a stall', async () => {
    const url = `${server.apiUrl}/repos/${OWNER}/${REPO}/issues/${PR}/comments`;
    const headers = { authorization: 'token ghs_test_token', 'content-type': 'application/json' };
    server.injectFault({ method: 'GET', path: /\/issues\/7\/comments$/, network: 'reset' });
    await assert.rejects(fetch(url, { headers }), TypeError);

    const before = server.commentsOn(OWNER, REPO, PR).length;
    server.injectFault({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      network: 'reset-mid-response',
    });
    const cut = await fetch(url, {
      method: 'POST',
      headers,
      body: '{"body":"stored, answer lost"}',
    });
    assert.equal(cut.status, 201, 'the head arrives');
    await assert.rejects(cut.text(), TypeError, 'the body breaks off');
    assert.equal(
      server.commentsOn(OWNER, REPO, PR).length,
      before + 1,
      'but the comment is stored',
    );

    // Plain octokit reads a JSON body that breaks off as "" and returns it as a success: why the
    // Scanfold client reads the whole answer inside its fetch.
    server.injectFault({ method: 'GET', path: /\/pulls\/7$/, network: 'reset-mid-response' });
    const silent = await octokitFor(server).rest.pulls.get({
      owner: OWNER,
      repo: REPO,
      pull_number: PR,
    });
    assert.equal(silent.status, 200);
    assert.equal(silent.data, '');

    const stall = server.injectFault({
      method: 'GET',
      path: /\/pulls\/7\/files$/,
      network: 'stall',
    });
    await assert.rejects(
      fetch(`${server.apiUrl}/repos/${OWNER}/${REPO}/pulls/${PR}/files`, {
        headers,
        signal: AbortSignal.timeout(300),
      }),
      { name: 'TimeoutError' },
    );
    assert.equal(stall.hits, 1);
    assert.equal(server.requests.at(-1)?.status, 0, 'never answered');
  });

  void test('403 "Resource not accessible by integration" is surfaced without retries', async () => {
    const octokit = octokitFor(server);
    server.injectFault({
      method: 'POST',
      path: /\/code-scanning\/sarifs$/,
      status: 403,
      times: 1,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      },
    });
    const start = server.requests.length;
    await rejectsWithStatus(
      octokit.rest.codeScanning.uploadSarif({
        owner: OWNER,
        repo: REPO,
        commit_sha: SHA,
        ref: 'refs/heads/main',
        sarif: encodeSarif(sarifLog(1)),
      }),
      403,
      /Resource not accessible by integration/,
    );
    assert.equal(server.requests.length - start, 1);
  });

  void test('429 secondary rate limit with Retry-After is honoured by @octokit/plugin-throttling', async () => {
    const seen: number[] = [];
    // plugin-retry runs inside plugin-throttling and would otherwise retry 429 on its own schedule,
    // ignoring Retry-After; leaving 429 to the throttling plugin makes Retry-After authoritative.
    const octokit = octokitFor(server, {
      retry: { doNotRetry: DO_NOT_RETRY },
      onSecondaryRateLimit: (retryAfter) => {
        seen.push(retryAfter);
        return true;
      },
    });
    server.injectFault({
      path: /\/issues\/7\/comments$/,
      method: 'POST',
      status: 429,
      times: 1,
      headers: { 'Retry-After': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        status: '429',
      },
    });
    const start = server.requests.length;
    const res = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: 'after rate limit',
    });
    assert.equal(res.status, 201);
    assert.deepEqual(seen, [1]);
    const [limited, retried] = server.requests.slice(start);
    assert.equal(limited?.status, 429);
    assert.equal(retried?.status, 201);
    assert.ok((retried?.time ?? 0) - (limited?.time ?? 0) >= 950, 'retry waited for Retry-After');
  });
  void test('with default retry options, plugin-retry handles 429 itself and ignores Retry-After', async () => {
    let throttleCalls = 0;
    const octokit = octokitFor(server, {
      onSecondaryRateLimit: () => {
        throttleCalls++;
        return true;
      },
    });
    server.injectFault({
      path: /\/issues\/7\/comments$/,
      method: 'POST',
      status: 429,
      headers: { 'retry-after': '30' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const start = server.requests.length;
    const res = await octokit.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      body: 'retried by plugin-retry',
    });
    assert.equal(res.status, 201);
    assert.equal(throttleCalls, 0);
    const [limited, retried] = server.requests.slice(start);
    assert.ok(
      (retried?.time ?? 0) - (limited?.time ?? 0) < 5000,
      'did not wait the 30 s Retry-After',
    );
  });
});

void describe('GitHub test server: artifacts with @actions/artifact DefaultArtifactClient', () => {
  let server: GitHubServer;
  let dir: string;
  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(join(tmpdir(), 'scanfold-artifact-test-'));
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('uploads, lists and downloads an artifact; names are immutable per run', async () => {
    const workspace = join(dir, 'workspace');
    const results = join(workspace, 'scanfold-results');
    mkdirSync(join(results, 'nested'), { recursive: true });
    const files = {
      'scanfold.sarif': JSON.stringify(sarifLog(1)),
      'report.md': '# Scanfold report\n',
      'nested/sbom.cdx.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6' }),
    };
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(results, name), content);
    const pr = writePullRequestEvent({ path: join(dir, 'event'), number: PR, fork: true });
    const runner = runnerEnv({ server, workspace, ...pr });
    try {
      await withEnv(runner.env, async () => {
        const client = new DefaultArtifactClient();
        const uploaded = await client.uploadArtifact(
          'scanfold-results',
          Object.keys(files).map((f) => join(results, f)),
          results,
          { retentionDays: 90 },
        );
        assert.equal(server.artifacts.length, 1);
        const artifact = server.artifacts[0];
        assert.ok(artifact);
        assert.equal(uploaded.id, artifact.id);
        assert.equal(artifact.name, 'scanfold-results');
        assert.equal(artifact.finalized, true);
        assert.equal(artifact.retentionDays, 90);
        assert.equal(artifact.mimeType, 'application/zip');
        assert.equal(artifact.workflowRunBackendId, runner.backendIds.workflowRunBackendId);
        assert.equal(artifact.size, artifact.blob?.length);
        assert.equal(uploaded.size, artifact.blob?.length);
        assert.equal(artifact.hash, `sha256:${uploaded.digest}`);
        const stored = artifact.files();
        assert.deepEqual([...stored.keys()].sort(), Object.keys(files).sort());
        for (const [name, content] of Object.entries(files))
          assert.equal(stored.get(name)?.toString('utf8'), content);

        const listed = await client.listArtifacts();
        assert.deepEqual(
          listed.artifacts.map((a) => [a.name, a.id, a.size]),
          [['scanfold-results', artifact.id, artifact.size]],
        );
        const out = join(dir, 'download');
        const dl = await client.downloadArtifact(artifact.id, { path: out });
        assert.equal(dl.downloadPath, out);

        await assert.rejects(
          client.uploadArtifact('scanfold-results', [join(results, 'report.md')], results),
          /\(409\) Conflict: an artifact with this name already exists on the workflow run/,
        );
        assert.equal(server.artifacts.length, 1);
      });
    } finally {
      runner.cleanup();
    }
    const twirp = server.requests
      .filter((r) => r.service === 'twirp')
      .map((r) => `${r.path.split('/').pop()} ${r.status}`);
    assert.deepEqual(twirp, [
      'CreateArtifact 200',
      'FinalizeArtifact 200',
      'ListArtifacts 200',
      'ListArtifacts 200',
      'GetSignedArtifactURL 200',
      'CreateArtifact 409',
    ]);
    const blob = server.requests
      .filter((r) => r.service === 'blob')
      .map((r) => `${r.method} ${r.query['comp'] ?? ''} ${r.status}`);
    assert.deepEqual(blob, ['PUT block 201', 'PUT blocklist 201', 'GET  200']);
  });

  void test('GITHUB_RETENTION_DAYS caps retentionDays, as the client applies it', async () => {
    const workspace = join(dir, 'ws2');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'a.txt'), 'a');
    const pr = writePullRequestEvent({ path: join(dir, 'event2') });
    const runner = runnerEnv({ server, workspace, ...pr, retentionDays: 30 });
    try {
      await withEnv(runner.env, () =>
        new DefaultArtifactClient().uploadArtifact(
          'capped',
          [join(workspace, 'a.txt')],
          workspace,
          { retentionDays: 90 },
        ),
      );
    } finally {
      runner.cleanup();
    }
    assert.equal(server.artifacts.find((a) => a.name === 'capped')?.retentionDays, 30);
  });
});

void describe('GitHub test server: identities, analyses and alert paths as github.com has them', () => {
  let server: GitHubServer;
  let checkout: string;
  const PAT = 'ghp_testPersonalToken';
  const APP = 'ghs_testAppInstallationToken';
  before(async () => {
    server = await startGitHubServer({
      tokenUsers: {
        [PAT]: { login: 'octocat', id: 583231, type: 'User' },
        [APP]: { login: 'scan-helper[bot]', id: 99, type: 'Bot' },
      },
      pullRequests: [{ owner: OWNER, repo: REPO, number: 99 }],
    });
    checkout = mkdtempSync(join(tmpdir(), 'scanfold-checkout-'));
    mkdirSync(join(checkout, 'services', 'api'), { recursive: true });
    writeFileSync(join(checkout, 'services', 'api', 'app.py'), 'print(1)\n');
    server.setCheckout(checkout);
  });
  after(async () => {
    await server.close();
    rmSync(checkout, { recursive: true, force: true });
  });

  const client = (token: string) =>
    getOctokit(token, {
      baseUrl: server.apiUrl,
      retry: { enabled: false },
      throttle: { enabled: false },
    });

  void test('GraphQL viewer names every token; GET /user works only for user tokens; GET /app wants a JWT', async () => {
    const viewer = async (token: string) =>
      (await client(token).graphql<{ viewer: { login: string } }>('query { viewer { login } }'))
        .viewer.login;
    assert.equal(await viewer(PAT), 'octocat');
    assert.equal(await viewer(APP), 'scan-helper[bot]');
    assert.equal(await viewer('ghs_anyOtherToken'), 'github-actions[bot]');
    assert.equal((await client(PAT).rest.users.getAuthenticated()).data.login, 'octocat');
    await rejectsWithStatus(client(APP).rest.users.getAuthenticated(), 403);
    await rejectsWithStatus(client(APP).request('GET /app'), 401);
    const created = await client(APP).rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 99,
      body: 'hi',
    });
    assert.equal(created.data.user?.login, 'scan-helper[bot]');
  });

  const upload = async (
    ref: string,
    runs: { tool: string; category: string; uris: string[] }[],
  ) => {
    const log: SarifLog = {
      version: '2.1.0',
      runs: runs.map((r) => ({
        tool: { driver: { name: r.tool } },
        automationDetails: { id: r.category },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${checkout}/services/api/` } },
        results: r.uris.map((uri) => ({
          ruleId: `rule-${uri}`,
          message: { text: uri },
          locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }],
        })),
      })),
    };
    const response = await client(PAT).rest.codeScanning.uploadSarif({
      owner: OWNER,
      repo: REPO,
      commit_sha: SHA,
      ref,
      sarif: encodeSarif(log),
      checkout_uri: `file://${checkout}`,
    });
    const stored = server.sarifUploads.find((u) => u.id === response.data.id);
    assert.ok(stored);
    return stored;
  };

  void test('a relative URI is read from the repository root: originalUriBaseIds does not rescue app.py', async () => {
    const stored = await upload('refs/heads/main', [
      {
        tool: 'semgrep',
        category: 'paths/',
        uris: ['app.py', 'services/api/app.py', `file://${checkout}/services/api/app.py`],
      },
    ]);
    assert.deepEqual(stored.unresolvedUris, ['app.py']);
  });

  void test('an analysis replaces only its own (ref, tool, category) and closes the alerts it drops', async () => {
    const open = (category: string) =>
      server.alerts
        .filter((a) => a.ref === 'refs/heads/dev' && a.category === category && a.state === 'open')
        .map((a) => a.path)
        .sort();
    await upload('refs/heads/dev', [
      { tool: 'trivy', category: 'scanfold/trivy/a/', uris: ['a1', 'a2'] },
    ]);
    await upload('refs/heads/dev', [
      { tool: 'trivy', category: 'scanfold/trivy/b/', uris: ['b1'] },
    ]);
    assert.deepEqual(open('scanfold/trivy/a/'), ['a1', 'a2'], 'another category leaves a/ alone');
    await upload('refs/heads/dev', [
      { tool: 'trivy', category: 'scanfold/trivy/a/', uris: ['a2'] },
    ]);
    assert.deepEqual(open('scanfold/trivy/a/'), ['a2']);
    assert.deepEqual(open('scanfold/trivy/b/'), ['b1']);
    assert.equal(
      server.alerts.find((a) => a.path === 'a1')?.state,
      'fixed',
      'the dropped alert is closed as fixed',
    );
    assert.equal(
      server.analyses.filter((a) => a.ref === 'refs/heads/dev').length,
      2,
      'one analysis per (ref, tool, category)',
    );
    // A failed upload changes nothing.
    const failed = await upload('refs/heads/dev', [
      { tool: 'trivy', category: 'scanfold/trivy/a/', uris: [] },
      { tool: 'trivy', category: 'scanfold/trivy/a/', uris: [] },
    ]);
    assert.equal(failed.processingStatus, 'failed');
    assert.deepEqual(open('scanfold/trivy/a/'), ['a2']);
  });
});

void test('GitHub test server: hard limits, run ids without a category, fork tokens, unknown issues and HTML gateway pages', async () => {
  const FORK = 'ghs_forkPullRequestToken';
  const server = await startGitHubServer({
    readOnlyTokens: [FORK],
    knownIssuesOnly: true,
    pullRequests: [{ owner: OWNER, repo: REPO, number: PR }],
  });
  try {
    const octokit = octokitFor(server, { retry: { doNotRetry: DO_NOT_RETRY } });
    const upload = async (log: SarifLog): Promise<{ status?: string; errors: string[] }> => {
      const up = await octokit.rest.codeScanning.uploadSarif({
        owner: OWNER,
        repo: REPO,
        commit_sha: SHA,
        ref: 'refs/heads/main',
        sarif: encodeSarif(log),
      });
      assert.equal(up.status, 202);
      const { data } = await octokit.rest.codeScanning.getSarif({
        owner: OWNER,
        repo: REPO,
        sarif_id: up.data.id ?? '',
      });
      return { status: data.processing_status, errors: (data.errors ?? []).map(String) };
    };
    const over = (edit: (run: SarifLog['runs'][number]) => void): SarifLog => {
      const log = sarifLog(1);
      const run = log.runs[0];
      assert.ok(run);
      edit(run);
      return log;
    };
    const location = { physicalLocation: { artifactLocation: { uri: 'a.py' } } };
    const cases: [SarifLog, RegExp][] = [
      [
        over((run) => {
          const result = run.results?.[0];
          if (result) result.locations = Array.from({ length: 1_001 }, () => location);
        }),
        /more locations per result than allowed \(1001 > 1000\)/,
      ],
      [
        over((run) => {
          run.tool.driver.rules = [
            { id: 'R1', properties: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
          ];
        }),
        /more tags per rule than allowed \(21 > 20\)/,
      ],
      [
        over((run) => {
          const result = run.results?.[0];
          if (result)
            result.codeFlows = [
              {
                threadFlows: [{ locations: Array.from({ length: 10_001 }, () => ({ location })) }],
              },
            ];
        }),
        /more thread flow locations per result than allowed \(10001 > 10000\)/,
      ],
    ];
    for (const [log, error] of cases) {
      const processed = await upload(log);
      assert.equal(processed.status, 'failed');
      assert.match(processed.errors.join('\n'), error);
    }
    // An id without '/' is all run id: both runs have the empty category, so one delivery with
    // two runs of one tool is refused.
    const noSlash = sarifLog(2, (i) => `nightly-${i}`);
    noSlash.runs.forEach((r) => (r.tool.driver.name = 'scanfold'));
    const processed = await upload(noSlash);
    assert.equal(processed.status, 'failed');
    assert.match(processed.errors.join('\n'), /same category \(tool "scanfold", category ""\)/);

    // A fork PR's token reads, and nothing more.
    const fork = getOctokit(FORK, { baseUrl: server.apiUrl, retry: { enabled: false } }, retry);
    await rejectsWithStatus(
      fork.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: PR, body: 'x' }),
      403,
      /Resource not accessible by integration/,
    );
    await rejectsWithStatus(
      fork.rest.codeScanning.uploadSarif({
        owner: OWNER,
        repo: REPO,
        commit_sha: SHA,
        ref: 'refs/heads/main',
        sarif: encodeSarif(sarifLog(1)),
      }),
      403,
      /Resource not accessible by integration/,
    );
    assert.equal(
      (await fork.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })).status,
      200,
    );
    // No comment on an issue that does not exist.
    await rejectsWithStatus(
      octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 999, body: 'x' }),
      404,
    );
    assert.equal(
      (
        await octokit.rest.issues.createComment({
          owner: OWNER,
          repo: REPO,
          issue_number: PR,
          body: 'x',
        })
      ).status,
      201,
    );
    // A 502/504 fault answers with an HTML page, as GitHub's front end does.
    server.injectFault({ path: /\/issues\/\d+\/comments$/, status: 502, times: Infinity });
    const error = await rejectsWithStatus(
      octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR }),
      502,
    );
    assert.match(String(error.response?.headers['content-type']), /text\/html/);
    assert.match(String(error.response?.data), /<!DOCTYPE html>/);
  } finally {
    await server.close();
  }
});
