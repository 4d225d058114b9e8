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
import { checkLockFit, runnerTargets } from '../src/install/pip-lock.ts';
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
  for (const tool of ['trivy', 'semgrep', 'gitleaks', 'checkov', 'syft', 'grype']) {
    const entry = manifest.tools[tool];
    assert.ok(entry, `${tool} is pinned`);
    assert.match(entry.version, /^\d+\.\d+\.\d+$/);
    assert.ok(
      entry.registry.version.endsWith(entry.version),
      `${tool}: registry version matches the pin`,
    );
  }
});

/** A release host serving the archive and a checksums file (`<sha256>  <name>` lines). */
async function checksummedRelease(body: Buffer, listing: (digest: string) => string) {
  const digest = createHash('sha256').update(body).digest('hex');
  const server = http.createServer((request, response) => {
    if (request.url?.endsWith('_checksums.txt'))
      response.writeHead(200, { 'content-type': 'text/plain' }).end(listing(digest));
    else response.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    digest,
    spec: (): ToolSpec => ({
      ...spec(`${base}/faketool_1.2.3_linux_amd64.tar.gz`, 'unused'),
      releases: {
        'test-platform': {
          url: `${base}/faketool_1.2.3_linux_amd64.tar.gz`,
          checksums: `${base}/faketool_1.2.3_checksums.txt`,
          binary: 'pkg/faketool',
        },
      },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const checksumOptions = async () => ({
  toolCache: await mkdtemp(path.join(os.tmpdir(), 'scanfold-cache-')),
  logger: silentLogger,
  clock: recordingClock(),
  allowInstall: true,
  ignorePath: true,
  platform: 'test-platform',
});

test("release checksums file: the archive is installed only when the release's checksums file lists its digest, which is recorded", async () => {
  const body = await releaseTarball();
  const release = await checksummedRelease(
    body,
    (digest) =>
      `${'0'.repeat(64)}  faketool_1.2.3_darwin_amd64.tar.gz\n${digest}  faketool_1.2.3_linux_amd64.tar.gz\n`,
  );
  try {
    const installed = await ensureTool('faketool', release.spec(), await checksumOptions());
    assert.equal(installed.source, 'download');
    assert.deepEqual(installed.provenance, {
      verifiedBy: 'release-checksums',
      sha256: release.digest,
    });
  } finally {
    await release.close();
  }
});

for (const [label, listing, reason] of [
  [
    'a different digest',
    () => `${'b'.repeat(64)}  faketool_1.2.3_linux_amd64.tar.gz\n`,
    /the release's checksums file says sha256 b{64}, got [0-9a-f]{64}; refusing to install/,
  ],
  [
    'no entry for the archive',
    (digest: string) => `${digest}  faketool_1.2.3_darwin_amd64.tar.gz\n`,
    /faketool_1\.2\.3_checksums\.txt does not list faketool_1\.2\.3_linux_amd64\.tar\.gz; refusing to install/,
  ],
] as const) {
  test(`release checksums file: ${label} is refused and nothing is installed`, async () => {
    const release = await checksummedRelease(await releaseTarball(), listing);
    const options = await checksumOptions();
    try {
      await assert.rejects(ensureTool('faketool', release.spec(), options), (error: Error) => {
        assert.match(error.message, reason);
        return true;
      });
      assert.ok(
        !existsSync(path.join(options.toolCache, 'faketool', '1.2.3', '.scanfold-install.json')),
      );
    } finally {
      await release.close();
    }
  });
}

test('every release in tools.json is verified: a pinned SHA-256 or the release checksums file', () => {
  const manifest = loadManifest();
  for (const [tool, entry] of Object.entries(manifest.tools))
    for (const [platform, release] of Object.entries(entry.releases))
      assert.ok(release.sha256 ?? release.checksums, `${tool} ${platform}`);
  assert.ok(Object.keys(manifest.tools.syft?.releases ?? {}).length > 0);
  assert.ok(Object.keys(manifest.tools.grype?.releases ?? {}).length > 0);
});

/** A real wheel with a console script, built by hand (zipfile), served from a local directory. */
function fakeWheel(dir: string): string {
  const script = `
import base64, hashlib, sys, zipfile
out = sys.argv[1]
files = {
  'fakepy/__init__.py': 'def main():\\n    print("fakepy 1.0.0")\\n',
  'fakepy-1.0.0.dist-info/METADATA': 'Metadata-Version: 2.1\\nName: fakepy\\nVersion: 1.0.0\\n',
  'fakepy-1.0.0.dist-info/WHEEL': 'Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n',
  'fakepy-1.0.0.dist-info/entry_points.txt': '[console_scripts]\\nfakepy = fakepy:main\\n',
}
record = []
with zipfile.ZipFile(out, 'w') as z:
  for name, text in files.items():
    data = text.encode()
    z.writestr(name, data)
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
    record.append(f'{name},sha256={digest},{len(data)}')
  record.append('fakepy-1.0.0.dist-info/RECORD,,')
  z.writestr('fakepy-1.0.0.dist-info/RECORD', '\\n'.join(record) + '\\n')
`;
  const wheel = path.join(dir, 'fakepy-1.0.0-py3-none-any.whl');
  const made = spawnSync('python3', ['-c', script, wheel], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  return wheel;
}

/** A lock as scripts/lock-pypi.ts writes it: the locked files named, then their hashes. */
async function pypiSpec(
  digest: (real: string) => string,
  lockedFile = 'fakepy-1.0.0-py3-none-any.whl',
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-wheels-'));
  const wheel = fakeWheel(dir);
  const real = createHash('sha256')
    .update(await readFile(wheel))
    .digest('hex');
  const requirements = path.join(dir, 'requirements.txt');
  await writeFile(
    requirements,
    `#   ${lockedFile} sha256:${digest(real)}\nfakepy==1.0.0 \\\n    --hash=sha256:${digest(real)}\n`,
  );
  const tool: ToolSpec = {
    version: '1.0.0',
    registry: { kind: 'pypi', package: 'fakepy', version: '1.0.0', requirements },
    releases: {},
  };
  // pip reads only the local directory: no index, no network.
  process.env.PIP_NO_INDEX = '1';
  process.env.PIP_FIND_LINKS = dir;
  return { tool, real };
}

test('PyPI tools install with pip --require-hashes from the hash-locked requirements file; the lock digest is recorded', async () => {
  const { tool } = await pypiSpec((real) => real);
  const installed = await ensureTool('fakepy', tool, await checksumOptions());
  assert.equal(installed.source, 'registry');
  assert.equal(installed.provenance?.verifiedBy, 'pip-require-hashes');
  const lock = tool.registry.kind === 'pypi' ? (tool.registry.requirements ?? '') : '';
  assert.equal(
    installed.provenance?.sha256,
    createHash('sha256')
      .update(await readFile(lock))
      .digest('hex'),
  );
  assert.equal(spawnSync(installed.executable, { encoding: 'utf8' }).stdout.trim(), 'fakepy 1.0.0');
});

test('PyPI tools: when no locked wheel fits the interpreter, one line names platform and Python, and nothing is installed', async () => {
  // The lock holds only a Windows wheel; the index offers a wheel that would fit but is not locked.
  const { tool } = await pypiSpec(() => 'd'.repeat(64), 'fakepy-1.0.0-py3-none-win_amd64.whl');
  const options = await checksumOptions();
  await assert.rejects(ensureTool('fakepy', tool, options), (error: Error) => {
    assert.match(
      error.message,
      /^fakepy: the hash lock requirements\.txt has no wheel for CPython 3\.\d+\.\d+ on Linux x86_64 \(fakepy==1\.0\.0\); refusing to install unverified/,
    );
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
  assert.ok(!existsSync(path.join(options.toolCache, 'fakepy', '1.0.0', '.scanfold-install.json')));
  assert.ok(!existsSync(path.join(options.toolCache, 'fakepy', '1.0.0', 'venv', 'bin', 'fakepy')));
});

test('PyPI tools: a wheel whose hash is not the locked one is refused, nothing installed', async () => {
  const { tool } = await pypiSpec(() => 'c'.repeat(64));
  const options = await checksumOptions();
  await assert.rejects(ensureTool('fakepy', tool, options), (error: Error) => {
    assert.match(error.message, /do not match the hashes|HASHES/i);
    return true;
  });
  assert.ok(!existsSync(path.join(options.toolCache, 'fakepy', '1.0.0', '.scanfold-install.json')));
});

test('the pinned Semgrep and Checkov installs are hash-locked, with every dependency', async () => {
  const manifest = loadManifest();
  for (const tool of ['semgrep', 'checkov']) {
    const registry = manifest.tools[tool]?.registry;
    assert.equal(registry?.kind, 'pypi');
    if (registry?.kind !== 'pypi') continue;
    const text = await readFile(registry.requirements ?? '', 'utf8');
    assert.match(text, new RegExp(`^${tool}==${registry.version} \\\\$`, 'm'));
    const requirements = text.split('\n').filter((line) => /^[a-z0-9]/i.test(line));
    assert.ok(requirements.length > 20, `${tool}: ${requirements.length} pinned distributions`);
    for (const line of requirements) assert.match(line, /^[a-z0-9.-]+==[^ ;]+( ; .+)? \\$/i);
  }
});

/** Each requirement of a lock with the files it names and the hashes it pins. */
function lockEntries(text: string) {
  const entries: { requirement: string; files: Map<string, string>; hashes: Set<string> }[] = [];
  let files = new Map<string, string>();
  for (const line of text.split('\n')) {
    const file = /^#\s+(\S+) sha256:([0-9a-f]{64})$/.exec(line);
    if (file?.[1] && file[2]) files.set(file[1], file[2]);
    else if (/^[a-z0-9]/i.test(line)) {
      entries.push({ requirement: line.replace(/ \\$/, ''), files, hashes: new Set() });
      files = new Map();
    } else {
      const hash = /--hash=sha256:([0-9a-f]{64})/.exec(line)?.[1];
      if (hash) entries.at(-1)?.hashes.add(hash);
    }
  }
  return entries;
}

test('the PyPI locks pin every published file of each version, a wheel for each runner platform tag', async () => {
  const manifest = loadManifest();
  const platformTags: Record<string, RegExp> = {
    'linux-x64': /manylinux.*_x86_64|-any\.whl$/,
    'linux-arm64': /manylinux.*_aarch64|-any\.whl$/,
    'darwin-arm64': /macosx_.*_(arm64|universal2)|-any\.whl$/,
    'win32-x64': /win_amd64|-any\.whl$/,
  };
  for (const tool of ['semgrep', 'checkov']) {
    const registry = manifest.tools[tool]?.registry;
    if (registry?.kind !== 'pypi') assert.fail(`${tool} is a PyPI tool`);
    const entries = lockEntries(await readFile(registry.requirements ?? '', 'utf8'));
    for (const { requirement, files, hashes } of entries) {
      assert.ok(files.size > 0, `${tool}: ${requirement} names its files`);
      // Every named file's digest is pinned, and nothing else is.
      assert.deepEqual([...hashes].sort(), [...new Set(files.values())].sort(), requirement);
    }
    const own = entries.find((entry) => entry.requirement.startsWith(`${tool}==`));
    for (const [platform, tag] of Object.entries(platformTags))
      assert.ok(
        [...(own?.files.keys() ?? [])].some((file) => tag.test(file)),
        `${tool}: a ${platform} wheel is locked`,
      );
  }
});

test('the PyPI locks cover every runner platform and CPython 3.9-3.13 the tool supports, and say which they cannot', async () => {
  const manifest = loadManifest();
  const targets = runnerTargets();
  assert.equal(targets.length, 50);
  const gaps = new Map<string, string[]>();
  await Promise.all(
    ['semgrep', 'checkov'].flatMap((tool) =>
      targets.map(async (target) => {
        const registry = manifest.tools[tool]?.registry;
        if (registry?.kind !== 'pypi') assert.fail(`${tool} is a PyPI tool`);
        const fit = await checkLockFit('python3', registry.requirements ?? '', target);
        assert.ok(fit.fit + fit.unfit.length > 20, `${tool} ${target.label} ${target.python}`);
        if (fit.unfit.length > 0) gaps.set(`${tool} ${target.label} ${target.python}`, fit.unfit);
      }),
    ),
  );
  // Checkov (pure Python, Python >= 3.9): a locked wheel for everything, everywhere.
  assert.deepEqual(
    [...gaps.keys()].filter((key) => key.startsWith('checkov')),
    [],
  );
  // Semgrep 1.185.0 publishes wheels for Python >= 3.10 on every runner platform but macOS x64
  // (and cryptography 50 dropped macOS x64 wheels): those, and only those, are refused.
  const semgrepGaps = [...gaps.keys()].filter((key) => key.startsWith('semgrep')).sort();
  const expected = targets
    .filter((target) => target.label === 'darwin-x64' || target.python.startsWith('3.9.'))
    .map((target) => `semgrep ${target.label} ${target.python}`)
    .sort();
  assert.deepEqual(semgrepGaps, expected);
  for (const key of semgrepGaps) assert.ok(gaps.get(key)?.includes('semgrep==1.185.0'), key);
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
