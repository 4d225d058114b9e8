import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Log, Result, Run } from 'sarif';
import { createGitHubClient } from '../src/github/client.ts';
import { uploadToCodeScanning } from '../src/github/code-scanning.ts';
import type { UploadOutcome } from '../src/github/code-scanning.ts';
import type { GitHubContext } from '../src/github/context.ts';
import { planUploads } from '../src/github/upload-plan.ts';
import { importFiles } from '../src/import/import.ts';
import type { FailOn } from '../src/config/schema.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { validateSarif } from '../src/outputs/validate.ts';
import { fastThrottleGroups, startGitHubServer } from './support/github-server.ts';
import type { GitHubServer } from './support/github-server.ts';

// report.pdf needs a browser; these tests are about paths and rules.
process.env.SCANFOLD_PDF = '0';

const work = await mkdtemp(path.join(os.tmpdir(), 'scanfold-paths-'));
// A root whose name needs encoding in a file URI ('#', '%' and a space).
const root = path.join(work, 'repo #1 %x');
await mkdir(root, { recursive: true });
const rootUri = pathToFileURL(root + '/').href;
after(() => rm(work, { recursive: true, force: true }));

interface Merged {
  sarif: Log;
  report: Report;
  markdown: string;
  exitCode: number;
}

let counter = 0;
/** The real merge (importFiles, as `scanfold merge`) of one SARIF log, outputs validated. */
async function merge(log: unknown, failOn: FailOn = 'none'): Promise<Merged> {
  const dir = path.join(work, `case-${++counter}`);
  await mkdir(dir);
  const file = path.join(dir, 'input.sarif');
  await writeFile(file, JSON.stringify(log));
  const out = path.join(dir, 'out');
  const outcome = await importFiles({
    files: [file],
    outputDir: out,
    root,
    failOn,
    logger: silentLogger,
  });
  assert.deepEqual(outcome.report.errors, []);
  const sarif = JSON.parse(await readFile(path.join(out, 'scanfold.sarif'), 'utf8')) as Log;
  assert.deepEqual(validateSarif(sarif), []);
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
  const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
  return { sarif, report, markdown, exitCode: outcome.exitCode };
}

function result(ruleId: string, artifactLocation: Record<string, unknown>): Result {
  return {
    ruleId,
    level: 'error',
    message: { text: `finding ${ruleId}` },
    locations: [{ physicalLocation: { artifactLocation, region: { startLine: 3 } } }],
  };
}

function log(results: Result[], extra: Partial<Run> = {}): Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: 'mytool' } }, results, ...extra }] };
}

/** Each output result's first artifactLocation and each report finding's path, by rule id. */
function locations(merged: Merged): Map<string, { artifact: unknown; path: string | undefined }> {
  const byRule = new Map<string, { artifact: unknown; path: string | undefined }>();
  for (const out of merged.sarif.runs[0]?.results ?? []) {
    const id = out.ruleId ?? '';
    const finding = merged.report.findings.find((f) => f.ruleId === id);
    byRule.set(id, {
      artifact: out.locations?.[0]?.physicalLocation?.artifactLocation,
      path: finding?.location.path,
    });
  }
  return byRule;
}

/** What code scanning accepts: a relative URI under %SRCROOT%, or an absolute `file:` URI alone. */
function assertUploadable(merged: Merged): void {
  for (const run of merged.sarif.runs)
    for (const out of run.results ?? []) {
      assert.ok((out.locations ?? []).length > 0, `${out.ruleId}: a result needs a location`);
      for (const location of out.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        assert.equal(artifact?.index, undefined, `${out.ruleId}: no artifacts[] in the output`);
        const uri = artifact?.uri ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
          assert.match(uri, /^file:\/\//, `${out.ruleId}: ${uri}`);
          assert.ok(URL.canParse(uri), uri);
          assert.equal(artifact?.uriBaseId, undefined, `${out.ruleId}: ${uri}`);
        } else {
          assert.equal(artifact?.uriBaseId, '%SRCROOT%', `${out.ruleId}: ${uri}`);
          assert.ok(!uri.startsWith('/') && !/(^|\/)\.\.(\/|$)/.test(uri), `${out.ruleId}: ${uri}`);
        }
      }
    }
}

