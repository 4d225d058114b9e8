/**
 * `baseline: auto` end to end through the action bundle (dist/index.js, `npm run build` first):
 * a push run on main uploads its compliance artifact; the next pull_request run against main finds
 * it through the REST API and counts only what the PR added — nothing, here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, writePullRequestEvent } from './support/runner-env.ts';
import { defaultInputs, runBundle } from './support/action-run.ts';
import type { ActionRun } from './support/action-run.ts';
import { commitWorkspace, settingsPy, writeFiles } from './support/workspace.ts';

const INPUTS = { scanners: 'gitleaks', 'fail-on': 'none', offline: 'true', cache: 'false' };

void describe('action bundle: baseline auto on a pull request', () => {
  let server: GitHubServer;
  let dir: string;
  let push: ActionRun;
  let pr: ActionRun;

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-baseline-'));
    const workspace = path.join(dir, 'octo-repo');
    writeFiles(workspace, { 'config/settings.py': settingsPy('baseline-auto') });
    const head = commitWorkspace(workspace);

    // Run 1: push to main, with a planted secret; its artifact becomes the base branch's report.
    server.addWorkflowRun({ id: 501, headBranch: 'main', headSha: head, conclusion: 'success' });
    const pushEvent = path.join(dir, 'push.json');
    writeFileSync(pushEvent, JSON.stringify({ ref: 'refs/heads/main', after: head }));
    const pushRunner = runnerEnv({
      server,
      workspace,
      eventPath: pushEvent,
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: head,
      runId: 501,
      inputs: { ...defaultInputs(), ...INPUTS },
    });
    try {
      push = await runBundle(pushRunner, workspace);
    } finally {
      pushRunner.cleanup();
    }

    // Run 2: a PR into main that changes nothing the scanners see.
    const event = writePullRequestEvent({
      path: path.join(dir, 'event'),
      number: 7,
      headSha: head,
    });
    const prRunner = runnerEnv({
      server,
      workspace,
      ...event,
      runId: 502,
      inputs: { ...defaultInputs(), ...INPUTS },
    });
    try {
      pr = await runBundle(prRunner, workspace);
    } finally {
      prRunner.cleanup();
    }
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('the push run has findings and no baseline', () => {
    assert.equal(push.code, 0, push.stdout);
    assert.ok(Number(push.outputs.total) > 0, push.stdout);
    assert.doesNotMatch(push.stdout, /baseline auto/);
    assert.equal(push.outputs.fixed, '');
  });

  void test('the PR run uses run 501’s report.json as its baseline: new 0, same total', () => {
    assert.equal(pr.code, 0, pr.stdout);
    assert.match(
      pr.stdout,
      /baseline auto: using report\.json of artifact scanfold-report .* run 501 on main/,
    );
    assert.equal(pr.outputs.total, push.outputs.total);
    assert.equal(pr.outputs.new, '0', pr.stdout);
    assert.equal(pr.outputs.fixed, '0');
    assert.deepEqual(pr.warnings, []);
    const zip = server.requests.filter((r) => /\/actions\/artifacts\/\d+\/zip$/.test(r.path));
    assert.deepEqual(
      zip.map((r) => r.status),
      [302],
    );
  });
});
