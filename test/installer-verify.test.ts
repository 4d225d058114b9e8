import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { statSync, utimesSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureTool } from '../src/install/installer.ts';
import type { ToolSpec } from '../src/install/manifest.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';

const SPEC: ToolSpec = {
  version: '1.0.0',
  registry: { kind: 'pypi', package: 'faketool', version: '1.0.0' },
  releases: {},
};

test('a verified cache entry is not re-hashed while unchanged, and any change to it is caught', async () => {
  const cache = await mkdtemp(path.join(os.tmpdir(), 'scanfold-verify-'));
  const bin = path.join(cache, 'faketool', '1.0.0', 'bin');
  await mkdir(bin, { recursive: true });
  const executable = path.join(bin, 'faketool');
  await writeFile(executable, '#!/bin/sh\necho 1.0.0\n');
  await chmod(executable, 0o755);
  const options = {
    toolCache: cache,
    logger: silentLogger,
    clock: systemClock,
    allowInstall: false,
    ignorePath: true,
  };
  const marker = path.join(cache, 'faketool', '1.0.0', '.scanfold-install.json');
  const first = await ensureTool('faketool', SPEC, options);
  assert.equal(first.source, 'cache');
  // Placed by hand, so verified by nothing; the report still records which bytes ran.
  assert.deepEqual(first.provenance, {
    verifiedBy: 'unverified',
    sha256: createHash('sha256').update('#!/bin/sh\necho 1.0.0\n').digest('hex'),
  });
  const adopted = JSON.parse(await readFile(marker, 'utf8')) as { verifiedStat?: string };
  assert.match(adopted.verifiedStat ?? '', /^\d+:\d+:\d+:\d+$/);
  assert.equal((await ensureTool('faketool', SPEC, options)).source, 'cache');

  // Same size, mtime put back: only the ctime tells, and that is enough to hash again and refuse.
  const before = statSync(executable);
  await writeFile(executable, '#!/bin/sh\necho evil!\n');
  utimesSync(executable, before.atime, before.mtime);
  assert.equal(statSync(executable).size, before.size);
  await assert.rejects(ensureTool('faketool', SPEC, options), /not installed/);
});

test('a scanner found on PATH is reported with the SHA-256 of the executable that ran, as unverified', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-path-'));
  const executable = path.join(dir, 'faketool');
  await writeFile(executable, '#!/bin/sh\necho on-path\n');
  await chmod(executable, 0o755);
  const saved = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${saved ?? ''}`;
  try {
    const found = await ensureTool('faketool', SPEC, {
      toolCache: dir,
      logger: silentLogger,
      clock: systemClock,
      allowInstall: false,
    });
    assert.equal(found.source, 'path');
    assert.deepEqual(found.provenance, {
      verifiedBy: 'unverified',
      sha256: createHash('sha256').update('#!/bin/sh\necho on-path\n').digest('hex'),
    });
  } finally {
    process.env.PATH = saved;
  }
});