test('paths outside the root are never passed off as repository files, and nothing is lost', async () => {
  const inputs: [string, string][] = [
    ['P0', 'file:///etc/passwd'],
    ['P1', '../../x.js'],
    ['P2', 'C:\\x\\y.js'],
    ['P3', 'C:/x/y.js'],
    ['P4', '\\\\server\\share\\x.js'],
    ['P5', '%2e%2e/%2e%2e/z.js'],
    ['P6', 'file://server/share/u.js'],
    ['P7', 'https://example.com/a.js'],
    ['P8', `${rootUri}in/root.js`],
    ['P9', 'src/ok dir/a.js'],
  ];
  const merged = await merge(log(inputs.map(([id, uri]) => result(id, { uri }))));
  assert.equal(merged.sarif.runs[0]?.results?.length, inputs.length);
  assert.equal(merged.report.findings.length, inputs.length);
  assertUploadable(merged);
  const got = locations(merged);
  const outside = pathToFileURL(path.resolve(root, '../../x.js')).href;
  const expected: Record<string, [unknown, string]> = {
    P0: [{ uri: 'file:///etc/passwd' }, 'file:///etc/passwd'],
    P1: [{ uri: outside }, outside],
    P2: [{ uri: 'file:///C:/x/y.js' }, 'file:///C:/x/y.js'],
    P3: [{ uri: 'file:///C:/x/y.js' }, 'file:///C:/x/y.js'],
    P4: [{ uri: 'file://server/share/x.js' }, 'file://server/share/x.js'],
    P5: [
      { uri: pathToFileURL(path.resolve(root, '../../z.js')).href },
      pathToFileURL(path.resolve(root, '../../z.js')).href,
    ],
    P6: [{ uri: 'file://server/share/u.js' }, 'file://server/share/u.js'],
    P7: [
      {
        uri: '.scanfold/external/https_example.com_a.js',
        uriBaseId: '%SRCROOT%',
        properties: { 'scanfold/uri': 'https://example.com/a.js' },
      },
      'https://example.com/a.js',
    ],
    P8: [{ uri: 'in/root.js', uriBaseId: '%SRCROOT%' }, 'in/root.js'],
    P9: [{ uri: 'src/ok%20dir/a.js', uriBaseId: '%SRCROOT%' }, 'src/ok dir/a.js'],
  };
  for (const [id, [artifact, reportPath]] of Object.entries(expected)) {
    assert.deepEqual(got.get(id)?.artifact, artifact, id);
    assert.equal(got.get(id)?.path, reportPath, id);
  }
  // The report shows the same honest path and links only repository files.
  // (markdown escapes ':' as '&#58;' so no text becomes an autolink)
  assert.match(merged.markdown, /\| https&#58;\/\/example\.com\/a\.js&#58;3 \|/);
  assert.match(merged.markdown, /\| file&#58;\/\/\/etc\/passwd&#58;3 \|/);
});

test('uriBaseId: chains resolve, a path under a base outside the root stays relative to it, prototype names are no bases', async () => {
  const bases = {
    A: { uri: 'sub/', uriBaseId: 'B' },
    B: { uri: `${rootUri}pkg/` },
    // Another machine's checkout (a matrix leg, a laptop): GitHub, too, reads the path as the
    // repository's and ignores the base.
    OUT: { uri: 'file:///Users/someone/work/project/' },
    SUB: { uri: 'modules/', uriBaseId: 'OUT' },
    LOOP1: { uri: 'l1/', uriBaseId: 'LOOP2' },
    LOOP2: { uri: 'l2/', uriBaseId: 'LOOP1' },
  };
  const merged = await merge(
    log(
      [
        result('U1', { uri: 'a.js', uriBaseId: 'A' }),
        result('U2', { uri: 'c.js', uriBaseId: 'OUT' }),
        result('U3', { uri: 'd.js', uriBaseId: 'LOOP1' }),
        result('U6', { uri: 'acme%20bucket/main.tf', uriBaseId: 'SUB' }),
        result('U7', { uri: '../../outside.tf', uriBaseId: 'SUB' }),
        result('U4', { uri: 'g.js', uriBaseId: 'constructor' }),
        result('U5', { uri: 'h.js', uriBaseId: '%SRCROOT%' }),
      ],
      { originalUriBaseIds: bases },
    ),
  );
  assertUploadable(merged);
  const got = locations(merged);
  assert.equal(got.get('U1')?.path, 'pkg/sub/a.js');
  assert.deepEqual(got.get('U1')?.artifact, { uri: 'pkg/sub/a.js', uriBaseId: '%SRCROOT%' });
  assert.equal(got.get('U2')?.path, 'c.js');
  assert.deepEqual(got.get('U2')?.artifact, { uri: 'c.js', uriBaseId: '%SRCROOT%' });
  assert.equal(got.get('U6')?.path, 'modules/acme bucket/main.tf');
  // Climbing out of that base: nothing in this repository, so the absolute file it names.
  assert.equal(got.get('U7')?.path, 'file:///Users/someone/work/outside.tf');
  // A cycle or an id that names an Object.prototype member defines no base: read against the root.
  assert.equal(got.get('U3')?.path, 'd.js');
  assert.equal(got.get('U4')?.path, 'g.js');
  assert.equal(got.get('U5')?.path, 'h.js');
});

test('artifact and rule indices resolve through run.artifacts and the driver rules; no index is written', async () => {
  const merged = await merge(
    log(
      [
        result('A1', { index: 0 }),
        {
          rule: { index: 1 },
          message: { text: 'rule by index only' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'b.py' }, region: { startLine: 1 } } },
          ],
          relatedLocations: [{ physicalLocation: { artifactLocation: { index: 1 } } }],
        },
      ],
      {
        tool: { driver: { name: 'idxtool', rules: [{ id: 'A1' }, { id: 'B2' }] } },
        artifacts: [
          { location: { uri: 'src/real/file.py' } },
          { location: { uri: 'lib/other.py', uriBaseId: 'SRC' } },
        ],
        originalUriBaseIds: { SRC: { uri: 'pkg/' } },
      },
    ),
  );
  assertUploadable(merged);
  const run = merged.sarif.runs[0];
  assert.equal(run?.artifacts, undefined);
  const got = locations(merged);
  assert.equal(got.get('A1')?.path, 'src/real/file.py');
  assert.deepEqual(got.get('A1')?.artifact, { uri: 'src/real/file.py', uriBaseId: '%SRCROOT%' });
  assert.ok(got.has('B2'), 'the rule of rule.index is the driver rules[1]');
  assert.equal(
    merged.report.findings.some((f) => f.ruleId === 'unknown-rule'),
    false,
  );
  const second = run?.results?.find((r) => r.ruleId === 'B2');
  assert.equal(
    second?.ruleIndex,
    run?.tool.driver.rules?.findIndex((r) => r.id === 'B2'),
  );
  assert.deepEqual(second?.relatedLocations?.[0]?.physicalLocation?.artifactLocation, {
    uri: 'pkg/lib/other.py',
    uriBaseId: '%SRCROOT%',
  });
});

