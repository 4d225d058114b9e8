import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importFiles } from '../src/import/import.ts';
import { ConfigurationError } from '../src/model/errors.ts';
import { silentLogger } from '../src/model/ports.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';
import { evaluateLicenses, judgeLicense } from '../src/policy/licenses.ts';
import { REPO_ROOT } from './support/run-cli.ts';

test('the default policy denies strong copyleft only, with SPDX expression semantics', () => {
  const verdict = (expression: string): string => judgeLicense(expression, {}).verdict;
  for (const allowed of [
    'MIT',
    'ISC',
    'Apache-2.0',
    'LGPL-2.1-only',
    'MPL-2.0',
    'MIT OR GPL-3.0-only',
    '(MIT AND BSD-3-Clause)',
  ])
    assert.equal(verdict(allowed), 'allowed', allowed);
  for (const denied of ['GPL-2.0-or-later', 'AGPL-3.0-only', 'GPL-2.0+', 'MIT AND GPL-3.0-only'])
    assert.equal(verdict(denied), 'denied', denied);
  // A licence exception changes the terms (GCC's runtime exception): only denied when listed as such.
  assert.equal(verdict('GPL-3.0-or-later WITH GCC-exception-3.1'), 'allowed');
  assert.deepEqual(judgeLicense('Custom proprietary', {}), {
    verdict: 'unknown',
    reason: "'Custom proprietary' is not an SPDX licence expression",
  });
  assert.deepEqual(judgeLicense('MIT AND GPL-3.0-only', {}), {
    verdict: 'denied',
    reason: 'GPL-3.0-only is denied by the licence policy',
  });
});

test('allow and deny lists from the config', () => {
  const policy = { allow: ['MIT', 'Apache-2.0'], deny: ['MPL-2.0'] };
  assert.equal(judgeLicense('MIT', policy).verdict, 'allowed');
  assert.equal(judgeLicense('ISC', policy).verdict, 'denied');
  assert.equal(judgeLicense('ISC OR Apache-2.0', policy).verdict, 'allowed');
  assert.equal(judgeLicense('MPL-2.0', policy).verdict, 'denied');
  // Denying GPL-2.0-or-later denies the later versions it ranges over too.
  assert.equal(judgeLicense('GPL-3.0-only', { deny: ['GPL-2.0-or-later'] }).verdict, 'denied');
  assert.throws(
    () => evaluateLicenses([], { deny: ['MIT OR ISC'] }),
    (error: unknown) =>
      error instanceof ConfigurationError &&
      /licenses\.deny\[0\]: 'MIT OR ISC' is an expression/.test(error.message),
  );
});

test("Syft's SBOM of the example app: only tinymce's GPL licence becomes a finding", async () => {
  const bom = JSON.parse(
    await readFile(path.join(REPO_ROOT, 'test/fixtures/recorded/syft/syft.cdx.json'), 'utf8'),
  ) as Record<string, unknown>;
  const { log, summary } = evaluateLicenses([bom]);
  assert.deepEqual(summary.denied, [
    {
      name: 'tinymce',
      version: '7.0.0',
      license: 'GPL-2.0-or-later',
      reason: 'GPL-2.0-or-later is denied by the licence policy',
    },
  ]);
  assert.deepEqual(summary.unknown, []);
  assert.ok(summary.components > 60 && summary.undeclared > 0);
  const results = log?.runs[0]?.results ?? [];
  assert.equal(results.length, 1);
  assert.equal(
    results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'package-lock.json',
  );
  assert.equal(results[0]?.properties?.severity, 'medium');
  // With an allow list of MIT only, every other declared licence is a finding.
  const strict = evaluateLicenses([bom], { allow: ['MIT'], severity: 'low' });
  assert.ok((strict.log?.runs[0]?.results?.length ?? 0) > 1);
});

test("a scanner's own licence results: allowed licences are accepted by policy, denied ones stay findings", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-lic-'));
  try {
    const { report } = await importFiles({
      files: [path.join(REPO_ROOT, 'test/fixtures/recorded/trivy/trivy.sarif')],
      outputDir: dir,
      root: path.join(REPO_ROOT, 'examples', 'vulnerable-app'),
      failOn: 'none',
      logger: silentLogger,
    });
    const licenses = report.findings.filter((f) => f.category === 'license');
    assert.equal(licenses.length, 62, 'every Trivy licence result is still a finding');
    const open = licenses.filter((f) => !f.suppressed);
    assert.deepEqual(
      open.map((f) => f.ruleId),
      ['tinymce:GPL-2.0-or-later'],
    );
    const mit = licenses.find((f) => f.ruleId === 'express:MIT');
    assert.deepEqual(mit?.suppression, {
      source: 'policy',
      reason: 'MIT is allowed by the licence policy',
    });
    const body = renderMarkdown(report);
    assert.doesNotMatch(body, /express&#58;MIT/);
    assert.match(body, /61 licence result\(s\) the licence policy allows are not listed/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
