/**
 * Secrets leave no trace in any output of `scanfold merge`, whichever tool found them and whichever
 * SARIF field carried them; hostile text cannot hide in the reports; the output directory is only
 * Scanfold's to write.
 */
import assert from 'node:assert/strict';
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { resolveConfig } from '../src/config/load.ts';
import { scan } from '../src/engine.ts';
import { silentLogger, systemClock } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { fakeGitleaks, fakeToolCache } from './support/fake-tools.ts';
import { runScanfold } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';
import { leaks, leaksOf, needles, plantedSecrets } from './support/planted.ts';
import type { Planted } from './support/planted.ts';
import { validateSarif } from './support/schemas.ts';

/** The CLI from source, as `npm run scanfold` runs it. */
function scanfold(args: readonly string[], cwd: string): Promise<CliRun> {
  return runScanfold(args, { entry: 'source', cwd });
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
  let run: CliRun;
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

/** Alphanumerics of a given length, made at run time so this file holds no credential. */
function filler(seed: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; out.length < length; i++)
    out += alphabet[(seed.charCodeAt(i % seed.length) * 31 + i * 7) % alphabet.length];
  return out;
}

/** One of each well-known credential shape, none of them from a secret scanner or secret rule. */
function shapedCredentials(p: Planted) {
  return {
    awsKeyId: p.awsAccessKeyId,
    // Unlabelled, but printed beside its access key id.
    awsSecretBeside: p.awsSecretAccessKey,
    awsSecretLabelled: `${filler('aws', 20)}/${filler('sec', 19)}`,
    github: p.githubToken,
    githubFineGrained: ['github', 'pat', `${filler('fg', 22)}_${filler('pat', 59)}`].join('_'),
    slackToken: ['xoxb', '1234567890', '1234567890123', filler('slack', 24)].join('-'),
    slackWebhookSecret: filler('hook', 24),
    stripe: ['sk', 'live', filler('stripe', 24)].join('_'),
    google: ['AI', 'za', filler('google', 35)].join(''),
    jwt: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', filler('jwt', 43)].join('.'),
    privateKey: p.privateKey,
  };
}

/** Values that must be gone, with the head of each (a title cut inside a token keeps its head). */
function shapeNeedles(shapes: ReturnType<typeof shapedCredentials>, p: Planted): string[] {
  const { privateKey: _key, ...values } = shapes;
  const keyLines = needles(p).filter((value) => p.privateKey.includes(value));
  return [...Object.values(values).flatMap((value) => [value, value.slice(0, 12)]), ...keyLines];
}

/** Text that has nothing of a credential's shape, though some of it is long and mixed. */
const ORDINARY =
  'Unexpected console statement in getUserProfileById2024Handler at commit 0123456789abcdef0123456789abcdef01234567; value Q29tcGxleFZhbHVlV2l0aG91dExhYmVsMTIzNDU2 is logged';

