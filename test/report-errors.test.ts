/**
 * What report.md (the PR comment and the job summary) and the CLI's stdout summary say when an
 * input could not be read, a run reported a failure or an SBOM was left out: never a clean
 * "gate passed", the errors listed and escaped, tables well-formed, SBOM inputs checked at the
 * boundary, and no control character or workflow command on stdout.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assemble } from '../src/engine.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/outputs/markdown.ts';
import { runScanfold } from './support/run-cli.ts';
import type { CliRun } from './support/run-cli.ts';

let dir: string;
let counter = 0;

interface Merged extends CliRun {
  out: string;
  md: string;
  report: Report;
}

async function merge(files: readonly string[], failOn = 'none'): Promise<Merged> {
  const out = `out-${++counter}`;
  const run = await runScanfold(['merge', ...files, '--out', out, '--fail-on', failOn], {
    entry: 'source',
    cwd: dir,
    env: { SCANFOLD_PDF: '0' },
  });
  const md = await readFile(path.join(dir, out, 'report.md'), 'utf8');
  const report = JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')) as Report;
  return { ...run, out, md, report };
}

const GOOD_SARIF = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'Semgrep OSS', version: '1.0', rules: [{ id: 'r1' }] } },
      results: [
        {
          ruleId: 'r1',
          level: 'error',
          message: { text: 'SQL injection' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 3 } } },
          ],
        },
      ],
    },
  ],
});

const HOSTILE = 'Tool \u001b[31mRED\u001b]0;title\u0007 \n::error::injected\r\nline2 \u202e';
const FAILED_RUN = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'failtool', version: '1.0', rules: [] } },
      results: [
        {
          ruleId: 'R1',
          level: 'error',
          message: { text: 'hello' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: 3 } } },
          ],
        },
      ],
      invocations: [
        {
          executionSuccessful: false,
          toolExecutionNotifications: [{ level: 'error', message: { text: HOSTILE } }],
          exitCodeDescription: HOSTILE,
        },
      ],
    },
  ],
});

const bom = (tools: unknown, components: unknown): string =>
  JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { tools }, components });
const GOOD_BOM = bom({ components: [{ type: 'application', name: 'syft', version: '1.0' }] }, [
  { type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' },
]);

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scanfold-report-errors-'));
  const files: Record<string, string> = {
    'good.sarif': GOOD_SARIF,
    'ruleid-num.sarif': GOOD_SARIF.replace('"ruleId":"r1"', '"ruleId":5'),
    'bad.json': '{"version": "2.1.0", "runs": [',
    'unknown.json': '{"hello": "world"}',
    'failrun.sarif': FAILED_RUN,
    // A file name that would be a workflow command at the start of a line, and Markdown/HTML.
    'fail\n::error title=x::pwned.sarif': FAILED_RUN,
    '<img src=x onerror=alert(1)>@octocat|[l](https:evil).json': '{"x": 1}',
    'good.cdx.json': GOOD_BOM,
    'vernum.cdx.json': bom(undefined, [{ name: 'a', version: 5 }]),
    'purlnum.cdx.json': bom(undefined, [{ name: 'a', purl: { x: 1 } }]),
    'toolnum.cdx.json': bom({ components: [{ type: 'application', name: 5, version: 7 }] }, [
      { type: 'library', name: 'x', version: '1' },
    ]),
    'toolobj.cdx.json': bom([{ name: { x: 1 } }], [{ type: 'library', name: 'y', version: '1' }]),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await mkdir(path.join(dir, 'adir.sarif'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Every table in the Markdown: its rows as cell counts (escaped text holds no raw `|`). */
function tables(md: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      found.push(current);
      current = undefined;
    }
  }
  if (current) found.push(current);
  return found;
}

function assertWellFormedTables(md: string): void {
  const all = tables(md);
  assert.ok(all.length >= 2, md);
  for (const rows of all) {
    const cells = rows.map((row) => {
      assert.ok(row.endsWith('|'), `row: ${row}`);
      return row.slice(1, -1).split('|');
    });
    const widths = cells.map((row) => row.length);
    assert.ok(
      widths.every((count) => count === widths[0]),
      `rows of different widths:\n${rows.join('\n')}`,
    );
    for (const header of cells[0] ?? []) assert.notEqual(header.trim(), '', `header: ${rows[0]}`);
    for (const delimiter of cells[1] ?? [])
      assert.match(delimiter, /^\s*:?-+:?\s*$/, `delimiter row: ${rows[1]}`);
  }
}

