import { SEVERITIES } from '../model/finding.ts';
import type { Report } from '../model/scan-result.ts';

/** A plain-text table for terminals. */
export function summaryTable(report: Report): string {
  const rows: string[][] = [['scanner', 'status', 'version', 'time', 'results']];
  for (const s of report.scanners)
    rows.push([
      s.name,
      s.status,
      s.version ?? '-',
      `${(s.durationMs / 1000).toFixed(1)}s`,
      String(s.findings),
    ]);
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const format = (row: string[]): string =>
    row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const severities = SEVERITIES.map(
    (severity) => `${severity} ${report.summary.bySeverity[severity]}`,
  ).join(', ');
  const problems = report.scanners
    .filter((s) => s.status === 'failed' || s.status === 'timed-out' || s.status === 'skipped')
    .map((s) => `  ${s.name} ${s.status}: ${s.message ?? ''}`);
  return [
    format(rows[0] ?? []),
    ...rows.slice(1).map(format),
    '',
    `findings: ${report.summary.total} (${severities}); ${report.summary.duplicatesMerged} duplicates merged from ${report.summary.inputResults} results`,
    ...(problems.length ? ['', ...problems] : []),
    `gate (fail-on ${report.gate.failOn}): ${report.gate.result} — ${report.gate.reason}`,
  ].join('\n');
}
