import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
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

/** A stored (uncompressed) zip: enough for a Go module zip in a file:// module proxy. */
function storedZip(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

test('registry install by `go install module@version` stamps the module version into the binary', async () => {
  // A one-module Go proxy on disk (GOPROXY=file://): no network, the real go command.
  const proxy = await mkdtemp(path.join(os.tmpdir(), 'scanfold-goproxy-'));
  const module = 'example.com/versioned';
  const goMod = `module ${module}\n\ngo 1.22\n`;
  const main = `package main

import (
\t"fmt"
\t"runtime/debug"
)

func main() {
\tinfo, _ := debug.ReadBuildInfo()
\tfmt.Println("versioned", info.Main.Version)
}
`;
  const dir = path.join(proxy, module, '@v');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'list'), 'v0.4.2\n');
  await writeFile(
    path.join(dir, 'v0.4.2.info'),
    '{"Version":"v0.4.2","Time":"2026-01-01T00:00:00Z"}',
  );
  await writeFile(path.join(dir, 'v0.4.2.mod'), goMod);
  await writeFile(
    path.join(dir, 'v0.4.2.zip'),
    storedZip({ [`${module}@v0.4.2/go.mod`]: goMod, [`${module}@v0.4.2/main.go`]: main }),
  );
  const toolCache = await mkdtemp(path.join(os.tmpdir(), 'scanfold-cache-'));
  const installed = await ensureTool(
    'versioned',
    {
      version: '0.4.2',
      registry: {
        kind: 'go',
        module,
        version: 'v0.4.2',
        package: '.',
        ldflags: '',
        method: 'install',
        env: {
          GOPROXY: `file://${proxy}`,
          GOSUMDB: 'off',
          GONOSUMDB: module,
          GOFLAGS: '-mod=mod',
          GOTOOLCHAIN: 'local',
        },
      },
      releases: {},
    },
    {
      toolCache,
      logger: silentLogger,
      clock: recordingClock(),
      allowInstall: true,
      ignorePath: true,
    },
  );
  assert.equal(installed.source, 'registry');
  const run = spawnSync(installed.executable, { encoding: 'utf8' });
  assert.equal(run.stdout.trim(), 'versioned v0.4.2');
});