describe('credentials of a known shape are redacted whichever tool reported them', () => {
  let dir: string;
  let planted: Planted;
  let shapes: ReturnType<typeof shapedCredentials>;
  let run: CliRun;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scanfold-shapes-'));
    planted = plantedSecrets();
    shapes = shapedCredentials(planted);
    const s = shapes;
    const lint: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'ESLint',
              rules: [
                { id: 'no-console-log', help: { text: `e.g. ${s.privateKey}` } },
                { id: 'no-console' },
              ],
            },
          },
          results: [
            {
              ruleId: 'no-console-log',
              level: 'error',
              // The title is this message cut short: the cut falls inside the GitHub token.
              message: {
                text: `console.log leaks: AWS ${s.awsKeyId} / ${s.awsSecretBeside} / ${s.github}`,
              },
              locations: [
                location('app.js', 7, `console.log("${s.awsKeyId}", "${s.awsSecretBeside}")`),
              ],
              properties: {
                config: `aws_secret_access_key = ${s.awsSecretLabelled}`,
                SecretAccessKey: s.awsSecretLabelled,
                tokens: [s.githubFineGrained, s.slackToken, s.stripe, s.google, s.jwt],
                webhook: `https://hooks.slack.com/services/T0A1B2C3D/B0A1B2C3D/${s.slackWebhookSecret}`,
              },
            },
            {
              ruleId: 'no-console',
              level: 'warning',
              message: { text: ORDINARY },
              locations: [location('util.js', 3, 'console.log(user)')],
            },
          ],
        },
      ],
    };
    await writeFile(path.join(dir, 'eslint.sarif'), JSON.stringify(lint));
    // A secret rule with no snippet: the value is in its message, its help and a property.
    await writeFile(
      path.join(dir, 'custom.sarif'),
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'CustomSecretScanner',
                rules: [{ id: 'hardcoded-token', help: { text: `e.g. ${s.github}` } }],
              },
            },
            results: [
              {
                ruleId: 'hardcoded-token',
                message: { text: `Hard-coded token ${s.github} found` },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 's.py' },
                      region: { startLine: 3 },
                    },
                  },
                ],
                properties: { tags: ['secret'], match: s.github },
              },
            ],
          },
        ],
      }),
    );
    // Semgrep JSON: the rule's only text is the result's message, metavariable filled in.
    await writeFile(
      path.join(dir, 'semgrep.json'),
      JSON.stringify({
        version: '1.90.0',
        results: [
          {
            check_id: 'test.hardcoded-github-token',
            path: 'settings.py',
            start: { line: 1 },
            end: { line: 1 },
            extra: {
              message: `GitHub token hard-coded in ${planted.actionToken}`,
              severity: 'ERROR',
              metadata: { cwe: ['CWE-798: Use of Hard-coded Credentials'] },
              lines: `GITHUB_TOKEN = "${planted.actionToken}"`,
            },
          },
        ],
        errors: [],
      }),
    );
    run = await scanfold(
      [
        'merge',
        'eslint.sarif',
        'custom.sarif',
        'semgrep.json',
        '--out',
        'out',
        '--fail-on',
        'none',
      ],
      dir,
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('no output holds any of them, nor the head of one', async () => {
    assert.equal(run.code, 0, run.stderr);
    const values = [...shapeNeedles(shapes, planted), planted.actionToken];
    const found = await leaksOf(values, {
      dirs: [path.join(dir, 'out')],
      texts: { stdout: run.stdout, stderr: run.stderr },
    });
    assert.deepEqual(found, []);
    const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
    const lint = report.findings.find((f) => f.ruleId === 'no-console-log');
    assert.equal(lint?.category, 'code');
    assert.match(lint?.message ?? '', /^console\.log leaks: AWS \[secret redacted\] \/ /);
  });

  test("a secret's title is its rule's text only when that text does not quote the value", async () => {
    const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
    const semgrep = report.findings.find((f) => f.ruleId === 'test.hardcoded-github-token');
    assert.equal(semgrep?.category, 'secret');
    assert.equal(semgrep?.title, 'test.hardcoded-github-token');
  });

  test("an ordinary finding's text is unchanged", async () => {
    const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
    assert.equal(report.findings.find((f) => f.ruleId === 'no-console')?.message, ORDINARY);
    const sarif = JSON.parse(await readFile(path.join(dir, 'out/scanfold.sarif'), 'utf8')) as Log;
    const texts = sarif.runs.flatMap((r) => (r.results ?? []).map((x) => x.message.text));
    assert.ok(texts.includes(ORDINARY));
    for (const name of ['report.md', 'report.html'])
      assert.ok(
        (await readFile(path.join(dir, 'out', name), 'utf8')).includes(
          'getUserProfileById2024Handler',
        ),
        name,
      );
  });

  test('the raw copy of a scan is scrubbed of them too, not only of the snippets', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'scanfold-shapes-scan-'));
    try {
      await writeFile(path.join(root, 'app.py'), 'print("hello")\n');
      const gitleaks = JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'gitleaks',
                rules: [{ id: 'generic-api-key', help: { text: `like ${shapes.stripe}` } }],
              },
            },
            results: [
              {
                ruleId: 'generic-api-key',
                message: { text: 'generic-api-key has detected secret for file app.py.' },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'app.py' },
                      region: { startLine: 1, snippet: { text: 'REDACTED' } },
                    },
                  },
                ],
                properties: { note: `also ${shapes.google}` },
              },
            ],
          },
        ],
      });
      const config = resolveConfig({
        root,
        overrides: { retries: 0, scanners: ['gitleaks'], failOn: 'none' },
        toolCache: await fakeToolCache({
          gitleaks: fakeGitleaks(`cat > "$out" <<'JSON'\n${gitleaks}\nJSON`),
        }),
        retryBaseMs: 5,
      });
      const outcome = await scan(config, {
        logger: silentLogger,
        clock: systemClock,
        install: false,
        ignorePath: true,
      });
      assert.equal(outcome.report.scanners[0]?.status, 'ok');
      assert.ok(
        outcome.report.manifest['raw/gitleaks.sarif'],
        Object.keys(outcome.report.manifest).join(),
      );
      assert.deepEqual(
        await leaksOf([shapes.stripe, shapes.google], { dirs: [outcome.outputDir] }),
        [],
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a baseline that is not JSON', () => {
  test('is named in the error, which quotes none of its bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scanfold-baseline-'));
    try {
      const token = plantedSecrets().githubToken;
      await writeFile(path.join(dir, 'baseline.json'), `{"a": ${token}}`);
      await writeFile(
        path.join(dir, 'in.sarif'),
        JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } } }] }),
      );
      const run = await scanfold(
        ['merge', 'in.sarif', '--baseline', 'baseline.json', '--out', 'out', '--fail-on', 'none'],
        dir,
      );
      assert.equal(run.code, 2);
      assert.match(run.stderr, /baseline \S*baseline\.json: invalid JSON/);
      for (const piece of [token.slice(0, 6), '"a"'])
        assert.ok(!run.stderr.includes(piece) && !run.stdout.includes(piece), run.stderr);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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

