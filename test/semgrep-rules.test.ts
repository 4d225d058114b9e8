/**
 * The bundled Semgrep ruleset, tested by Semgrep itself (`semgrep --test` over the annotated cases
 * in rules/semgrep/tests/), and the ruleset choice: registry rulesets by name when the registry
 * answers, the bundled ruleset when it does not. The "registry" is a loopback server standing in
 * for semgrep.dev (Semgrep reads SEMGREP_URL), so no traffic leaves the machine.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { defaultToolCache } from '../src/config/schema.ts';
import { toolDir } from '../src/install/installer.ts';
import { loadManifest } from '../src/install/manifest.ts';
import type { Report } from '../src/model/scan-result.ts';
import { REPO_ROOT } from './support/run-cli.ts';

const SEMGREP = path.join(
  toolDir(defaultToolCache(), 'semgrep', loadManifest().tools.semgrep?.version ?? ''),
  'bin',
  'semgrep',
);

test('semgrep --test: every annotated case in rules/semgrep/tests/ passes', () => {
  const run = spawnSync(
    SEMGREP,
    [
      '--test',
      '--metrics',
      'off',
      '--disable-version-check',
      '--config',
      'rules/semgrep/',
      'rules/semgrep/tests/',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.status, 0, output);
  const passed = /(\d+)\/(\d+): ✓ All tests passed/.exec(output);
  assert.ok(passed, output);
  // Python, JavaScript and Go rules (Go: injection, SSRF, path traversal, deserialization), each with its cases.
  assert.ok(Number(passed[2]) >= 19, `${passed[2]} rules tested`);
});

const REGISTRY_RULES = `rules:
  - id: registry.python.formatted-query
    languages: [python]
    severity: WARNING
    message: from the (stand-in) registry
    pattern: $CUR.execute($Q)
`;

/** dvpwa's data-access layer: the view passes a form field, the DAO formats it into SQL. */
const DVPWA_DAO = `class Student:
    @staticmethod
    async def create(conn, name: str):
        q = ("INSERT INTO students (name) "
             "VALUES ('%(name)s')" % {'name': name})
        async with conn.cursor() as cur:
            await cur.execute(q)
`;

async function scanWithRegistry(status: number): Promise<Report> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(status, { 'content-type': 'text/yaml' });
    response.end(status === 200 ? REGISTRY_RULES : 'unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const project = await mkdtemp(path.join(os.tmpdir(), 'scanfold-semgrep-'));
    await mkdir(path.join(project, 'sqli', 'dao'), { recursive: true });
    await writeFile(path.join(project, 'sqli', 'dao', 'student.py'), DVPWA_DAO);
    const out = path.join(project, 'out');
    const { port } = server.address() as AddressInfo;
    // Asynchronously: the stand-in registry answers from this process.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(REPO_ROOT, 'src', 'cli', 'index.ts'),
        'scan',
        project,
        '--scanners',
        'semgrep',
        '--out',
        out,
        '--fail-on',
        'none',
        '--no-install',
      ],
      {
        cwd: REPO_ROOT,
        timeout: 300_000,
        env: { ...process.env, SEMGREP_URL: `http://127.0.0.1:${port}` },
      },
    );
    assert.ok(
      requests.every((line) => line.endsWith('/c/p/default')),
      requests.join(', '),
    );
    return JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
  } finally {
    server.close();
  }
}

test('online, Semgrep runs its registry rulesets by name', async () => {
  const report = await scanWithRegistry(200);
  const semgrep = report.scanners.find((scanner) => scanner.name === 'semgrep');
  assert.deepEqual(semgrep?.notes, ['Semgrep registry rulesets: p/default']);
  assert.deepEqual(
    report.findings.map((finding) => finding.ruleId),
    ['registry.python.formatted-query'],
  );
});

test('registry unreachable: the bundled ruleset runs instead and finds dvpwa-style SQL injection', async () => {
  const report = await scanWithRegistry(503);
  const semgrep = report.scanners.find((scanner) => scanner.name === 'semgrep');
  assert.equal(semgrep?.status, 'ok');
  assert.match(
    semgrep?.notes?.[0] ?? '',
    /registry ruleset p\/default unreachable \(HTTP 503\): used the bundled ruleset/,
  );
  const finding = report.findings.find((f) => f.ruleId === 'scanfold.python.formatted-sql');
  assert.equal(finding?.location.path, 'sqli/dao/student.py');
  assert.equal(finding?.location.startLine, 7);
  assert.deepEqual(finding?.cwe, ['CWE-89']);
});
