import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/config/load.ts';
import { EXIT, scan } from '../src/engine.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import type { Logger } from '../src/model/ports.ts';
import { testDbDir } from './support/testdb.ts';

/** An OCI registry on 127.0.0.1 that rate-limits every DB manifest, like ghcr.io on a bad day. */
async function rateLimitedRegistry(retryAfter = '0') {
  const manifests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    if (url === '/v2/' || url === '/v2') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    if (url.includes('/manifests/')) manifests.push(url);
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter }).end(
      JSON.stringify({
        errors: [
          { code: 'TOOMANYREQUESTS', message: `retry-after: ${retryAfter}, allowed: 44000/minute` },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    manifests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A project with the given files, scanned for real with Trivy's vuln scanner against `registry`. */
async function scanWithRegistry(options: {
  files: Record<string, string>;
  scanners: ('trivy' | 'gitleaks')[];
  retries: number;
  cacheDir: string;
  dbRepositories: string[];
  trivyScanners?: ('vuln' | 'secret' | 'misconfig' | 'license')[];
  logger?: Logger;
}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-dbfail-'));
  for (const [name, content] of Object.entries(options.files))
    await writeFile(path.join(root, name), content);
  const config = resolveConfig({
    root,
    overrides: {
      scanners: options.scanners,
      retries: options.retries,
      failOn: 'none',
      trivy: {
        scanners: options.trivyScanners ?? ['vuln'],
        cacheDir: options.cacheDir,
        dbRepositories: options.dbRepositories,
      },
    },
    retryBaseMs: 10,
  });
  return scan(config, {
    logger: options.logger ?? silentLogger,
    clock: systemClock,
    install: false,
    ignorePath: true,
  });
}

test('trivy: with no DB to be had, its secret and misconfiguration scanners still run; the report says vulnerability scanning was skipped; Retry-After is honoured', async () => {
  // ghcr.io words it as a Go duration in the error body; Trivy prints that.
  const registry = await rateLimitedRegistry('1.5s');
  const lines: string[] = [];
  const logger: Logger = { ...silentLogger, warning: (line) => lines.push(line) };
  try {
    const outcome = await scanWithRegistry({
      files: {
        'package-lock.json': JSON.stringify({
          name: 'x',
          lockfileVersion: 3,
          packages: { '': { name: 'x' }, 'node_modules/lodash': { version: '4.17.15' } },
        }),
        'settings.py': 'GITHUB_TOKEN = "ghp_FakeTokenForScannerTestsNotReal01234"\n',
      },
      scanners: ['trivy'],
      trivyScanners: ['vuln', 'secret'],
      retries: 1,
      cacheDir: await mkdtemp(path.join(os.tmpdir(), 'scanfold-trivy-nodb-')),
      dbRepositories: [`${registry.host}/primary/trivy-db:2`],
      logger,
    });
    const trivy = outcome.report.scanners.find((s) => s.name === 'trivy');
    assert.equal(trivy?.status, 'ok', JSON.stringify(trivy));
    assert.equal(trivy?.attempts, 2);
    assert.match(
      trivy?.notes?.join(' ') ?? '',
      /vulnerability scanning skipped: the vulnerability DB could not be downloaded \(.+\) and no cached DB exists/,
    );
    assert.ok(
      outcome.report.findings.some(
        (f) =>
          f.tools.includes('trivy') && f.category === 'secret' && f.location.path === 'settings.py',
      ),
      JSON.stringify(outcome.report.findings),
    );
    assert.equal(outcome.exitCode, EXIT.ok);
    // retryBaseMs is 10, so only the server's 1.5 s can explain a longer wait.
    const wait = lines.map((line) => /retrying in (\d+) ms/.exec(line)?.[1]).find(Boolean);
    assert.equal(Number(wait), 1500, lines.join('\n'));
  } finally {
    await registry.close();
  }
});

test('trivy: a rate-limited DB download is retried across mirrors, then failed with a clear message; gitleaks still reports', async () => {
  const registry = await rateLimitedRegistry();
  try {
    const outcome = await scanWithRegistry({
      files: {
        'package-lock.json': JSON.stringify({
          name: 'x',
          lockfileVersion: 3,
          packages: { '': { name: 'x' } },
        }),
        'settings.py': 'GITHUB_TOKEN = "ghp_FakeTokenForScannerTestsNotReal01234"\n',
      },
      scanners: ['trivy', 'gitleaks'],
      retries: 2,
      cacheDir: await mkdtemp(path.join(os.tmpdir(), 'scanfold-trivy-empty-')),
      dbRepositories: [`${registry.host}/mirror/trivy-db:2`, `${registry.host}/primary/trivy-db:2`],
    });
    const trivy = outcome.report.scanners.find((s) => s.name === 'trivy');
    assert.equal(trivy?.status, 'failed', JSON.stringify(trivy));
    assert.equal(trivy?.attempts, 3);
    assert.match(trivy?.message ?? '', /trivy fs exited with 1: .*(download|DB)/i);
    assert.match(trivy?.message ?? '', /\(after 3 attempts\)$/);
    assert.ok((trivy?.stderrTail ?? []).length > 0 && (trivy?.stderrTail ?? []).length <= 20);
    // Each attempt starts from the next repository, so a rate-limited one is not asked first twice running.
    assert.equal(registry.manifests.length % 3, 0, registry.manifests.join('\n'));
    const perAttempt = registry.manifests.length / 3;
    const firsts = [0, 1, 2].map(
      (attempt) => /\/(mirror|primary)\//.exec(registry.manifests[attempt * perAttempt] ?? '')?.[1],
    );
    assert.deepEqual(firsts, ['mirror', 'primary', 'mirror']);
    assert.equal(outcome.report.scanners.find((s) => s.name === 'gitleaks')?.status, 'ok');
    assert.ok(
      outcome.report.findings.some(
        (f) => f.tools.includes('gitleaks') && f.location.path === 'settings.py',
      ),
    );
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
  } finally {
    await registry.close();
  }
});

test('trivy: when every download attempt fails, the cached DB is used as a last resort and the report says it may be stale', async () => {
  const registry = await rateLimitedRegistry();
  try {
    // A copy of the fixture DB whose metadata says an update is due, so Trivy tries to download.
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-trivy-stale-'));
    await cp(path.join(testDbDir('trivy'), 'db'), path.join(cacheDir, 'db'), { recursive: true });
    const metadataFile = path.join(cacheDir, 'db', 'metadata.json');
    const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>;
    await writeFile(
      metadataFile,
      JSON.stringify({
        ...metadata,
        NextUpdate: '2020-01-01T00:00:00Z',
        DownloadedAt: '2020-01-01T00:00:00Z',
      }),
    );
    const outcome = await scanWithRegistry({
      files: {
        'package-lock.json': JSON.stringify({
          name: 'x',
          lockfileVersion: 3,
          packages: { '': { name: 'x' }, 'node_modules/lodash': { version: '4.17.15' } },
        }),
      },
      scanners: ['trivy'],
      retries: 1,
      cacheDir,
      dbRepositories: [`${registry.host}/primary/trivy-db:2`],
    });
    const trivy = outcome.report.scanners.find((s) => s.name === 'trivy');
    assert.equal(trivy?.status, 'ok', JSON.stringify(trivy));
    assert.equal(trivy?.attempts, 2);
    assert.match(
      trivy?.notes?.join(' ') ?? '',
      /vulnerability DB download failed .*used the cached DB, \d+ h old, which may be stale/,
    );
    assert.ok(
      outcome.report.findings.some(
        (f) => f.cve === 'CVE-2020-8203' && f.package?.name === 'lodash',
      ),
    );
    assert.ok(registry.manifests.length > 0);
  } finally {
    await registry.close();
  }
});

test('grype: a DB download that keeps failing is retried, then failed with a clear message; syft still reports', async () => {
  let requests = 0;
  const server = http.createServer((_request, response) => {
    requests++;
    response.writeHead(503, { 'retry-after': '0' }).end('busy');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-grype-dbfail-'));
    await writeFile(path.join(root, 'requirements.txt'), 'Django==2.2.0\n');
    const config = resolveConfig({
      root,
      overrides: {
        scanners: ['syft', 'grype'],
        retries: 1,
        failOn: 'none',
        grype: {
          dbCacheDir: await mkdtemp(path.join(os.tmpdir(), 'scanfold-grype-empty-')),
          dbUpdateUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/databases`,
        },
      },
      retryBaseMs: 10,
    });
    const outcome = await scan(config, {
      logger: silentLogger,
      clock: systemClock,
      install: false,
      ignorePath: true,
    });
    const grype = outcome.report.scanners.find((s) => s.name === 'grype');
    assert.equal(grype?.status, 'failed', JSON.stringify(grype));
    assert.equal(grype?.attempts, 2);
    assert.match(
      grype?.message ?? '',
      /^grype exited with 1: \[\d+\] ERROR failed to load vulnerability db: database does not exist \(after 2 attempts\)$/,
    );
    assert.ok(requests >= 2, `${requests} DB requests`);
    assert.equal(outcome.report.scanners.find((s) => s.name === 'syft')?.status, 'ok');
    assert.ok((outcome.report.sbom?.components ?? 0) >= 1);
    assert.equal(outcome.exitCode, EXIT.scannerFailed);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
