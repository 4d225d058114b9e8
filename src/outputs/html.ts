import { SEVERITIES } from '../model/finding.ts';
import type { Report } from '../model/scan-result.ts';
import { escapeHtml, truncate } from './escape.ts';
import { historyNote } from './markdown.ts';

/** A self-contained page for the compliance artifact; every value from scanners is escaped. */
export const HTML_ROW_LIMIT = 5_000;

export function renderHtml(report: Report): string {
  const e = (text: string | number | undefined, max = 300): string =>
    escapeHtml(truncate(String(text ?? ''), max));
  const severityRows = SEVERITIES.map(
    (s) => `<tr><td class="${s}">${s}</td><td>${report.summary.bySeverity[s]}</td></tr>`,
  ).join('');
  const scannerRows = report.scanners
    .map(
      (s) =>
        `<tr><td>${e(s.name)}</td><td>${e(s.status)}</td><td>${e(s.version ?? '')}</td><td>${(s.durationMs / 1000).toFixed(1)} s</td><td>${s.findings}</td><td>${e([s.message, ...(s.notes ?? [])].filter(Boolean).join('; '), 500)}</td></tr>`,
    )
    .join('\n');
  // A page a browser can open: the most severe rows, the rest counted (report.json has them all).
  const shown = report.findings.slice(0, HTML_ROW_LIMIT);
  const hidden = report.findings.length - shown.length;
  const findingRows = shown
    .map(
      (f) =>
        `<tr><td class="${f.severity}">${f.severity}</td><td>${e(f.category)}</td><td><code>${e(f.ruleId, 120)}</code><br>${e(f.title, 200)}${f.package ? `<br><small>${e(f.package.name)}@${e(f.package.version ?? '')}${f.package.fixedVersion ? ` → ${e(f.package.fixedVersion)}` : ''}</small>` : ''}</td><td><code>${e(f.location.path, 200)}${f.location.startLine ? `:${f.location.startLine}` : ''}</code>${e(historyNote(f))}</td><td>${e(f.tools.join(', '))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scanfold report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}table{border-collapse:collapse;margin:1rem 0;width:100%}
td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
.critical{background:#ffebe9}.high{background:#fff1e5}.medium{background:#fff8c5}.low{background:#ddf4ff}
code{word-break:break-all}
</style></head><body>
<h1>Scanfold report</h1>
<p><b>Gate ${e(report.gate.result)}</b> (fail-on ${e(report.gate.failOn)}): ${e(report.gate.reason)}.<br>
${report.summary.total} findings from ${report.summary.inputResults} scanner results (${report.summary.duplicatesMerged} duplicates merged). Generated ${e(report.generatedAt)} by scanfold ${e(report.tool.version)}.</p>
<h2>By severity</h2><table><tr><th>severity</th><th>findings</th></tr>${severityRows}</table>
<h2>Scanners</h2><table><tr><th>scanner</th><th>status</th><th>version</th><th>duration</th><th>results</th><th>notes</th></tr>
${scannerRows}</table>
<h2>Findings</h2><table><tr><th>severity</th><th>category</th><th>rule</th><th>location</th><th>tools</th></tr>
${findingRows}</table>
${hidden > 0 ? `<p>${hidden} more finding(s), less severe, are in report.json.</p>\n` : ''}</body></html>
`;
}