test('CodeQL rules in tool.extensions rate the finding and travel into the driver rules', async () => {
  const codeql: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'CodeQL', semanticVersion: '2.19.0' },
          extensions: [
            {
              name: 'codeql/javascript-queries',
              rules: [
                {
                  id: 'js/sql-injection',
                  shortDescription: { text: 'Database query built from user-controlled sources' },
                  properties: {
                    'security-severity': '9.8',
                    tags: ['security', 'external/cwe/cwe-089'],
                  },
                },
              ],
            },
          ],
        },
        results: [
          {
            ruleId: 'js/sql-injection',
            rule: { id: 'js/sql-injection', index: 0, toolComponent: { index: 0 } },
            message: { text: 'This query depends on a user-provided value.' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'db.js', uriBaseId: '%SRCROOT%', index: 0 },
                  region: { startLine: 5 },
                },
              },
            ],
          },
          {
            // By the component's name, no index.
            rule: { id: 'js/sql-injection', toolComponent: { name: 'codeql/javascript-queries' } },
            message: { text: 'again' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'db2.js' },
                  region: { startLine: 9 },
                },
              },
            ],
          },
        ],
        artifacts: [{ location: { uri: 'db.js', uriBaseId: '%SRCROOT%' } }],
      },
    ],
  };
  const merged = await merge(codeql, 'high');
  assertUploadable(merged);
  assert.equal(merged.report.findings.length, 2);
  for (const finding of merged.report.findings) {
    assert.equal(finding.severity, 'critical');
    assert.deepEqual(finding.cwe, ['CWE-89']);
    assert.equal(finding.title, 'Database query built from user-controlled sources');
  }
  // --fail-on high fails on a critical SQL injection.
  assert.equal(merged.exitCode, 1);
  const run = merged.sarif.runs[0];
  assert.equal(run?.tool.extensions, undefined);
  const rules = run?.tool.driver.rules ?? [];
  assert.equal(rules.length, 1);
  assert.equal(rules[0]?.properties?.['security-severity'], '9.8');
  for (const out of run?.results ?? []) {
    assert.equal(out.ruleIndex, 0);
    assert.equal(out.rule, undefined);
    // The rule's own score stands; no placeholder score beside it.
    assert.equal(out.properties?.['security-severity'], undefined);
  }
});

