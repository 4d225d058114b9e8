/**
 * A matrix end to end: three `mode: scan` legs of dist/index.js (real semgrep and gitleaks), then
 * one `mode: aggregate` run, all in one workflow run against the GitHub-like server.
 *
 * Run `node scripts/build.mjs` first: the tests exercise dist/, not src/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { BUNDLE, defaultInputs, runBundle } from './support/action-run.ts';
import type { ActionRun } from './support/action-run.ts';
import { runnerEnv, writePullRequestEvent } from './support/runner-env.ts';
import type { PullRequestEvent } from './support/runner-env.ts';
import { VULNERABLE_PY, commitWorkspace, fakeAwsKeyId, writeFiles } from './support/workspace.ts';

const PR = 7;
const RUN_ID = 31_337;
const RUN_BACKEND = 'c0ffee00-0000-4000-8000-0000000b0b00';

const ReportSchema = z.looseObject({
  summary: z.looseObject({ total: z.number() }),
  findings: z.array(
    z.looseObject({ tools: z.array(z.string()), location: z.looseObject({ path: z.string() }) }),
  ),
});

/** One job of the matrix run: jobs 1–8 are scan legs, job 9 the aggregate. */
async function matrixStep(options: {
  server: GitHubServer;
  workspace: string;
  event: PullRequestEvent;
  inputs: Record<string, string>;
  job: number;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const runner = runnerEnv({
    server: options.server,
    workspace: options.workspace,
    ...options.event,
    runId: RUN_ID,
    job: options.job === 9 ? 'aggregate' : 'scan',
    workflowRunBackendId: RUN_BACKEND,
    workflowJobRunBackendId: `c0ffee00-0000-4000-8000-0000000b0b0${options.job}`,
    inputs: {
      ...defaultInputs(),
      offline: 'true',
      cache: 'false',
      'fail-on': 'none',
      ...options.inputs,
    },
    ...(options.env ? { extra: options.env } : {}),
  });
  try {
    return await runBundle(runner, options.workspace);
  } finally {
    runner.cleanup();
  }
}

void describe('action bundle: a three-leg matrix and one aggregate job', () => {
  let server: GitHubServer;
  let dir: string;
  let workspace: string;
  let event: PullRequestEvent;
  const legs: { leg: string; run: ActionRun; outputDir: string }[] = [];
  let aggregate: ActionRun;
  let postedByLegs = { comments: -1, uploads: -1 };

  const step = (inputs: Record<string, string>, job: number): Promise<ActionRun> =>
    matrixStep({ server, workspace, event, inputs, job });

  before(async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-shards-'));
    workspace = path.join(dir, 'octo-repo');
    const files: Record<string, string> = {
      'services/api/app.py': VULNERABLE_PY,
      'services/api/settings.py': `AWS_ACCESS_KEY_ID = "${fakeAwsKeyId('api')}"\n`,
      'services/web/settings.py': `AWS_ACCESS_KEY_ID = "${fakeAwsKeyId('web')}"\n`,
    };
    writeFiles(workspace, files);
    const head = commitWorkspace(workspace);
    server.setCheckout(workspace);
    event = writePullRequestEvent({ path: path.join(dir, 'event'), number: PR, headSha: head });
    const matrix = [
      { leg: 'semgrep', scanners: 'semgrep', path: '.' },
      { leg: 'gitleaks-api', scanners: 'gitleaks', path: 'services/api' },
      { leg: 'gitleaks-web', scanners: 'gitleaks', path: 'services/web' },
    ];
    for (const [index, leg] of matrix.entries()) {
      // Outside the checkout, as each leg runs on its own runner.
      const outputDir = path.join(dir, `out-${leg.leg}`);
      legs.push({
        leg: leg.leg,
        outputDir,
        run: await step(
          {
            mode: 'scan',
            shard: leg.leg,
            scanners: leg.scanners,
            path: leg.path,
            'output-dir': outputDir,
          },
          index + 1,
        ),
      });
    }
    postedByLegs = { comments: server.comments.length, uploads: server.sarifUploads.length };
    aggregate = await step(
      {
        mode: 'aggregate',
        shards: matrix.map((leg) => leg.leg).join(','),
        'output-dir': path.join(dir, 'out-aggregate'),
      },
      9,
    );
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('each leg scans and uploads only its bundle: no comment, no alert, no report artifact', () => {
    for (const { leg, run } of legs) {
      assert.equal(run.code, 0, `${leg}: ${run.stdout}${run.stderr}`);
      assert.equal(run.outputs['shard'], leg);
      assert.ok(Number(run.outputs['total']) > 0, `${leg} found something`);
    }
    assert.deepEqual(postedByLegs, { comments: 0, uploads: 0 });
    assert.deepEqual(
      server.artifacts
        .map((a) => a.name)
        .filter((name) => name.startsWith('scanfold-shard-'))
        .sort(),
      ['scanfold-shard-gitleaks-api', 'scanfold-shard-gitleaks-web', 'scanfold-shard-semgrep'],
    );
  });

  void test('the aggregate publishes one comment and one compliance artifact', () => {
    assert.equal(aggregate.code, 0, aggregate.stdout + aggregate.stderr);
    assert.deepEqual(aggregate.errors, []);
    assert.equal(server.comments.length, 1);
    assert.match(server.comments[0]?.body ?? '', /<!-- scanfold:sticky Scanfold\/aggregate -->/);
    const reports = server.artifacts.filter((a) => !a.name.startsWith('scanfold-shard-'));
    assert.deepEqual(
      reports.map((a) => a.name),
      ['scanfold-report'],
    );
    assert.ok(reports[0]?.files().has('report.json'));
  });

  void test('no result is lost: the aggregate holds every leg’s findings, at repository paths', () => {
    const legTotal = legs.reduce((sum, { run }) => sum + Number(run.outputs['total']), 0);
    assert.equal(Number(aggregate.outputs['total']), legTotal);
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(path.join(dir, 'out-aggregate', 'report.json'), 'utf8')),
    );
    const byLegPath = new Set(
      report.findings.map((f) => `${f.tools.join('+')}:${f.location.path}`),
    );
    assert.ok(byLegPath.has('gitleaks:services/api/settings.py'), [...byLegPath].join(', '));
    assert.ok(byLegPath.has('gitleaks:services/web/settings.py'));
    assert.ok(byLegPath.has('semgrep:services/api/app.py'));
  });

  void test('code scanning: one analysis per leg and tool, distinct categories, every URI real', () => {
    assert.deepEqual(
      server.sarifUploads.map((u) => u.sarif.runs[0]?.automationDetails?.id).sort(),
      [
        'scanfold/gitleaks/services/api/gitleaks-api/',
        'scanfold/gitleaks/services/web/gitleaks-web/',
        'scanfold/semgrep/semgrep/',
      ],
    );
    for (const upload of server.sarifUploads) {
      assert.equal(upload.ref, `refs/pull/${PR}/head`);
      assert.equal(upload.commitSha, event.headSha);
      assert.deepEqual(upload.unresolvedUris, []);
    }
    const uploaded = server.sarifUploads.reduce(
      (sum, u) => sum + (u.sarif.runs[0]?.results?.length ?? 0),
      0,
    );
    assert.equal(uploaded, Number(aggregate.outputs['total']));
  });
});

