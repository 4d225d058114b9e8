/**
 * Scanner and database caches with the real @actions/cache (v2 Twirp cache service + blob
 * storage) against the GitHub-like server: miss then save, exact restore, yesterday's entry as a
 * fallback, and a broken cache service that costs only a log line.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as actionsCache from '@actions/cache';
import { resolveConfig } from '../src/config/load.ts';
import { loadManifest } from '../src/install/manifest.ts';
import type { Logger } from '../src/model/ports.ts';
import { cacheSpecs, installDigest, restoreCaches, saveCaches } from '../src/github/cache.ts';
import type { CacheSpec } from '../src/github/cache.ts';
import { startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';
import { runnerEnv, withEnv } from './support/runner-env.ts';

const client = {
  restoreCache: (paths: string[], key: string, restoreKeys?: string[]) =>
    actionsCache.restoreCache(paths, key, restoreKeys),
  saveCache: (paths: string[], key: string) => actionsCache.saveCache(paths, key),
};

function lines(): Logger & { text: () => string } {
  const out: string[] = [];
  const add = (message: string) => void out.push(message);
  return {
    debug: () => {},
    info: add,
    warning: add,
    error: add,
    group: () => {},
    progress: () => {},
    text: () => out.join('\n'),
  };
}

void describe('caches: scanner binaries and vulnerability databases', () => {
  let server: GitHubServer;
  let dir: string;
  let specsFor: (date: string) => CacheSpec[];
  const dirs = { tools: '', trivy: '', grype: '' };

  before(async () => {
    server = await startGitHubServer();
    dir = mkdtempSync(path.join(tmpdir(), 'scanfold-cache-'));
    dirs.tools = path.join(dir, 'tools');
    dirs.trivy = path.join(dir, 'trivy');
    dirs.grype = path.join(dir, 'grype-db');
    const base = resolveConfig({
      root: dir,
      overrides: { scanners: ['trivy', 'grype', 'gitleaks'] },
    });
    const config = {
      ...base,
      toolCache: dirs.tools,
      trivy: { ...base.trivy, cacheDir: dirs.trivy },
      grype: { ...base.grype, dbCacheDir: dirs.grype },
    };
    specsFor = (date) =>
      cacheSpecs(config, loadManifest(), {
        platform: 'Linux-X64',
        date: new Date(`${date}T12:00:00Z`),
      });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const inRunner = async <T>(fn: () => Promise<T>): Promise<T> => {
    const runner = runnerEnv({
      server,
      workspace: dir,
      eventPath: path.join(dir, 'event.json'),
      eventName: 'push',
    });
    try {
      return await withEnv(runner.env, fn);
    } finally {
      runner.cleanup();
    }
  };
  const fill = () => {
    const manifest = loadManifest();
    const targets = [
      ...['gitleaks', 'grype', 'trivy'].map((tool) =>
        path.join(dirs.tools, tool, manifest.tools[tool]?.version ?? '?'),
      ),
      dirs.trivy,
      dirs.grype,
    ];
    for (const target of targets) {
      mkdirSync(path.join(target, 'nested'), { recursive: true });
      writeFileSync(path.join(target, 'nested', 'file.bin'), `${target} contents\n`);
    }
  };
  const wipe = () => {
    for (const target of Object.values(dirs)) rmSync(target, { recursive: true, force: true });
  };

  void test('keys: binaries by pinned versions and platform, each DB by version, platform and day', () => {
    const specs = specsFor('2026-11-28');
    const manifest = loadManifest();
    const version = (tool: string) => manifest.tools[tool]?.version ?? '?';
    assert.deepEqual(
      specs.map((s) => s.label),
      [
        `gitleaks ${version('gitleaks')} binary`,
        `grype ${version('grype')} binary`,
        `trivy ${version('trivy')} binary`,
        'grype database',
        'trivy database',
      ],
    );
    assert.match(
      specs[2]?.key ?? '',
      new RegExp(`^scanfold-tool-trivy-${version('trivy')}-Linux-X64-[0-9a-f]{12}$`),
    );
    assert.deepEqual(specs[2]?.paths, [path.join(dirs.tools, 'trivy', version('trivy'))]);
    assert.equal(specs[4]?.key, `scanfold-db-trivy-${version('trivy')}-Linux-X64-2026-11-28`);
    assert.deepEqual(specs[4]?.restoreKeys, [`scanfold-db-trivy-${version('trivy')}-Linux-X64-`]);
  });

  void test('a first run misses and saves; the second restores every cache exactly', async () => {
    const first = lines();
    await inRunner(async () => {
      const states = await restoreCaches(client, specsFor('2026-11-27'), first);
      fill();
      await saveCaches(client, states, first);
    });
    assert.match(first.text(), /cache: no trivy database cached yet/);
    assert.equal(first.text().match(/cache: saved /g)?.length, 5, first.text());
    assert.equal(server.caches.filter((c) => c.finalized).length, 5);

    wipe();
    const second = lines();
    await inRunner(async () => {
      const states = await restoreCaches(client, specsFor('2026-11-27'), second);
      await saveCaches(client, states, second);
    });
    assert.equal(second.text().match(/cache: restored /g)?.length, 5, second.text());
    assert.doesNotMatch(second.text(), /saved/);
    assert.equal(
      readFileSync(path.join(dirs.trivy, 'nested', 'file.bin'), 'utf8'),
      `${dirs.trivy} contents\n`,
    );
    const trivyTool = path.join(dirs.tools, 'trivy', loadManifest().tools.trivy?.version ?? '?');
    assert.equal(
      readFileSync(path.join(trivyTool, 'nested', 'file.bin'), 'utf8'),
      `${trivyTool} contents\n`,
    );
  });

  void test("the next day restores yesterday's databases, then saves today's", async () => {
    wipe();
    const log = lines();
    await inRunner(async () => {
      const states = await restoreCaches(client, specsFor('2026-11-28'), log);
      await saveCaches(client, states, log);
    });
    assert.match(
      log.text(),
      /restored trivy database from scanfold-db-trivy-.*-2026-11-27 \(an earlier entry\)/,
    );
    assert.match(log.text(), /saved trivy database as scanfold-db-trivy-.*-2026-11-28/);
    assert.ok(server.caches.some((c) => c.key.endsWith('-2026-11-28')));
  });

  void test('a cache service that refuses, or cannot be reached, is a log line: nothing thrown', async () => {
    wipe();
    server.injectFault({ path: /CacheService\//, status: 403, times: Infinity });
    const refused = lines();
    try {
      await inRunner(async () => {
        const states = await restoreCaches(client, specsFor('2026-11-29'), refused);
        fill();
        await saveCaches(client, states, refused);
      });
    } finally {
      server.clearFaults();
    }
    assert.doesNotMatch(refused.text(), /restored from|: saved /);
    assert.ok(!server.caches.some((c) => c.key.endsWith('-2026-11-29')));

    const closed = await startGitHubServer();
    const unreachable = { ...closed, resultsUrl: closed.resultsUrl };
    await closed.close();
    const runner = runnerEnv({
      server: unreachable,
      workspace: dir,
      eventPath: path.join(dir, 'event.json'),
      eventName: 'push',
    });
    const down = lines();
    try {
      await withEnv(runner.env, async () => {
        const states = await restoreCaches(client, specsFor('2026-11-30'), down);
        await saveCaches(client, states, down);
      });
    } finally {
      runner.cleanup();
    }
    assert.doesNotMatch(down.text(), /restored from|: saved /);
  });
});

void test('a changed hash lock or pin is a new tool-cache key; the checkout path is not part of it', () => {
  const manifest = loadManifest();
  const lock = manifest.tools.semgrep?.registry;
  assert.equal(lock?.kind, 'pypi');
  const dir = mkdtempSync(path.join(tmpdir(), 'scanfold-lock-'));
  try {
    const requirements = lock?.kind === 'pypi' ? (lock.requirements ?? '') : '';
    const copy = (name: string, text: string): typeof manifest => {
      const file = path.join(dir, name, path.basename(requirements));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return {
        tools: {
          ...manifest.tools,
          semgrep: {
            ...manifest.tools.semgrep,
            registry: { ...lock, requirements: file },
          } as (typeof manifest.tools)[string],
        },
      };
    };
    const original = readFileSync(requirements, 'utf8');
    const same = installDigest(copy('a', original), 'semgrep');
    assert.equal(installDigest(copy('b', original), 'semgrep'), same, 'another checkout path');
    assert.equal(installDigest(manifest, 'semgrep'), same);
    assert.notEqual(installDigest(copy('c', `${original}\n# relocked\n`), 'semgrep'), same);
    const repinned = {
      tools: { ...manifest.tools, trivy: { ...manifest.tools.trivy, version: '0.0.1' } },
    } as typeof manifest;
    assert.notEqual(installDigest(repinned, 'trivy'), installDigest(manifest, 'trivy'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
