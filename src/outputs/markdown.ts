import type { Finding, Severity } from '../model/finding.ts';
import { CATEGORIES, SEVERITIES } from '../model/finding.ts';
import type { Report, ScannerReport } from '../model/scan-result.ts';
import { escapeMarkdown } from './escape.ts';
import { controlLabel } from './labels.ts';

export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownLinks {
  /** Base for file links, e.g. https://github.com/o/r/blob/<sha>; paths are appended. */
  blobBase?: string;
  runUrl?: string;
  codeScanningUrl?: string;
  artifactUrl?: string;
}

export interface MarkdownOptions {
  maxLength?: number;
  links?: MarkdownLinks;
  /** Text placed first (e.g. the sticky-comment marker). */
  header?: string;
  /** Delta since the previous run, when known. */
  delta?: { new: number; fixed: number; open: number };
  notices?: string[];
}

const ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜',
};

/** Longer file links are left out (the label still names the file): a row must stay one sane line. */
const MAX_HREF = 2_048;

/** "in commit abc1234 (removed since)" for a secret found in git history. */
export function historyNote(finding: Finding): string {
  if (!finding.commit) return '';
  return ` in commit ${finding.commit.slice(0, 7)}${finding.removedSince ? ' (removed since)' : ''}`;
}

function locationCell(finding: Finding, links: MarkdownLinks | undefined): string {
  if (finding.image) {
    // The image is the section; the cell says which layer brought the package in.
    const layer = finding.image.layer;
    const where = layer?.createdBy ?? layer?.diffId?.slice(0, 19) ?? finding.image.ref;
    return escapeMarkdown(layer ? `layer: ${where}` : where, 120);
  }
  const line = finding.location.startLine;
  const more = (finding.locations?.length ?? 1) - 1;
  const label =
    escapeMarkdown(
      `${finding.location.path}${line ? `:${line}` : ''}${historyNote(finding)}`,
      140,
    ) + (more > 0 ? ` (+${more} more)` : '');
  if (!links?.blobBase || finding.location.path === '.' || /^[a-z]+:/i.test(finding.location.path))
    return label;
  // A secret from history links to the file as it was at that commit.
  const base = finding.commit
    ? links.blobBase.replace(/\/blob\/[^/]+$/, `/blob/${finding.commit}`)
    : links.blobBase;
  const href = `${base}/${finding.location.path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
  if (href.length > MAX_HREF) return label;
  return `<a href="${href.replace(/"/g, '%22')}">${label}</a>`;
}

/** `<code>`, not backticks: entities are not decoded inside a Markdown code span, so `CKV_AWS_20` would show as `CKV&#95;AWS&#95;20`. */
function code(text: string, max: number): string {
  return `<code>${escapeMarkdown(text, max)}</code>`;
}

function suppressionNote(finding: Finding): string {
  if (!finding.suppressed) return '';
  if (finding.suppression?.source === 'config')
    return ` (suppressed: ${finding.suppression.reason}${finding.suppression.expires ? `, until ${finding.suppression.expires}` : ''})`;
  return ' (suppressed in source)';
}

function findingRow(finding: Finding, links: MarkdownLinks | undefined): string {
  const what = `${finding.category === 'secret' ? `${finding.title} (value redacted)` : finding.title}${suppressionNote(finding)}`;
  const pkg = finding.package
    ? ` — ${escapeMarkdown(`${finding.package.name}@${finding.package.version ?? '?'}`, 60)}${finding.package.fixedVersion ? ` → ${escapeMarkdown(finding.package.fixedVersion, 40)}` : ''}`
    : '';
  const reach =
    finding.reachable === undefined
      ? ''
      : finding.reachable
        ? ' — <b>reachable</b>: the vulnerable code is called'
        : ' — not reachable: imported, never called';
  return `| ${ICON[finding.severity]} ${finding.severity} | ${code(finding.ruleId, 80)} ${escapeMarkdown(what, 100)}${pkg}${reach} | ${locationCell(finding, links)} | ${finding.tools.map((tool) => code(tool, 20)).join(' ')} |`;
}