/** Upload a log to the fake code scanning as the action does (plan, upload, poll). */
async function uploadTo(server: GitHubServer, sarif: Log): Promise<UploadOutcome[]> {
  const context: GitHubContext = {
    apiUrl: server.apiUrl,
    serverUrl: 'https://github.com',
    owner: 'octo-org',
    repo: 'octo-repo',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    eventName: 'push',
    runId: '1',
    runAttempt: 1,
    workflow: 'security',
    job: 'scan',
    workspace: root,
    retentionDays: undefined,
    pullRequest: undefined,
  };
  const octokit = createGitHubClient({
    token: 'ghs_test',
    apiUrl: server.apiUrl,
    logger: silentLogger,
    maxRateLimitWaitSeconds: 60,
    throttleGroups: fastThrottleGroups(),
  });
  return uploadToCodeScanning({
    octokit,
    context,
    target: { ref: context.ref, sha: context.sha },
    payloads: planUploads({ merged: sarif, scope: '', workspace: root }).payloads,
    logger: silentLogger,
    clock: systemClock,
    pollIntervalMs: 1,
  });
}

function imageLog(refs: readonly string[]): Log {
  // What the image adapters write (annotateImageResults): the image reference is the location.
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Trivy', rules: [{ id: 'CVE-2024-0001' }] } },
        results: refs.map((ref): Result => ({
          ruleId: 'CVE-2024-0001',
          level: 'error',
          message: { text: `Package: openssl\nInstalled Version: 3.1.0\nImage: ${ref}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: ref } } }],
          properties: { 'scanfold/image': { ref } },
        })),
      },
    ],
  };
}

test('image findings: a repo-relative pseudo path GitHub accepts, the real reference kept', async () => {
  const refs = ['alpine:3.19', 'docker-archive:build/app.tar', 'ghcr.io/octo/app@sha256:abc', '..'];
  const merged = await merge(imageLog(refs));
  assertUploadable(merged);
  const results = merged.sarif.runs[0]?.results ?? [];
  assert.equal(results.length, refs.length);
  for (const [index, ref] of refs.entries()) {
    const artifact = results[index]?.locations?.[0]?.physicalLocation?.artifactLocation;
    assert.match(artifact?.uri ?? '', /^\.scanfold\/images\/[A-Za-z0-9._-]+$/);
    assert.ok(!/^\.+$/.test(artifact?.uri?.slice('.scanfold/images/'.length) ?? ''), ref);
    assert.equal(artifact?.properties?.['scanfold/uri'], ref);
    assert.deepEqual(results[index]?.properties?.['scanfold/image'], { ref });
  }
  // The report still files each finding under its image.
  assert.deepEqual(merged.report.findings.map((f) => f.location.path).sort(), [...refs].sort());

  const server = await startGitHubServer();
  try {
    const outcomes = await uploadTo(server, merged.sarif);
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.errors]),
      [['complete', []]],
    );
    // checkout_uri is the workspace's file URL, '#' and '%' encoded, not read as URL syntax.
    assert.equal(server.sarifUploads[0]?.checkoutUri, pathToFileURL(root).href);
  } finally {
    await server.close();
  }
});

test("the fake code scanning fails an upload whose URI scheme is not the checkout's, as GitHub does", async () => {
  const server = await startGitHubServer();
  try {
    // The image reference as a location URI, unrewritten: what GitHub rejects as a whole.
    const raw = imageLog(['alpine:3.19']);
    const run = raw.runs[0];
    assert.ok(run);
    run.automationDetails = { id: 'scanfold/trivy/' };
    const outcomes = await uploadTo(server, raw);
    assert.equal(outcomes[0]?.status, 'complete');
    assert.equal(
      server.sarifUploads[0]?.sarif.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation
        ?.artifactLocation?.uri,
      '.scanfold/external/alpine_3.19',
    );
    // Sent as it is, the fake answers with GitHub's wording.
    const response = await fetch(`${server.apiUrl}/repos/octo-org/octo-repo/code-scanning/sarifs`, {
      method: 'POST',
      headers: { authorization: 'token ghs_test', 'content-type': 'application/json' },
      body: JSON.stringify({
        commit_sha: 'a'.repeat(40),
        ref: 'refs/heads/main',
        sarif: gzipSync(JSON.stringify(imageLog(['alpine:3.19']))).toString('base64'),
        checkout_uri: pathToFileURL(root).href,
      }),
    });
    assert.equal(response.status, 202);
    const { id } = (await response.json()) as { id: string };
    const upload = server.sarifUploads.find((u) => u.id === id);
    assert.equal(upload?.processingStatus, 'failed');
    assert.deepEqual(upload?.errors, [
      'SARIF URI scheme "alpine" did not match the checkout URI scheme "file",',
    ]);
  } finally {
    await server.close();
  }
});

test('OSV-Scanner and Gitleaks JSON: an absolute path outside the root stays absolute, one inside is relative', async () => {
  const recorded = JSON.parse(
    await readFile(
      path.join(import.meta.dirname, 'fixtures', 'recorded', 'osv-scanner', 'osv-scanner.json'),
      'utf8',
    ),
  ) as { results: { source: { path: string } }[] };
  const [first] = recorded.results;
  if (!first) throw new Error('the recorded OSV-Scanner JSON has a result');
  first.source.path = '/home/alice/proj/yarn.lock';
  const osv = path.join(work, 'osv.json');
  await writeFile(osv, JSON.stringify(recorded));
  const gitleaks = path.join(work, 'gitleaks.json');
  const leak = { RuleID: 'generic-api-key', Description: 'Generic', StartLine: 1, EndLine: 1 };
  await writeFile(
    gitleaks,
    JSON.stringify([
      { ...leak, File: '/conf/aws.tf' },
      { ...leak, File: path.join(root, 'conf', 'app.ini') },
    ]),
  );
  const outDir = await mkdtemp(path.join(work, 'out-native-'));
  const outcome = await importFiles({
    files: [osv, gitleaks],
    outputDir: outDir,
    root,
    failOn: 'none',
    logger: silentLogger,
  });
  const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
  const paths = new Set(
    report.findings.flatMap((finding) =>
      [finding.location, ...(finding.locations ?? [])].map((location) => location.path),
    ),
  );
  assert.ok(paths.has('file:///home/alice/proj/yarn.lock'), [...paths].join('\n'));
  assert.ok(paths.has('file:///conf/aws.tf'), [...paths].join('\n'));
  assert.ok(paths.has('conf/app.ini'), [...paths].join('\n'));
  assert.ok(![...paths].some((p) => p.startsWith('home/') || p === 'conf/aws.tf'));
});
