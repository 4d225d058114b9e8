import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';
import { EXAMPLE_APP, REPO_ROOT } from './support/run-cli.ts';

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');
const file = (name: string): string => path.join(RECORDED, name);

test('the comment leads with new findings, then fixed, then the unchanged count, with compliance and expired suppressions', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-md-'));
  try {
    // Baseline: Gitleaks, Semgrep. The change: server.js deleted (its 3 Semgrep findings fixed),
    // Checkov and Trivy added (new; their Dockerfile findings fall under CIS Docker 4.1).
    const semgrep = JSON.parse(await readFile(file('semgrep/semgrep.sarif'), 'utf8')) as Log;
    for (const run of semgrep.runs)
      run.results = (run.results ?? []).filter(
        (r) => !r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.endsWith('server.js'),
      );
    const semgrepNow = path.join(dir, 'semgrep-now.sarif');
    await writeFile(semgrepNow, JSON.stringify(semgrep));
    await importFiles({
      files: [file('semgrep/semgrep.sarif'), file('gitleaks/gitleaks.sarif')],
      outputDir: path.join(dir, 'base'),
      root: EXAMPLE_APP,
      failOn: 'none',
      logger: silentLogger,
    });
    const { report } = await importFiles({
      files: [
        file('checkov/results_sarif.sarif'),
        file('gitleaks/gitleaks.sarif'),
        semgrepNow,
        file('trivy/trivy.sarif'),
      ],
      outputDir: path.join(dir, 'now'),
      root: EXAMPLE_APP,
      failOn: 'high',
      logger: silentLogger,
      policy: {
        baseline: path.join(dir, 'base', 'report.json'),
        suppressions: [
          { rule: 'CKV_DOCKER_3', reason: 'root is <b>fine</b> @team', expires: '2020-01-01' },
        ],
      },
    });
    const body = renderMarkdown(report);
    const at = (text: string): number => {
      const index = body.indexOf(text);
      assert.ok(index >= 0, `missing: ${text}\n${body.slice(0, 3000)}`);
      return index;
    };
    assert.ok(at('**Against the baseline:**') < at('### New findings ('));
    assert.ok(at('### New findings (') < at('<b>fixed</b> (3)'));
    assert.ok(
      at('<b>fixed</b> (3)') < at('unchanged finding(s) already in the baseline are not listed'),
    );
    assert.match(body, /\*\*Compliance \(new findings under\):\*\* .*CIS Docker 4\.1&#58; \d+ new/);
    // The expired suppression is a warning, its reason escaped (no HTML, no mention).
    assert.match(
      body,
      /Suppression #1 \(root is &#60;b&#62;fine&#60;\/b&#62; &#64;&#8203;team\) expired on 2020-01-01/,
    );
    // Unchanged findings are not listed as rows: Gitleaks' findings were in the baseline.
    const rows = body
      .split('\n')
      .filter((line) => line.startsWith('| ') && line.includes('<code>gitleaks</code>'));
    assert.deepEqual(
      rows.filter((row) => !row.includes('trivy')),
      [],
    );
    assert.equal(report.summary.fixed, 3);
    assert.match(body, /server\.js/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
