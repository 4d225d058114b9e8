import type { Finding, Severity } from '../model/finding.ts';
import { CATEGORIES, SEVERITIES } from '../model/finding.ts';
import type { Report } from '../model/scan-result.ts';
import { escapeMarkdown } from './escape.ts';

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

function locationCell(finding: Finding, links: MarkdownLinks | undefined): string {
  if (finding.image) {
    // The image is the section; the cell says which layer brought the package in.
    const layer = finding.image.layer;
    const where = layer?.createdBy ?? layer?.diffId?.slice(0, 19) ?? finding.image.ref;
    return escapeMarkdown(layer ? `layer: ${where}` : where, 120);
  }
  const line = finding.location.startLine;
  const label = escapeMarkdown(`${finding.location.path}${line ? `:${line}` : ''}`, 120);
  if (!links?.blobBase || finding.location.path === '.' || /^[a-z]+:/i.test(finding.location.path))
    return label;
  const href = `${links.blobBase}/${finding.location.path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
  if (href.length > MAX_HREF) return label;
  return `<a href="${href.replace(/"/g, '%22')}">${label}</a>`;
}

/** `<code>`, not backticks: entities are not decoded inside a Markdown code span, so `CKV_AWS_20` would show as `CKV&#95;AWS&#95;20`. */
function code(text: string, max: number): string {
  return `<code>${escapeMarkdown(text, max)}</code>`;
}

function findingRow(finding: Finding, links: MarkdownLinks | undefined): string {
  const what = `${finding.category === 'secret' ? `${finding.title} (value redacted)` : finding.title}${finding.suppressed ? ' (suppressed in source)' : ''}`;
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

function severityTable(report: Report): string[] {
  const tools = Object.keys(report.summary.byTool).sort();
  const lines = [
    `| severity | total | ${tools.map((tool) => escapeMarkdown(tool, 20)).join(' | ')} |`,
    `|---|---:|${tools.map(() => '---:').join('|')}|`,
  ];
  for (const severity of SEVERITIES) {
    const row = report.findings.filter((finding) => finding.severity === severity);
    const perTool = tools.map(
      (tool) => row.filter((finding) => finding.tools.includes(tool)).length,
    );
    lines.push(`| ${ICON[severity]} ${severity} | ${row.length} | ${perTool.join(' | ')} |`);
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
      `| ${scanner.name} | ${badge} | ${escapeMarkdown(scanner.version ?? '—', 30)} | ${(scanner.durationMs / 1000).toFixed(1)} s | ${scanner.findings} | ${escapeMarkdown(note, 200)} |`,
    );
  }
  return lines;
}

function headline(report: Report, options: MarkdownOptions): string[] {
  const verdict =
    report.gate.result === 'passed'
      ? '✅ **Scanfold: gate passed**'
      : '❌ **Scanfold: gate failed**';
  const lines = [
    `${verdict} — ${report.summary.total} finding(s); ${escapeMarkdown(report.gate.reason, 300)}`,
  ];
  if (options.delta)
    lines.push(
      '',
      `**Since the last push:** ${options.delta.new} new, ${options.delta.fixed} fixed, ${options.delta.open} still open.`,
    );
  const failed = report.scanners.filter(
    (scanner) => scanner.status === 'failed' || scanner.status === 'timed-out',
  );
  if (failed.length > 0) {
    lines.push(
      '',
      `> [!WARNING]`,
      `> ${failed.map((s) => `${s.name} ${s.status}`).join(', ')}: their results are missing from this report and from the code-scanning upload.`,
    );
  }
  for (const notice of options.notices ?? []) lines.push('', `> ${escapeMarkdown(notice, 500)}`);
  return lines;
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
  const source = report.findings.filter((finding) => !finding.image);
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
  for (const finding of report.findings) {
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
