/**
 * Matrix shards in process: legs upload their bundles with the real @actions/artifact client, the
 * aggregate lists and downloads them over real HTTP from the GitHub-like server and assembles one
 * outcome. The end-to-end run of dist/index.js (three legs + aggregate) is in action-shards.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DefaultArtifactClient } from '@actions/artifact';
import type { Log } from 'sarif';
import { assemble, EXIT } from '../src/engine.ts';
import type { ScannerName } from '../src/scanners/registry.ts';
import { silentLogger } from '../src/model/ports.ts';
import { aggregateShards, shardArtifactName, uploadShardBundle } from '../src/github/shards.ts';
import type { AggregateOutcome, ShardManifest } from '../src/github/shards.ts';
import { planUploads } from '../src/github/upload-plan.ts';
import { startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, withEnv } from './support/runner-env.ts';

const RUN_BACKEND = 'c0ffee00-0000-4000-8000-00000000a11a';
const COMMIT = 'a'.repeat(40);

function sarif(tool: ScannerName, findings: { rule: string; uri: string; line: number }[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: findings.map((f) => ({ id: f.rule })) } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: 'error' as const,
          message: { text: `${tool}: ${f.rule}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.uri },
                region: { startLine: f.line },
              },
            },
          ],
        })),
      },
    ],
  };
}

interface LegSpec {
  leg: string;
  scope: string;
  attempt: number;
  job: number;
  status?: 'ok' | 'failed';
  results: Partial<Record<ScannerName, { rule: string; uri: string; line: number }[]>>;
}

async function uploadLeg(
  server: GitHubServer,
  workspace: string,
  spec: LegSpec,
  tamper?: (outputDir: string) => void,
): Promise<void> {
  const outputDir = mkdtempSync(path.join(tmpdir(), `scanfold-leg-${spec.leg}-`));
  const runner = runnerEnv({
    server,
    workspace,
    eventPath: path.join(workspace, 'no-event.json'),
    eventName: 'push',
    runAttempt: spec.attempt,
    workflowRunBackendId: RUN_BACKEND,
    workflowJobRunBackendId: `c0ffee00-0000-4000-8000-0000000000${String(spec.job).padStart(2, '0')}`,
  });
  try {
    const tools = Object.keys(spec.results);
    if (spec.status !== 'failed')
      await assemble({
        root: path.join(workspace, spec.scope),
        outputDir,
        failOn: 'none',
        scanners: tools.map((name) => ({
          name,
          status: 'ok' as const,
          attempts: 1,
          durationMs: 1,
          findings: 0,
          outputs: [],
        })),
        sarif: tools.map((tool) => ({
          file: `raw/${tool}.sarif`,
          tool,
          log: sarif(tool, spec.results[tool] ?? []),
        })),
        sboms: [],
        errors: [],
        logger: silentLogger,
      });
    tamper?.(outputDir);
    const manifest: ShardManifest = {
      schema: 'scanfold-shard/1',
      leg: spec.leg,
      scanners: tools,
      scope: spec.scope,
      status: spec.status ?? 'ok',
      ...(spec.status === 'failed' ? { message: 'semgrep: config error' } : {}),
      runAttempt: spec.attempt,
      commit: COMMIT,
      createdAt: new Date().toISOString(),
    };
    await withEnv(runner.env, () =>
      uploadShardBundle({
        client: new DefaultArtifactClient(),
        outputDir,
        manifest,
        retentionDays: 90,
        logger: silentLogger,
      }),
    );
  } finally {
    runner.cleanup();
    rmSync(outputDir, { recursive: true, force: true });
  }
}

async function aggregate(
  server: GitHubServer,
  workspace: string,
  outputDir: string,
  artifactTimeoutMs?: number,
) {
  const runner = runnerEnv({
    server,
    workspace,
    eventPath: path.join(workspace, 'no-event.json'),
    eventName: 'push',
    workflowRunBackendId: RUN_BACKEND,
    workflowJobRunBackendId: 'c0ffee00-0000-4000-8000-0000000000ff',
  });
  try {
    return await withEnv(runner.env, () =>
      aggregateShards({
        client: new DefaultArtifactClient(),
        workspace,
        outputDir,
        failOn: 'none',
        expectedLegs: ['api', 'web', 'infra', 'docs'],
        logger: silentLogger,
        ...(artifactTimeoutMs ? { artifactTimeoutMs } : {}),
      }),
    );
  } finally {
    runner.cleanup();
  }
}

const LEGS: LegSpec[] = [
  {
    leg: 'api',
    scope: 'services/api',
    attempt: 1,
    job: 1,
    results: {
      semgrep: [{ rule: 'sqli', uri: 'app.py', line: 3 }],
      gitleaks: [{ rule: 'aws-access-token', uri: 'app.py', line: 1 }],
    },
  },
  // Attempt 1 of web found two things; the re-run (attempt 2) found one: the latest wins.
  {
    leg: 'web',
    scope: 'services/web',
    attempt: 1,
    job: 2,
    results: {
      semgrep: [
        { rule: 'xss', uri: 'index.js', line: 2 },
        { rule: 'eval', uri: 'index.js', line: 5 },
      ],
    },
  },
  {
    leg: 'web',
    scope: 'services/web',
    attempt: 2,
    job: 3,
    results: { semgrep: [{ rule: 'xss', uri: 'index.js', line: 2 }] },
  },
  { leg: 'infra', scope: 'infra', attempt: 1, job: 4, status: 'failed', results: { checkov: [] } },
];

void describe('aggregate: three legs (one re-run, one failed) and one that never uploaded', () => {
  let dir: string;
  let workspace: string;
  const servers: GitHubServer[] = [];
  const outcomes: AggregateOutcome[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-shards-'));
    workspace = path.join(dir, 'octo-repo');
    for (const file of ['services/api/app.py', 'services/web/index.js', 'infra/main.tf']) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeFileSync(path.join(workspace, file), 'x\n'.repeat(10));
    }
    // The same legs uploaded in two different orders, to two servers.
    for (const order of [LEGS, [...LEGS].reverse()]) {
      const server = await startGitHubServer();
      servers.push(server);
      for (const leg of order) await uploadLeg(server, workspace, leg);
      outcomes.push(await aggregate(server, workspace, path.join(dir, `out-${servers.length}`)));
    }
  });
  after(async () => {
    for (const server of servers) await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('bundles are named per leg, a re-run attempt beside the first', () => {
    assert.deepEqual(servers[0]?.artifacts.map((a) => a.name).sort(), [
      shardArtifactName('api', 1),
      shardArtifactName('infra', 1),
      shardArtifactName('web', 1),
      shardArtifactName('web', 2),
    ]);
    assert.equal(shardArtifactName('web', 2), 'scanfold-shard-web--attempt-2');
  });

  void test('every result of the latest attempts, at repository paths; none lost, none doubled', () => {
    const report = outcomes[0]?.outcome.report;
    assert.ok(report);
    assert.deepEqual(
      report.findings
        .map((f) => `${f.ruleId}@${f.location.path}:${f.location.startLine ?? ''}`)
        .sort(),
      [
        'aws-access-token@services/api/app.py:1',
        'sqli@services/api/app.py:3',
        'xss@services/web/index.js:2',
      ],
    );
    assert.deepEqual(outcomes[0]?.legs, [
      { leg: 'api', status: 'ok', attempt: 1 },
      { leg: 'infra', status: 'failed', attempt: 1 },
      { leg: 'web', status: 'ok', attempt: 2 },
    ]);
  });

  void test('the failed leg and the missing one are named; the failed leg’s scanners count as failed', () => {
    const outcome = outcomes[0]?.outcome;
    assert.ok(outcome);
    assert.ok(
      outcome.report.errors.some((e) => /^shard infra failed: semgrep: config error/.test(e)),
    );
    assert.ok(outcome.report.errors.some((e) => /^shard docs: no bundle in this run/.test(e)));
    assert.deepEqual(
      outcome.report.scanners.map((s) => [s.name, s.status]),
      [
        ['semgrep', 'ok'],
        ['gitleaks', 'ok'],
        ['checkov', 'failed'],
        ['semgrep', 'ok'],
      ],
    );
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
  });

  void test('the result does not depend on the order the bundles arrived in', () => {
    const digest = (o: AggregateOutcome | undefined) => ({
      findings: o?.outcome.report.findings.map((f) => [f.id, f.fingerprint, f.location.path]),
      scanners: o?.outcome.report.scanners.map((s) => [s.name, s.status, s.notes]),
      errors: o?.outcome.report.errors,
      analyses: o?.analyses.map((a) => [a.scope, a.failedTools]),
    });
    assert.deepEqual(digest(outcomes[1]), digest(outcomes[0]));
  });

  void test('code scanning gets one analysis per leg and tool, with distinct categories', () => {
    const categories = (outcomes[0]?.analyses ?? []).flatMap((analysis) =>
      planUploads({
        merged: analysis.sarif,
        scope: analysis.scope,
        variant: analysis.variant,
        workspace,
        excludedTools: analysis.failedTools,
      }).payloads.map((p) => p.category),
    );
    // Each leg's name is part of its default category: two legs of one tool and path (split by
    // image, say) would otherwise replace each other's alerts.
    assert.deepEqual(categories.sort(), [
      'scanfold/gitleaks/services/api/api/',
      'scanfold/semgrep/services/api/api/',
      'scanfold/semgrep/services/web/web/',
    ]);
  });
});

void test('a bundle download the artifact service never answers: given up after the artifact timeout, that leg named as unreadable, the others merged', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-shards-stall-'));
  const server = await startGitHubServer();
  try {
    const workspace = path.join(dir, 'octo-repo');
    for (const file of ['services/api/app.py', 'services/web/index.js']) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeFileSync(path.join(workspace, file), 'x\n'.repeat(10));
    }
    for (const leg of LEGS.slice(0, 2)) await uploadLeg(server, workspace, leg);
    // The first download (api, listed first) asks for its signed URL and gets no answer.
    server.injectFault({
      path: /\/twirp\/.*ArtifactService\/GetSignedArtifactURL$/,
      network: 'stall',
      times: 1,
    });
    const started = Date.now();
    const { outcome, legs } = await aggregate(server, workspace, path.join(dir, 'out'), 500);
    assert.ok(Date.now() - started < 20_000);
    assert.ok(
      outcome.report.errors.some((e) =>
        /^shard bundle scanfold-shard-api: unreadable \(the artifact service gave no answer within 0\.5 s\)$/.test(
          e,
        ),
      ),
      outcome.report.errors.join('\n'),
    );
    assert.deepEqual(
      legs.map((l) => [l.leg, l.status]).filter(([leg]) => leg === 'web'),
      [['web', 'ok']],
    );
    assert.equal(outcome.report.summary.byTool['semgrep'], 2, 'the web leg is merged');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a bundle whose report.json is not JSON: one line naming it and where, never its text', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-shards-corrupt-'));
  const server = await startGitHubServer();
  const secret = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
  try {
    const workspace = path.join(dir, 'octo-repo');
    for (const file of ['services/api/app.py', 'services/web/index.js']) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeFileSync(path.join(workspace, file), 'x\n'.repeat(10));
    }
    const [api, web] = LEGS;
    if (!api || !web) throw new Error('two legs expected');
    await uploadLeg(server, workspace, api, (outputDir) =>
      writeFileSync(path.join(outputDir, 'report.json'), `{"token": ${secret}}`),
    );
    await uploadLeg(server, workspace, web);
    const { outcome } = await aggregate(server, workspace, path.join(dir, 'out'));
    const errors = outcome.report.errors.filter((e) => e.startsWith('shard api:'));
    assert.equal(errors.length, 1, outcome.report.errors.join('\n'));
    assert.match(errors[0] ?? '', /report\.json: invalid JSON at line 1, column \d+/);
    assert.ok(!outcome.report.errors.join('\n').includes(secret.slice(0, 8)));
    assert.equal(outcome.report.summary.byTool['semgrep'], 2, 'the web leg is merged');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
