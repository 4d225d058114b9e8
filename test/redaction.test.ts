/**
 * Secrets leave no trace in any output of `scanfold merge`, whichever tool found them and whichever
 * SARIF field carried them; hostile text cannot hide in the reports; the output directory is only
 * Scanfold's to write.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import type { Report } from '../src/model/scan-result.ts';
import { REPO_ROOT } from './support/run-cli.ts';
import { leaks, plantedSecrets } from './support/planted.ts';
import type { Planted } from './support/planted.ts';
import { validateSarif } from './support/schemas.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from source, as `npm run scanfold` runs it. */
function scanfold(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'src/cli/index.ts'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const location = (uri: string, line: number, snippet: string) => ({
  physicalLocation: {
    artifactLocation: { uri },
    region: { startLine: line, startColumn: 1, snippet: { text: snippet } },
    contextRegion: { startLine: line, snippet: { text: `before\n${snippet}\nafter` } },
  },
  message: { text: `here: ${snippet}` },
});

/** Every free-text field a SARIF producer can fill, each carrying a planted value. */
function hostileGitleaks(p: Planted): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'gitleaks', rules: [{ id: 'aws-access-token' }, { id: 'private-key' }] },
        },
        results: [
          {
            ruleId: 'aws-access-token',
            message: {
              text: `AWS key ${p.awsAccessKeyId} found`,
              markdown: `**${p.awsAccessKeyId}**`,
            },
            locations: [location('.env', 3, p.awsAccessKeyId)],
            relatedLocations: [location('.env', 4, p.awsSecretAccessKey)],
            codeFlows: [
              {
                message: { text: p.awsSecretAccessKey },
                threadFlows: [{ locations: [{ location: location('.env', 3, p.awsAccessKeyId) }] }],
              },
            ],
            stacks: [{ message: { text: p.githubToken }, frames: [] }],
            fixes: [{ description: { text: p.githubToken }, artifactChanges: [] }],
            partialFingerprints: { secretHash: p.awsAccessKeyId, commitSha: 'abc' },
            fingerprints: { raw: p.awsSecretAccessKey },
            properties: {
              Match: `KEY=${p.awsAccessKeyId}`,
              nested: { secret: p.githubToken },
              tags: ['key'],
            },
          },
          {
            ruleId: 'private-key',
            message: { text: 'private key' },
            locations: [location('deploy.pem', 1, p.privateKey)],
          },
        ],
      },
    ],
  };
}

/** A code scanner's hard-coded credential (CWE-798) and Checkov's secret check, plus an IaC finding on the same lines. */
function codeScanners(p: Planted): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Semgrep OSS',
            rules: [
              {
                id: 'python.lang.hardcoded-token',
                shortDescription: { text: 'Hard-coded token' },
                properties: { tags: ['CWE-798: Use of Hard-coded Credentials', 'security'] },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'python.lang.hardcoded-token',
            message: { text: `Token ${p.githubToken} is hard-coded` },
            locations: [location('app.py', 7, `TOKEN = "${p.githubToken}"`)],
          },
        ],
      },
      {
        tool: {
          driver: { name: 'Checkov', rules: [{ id: 'CKV_SECRET_6' }, { id: 'CKV_AWS_41' }] },
        },
        results: [
          {
            ruleId: 'CKV_SECRET_6',
            message: { text: `Base64 High Entropy String ${p.actionToken}` },
            locations: [location('main.tf', 2, `  token = "${p.actionToken}"`)],
          },
          {
            ruleId: 'CKV_AWS_41',
            message: {
              text: 'Ensure no hard coded AWS access key and secret key exists in provider',
            },
            locations: [
              location('main.tf', 1, `provider "aws" {\n  token = "${p.actionToken}"\n}`),
            ],
          },
        ],
      },
    ],
  };
}

describe('secrets are redacted in every output of a merge', () => {
  let dir: string;
  let planted: Planted;
  let run: Run;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scanfold-redact-'));
    planted = plantedSecrets();
    await writeFile(path.join(dir, 'gitleaks.sarif'), JSON.stringify(hostileGitleaks(planted)));
    await writeFile(path.join(dir, 'code.sarif'), JSON.stringify(codeScanners(planted)));
    run = await scanfold(
      ['merge', 'gitleaks.sarif', 'code.sarif', '--out', 'out', '--fail-on', 'none'],
      dir,
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the merge succeeds and every output is free of the planted values', async () => {
    assert.equal(run.code, 0, run.stderr);
    const found = await leaks(planted, {
      dirs: [path.join(dir, 'out')],
      texts: { stdout: run.stdout, stderr: run.stderr },
    });
    assert.deepEqual(found, []);
  });

  test('CWE-798 and Checkov secret checks are secrets; each keeps a non-reversible hint', async () => {
    const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
    const secrets = report.findings.filter((f) => f.category === 'secret');
    assert.deepEqual(secrets.map((f) => f.ruleId).sort(), [
      'CKV_SECRET_6',
      'aws-access-token',
      'private-key',
      'python.lang.hardcoded-token',
    ]);
    const aws = secrets.find((f) => f.ruleId === 'aws-access-token');
    assert.equal(aws?.message, '[secret redacted: aws-access-token, starts "AKIA", 20 chars]');
    assert.equal(report.findings.find((f) => f.ruleId === 'CKV_AWS_41')?.category, 'iac');
  });

  test('scanfold.sarif keeps rule, place and fingerprints, and stays valid SARIF 2.1.0', async () => {
    const sarif = JSON.parse(await readFile(path.join(dir, 'out/scanfold.sarif'), 'utf8')) as Log;
    assert.deepEqual(validateSarif(sarif), []);
    const gitleaks = sarif.runs.find((r) => r.tool.driver.name === 'gitleaks');
    const [result] = gitleaks?.results ?? [];
    assert.equal(result?.locations?.[0]?.physicalLocation?.region?.startLine, 3);
    assert.equal(result?.codeFlows, undefined);
    assert.equal(result?.stacks, undefined);
    assert.match(result?.partialFingerprints?.secretHash ?? '', /^sha256:[0-9a-f]{32}$/);
    assert.ok(result?.partialFingerprints?.['scanfold/v1']);
  });

  test('re-merging the merged SARIF changes no hint', async () => {
    const again = await scanfold(
      ['merge', 'out/scanfold.sarif', '--out', 'again', '--fail-on', 'none'],
      dir,
    );
    assert.equal(again.code, 0, again.stderr);
    const first = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
    const second = JSON.parse(
      await readFile(path.join(dir, 'again/report.json'), 'utf8'),
    ) as Report;
    const hints = (r: Report) =>
      r.findings
        .filter((f) => f.category === 'secret')
        .map((f) => f.message)
        .sort();
    assert.deepEqual(hints(second), hints(first));
  });
});

