/**
 * The planted-secret test: known values (an AWS key pair, a `ghp_` token, a private key, and a
 * token like the action's own) in a project scanned for real by Gitleaks, Trivy, Semgrep and
 * Checkov, then merged again from the raw outputs. No output file (raw/ included: the scanners'
 * own files are scrubbed of what they found), no comment body and no log line holds any of them.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Report } from '../src/model/scan-result.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';
import { leaks, plantedSecrets } from './support/planted.ts';
import type { Planted } from './support/planted.ts';
import { runScanfold } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';

function scanfold(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return runScanfold(args, { entry: 'source', env });
}

/** A Semgrep rule of the hard-coded-credential kind (CWE-798), as public rulesets have. */
const SEMGREP_RULE = `rules:
  - id: test.hardcoded-github-token
    languages: [python]
    severity: ERROR
    message: GitHub token hard-coded in $X
    pattern-regex: 'gh[ps]_[A-Za-z0-9]{36}'
    metadata:
      cwe: ['CWE-798: Use of Hard-coded Credentials']
      category: security
`;

let dir: string;
let planted: Planted;
let scan: CliRun;
let merge: CliRun;
let report: Report;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scanfold-planted-'));
  planted = plantedSecrets();
  const project = path.join(dir, 'project');
  await mkdir(path.join(project, 'terraform'), { recursive: true });
  await writeFile(
    path.join(project, '.env'),
    `AWS_ACCESS_KEY_ID=${planted.awsAccessKeyId}\nAWS_SECRET_ACCESS_KEY=${planted.awsSecretAccessKey}\n`,
  );
  await writeFile(
    path.join(project, 'settings.py'),
    `GITHUB_TOKEN = "${planted.githubToken}"\nACTIONS_TOKEN = "${planted.actionToken}"\n`,
  );
  await writeFile(path.join(project, 'deploy_key.pem'), planted.privateKey);
  await writeFile(
    path.join(project, 'terraform/main.tf'),
    `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${planted.awsAccessKeyId}"\n  secret_key = "${planted.awsSecretAccessKey}"\n}\n`,
  );
  await writeFile(path.join(dir, 'rule.yml'), SEMGREP_RULE);
  await writeFile(
    path.join(dir, 'scanfold.yml'),
    `semgrep:\n  config: [${JSON.stringify(path.join(dir, 'rule.yml'))}]\ntrivy:\n  scanners: [secret, misconfig]\n`,
  );
  // The action's own token is in the environment too, as on a runner.
  const env = { GITHUB_TOKEN: planted.actionToken };
  scan = await scanfold(
    [
      'scan',
      project,
      '--config',
      path.join(dir, 'scanfold.yml'),
      '--scanners',
      'gitleaks,trivy,semgrep,checkov',
      '--out',
      path.join(dir, 'out'),
      '--fail-on',
      'none',
      '--no-install',
      '--offline',
      '--verbose',
    ],
    env,
  );
  report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
  const raw = (await readdir(path.join(dir, 'out/raw'))).map((name) =>
    path.join(dir, 'out/raw', name),
  );
  merge = await scanfold(
    ['merge', ...raw, '--out', path.join(dir, 'merged'), '--root', project, '--fail-on', 'none'],
    env,
  );
});
after(() => (process.env.KEEP ? undefined : rm(dir, { recursive: true, force: true })));

test('every scanner ran and found the planted secrets', () => {
  assert.deepEqual(
    Object.fromEntries(report.scanners.map((s) => [s.name, s.status])),
    { trivy: 'ok', semgrep: 'ok', gitleaks: 'ok', checkov: 'ok' },
    scan.stderr.slice(-3000),
  );
  const secrets = report.findings.filter((f) => f.category === 'secret');
  const found = (tool: string, file: string) =>
    secrets.some((f) => f.tools.includes(tool) && f.location.path === file);
  assert.ok(found('gitleaks', '.env'), 'gitleaks .env');
  assert.ok(found('gitleaks', 'settings.py'), 'gitleaks settings.py');
  assert.ok(found('gitleaks', 'deploy_key.pem'), 'gitleaks deploy_key.pem');
  assert.ok(found('trivy', '.env') || found('trivy', 'settings.py'), 'trivy secret');
  assert.ok(found('semgrep', 'settings.py'), 'semgrep CWE-798 is a secret');
  assert.ok(found('checkov', 'terraform/main.tf'), 'checkov secret check');
  for (const finding of secrets) assert.match(finding.message, /^\[secret redacted: /);
  assert.equal(merge.code, 0, merge.stderr);
});

test('zero hits for any planted value in every output, the comment body and the logs', async () => {
  const comment = renderMarkdown(report, { header: '<!-- scanfold -->' });
  const found = await leaks(planted, {
    dirs: [path.join(dir, 'out'), path.join(dir, 'merged')],
    texts: {
      'scan stdout': scan.stdout,
      'scan stderr': scan.stderr,
      'merge stdout': merge.stdout,
      'merge stderr': merge.stderr,
      'comment body': comment,
    },
  });
  assert.deepEqual(found, []);
});

test('hints are non-reversible: rule, at most 4 leading characters, length', () => {
  const hint = (ruleId: string) =>
    report.findings.find((f) => f.sources.some((s) => s.ruleId === ruleId))?.message;
  // Gitleaks redacted the value itself; the hint is completed from the scanned file.
  assert.equal(
    hint('aws-access-token'),
    '[secret redacted: aws-access-token, starts "AKIA", 20 chars]',
  );
  assert.equal(hint('github-pat'), '[secret redacted: github-pat, starts "ghp_", 40 chars]');
  // On the second line of a file too (Gitleaks' columns are one off there), and for a
  // NAME=value match the value is hinted, not the name.
  const at = (file: string, line: number) =>
    report.findings.find(
      (f) =>
        f.tools.includes('gitleaks') && f.location.path === file && f.location.startLine === line,
    )?.message;
  const like = (rule: string, value: string) =>
    `[secret redacted: ${rule}, starts "${value.slice(0, 4)}", ${value.length} chars]`;
  assert.equal(at('settings.py', 2), like('github-app-token', planted.actionToken));
  assert.equal(at('.env', 2), like('generic-api-key', planted.awsSecretAccessKey));
  // A private key gets the same hint: the whole PEM block, as the tools match it, is the value.
  const key = planted.privateKey.trim();
  assert.equal(
    hint('private-key'),
    `[secret redacted: private-key, starts "----", ${key.length} chars]`,
  );
  for (const finding of report.findings.filter((f) => f.location.path === 'deploy_key.pem'))
    assert.match(finding.message, / \d+ chars\]$/, finding.message);
});

test('merge gives the private key the same hint, from the --root tree', async () => {
  const merged = JSON.parse(await readFile(path.join(dir, 'merged/report.json'), 'utf8')) as Report;
  const pem = merged.findings.filter((f) => f.location.path === 'deploy_key.pem');
  assert.ok(pem.length > 0);
  for (const finding of pem)
    assert.equal(
      finding.message,
      `[secret redacted: private-key, starts "----", ${planted.privateKey.trim().length} chars]`,
    );
});