function assertSafeStdout(stdout: string): void {
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(stdout, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/, 'no controls on stdout');
  for (const line of stdout.split('\n'))
    assert.ok(!line.trimStart().startsWith('::'), `a workflow command on stdout: ${line}`);
}

describe('unreadable inputs are never a clean report', () => {
  const unreadable = [
    ['ruleid-num.sarif', /runs\.0\.results\.0\.ruleId/],
    ['bad.json', /invalid JSON/],
    ['unknown.json', /unknown format/],
    ['adir.sarif', /a directory/],
    ['missing.sarif', /not found/],
  ] as const;

  for (const [name, reason] of unreadable)
    test(`${name} alone: report.md and stdout say incomplete and name it`, async () => {
      const run = await merge([name]);
      assert.equal(run.code, 3, run.stderr);
      assert.equal(run.report.errors.length, 1);
      assert.match(run.report.errors[0] ?? '', reason);
      const first = run.md.split('\n')[0] ?? '';
      assert.match(first, /^⚠️ \*\*Scanfold: incomplete — 1 error\(s\)\*\*/);
      assert.doesNotMatch(run.md, /gate passed|✅ \*\*/);
      const escapedName = name.replace(/_/g, '&#95;');
      assert.ok(run.md.includes(`> - ${escapedName}&#58; `), run.md);
      assert.ok(run.md.indexOf('[!WARNING]') < run.md.indexOf('| severity |'), 'warning first');
      assert.match(run.stdout, /^errors \(1\):$/m);
      assert.ok(run.stdout.includes(`  ${name}: `), run.stdout);
      assert.match(run.stdout, /^INCOMPLETE: 1 error\(s\); this is not a clean result$/m);
      // With no tool at all, the severity table is still a table.
      assertWellFormedTables(run.md);
    });

  test('beside a good file: the gate line still says incomplete, the good results are there', async () => {
    const run = await merge(['good.sarif', 'ruleid-num.sarif'], 'critical');
    assert.equal(run.code, 3);
    assert.equal(run.report.summary.total, 1);
    assert.match(run.md, /^⚠️ \*\*Scanfold: incomplete — 1 error\(s\)\*\* — 1 finding\(s\)/);
    assertWellFormedTables(run.md);
  });

  test('a gate that fails says so, and that the report is incomplete', async () => {
    const run = await merge(['good.sarif', 'bad.json'], 'high');
    assert.equal(run.code, 1);
    assert.match(run.md, /^❌ \*\*Scanfold: gate failed \(incomplete: 1 error\(s\)\)\*\*/);
  });

  test('a hostile file name is escaped in report.md', async () => {
    const run = await merge([
      'good.sarif',
      '<img src=x onerror=alert(1)>@octocat|[l](https:evil).json',
    ]);
    assert.equal(run.code, 3);
    const warning = run.md.split('\n').find((line) => line.includes('onerror')) ?? '';
    assert.ok(warning.startsWith('> - '), run.md);
    assert.doesNotMatch(warning, /<img|@octocat|\]\(|\|/);
    assertWellFormedTables(run.md);
  });

  test('many errors: a capped list that fits the comment, the rest counted', async () => {
    const missing = Array.from({ length: 25 }, (_, i) => `${'@x#1|'.repeat(40)}-${i}.sarif`);
    const run = await merge(['good.sarif', ...missing]);
    assert.equal(run.code, 3);
    assert.equal(run.report.errors.length, 25);
    const listed = run.md.split('\n').filter((line) => line.startsWith('> - '));
    assert.ok(listed.length <= 11 && listed.length >= 2, `${listed.length} listed`);
    assert.match(listed.at(-1) ?? '', /^> - …and \d+ more in report\.json\.$/);
    const comment = renderMarkdown(run.report, { maxLength: GITHUB_COMMENT_LIMIT });
    assert.ok(comment.length <= GITHUB_COMMENT_LIMIT);
    assert.match(comment, /^⚠️ \*\*Scanfold: incomplete — 25 error\(s\)\*\*/);
    assert.match(run.stdout, /^ {2}…and 5 more in report\.json$/m);
  });
});