test('a secret from Gitleaks or Semgrep native JSON is scrubbed from every other tool’s results too', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'scanfold-native-secret-'));
  try {
    const secret = `Xk9${filler('native-secret', 19)}`;
    const line = `api_key = "${secret}"`;
    await writeFile(
      path.join(dir, 'gitleaks.json'),
      JSON.stringify([
        {
          RuleID: 'generic-api-key',
          Description: 'Generic',
          File: 'cfg/app.ini',
          StartLine: 2,
          EndLine: 2,
          Match: line,
          Secret: secret,
          Fingerprint: 'cfg/app.ini:generic-api-key:2',
        },
      ]),
    );
    await writeFile(
      path.join(dir, 'semgrep.json'),
      JSON.stringify({
        version: '1.61.1',
        errors: [],
        results: [
          {
            check_id: 'generic.secrets.security.detected-generic-api-key',
            path: 'cfg/app.ini',
            start: { line: 2, col: 1 },
            end: { line: 2, col: 30 },
            extra: {
              message: 'Generic API Key detected',
              metadata: { cwe: ['CWE-798: Use of Hard-coded Credentials'] },
              severity: 'ERROR',
              lines: line,
            },
          },
        ],
      }),
    );
    // Another tool quotes the same value in a result that is not about secrets.
    await writeFile(
      path.join(dir, 'lint.sarif'),
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'lint' } },
            results: [
              {
                ruleId: 'L1',
                message: { text: `value ${secret} used` },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'cfg/app.ini' },
                      region: { startLine: 2 },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    for (const native of ['gitleaks.json', 'semgrep.json']) {
      const out = `out-${native}`;
      const run = await scanfold(
        ['merge', native, 'lint.sarif', '--out', out, '--fail-on', 'none'],
        dir,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(
        await leaksOf([secret], {
          dirs: [path.join(dir, out)],
          texts: { stdout: run.stdout, stderr: run.stderr },
        }),
        [],
        native,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