void describe('action bundle: the aggregate of a matrix whose leg never uploaded', () => {
  let server: GitHubServer;
  let dir: string;
  let leg: ActionRun;
  let aggregate: ActionRun;

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-missing-leg-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, {
      'services/api/settings.py': `AWS_ACCESS_KEY_ID = "${fakeAwsKeyId('lone')}"\n`,
    });
    const event = writePullRequestEvent({ path: path.join(dir, 'event'), number: PR });
    const step = (inputs: Record<string, string>, job: number): Promise<ActionRun> =>
      matrixStep({ server, workspace, event, inputs, job });
    leg = await step(
      {
        mode: 'scan',
        shard: 'gitleaks',
        scanners: 'gitleaks',
        'output-dir': path.join(dir, 'out-leg'),
      },
      1,
    );
    aggregate = await step(
      { mode: 'aggregate', shards: 'gitleaks,checkov', 'output-dir': path.join(dir, 'out-agg') },
      9,
    );
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('the missing leg is named, fails the step, and everything found is still published', () => {
    assert.equal(leg.code, 0, leg.stdout + leg.stderr);
    assert.equal(aggregate.code, 1, aggregate.stdout + aggregate.stderr);
    assert.match(
      aggregate.errors.at(-1) ?? '',
      /^Scanfold: .*shard checkov: no bundle in this run/,
    );
    assert.equal(aggregate.outputs['total'], leg.outputs['total']);
    const comment = server.comments[0]?.body ?? '';
    assert.match(comment, /shard checkov&#58; no bundle in this run/);
    assert.equal(server.sarifUploads.length, 1);
    assert.equal(server.artifacts.filter((a) => a.name === 'scanfold-report').length, 1);
  });
});

void describe('action bundle: a scan leg whose artifact service never answers', () => {
  let server: GitHubServer;
  let dir: string;
  let run: ActionRun;

  before(async () => {
    server = await startGitHubServer();
    server.injectFault({
      path: /\/twirp\/.*ArtifactService\/CreateArtifact$/,
      network: 'stall',
      times: Infinity,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-shard-stall-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, { 'settings.py': `AWS_ACCESS_KEY_ID = "${fakeAwsKeyId('stall')}"\n` });
    const head = commitWorkspace(workspace);
    const event = writePullRequestEvent({
      path: path.join(dir, 'event'),
      number: PR,
      headSha: head,
    });
    run = await matrixStep({
      server,
      workspace,
      event,
      inputs: { mode: 'scan', shard: 'gitleaks', scanners: 'gitleaks' },
      job: 1,
      env: { SCANFOLD_ARTIFACT_TIMEOUT_MS: '1000' },
    });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('the leg fails after the artifact timeout with one error naming it, instead of holding the job', () => {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.ok(run.durationMs < 60_000, `${run.durationMs} ms`);
    assert.equal(run.errors.length, 1, run.errors.join('\n'));
    assert.match(
      run.errors[0] ?? '',
      /^Scanfold failed: shard bundle of gitleaks not uploaded: the artifact service gave no answer within 1 s$/,
    );
  });
});