describe('a run that reported a failure', () => {
  test('its results are included and said to be possibly incomplete; stdout stays safe', async () => {
    const run = await merge(['failrun.sarif', 'fail\n::error title=x::pwned.sarif', 'good.sarif']);
    assert.equal(run.code, 3, run.stderr);
    assert.equal(run.report.summary.byTool.failtool, 2);
    assert.match(
      run.md,
      /^> - failtool failed: the 2 result\(s\) it reported are included, but may be incomplete;/m,
    );
    assert.doesNotMatch(run.md, /results are missing/);
    assert.match(run.md, /^⚠️ \*\*Scanfold: incomplete — 2 error\(s\), 1 scanner\(s\) failed\*\*/);
    assertWellFormedTables(run.md);
    assertSafeStdout(run.stdout);
    assertSafeStdout(run.stderr);
    assert.ok(run.stdout.includes('fail\\n::error title=x::pwned.sarif'), run.stdout);
    assert.ok(run.stdout.includes('<U+001B>[31mRED'), run.stdout);
  });
});

describe('CycloneDX inputs are checked as they are read', () => {
  test('a wrong-typed component field: that file is an error, never an ok scanner', async () => {
    const run = await merge(['vernum.cdx.json', 'purlnum.cdx.json', 'good.cdx.json', 'good.sarif']);
    assert.equal(run.code, 3, run.stderr);
    assert.deepEqual(run.report.errors, [
      'vernum.cdx.json: not usable CycloneDX at components.0.version: Invalid input: expected string, received number',
      'purlnum.cdx.json: not usable CycloneDX at components.0.purl: Invalid input: expected string, received object',
    ]);
    const listed = JSON.stringify(run.report.scanners);
    assert.doesNotMatch(listed, /vernum|purlnum/);
    assert.ok(run.md.includes('> - vernum.cdx.json&#58; not usable CycloneDX'), run.md);
    assert.ok(run.md.includes('> - purlnum.cdx.json&#58; not usable CycloneDX'), run.md);
    const sbom = await readFile(path.join(dir, run.out, 'sbom.cdx.json'), 'utf8');
    assert.match(sbom, /pkg:npm\/left-pad@1\.3\.0/);
  });

  for (const [name, field] of [
    ['toolnum.cdx.json', 'metadata.tools.components.0.name'],
    ['toolobj.cdx.json', 'metadata.tools.0.name'],
  ] as const)
    test(`${name}: a non-string tool name costs only that file, named by field`, async () => {
      const run = await merge([name, 'good.cdx.json', 'good.sarif']);
      assert.equal(run.code, 3, run.stderr);
      const lines = run.stderr.trim().split('\n');
      assert.deepEqual(lines.length, 1, run.stderr);
      assert.match(lines[0] ?? '', new RegExp(`^error: ${name}: .*${field}: .*expected string`));
      assert.doesNotMatch(run.stderr, /is not a function|SBOM merge failed/);
      const sbom = await readFile(path.join(dir, run.out, 'sbom.cdx.json'), 'utf8');
      assert.match(sbom, /pkg:npm\/left-pad@1\.3\.0/);
      assert.equal(run.report.summary.total, 1);
    });

  test('a scanner whose SBOM is left out is failed, with the reason', async () => {
    const out = path.join(dir, 'out-assemble');
    const outcome = await assemble({
      root: dir,
      outputDir: out,
      failOn: 'none',
      scanners: [
        {
          name: 'syft',
          status: 'ok',
          attempts: 1,
          durationMs: 1,
          findings: 0,
          outputs: [],
        },
      ],
      sarif: [],
      sboms: [
        {
          tool: 'syft',
          file: 'raw/syft/sbom.cdx.json',
          bom: JSON.parse(bom(undefined, [{ name: 'a', version: 5 }])) as Record<string, unknown>,
        },
      ],
      errors: [],
      logger: silentLogger,
    });
    assert.equal(outcome.exitCode, 3);
    const syft = outcome.report.scanners.find((s) => s.name === 'syft');
    assert.equal(syft?.status, 'failed');
    assert.match(
      syft?.message ?? '',
      /SBOM left out: raw\/syft\/sbom\.cdx\.json: .*components\.0\.version/,
    );
    const md = await readFile(outcome.files.markdown, 'utf8');
    assert.match(md, /^\| syft \| ❌ failed \|/m);
    assert.match(md, /^⚠️ \*\*Scanfold: incomplete — 1 error\(s\), 1 scanner\(s\) failed\*\*/);
  });
});
