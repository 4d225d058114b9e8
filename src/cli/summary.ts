import { SEVERITIES } from '../model/finding.ts';
import type { Report } from '../model/scan-result.ts';
import { safeLogLine, truncate } from '../outputs/escape.ts';

/** Errors printed under the table; stderr had each as it happened, report.json has them all. */
const MAX_ERRORS_PRINTED = 20;

/**
 * Untrusted text (tool names, versions, messages, file names) as part of one terminal line: no
 * escapes, no line breaks, never a `::` workflow command.
 */
function text(value: string, max = 500): string {
  return truncate(safeLogLine(value), max).toWellFormed();
}

/** A plain-text table for terminals. */
export function summaryTable(report: Report): string {
  const rows: string[][] = [['scanner', 'status', 'version', 'time', 'results']];
  for (const s of report.scanners)
    rows.push([
      text(s.name, 40),
      s.status,
      text(s.version ?? '-', 64),
      `${(s.durationMs / 1000).toFixed(1)}s`,
      String(s.findings),
    ]);
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  // Each line starts with a tool name: safeLogLine breaks a leading `::` in the whole line.
  const format = (row: string[]): string =>
    safeLogLine(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  const severities = SEVERITIES.map(
    (severity) => `${severity} ${report.summary.bySeverity[severity]}`,
  ).join(', ');
  const problems = report.scanners
    .filter((s) => s.status === 'failed' || s.status === 'timed-out' || s.status === 'skipped')
    .map((s) => `  ${text(s.name, 40)} ${s.status}: ${text(s.message ?? '')}`);
  const failed = report.scanners.filter(
    (s) => s.status === 'failed' || s.status === 'timed-out',
  ).length;
  const errors = report.errors.slice(0, MAX_ERRORS_PRINTED).map((error) => `  ${text(error)}`);
  if (report.errors.length > errors.length)
    errors.push(`  …and ${report.errors.length - errors.length} more in report.json`);
  const incomplete = [
    ...(report.errors.length ? [`${report.errors.length} error(s)`] : []),
    ...(failed ? [`${failed} scanner(s) failed`] : []),
  ].join(', ');
  return [
    format(rows[0] ?? []),
    ...rows.slice(1).map(format),
    '',
    `findings: ${report.summary.total} (${severities}); ${report.summary.duplicatesMerged} duplicates merged from ${report.summary.inputResults} results`,
    ...(problems.length ? ['', ...problems] : []),
    ...(errors.length ? ['', `errors (${report.errors.length}):`, ...errors] : []),
    ...(incomplete ? ['', `INCOMPLETE: ${incomplete}; this is not a clean result`] : []),
    `gate (fail-on ${report.gate.failOn}): ${report.gate.result} — ${text(report.gate.reason)}`,
  ].join('\n');
}