/** One table row: every row of a table has the same cells, so GitHub renders it as a table. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function severityTable(report: Report): string[] {
  const tools = Object.keys(report.summary.byTool).sort();
  const lines = [
    tableRow(['severity', 'total', ...tools.map((tool) => escapeMarkdown(tool, 20))]),
    tableRow(['---', '---:', ...tools.map(() => '---:')]),
  ];
  for (const severity of SEVERITIES) {
    const row = report.findings.filter((finding) => finding.severity === severity);
    const perTool = tools.map(
      (tool) => row.filter((finding) => finding.tools.includes(tool)).length,
    );
    lines.push(
      tableRow([`${ICON[severity]} ${severity}`, String(row.length), ...perTool.map(String)]),
    );
  }
  return lines;
}

function scannerTable(report: Report): string[] {
  const lines = [
    '| scanner | status | version | duration | results | note |',
    '|---|---|---|---:|---:|---|',
  ];
  for (const scanner of report.scanners) {
    const badge =
      scanner.status === 'ok'
        ? '✅ ok'
        : scanner.status === 'skipped'
          ? '⏭️ skipped'
          : `❌ ${scanner.status}`;
    const note = [scanner.message, ...(scanner.notes ?? [])].filter(Boolean).join('; ');
    lines.push(
      `| ${escapeMarkdown(scanner.name, 40)} | ${badge} | ${escapeMarkdown(scanner.version ?? '—', 30)} | ${(scanner.durationMs / 1000).toFixed(1)} s | ${scanner.findings} | ${escapeMarkdown(note, 200)} |`,
    );
  }
  return lines;
}

function isFailed(scanner: ScannerReport): boolean {
  return scanner.status === 'failed' || scanner.status === 'timed-out';
}

/**
 * What a failed scanner's status means for this report, by what happened: the results it reported
 * before failing are included (possibly incomplete), or it reported none. Trusted text.
 */
export function failedScannerEffect(scanner: ScannerReport): string {
  const what =
    scanner.findings > 0
      ? `the ${scanner.findings} result(s) it reported are included, but may be incomplete`
      : 'it reported no results, so what it covers is missing from this report';
  return `${what}; a code-scanning upload leaves it out (a partial run would close its open alerts)`;
}

/** Errors listed in the comment; the rest are counted (report.json has them all). */
const MAX_ERRORS_LISTED = 10;
/** Characters of escaped error text in the comment, whatever the errors hold. */
const ERRORS_BUDGET = 6_000;

/** The inputs that could not be read and the outputs that could not be written, first. */
function errorLines(report: Report): string[] {
  if (report.errors.length === 0) return [];
  const lines = [
    '',
    '> [!WARNING]',
    `> **${report.errors.length} error(s): inputs or outputs are missing or incomplete, so this is not a clean result.**`,
  ];
  let used = 0;
  let listed = 0;
  for (const error of report.errors) {
    const line = `> - ${escapeMarkdown(error, 300)}`;
    if (listed >= MAX_ERRORS_LISTED || used + line.length > ERRORS_BUDGET) break;
    lines.push(line);
    used += line.length;
    listed++;
  }
  if (listed < report.errors.length)
    lines.push(`> - …and ${report.errors.length - listed} more in report.json.`);
  return lines;
}

/** Passed only when every scanner completed and every input was read; otherwise it says what is missing. */
function verdict(report: Report): string {
  const failed = report.scanners.filter(isFailed).length;
  const problems = [
    ...(report.errors.length ? [`${report.errors.length} error(s)`] : []),
    ...(failed ? [`${failed} scanner(s) failed`] : []),
  ].join(', ');
  if (report.gate.result === 'failed')
    return `❌ **Scanfold: gate failed${problems ? ` (incomplete: ${problems})` : ''}**`;
  if (problems) return `⚠️ **Scanfold: incomplete — ${problems}**`;
  return '✅ **Scanfold: gate passed**';
}

function headline(report: Report, options: MarkdownOptions): string[] {
  const lines = [
    `${verdict(report)} — ${report.summary.total} finding(s); ${escapeMarkdown(report.gate.reason, 300)}`,
    ...errorLines(report),
  ];
  if (options.delta)
    lines.push(
      '',
      `**Since the last push:** ${options.delta.new} new, ${options.delta.fixed} fixed, ${options.delta.open} still open.`,
    );
  const failed = report.scanners.filter(isFailed);
  if (failed.length > 0) {
    lines.push(
      '',
      `> [!WARNING]`,
      ...failed.map(
        (s) => `> - ${escapeMarkdown(s.name, 40)} ${s.status}: ${failedScannerEffect(s)}.`,
      ),
    );
  }
  lines.push(...baselineLines(report), ...complianceLine(report), ...suppressionWarnings(report));
  for (const notice of options.notices ?? []) lines.push('', `> ${escapeMarkdown(notice, 500)}`);
  return lines;
}

