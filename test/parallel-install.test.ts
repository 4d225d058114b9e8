/**
 * On a bare machine the scanners' installs start together, not one after another inside the scan
 * slots: with concurrency 1, two pinned release downloads from a slow local release host overlap.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/config/load.ts';
import { scan } from '../src/engine.ts';
import type { Manifest, ToolSpec } from '../src/install/manifest.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';

async function tarball(dir: string, name: string): Promise<Buffer> {
  await mkdir(path.join(dir, name, 'pkg'), { recursive: true });
  await writeFile(path.join(dir, name, 'pkg', name), `#!/bin/sh\necho "${name} 0.0.1"\n`, {
    mode: 0o755,
  });
  const archive = path.join(dir, `${name}.tar.gz`);
  const tar = spawnSync('tar', ['-czf', archive, '-C', path.join(dir, name), 'pkg'], {
    encoding: 'utf8',
  });
  assert.equal(tar.status, 0, tar.stderr);
  return readFile(archive);
}

test('installs of independent scanners overlap even with one scan slot', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-parallel-install-'));
  const tools = ['gitleaks', 'trivy'];
  const archives = new Map<string, Buffer>();
  for (const tool of tools) archives.set(`/${tool}.tar.gz`, await tarball(dir, tool));
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Slow enough that serial installs could never overlap.
    setTimeout(() => {
      inFlight--;
      const body = archives.get(request.url ?? '');
      if (!body) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
    }, 400);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spec = (tool: string): ToolSpec => ({
    version: '0.0.1',
    registry: {
      kind: 'go',
      module: 'example.invalid/none',
      version: 'v0.0.0',
      package: '.',
      ldflags: '',
      env: {},
    },
    releases: {
      [`${process.platform}-${os.arch()}`]: {
        url: `${base}/${tool}.tar.gz`,
        sha256: createHash('sha256')
          .update(archives.get(`/${tool}.tar.gz`) ?? '')
          .digest('hex'),
        binary: `pkg/${tool}`,
      },
    },
  });
  const manifest: Manifest = { tools: Object.fromEntries(tools.map((tool) => [tool, spec(tool)])) };
  try {
    const workspace = path.join(dir, 'workspace');
    await mkdir(workspace);
    await writeFile(path.join(workspace, 'README.md'), '# nothing here\n');
    const config = {
      ...resolveConfig({
        root: workspace,
        overrides: {
          scanners: tools,
          concurrency: 1,
          offline: true,
          outputDir: path.join(dir, 'out'),
        },
      }),
      toolCache: path.join(dir, 'tools'),
    };
    await scan(config, {
      logger: silentLogger,
      clock: systemClock,
      manifest,
      ignorePath: true,
    });
    assert.equal(maxInFlight, 2, 'both downloads were in flight at once');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
});
