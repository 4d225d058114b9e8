import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { ensureTool, InstallError } from '../src/install/installer.ts';
import type { ToolSpec } from '../src/install/manifest.ts';
import { loadManifest } from '../src/install/manifest.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Clock } from '../src/model/ports.ts';

/** Sleeps are recorded, not waited for: backoff is asserted, the test stays fast. */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}

async function releaseTarball(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-release-'));
  await mkdir(path.join(dir, 'pkg'));
  await writeFile(
    path.join(dir, 'pkg', 'faketool'),
    '#!/usr/bin/env bash\necho "faketool 1.2.3"\n',
    { mode: 0o755 },
  );
  const tar = spawnSync('tar', ['-czf', path.join(dir, 'faketool.tar.gz'), '-C', dir, 'pkg'], {
    encoding: 'utf8',
  });
  assert.equal(tar.status, 0, tar.stderr);
  return readFile(path.join(dir, 'faketool.tar.gz'));
}

/** A release host on 127.0.0.1 that fails the first `failures` requests with `status`. */
async function releaseServer(body: Buffer, failures: number, status = 503) {
  let requests = 0;
  const server = http.createServer((_request, response) => {
    requests++;
    if (requests <= failures) {
      response.writeHead(status, { 'retry-after': '1' }).end('unavailable');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/faketool.tar.gz`;
  return {
    url,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function spec(url: string, sha256: string): ToolSpec {
  return {
    version: '1.2.3',
    // A registry fallback that cannot succeed, so only the download path can install.
    registry: {
      kind: 'go',
      module: 'example.invalid/none',
      version: 'v0.0.0',
      package: '.',
      ldflags: '',
      env: {},
      method: 'build',
    },
    releases: { 'test-platform': { url, sha256, binary: 'pkg/faketool' } },
  };
}

test('pinned release: 503 then success is retried, verified by SHA-256, cached and reused', async () => {
  const body = await releaseTarball();
  const server = await releaseServer(body, 1);
  const toolCache = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cache-'));
  const clock = recordingClock();
  try {
    const sha = createHash('sha256').update(body).digest('hex');
    const options = {
      toolCache,
      logger: silentLogger,
      clock,
      allowInstall: true,
      ignorePath: true,
      platform: 'test-platform',
      retryBaseMs: 1000,
    };
    const installed = await ensureTool('faketool', spec(server.url, sha), options);
    assert.equal(installed.source, 'download');
    assert.equal(server.requests(), 2);
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0]! >= 1000, 'Retry-After: 1 is honoured over a shorter jittered delay');
    const run = spawnSync(installed.executable, { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), 'faketool 1.2.3');
    const again = await ensureTool('faketool', spec(server.url, sha), options);
    assert.equal(again.source, 'cache');
    assert.equal(server.requests(), 2, 'a verified cache entry is reused without a download');
    // Tampering with the cached binary is noticed on reuse.
    await writeFile(installed.executable, '#!/bin/sh\necho evil\n');
    await assert.rejects(
      ensureTool('faketool', spec(server.url, sha), { ...options, allowInstall: false }),
      InstallError,
    );
  } finally {
    await server.close();
  }
});

test('pinned release: a checksum mismatch is refused with a clear error and nothing is installed', async () => {
  const body = await releaseTarball();
  const server = await releaseServer(body, 0);
  const toolCache = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cache-'));
  try {
    const wrong = 'a'.repeat(64);
    await assert.rejects(
      ensureTool('faketool', spec(server.url, wrong), {
        toolCache,
        logger: silentLogger,
        clock: recordingClock(),
        allowInstall: true,
        ignorePath: true,
        platform: 'test-platform',
      }),
      (error: Error) => {
        assert.match(
          error.message,
          /faketool: checksum mismatch for http:\/\/127\.0\.0\.1:\d+\/faketool\.tar\.gz: expected sha256 a{64}, got [0-9a-f]{64}; refusing to install/,
        );
        return true;
      },
    );
    assert.ok(!existsSync(path.join(toolCache, 'faketool', '1.2.3', '.scanfold-install.json')));
  } finally {
    await server.close();
  }
});

test('the pinned manifest validates and pins every scanner with a registry fallback', () => {
  const manifest = loadManifest();
  for (const tool of [
    'trivy',
    'semgrep',
    'gitleaks',
    'checkov',
    'syft',
    'grype',
    'govulncheck',
    'osv-scanner',
  ]) {
    const entry = manifest.tools[tool];
    assert.ok(entry, `${tool} is pinned`);
    assert.match(entry.version, /^\d+\.\d+\.\d+$/);
    assert.ok(
      entry.registry.version.endsWith(entry.version),
      `${tool}: registry version matches the pin`,
    );
  }
});