function baselineLines(report: Report): string[] {
  if (!report.baseline) return [];
  const lines = [
    '',
    `**Against the baseline:** ${report.summary.new ?? 0} new, ${report.summary.fixed ?? 0} fixed, ${report.summary.unchanged ?? 0} unchanged (gate counts ${report.gate.scope === 'all' ? 'all findings' : 'new findings only'}).`,
  ];
  if (!report.baseline.comparable)
    lines.push(
      '',
      `> [!NOTE]`,
      `> The baseline is not fully comparable: ${escapeMarkdown(report.baseline.reason ?? '', 300)}.`,
    );
  if (report.baseline.notRechecked > 0)
    lines.push(
      '',
      `> ${report.baseline.notRechecked} baseline finding(s) belong to scanners that did not complete; they are neither fixed nor open.`,
    );
  return lines;
}

/** Frameworks named in the comment's one line: the familiar OWASP edition and the CIS benchmarks. */
const COMMENT_FRAMEWORKS = /^(owasp-top10-2021|[a-z0-9]+-cis-.+)$/;

/**
 * One line: the failing controls ("OWASP A03:2021 Injection: 4 new; CIS Docker 4.1: fail"), with
 * how many new findings each has when a baseline is known.
 */
export function complianceStatus(report: Report, max = 6): string | undefined {
  const frameworks = (report.compliance?.frameworks ?? []).filter((f) =>
    COMMENT_FRAMEWORKS.test(f.id),
  );
  const isNew = new Set(
    report.findings.filter((f) => f.baseline === 'new' && !f.suppressed).map((f) => f.id),
  );
  const parts: string[] = [];
  let more = 0;
  for (const framework of frameworks) {
    for (const control of framework.controls) {
      if (control.status !== 'fail') continue;
      const label = `${controlLabel(`${framework.id}:${control.id}`)}${framework.id.startsWith('owasp') ? ` ${control.title}` : ''}`;
      const count = control.findings.filter((id) => isNew.has(id)).length;
      if (report.baseline && count === 0) continue;
      const text = report.baseline ? `${label}: ${count} new` : `${label}: fail`;
      if (parts.length < max) parts.push(text);
      else more++;
    }
  }
  if (parts.length === 0) return undefined;
  return parts.join('; ') + (more ? `; ${more} more` : '');
}

function complianceLine(report: Report): string[] {
  if (!report.compliance) return [];
  const status = complianceStatus(report);
  const label = report.baseline ? 'new findings under' : 'failing';
  return status
    ? ['', `**Compliance (${label}):** ${escapeMarkdown(status, 600)}`]
    : [
        '',
        `**Compliance:** no ${report.baseline ? 'new findings under a' : 'failing'} mapped control.`,
      ];
}

