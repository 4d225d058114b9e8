/**
 * The compliance report as an auditor opens it: report.html of the example app's real scanner
 * outputs, in headless Chromium (Debian's chromium, installed by `npm run setup`), and its PDF.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { HTML_CSP, lateParts, PRINT_ROW_LIMIT, renderHtml } from '../src/outputs/html.ts';
import { CHROMIUM_FLAGS, findChromium, printPdf, createPdfPrinter } from '../src/outputs/pdf.ts';
import { openPrintPage, scrubReport } from '../src/outputs/write.ts';
import { EXAMPLE_APP, REPO_ROOT } from './support/run-cli.ts';

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');
const INPUTS = [
  'trivy/trivy.sarif',
  'checkov/results_sarif.sarif',
  'semgrep/semgrep.sarif',
  'gitleaks/gitleaks.sarif',
  'syft/syft.cdx.json',
].map((file) => path.join(RECORDED, file));

let dir = '';
let report: Report;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-html-'));
  // A baseline without Semgrep's results, so the Semgrep findings are new and the rest unchanged.
  const baseline = await importFiles({
    files: INPUTS.filter((file) => !file.includes('semgrep')),
    outputDir: path.join(dir, 'baseline'),
    root: EXAMPLE_APP,
    failOn: 'none',
    logger: silentLogger,
  });
  assert.ok(baseline.report.findings.length > 0);
  // A hostile tool output: markup and a beacon in every string a scanner controls.
  const beacon = 'http://127.0.0.1:9/beacon';
  const hostile = `<img src="${beacon}" onerror="document.title='pwned'"></td></tr><script>document.title='pwned'</script>`;
  const hostileFile = path.join(dir, 'hostile.sarif');
  await writeFile(
    hostileFile,
    JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: `evil${hostile}`,
              rules: [{ id: 'evil-rule', shortDescription: { text: hostile } }],
            },
          },
          results: [
            {
              ruleId: 'evil-rule',
              level: 'error',
              message: { text: hostile },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: `src/${encodeURIComponent(hostile)}.js` },
                    region: { startLine: 1 },
                  },
                },
              ],
            },
          ],
        },
      ],
    }),
  );
  const outcome = await importFiles({
    files: [...INPUTS, hostileFile],
    outputDir: path.join(dir, 'out'),
    root: EXAMPLE_APP,
    failOn: 'high',
    logger: silentLogger,
    policy: {
      baseline: path.join(dir, 'baseline', 'report.json'),
      suppressions: [
        {
          rule: 'CKV_DOCKER_2',
          reason: 'health is checked by the orchestrator (SEC-142)',
          expires: '2999-03-31',
        },
        { rule: 'DS-0026', reason: '<b>old</b> exception', expires: '2020-01-01' },
        { tool: 'grype', reason: 'matches nothing' },
      ],
    },
  });
  report = outcome.report;
  const executablePath = findChromium();
  assert.ok(
    executablePath,
    "Chromium not found: `npm run setup` installs Debian's chromium as root",
  );
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(outcome.files.html).href, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const visibleRows = (): Promise<number> => page.locator('#findings tbody tr:visible').count();

test('the page loads with no console error and no request beyond itself', async () => {
  await page.waitForTimeout(300);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests, [pathToFileURL(path.join(dir, 'out', 'report.html')).href]);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  assert.equal(csp, HTML_CSP);
  assert.match(csp ?? '', /default-src 'none'/);
  assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval/);
  // The hashed script ran: it wrote the row count.
  assert.equal(
    await page.locator('#f-count').textContent(),
    `${report.findings.length} of ${report.findings.length} shown`,
  );
});

test('hostile strings from a tool are shown as text: no element, no script, no request', async () => {
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('#findings img, body script:not(:last-of-type)').count(), 0);
  assert.equal(await page.locator('script').count(), 1, "only the report's own script");
  const row = page.locator('#findings tbody tr', { hasText: 'evil-rule' });
  assert.equal(await row.count(), 1);
  assert.match((await row.textContent()) ?? '', /<img src="http:\/\/127\.0\.0\.1:9\/beacon"/);
  assert.ok(
    requests.every((url) => url.startsWith('file:')),
    requests.join(', '),
  );
});

test('the severity filter and the search change the visible rows', async () => {
  const total = report.findings.length;
  assert.equal(await visibleRows(), total);
  await page.selectOption('#f-sev', 'critical');
  const critical = report.findings.filter((f) => f.severity === 'critical').length;
  assert.ok(critical > 0 && critical < total);
  assert.equal(await visibleRows(), critical);
  await page.selectOption('#f-sev', '');
  await page.selectOption('#f-base', 'new');
  assert.equal(await visibleRows(), report.summary.new);
  await page.selectOption('#f-base', '');
  await page.fill('#f-text', 'tinymce');
  const matching = await visibleRows();
  assert.ok(matching >= 1 && matching < total, `${matching} rows for "tinymce"`);
  for (const text of await page.locator('#findings tbody tr:visible').allTextContents())
    assert.match(text.toLowerCase(), /tinymce/);
  await page.fill('#f-text', '');
  assert.equal(await visibleRows(), total);
});

test('compliance, suppressions and fixed sections show what report.json says, escaped', async () => {
  const docker = report.compliance?.frameworks.find((f) => f.id === 'docker-cis-1.6.0');
  assert.equal(docker?.controls.find((c) => c.id === '4.1')?.status, 'fail');
  const section = (await page.locator('#compliance ~ details').allTextContents()).join('\n');
  assert.match(section, /OWASP Top 10 2021/);
  assert.match(section, /CIS Docker Community Edition Benchmark v1\.6\.0/);
  assert.match(section, /Ensure a user for the container has been created\s*fail/);
  const suppressions = await page.locator('#suppressions + table').textContent();
  assert.match(suppressions ?? '', /active.*health is checked by the orchestrator/s);
  assert.match(suppressions ?? '', /expired.*<b>old<\/b> exception/s, 'config text shown as text');
  assert.equal(await page.locator('#suppressions + table b').count(), 0, 'no markup injected');
  assert.match(suppressions ?? '', /unused/);
  assert.ok((report.summary.new ?? 0) > 0);
});

test('the printed PDF has the report text (pdftotext)', async () => {
  const pdf = path.join(dir, 'out', 'page.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  // And the same through the writer's own path: headless Chromium's --print-to-pdf.
  const written = await printPdf(
    path.join(dir, 'out', 'report.html'),
    path.join(dir, 'out', 'cli.pdf'),
  );
  assert.equal(written.ok, true, written.ok ? '' : written.note);
  for (const file of [pdf, path.join(dir, 'out', 'cli.pdf')]) {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Scanfold security & compliance report/);
    assert.match(text, /OWASP Top 10 2021/);
    assert.match(text, /CIS Docker Community Edition Benchmark v1\.6\.0/);
    // The control's row: its title may wrap before "created" (pdftotext then reads that word
    // after the status cell), depending on the widths the rest of the report gives the columns.
    assert.match(text, /4\.1 Ensure a user for the container has been (created )?fail/);
    assert.match(text, /Untrusted request data flows into the text of a SQL query/);
    assert.match(text, /Manifest/);
  }
});

test('report.pdf is skipped with a note, not a failure, when no Chromium is found', async () => {
  const html = path.join(dir, 'lone.html');
  await writeFile(html, await readFile(path.join(dir, 'out', 'report.html')));
  const result = await printPdf(html, path.join(dir, 'lone.pdf'), {
    env: { SCANFOLD_CHROMIUM: path.join(dir, 'no-such-browser') },
  });
  assert.deepEqual(result, {
    ok: false,
    note: 'report.pdf skipped: no Chromium or Chrome found (set SCANFOLD_CHROMIUM to its path)',
  });
});

test('one browser, started before it is needed, prints twice over its DevTools pipe; closed, it is gone', async () => {
  const printer = createPdfPrinter();
  printer.warm();
  const pid = await printer.browserPid();
  assert.ok(pid, 'a browser was started');
  const html = path.join(dir, 'out', 'report.html');
  try {
    for (const name of ['warm-1.pdf', 'warm-2.pdf']) {
      const result = await printer.print(html, path.join(dir, 'out', name));
      assert.equal(result.ok, true, result.ok ? '' : result.note);
      const text = execFileSync('pdftotext', [path.join(dir, 'out', name), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      assert.match(text, /Scanfold security & compliance report/);
    }
  } finally {
    await printer.close();
  }
  // Its helpers (zygote, renderer) are reaped by init a moment after the group is killed.
  const alive = (): boolean => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let wait = 0; wait < 50 && alive(); wait++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(alive(), false, 'no process of the browser is left');
});

test("report.pdf's page, opened before its errors and manifest are known and filled in later, prints what the whole page prints", async () => {
  const hostile = `</div><script>document.title='pwned'</script><b>bold</b>`;
  const finished: Report = {
    ...report,
    errors: [...report.errors, `scanfold.sarif: not valid ${hostile}`],
    manifest: { 'scanfold.sarif': 'ab'.repeat(32), [`raw/${hostile}.json`]: 'cd'.repeat(32) },
  };
  const draft: Report = { ...finished, errors: [], manifest: {} };
  const whole = path.join(dir, 'whole.html');
  const slotted = path.join(dir, 'slotted.html');
  await writeFile(whole, renderHtml(finished, { rowLimit: PRINT_ROW_LIMIT }));
  await writeFile(slotted, renderHtml(draft, { rowLimit: PRINT_ROW_LIMIT, lateSlots: true }));
  const pdfText = (file: string): string =>
    execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const printer = createPdfPrinter();
  try {
    const opened = printer.open(slotted);
    const filled = await opened.print(path.join(dir, 'slotted.pdf'), lateParts(finished));
    assert.equal(filled.ok, true, filled.ok ? '' : filled.note);
    const printed = await printer.print(whole, path.join(dir, 'whole.pdf'));
    assert.equal(printed.ok, true, printed.ok ? '' : printed.note);
    const text = pdfText(path.join(dir, 'slotted.pdf'));
    assert.equal(text, pdfText(path.join(dir, 'whole.pdf')));
    assert.ok(text.includes(`scanfold.sarif: not valid ${hostile}`), 'the error, as text');
    // A hash may wrap in its cell.
    assert.ok(text.replaceAll(' ', '').includes('ab'.repeat(32)), "the manifest's hashes");
    const title = execFileSync('pdfinfo', [path.join(dir, 'slotted.pdf')], { encoding: 'utf8' });
    assert.doesNotMatch(title, /pwned/);
    // A page without the slots is a note, never a PDF missing its errors.
    const unslotted = await printer.open(whole).print(path.join(dir, 'x.pdf'), lateParts(finished));
    assert.equal(unslotted.ok, false);
    assert.match(unslotted.ok ? '' : unslotted.note, /no slot late-errors, late-manifest/);
    // Given up unprinted, a page leaves the browser usable.
    const abandoned = printer.open(slotted);
    await abandoned.discard();
    const after = await printer.print(whole, path.join(dir, 'after.pdf'));
    assert.equal(after.ok, true, after.ok ? '' : after.note);
  } finally {
    await printer.close();
  }
});

test('a print page that cannot be written is a note saying why, never a failed run', async () => {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = path.join(dir, 'no-such-directory');
  try {
    const page = openPrintPage(scrubReport(report, []));
    const result = await page.print(scrubReport(report, []), path.join(dir, 'unwritten.pdf'));
    assert.equal(result.ok, false);
    assert.match(
      result.ok ? '' : result.note,
      /^report\.pdf skipped: its page was not written \(.*ENOENT/,
    );
    await page.discard(); // idempotent after print
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
});

test('a browser that exits at once is a note naming it, never a hang or an error', async () => {
  const result = await printPdf(
    path.join(dir, 'out', 'report.html'),
    path.join(dir, 'out', 'never.pdf'),
    { env: { SCANFOLD_CHROMIUM: '/bin/false' }, timeoutMs: 10_000 },
  );
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.note, /^report\.pdf skipped: false exited 1/);
});

test('the printed page lists the PRINT_ROW_LIMIT (200) most severe findings and says where the rest are', () => {
  const many = Array.from({ length: PRINT_ROW_LIMIT + 200 }, (_, index) => ({
    ...(report.findings[index % report.findings.length] as Report['findings'][number]),
    id: `finding-${index}`,
  }));
  const big = { ...report, findings: many };
  const rows = (html: string): number =>
    (
      /<tbody>([\s\S]*?)<\/tbody><\/table>/.exec(html.slice(html.indexOf('id="findings"')))?.[1] ??
      ''
    ).split('<tr id=').length - 1;
  const screen = renderHtml(big);
  const print = renderHtml(big, { rowLimit: PRINT_ROW_LIMIT });
  assert.equal(rows(screen), PRINT_ROW_LIMIT + 200);
  assert.equal(rows(print), PRINT_ROW_LIMIT);
  assert.match(
    print,
    new RegExp(`Printed: the ${PRINT_ROW_LIMIT} most severe of ${PRINT_ROW_LIMIT + 200} findings`),
  );
  assert.match(print, /200 more finding\(s\), less severe, are in report\.json/);
});