describe('hostile text and the output directory', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scanfold-out-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const sarifWith = (text: string, tool = 'eslint', severity = 'warning'): string =>
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: tool } },
          results: [
            {
              ruleId: 'r1',
              message: { text },
              properties: { severity },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: `a${text}.js` },
                    region: { startLine: 1 },
                  },
                },
              ],
            },
          ],
        },
      ],
    });

  test('bidi controls and NUL never reach report.md or report.html raw', async () => {
    await writeFile(path.join(dir, 'bidi.sarif'), sarifWith('ok\u202Eevil\u0000\u2066x\u200F'));
    const run = await scanfold(
      ['merge', 'bidi.sarif', '--out', 'bidi-out', '--fail-on', 'none'],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    for (const name of ['report.md', 'report.html']) {
      const text = await readFile(path.join(dir, 'bidi-out', name), 'utf8');
      for (const char of ['\u0000', '\u202E', '\u2066', '\u200F'])
        assert.ok(!text.includes(char), `${name} holds U+${char.codePointAt(0)?.toString(16)}`);
      assert.match(text, /U(\+|&#43;)202E/, name);
    }
  });

  test('__proto__ and constructor as tool name or severity word count like any other', async () => {
    await writeFile(path.join(dir, 'proto.sarif'), sarifWith('x', '__proto__', 'constructor'));
    const run = await scanfold(
      ['merge', 'proto.sarif', '--out', 'proto-out', '--fail-on', 'none'],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(
      await readFile(path.join(dir, 'proto-out/report.json'), 'utf8'),
    ) as Report;
    assert.equal(report.summary.total, 1);
    assert.equal(Object.getOwnPropertyDescriptor(report.summary.byTool, '__proto__')?.value, 1);
    assert.equal(report.findings[0]?.severity, 'medium');
  });

  test('outputs replace links in --out instead of writing through them; only this run is listed', async () => {
    const out = path.join(dir, 'linked-out');
    await mkdir(path.join(out, '.ssh'), { recursive: true });
    await writeFile(path.join(out, '.ssh/id_rsa'), 'stray');
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'untouched');
    await symlink(victim, path.join(out, 'report.md'));
    await writeFile(path.join(out, 'sbom.cdx.json'), '{"stale":true}');
    await writeFile(path.join(dir, 'ok.sarif'), sarifWith('plain'));
    const run = await scanfold(['merge', 'ok.sarif', '--out', out, '--fail-on', 'none'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(await readFile(victim, 'utf8'), 'untouched');
    assert.ok((await lstat(path.join(out, 'report.md'))).isFile());
    await assert.rejects(lstat(path.join(out, 'sbom.cdx.json')), /ENOENT/);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
    // report.pdf too where a Chromium is found to print it.
    assert.deepEqual(
      Object.keys(report.manifest)
        .filter((name) => name !== 'report.pdf')
        .sort(),
      ['report.html', 'report.md', 'scanfold.sarif'],
    );
    assert.equal(await readFile(path.join(out, '.ssh/id_rsa'), 'utf8'), 'stray');
  });

  test('--out naming a file is a usage error (exit 2), said once', async () => {
    await writeFile(path.join(dir, 'a-file'), 'x');
    await writeFile(path.join(dir, 'ok2.sarif'), sarifWith('plain'));
    const run = await scanfold(['merge', 'ok2.sarif', '--out', 'a-file'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.match(/not a directory/g)?.length, 1, run.stderr);
    assert.equal(await readFile(path.join(dir, 'a-file'), 'utf8'), 'x');
  });

  test('an error about a bad input is printed once, escaped, naming the file', async () => {
    await writeFile(path.join(dir, 'evil.json'), '::error::pwned\u001b[31m');
    const run = await scanfold(['merge', 'evil.json', '--out', 'evil-out'], dir);
    assert.equal(run.code, 3);
    const lines = run.stderr.split('\n').filter((line) => line.includes('evil.json'));
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(!run.stderr.includes('\u001b'), 'raw escape byte in the error line');
    assert.doesNotMatch(run.stderr, /^::/m);
  });
});

describe('log lines from untrusted text', () => {
  test('a workflow command is broken even after blanks; escapes are shown, not sent', async () => {
    const { safeLogLine } = await import('../src/outputs/escape.ts');
    for (const line of ['::error::pwned', '   ::set-env name=X::y', '\t::add-mask::z']) {
      const safe = safeLogLine(line);
      assert.doesNotMatch(safe.trimStart(), /^::/, safe);
    }
    assert.equal(safeLogLine('a::b'), 'a::b');
    assert.equal(safeLogLine('\u001b[31mred\u202e'), '<U+001B>[31mred<U+202E>');
  });
});