function suppressionWarnings(report: Report): string[] {
  const expired = report.suppressions?.expired ?? [];
  const unused = report.suppressions?.unused ?? [];
  const lines: string[] = [];
  for (const { suppression, findings } of expired.slice(0, 10))
    lines.push(
      '',
      `> [!WARNING]`,
      `> Suppression #${suppression.index + 1} (${escapeMarkdown(suppression.reason, 160)}) expired on ${escapeMarkdown(suppression.expires ?? '?', 12)}: ${findings.length} finding(s) it matched count again.`,
    );
  if (unused.length > 0)
    lines.push(
      '',
      `> ${unused.length} suppression(s) matched nothing this run: ${unused
        .slice(0, 10)
        .map(({ suppression }) => `#${suppression.index + 1}`)
        .join(', ')}.`,
    );
  return lines;
}

function fixedSection(report: Report, max: number): string[] {
  const fixed = report.fixed ?? [];
  if (fixed.length === 0) return [];
  const shown = fixed.slice(0, max);
  return [
    '',
    `<details><summary><b>fixed</b> (${fixed.length})</summary>`,
    '',
    '| severity | rule | location | tools |',
    '|---|---|---|---|',
    ...shown.map(
      (f) =>
        `| ${ICON[f.severity]} ${f.severity} | ${code(f.ruleId, 80)} ${escapeMarkdown(f.title ?? '', 100)} | ${escapeMarkdown(`${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ''}`, 120)} | ${f.tools.map((tool) => code(tool, 20)).join(' ')} |`,
    ),
    ...(fixed.length > shown.length ? ['', `…and ${fixed.length - shown.length} more.`] : []),
    '',
    '</details>',
  ];
}

function footer(report: Report, links: MarkdownLinks | undefined): string[] {
  const parts = [
    links?.codeScanningUrl ? `[code scanning alerts](${links.codeScanningUrl})` : undefined,
    links?.runUrl ? `[workflow run](${links.runUrl})` : undefined,
    links?.artifactUrl ? `[compliance report](${links.artifactUrl})` : undefined,
  ].filter(Boolean);
  const truncated = report.truncated.map(
    (t) => `${t.tool}: ${t.omitted} result(s) left out of the upload (${t.reason})`,
  );
  return [
    ...(truncated.length ? ['', `⚠️ ${escapeMarkdown(truncated.join('; '), 1000)}`] : []),
    ...(parts.length ? ['', parts.join(' · ')] : []),
    '',
    `<sub>scanfold ${report.tool.version} · ${report.summary.duplicatesMerged} duplicate(s) merged from ${report.summary.inputResults} scanner result(s)</sub>`,
  ];
}

function section(
  title: string,
  findings: readonly Finding[],
  options: { open: boolean; links: MarkdownLinks | undefined; limit: number; noun: string },
): { lines: string[]; omitted: number } {
  const shown = findings.slice(0, options.limit);
  const omitted = findings.length - shown.length;
  const lines = [
    '',
    `<details${options.open ? ' open' : ''}><summary>${title} (${findings.length})</summary>`,
    '',
    '| severity | rule | location | tools |',
    '|---|---|---|---|',
    ...shown.map((finding) => findingRow(finding, options.links)),
    ...(omitted > 0
      ? ['', `…and ${omitted} more ${options.noun} finding(s) in the full report.`]
      : []),
    '',
    '</details>',
  ];
  return { lines, omitted };
}

/** Source findings by category, then each scanned image's findings in a section of their own. */
function findingSections(
  report: Report,
  links: MarkdownLinks | undefined,
  perCategory: number,
): { lines: string[]; omitted: number } {
  const lines: string[] = [];
  let omitted = 0;
  // With a baseline the comment is about this change: new findings first, then fixed, then a count.
  // Licences the licence policy allows are SBOM facts, not something to read in a comment.
  const listed = report.findings.filter(
    (finding) =>
      finding.suppression?.source !== 'policy' && (!report.baseline || finding.baseline === 'new'),
  );
  if (report.baseline)
    lines.push('', listed.length ? `### New findings (${listed.length})` : '### No new findings');
  // Source findings by category, then each scanned image's findings in a section of their own.
  const source = listed.filter((finding) => !finding.image);
  const first = source[0]?.category;
  for (const category of CATEGORIES) {
    const findings = source.filter((finding) => finding.category === category);
    if (findings.length === 0) continue;
    const part = section(`<b>${category}</b>`, findings, {
      open: category === first,
      links,
      limit: perCategory,
      noun: category,
    });
    lines.push(...part.lines);
    omitted += part.omitted;
  }
  const byImage = new Map<string, Finding[]>();
  for (const finding of listed) {
    if (!finding.image) continue;
    const list = byImage.get(finding.image.ref);
    if (list) list.push(finding);
    else byImage.set(finding.image.ref, [finding]);
  }
  for (const [ref, findings] of byImage) {
    const part = section(`<b>image</b> ${code(ref, 120)}`, findings, {
      open: source.length === 0,
      links,
      limit: perCategory,
      noun: 'image',
    });
    lines.push(...part.lines);
    omitted += part.omitted;
  }
  const accepted = report.findings.filter((f) => f.suppression?.source === 'policy').length;
  if (accepted > 0)
    lines.push(
      '',
      `_${accepted} licence result(s) the licence policy allows are not listed (they are in the report)._`,
    );
  if (report.baseline) {
    lines.push(...fixedSection(report, perCategory));
    const unchanged = report.summary.unchanged ?? 0;
    if (unchanged > 0)
      lines.push(
        '',
        `_${unchanged} unchanged finding(s) already in the baseline are not listed; the full report has them._`,
      );
  }
  return { lines, omitted };
}

/**
 * The report as GitHub Markdown that always fits `maxLength`: fewer rows first, then summary only,
 * saying how many findings were left out.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const top = [
    ...(options.header ? [options.header] : []),
    ...headline(report, options),
    '',
    ...severityTable(report),
  ];
  const bottom = [
    '',
    '<details><summary>Scanners</summary>',
    '',
    ...scannerTable(report),
    '',
    '</details>',
    ...footer(report, options.links),
  ];
  for (const perCategory of [50, 20, 10, 5, 1]) {
    const { lines, omitted } = findingSections(report, options.links, perCategory);
    const note =
      omitted > 0 ? ['', `_${omitted} finding(s) not listed here; see report.json._`] : [];
    const text = [...top, ...lines, ...note, ...bottom].join('\n') + '\n';
    if (text.length <= max) return text;
  }
  const summaryOnly =
    [
      ...top,
      '',
      `_All ${report.summary.total} findings omitted to fit the size limit; see report.json._`,
      ...bottom,
    ].join('\n') + '\n';
  if (summaryOnly.length <= max) return summaryOnly;
  const minimal =
    [...top, '', `_Details omitted to fit the size limit; see report.json._`].join('\n') + '\n';
  return minimal.length <= max ? minimal : minimal.slice(0, max - 1) + '\n';
}
