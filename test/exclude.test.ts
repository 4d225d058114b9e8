import assert from 'node:assert/strict';
import { copyFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { resolveConfig } from '../src/config/load.ts';
import { scanOutputs } from '../src/scanners/common.ts';
import { dropExcludedResults, isExcluded } from '../src/scanners/exclude.ts';
import { gitleaks } from '../src/scanners/gitleaks.ts';
import { grype } from '../src/scanners/grype.ts';
import { EXAMPLE_APP, REPO_ROOT } from './support/run-cli.ts';

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');

test('exclude patterns: plain names match a file or directory anywhere, globs the whole path', () => {
  const cases: [string, string, boolean][] = [
    ['vendor/', 'vendor/a/b.go', true],
    ['vendor', 'src/vendor/b.go', true],
    ['vendor/', 'vendored/b.go', false],
    ['testdata', 'pkg/testdata', true],
    ['package-lock.json', 'package-lock.json', true],
    ['**/*.pem', 'config/deploy_key.pem', true],
    ['config/*.py', 'config/settings.py', true],
    ['config/*.py', 'other/config/settings.py', false],
    ['./config/**', 'config/a/b.py', true],
  ];
  for (const [pattern, file, expected] of cases)
    assert.equal(isExcluded(file, [pattern]), expected, `${pattern} vs ${file}`);
});

test('each result is judged by its own location, however many share a file', () => {
  const at = (uri: string, uriBaseId?: string) => ({
    message: { text: uri },
    locations: [
      { physicalLocation: { artifactLocation: { uri, ...(uriBaseId ? { uriBaseId } : {}) } } },
    ],
  });
  const results = [
    at('b.go'),
    at('b.go', 'VENDOR'),
    at('b.go'),
    at('b.go', 'VENDOR'),
    at('vendor/c.go'),
    at('vendor/c.go'),
    { message: { text: 'no location' } },
  ];
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gitleaks' } },
        originalUriBaseIds: { VENDOR: { uri: 'file:///repo/vendor/' } },
        results,
      },
    ],
  };
  assert.equal(dropExcludedResults(log, ['vendor/'], '/repo'), 4);
  assert.deepEqual(
    log.runs[0]?.results?.map(
      (result) => result.locations?.[0]?.physicalLocation?.artifactLocation,
    ),
    [{ uri: 'b.go' }, { uri: 'b.go' }, undefined],
  );
});

async function rawCopies(files: Record<string, string>): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-exclude-'));
  const copies: string[] = [];
  for (const [from, name] of Object.entries(files)) {
    await copyFile(path.join(RECORDED, from), path.join(dir, name));
    copies.push(path.join(dir, name));
  }
  return copies;
}

const count = (parsed: Awaited<ReturnType<typeof gitleaks.parse>>): number =>
  parsed.sarif.reduce(
    (sum, { log }) => sum + log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0),
    0,
  );

test('gitleaks honours exclude: its results in excluded paths are left out, and the report says so', async () => {
  const files = await rawCopies({ 'gitleaks/gitleaks.sarif': 'gitleaks.sarif' });
  const all = await gitleaks.parse(scanOutputs(files), resolveConfig({ root: EXAMPLE_APP }));
  assert.equal(count(all), 6);
  assert.deepEqual(all.notes, []);
  const config = resolveConfig({ root: EXAMPLE_APP, overrides: { exclude: ['config/'] } });
  const parsed = await gitleaks.parse(scanOutputs(files), config);
  assert.equal(count(parsed), 3, 'config/settings.py twice and config/deploy_key.pem left out');
  assert.deepEqual(parsed.notes, ['3 result(s) in excluded paths left out']);
});

test('grype honours exclude on the manifests its matches were found in', async () => {
  const files = await rawCopies({
    'grype/grype.sarif.json': 'grype.sarif',
    'grype/grype.json': 'grype.json',
  });
  const config = resolveConfig({
    root: EXAMPLE_APP,
    overrides: { exclude: ['package-lock.json'] },
  });
  const parsed = await grype.parse(scanOutputs(files), config);
  assert.equal(count(parsed), 5, 'the three npm matches are left out, the Python ones kept');
  assert.deepEqual(parsed.notes, ['3 result(s) in excluded paths left out']);
});
