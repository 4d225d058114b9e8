/**
 * Caches end to end: dist/index.js scans the example app with real Trivy (offline, fixture DB),
 * restoring and saving the Trivy install and its database through the real @actions/cache against
 * the GitHub-like server's cache service; then again on an empty machine; then with the cache
 * service refusing every call.
 *
 * Run `node scripts/build.mjs` first: the tests exercise dist/, not src/.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultToolCache } from '../src/config/schema.ts';
import { loadManifest } from '../src/install/manifest.ts';
import { startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { BUNDLE, defaultInputs, runBundle } from './support/action-run.ts';
import type { ActionRun } from './support/action-run.ts';
import { runnerEnv } from './support/runner-env.ts';
import { EXAMPLE_APP } from './support/run-cli.ts';
import { testDbDir } from './support/testdb.ts';

const TRIVY = loadManifest().tools.trivy?.version ?? '?';

void describe('action bundle: scanner and database caches across runs', () => {
  let server: GitHubServer;
  let dir: string;
  let workspace: string;
  let toolCache: string;
  let dbDir: string;
  const runs: ActionRun[] = [];

  const step = async (): Promise<ActionRun> => {
    const runner = runnerEnv({
      server,
      workspace,
      eventPath: path.join(dir, 'event.json'),
      eventName: 'push',
      inputs: {
        ...defaultInputs(),
        scanners: 'trivy',
        offline: 'true',
        'fail-on': 'none',
        comment: 'never',
        'upload-sarif': 'false',
        'output-dir': path.join(dir, 'out'),
      },
      extra: { SCANFOLD_TOOL_CACHE: toolCache },
    });
    try {
      return await runBundle(runner, workspace);
    } finally {
      runner.cleanup();
    }
  };
  const emptyMachine = (): void => {
    rmSync(toolCache, { recursive: true, force: true });
    rmSync(dbDir, { recursive: true, force: true });
  };

  before(async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-action-cache-'));
    workspace = path.join(dir, 'app');
    toolCache = path.join(dir, 'tools');
    dbDir = path.join(dir, 'trivy-db');
    cpSync(EXAMPLE_APP, workspace, { recursive: true });
    writeFileSync(path.join(dir, 'event.json'), '{}');
    writeFileSync(
      path.join(workspace, '.scanfold.yml'),
      `trivy:\n  cacheDir: ${JSON.stringify(dbDir)}\n`,
    );
    // What a first run on a fresh machine would have installed and downloaded.
    cpSync(path.join(defaultToolCache(), 'trivy', TRIVY), path.join(toolCache, 'trivy', TRIVY), {
      recursive: true,
    });
    cpSync(testDbDir('trivy'), dbDir, { recursive: true });
    runs.push(await step());
    emptyMachine();
    runs.push(await step());
    server.injectFault({
      path: /CacheService\//,
      status: 429,
      times: Infinity,
      body: { code: 'resource_exhausted', msg: 'cache service rate limit' },
    });
    runs.push(await step());
    server.clearFaults();
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('the first run finds no cache and saves the Trivy install and its database', () => {
    const [first] = runs;
    assert.ok(first);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, new RegExp(`cache: no trivy ${TRIVY} binary cached yet`));
    assert.match(first.stdout, /cache: no trivy database cached yet/);
    assert.match(
      first.stdout,
      new RegExp(`cache: saved trivy ${TRIVY} binary as scanfold-tool-trivy-`),
    );
    assert.match(first.stdout, /cache: saved trivy database as scanfold-db-trivy-/);
    assert.equal(server.caches.filter((c) => c.finalized).length, 2);
  });

  void test('a second run on an empty machine restores both, and scans the same', () => {
    const [first, second] = runs;
    assert.ok(first && second);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(
      second.stdout,
      new RegExp(`cache: restored trivy ${TRIVY} binary from scanfold-tool-trivy-`),
    );
    assert.match(second.stdout, /cache: restored trivy database from scanfold-db-trivy-/);
    assert.doesNotMatch(second.stdout, /cache: saved/);
    assert.ok(Number(first.outputs['total']) > 0);
    assert.equal(second.outputs['total'], first.outputs['total']);
  });

  void test('a cache service that refuses every call still scans: log lines, not a failure', () => {
    const [first, , third] = runs;
    assert.ok(first && third);
    assert.equal(third.code, 0, third.stdout + third.stderr);
    assert.deepEqual(third.errors, []);
    assert.equal(third.outputs['total'], first.outputs['total']);
    assert.doesNotMatch(third.stdout, /cache: restored|cache: saved/);
  });
});
