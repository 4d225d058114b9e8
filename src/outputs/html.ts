import { createHash } from 'node:crypto';
import { CATEGORIES, SEVERITIES } from '../model/finding.ts';
import type { Finding, Severity } from '../model/finding.ts';
import type { Framework, Report } from '../model/scan-result.ts';
import { escapeHtml, truncate } from './escape.ts';
import { failedScannerEffect, historyNote } from './markdown.ts';
import { controlLabel } from './labels.ts';
import type { PageFill } from './pdf.ts';

/**
 * The compliance report: one self-contained page that works offline from the downloaded artifact.
 * Nothing leaves it (CSP `default-src 'none'`); its only style and script blocks are allowed by
 * hash; charts are inline SVG; every string that came from a scanner or the config is escaped.
 */
export const HTML_ROW_LIMIT = 5_000;
/**
 * Findings rows in the printed report (report.pdf): the most severe first, as on screen. Printing
 * all 5,000 rows gave some 760 pages and took 18 s; with 200 rows a 100k-result report is 79 pages,
 * about 25 of them summary and compliance tables. The full list is in report.html and report.json.
 */
export const PRINT_ROW_LIMIT = 200;

/** Filter and search over the findings table: rows carry their facets as data attributes. */
const SCRIPT = `(() => {
  const rows = Array.from(document.querySelectorAll('#findings tbody tr'));
  const field = (id) => document.getElementById(id);
  const filters = { sev: field('f-sev'), tool: field('f-tool'), cat: field('f-cat'), base: field('f-base'), text: field('f-text') };
  const count = field('f-count');
  const apply = () => {
    const text = filters.text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = (!filters.sev.value || d.sev === filters.sev.value)
        && (!filters.tool.value || d.tools.split(' ').includes(filters.tool.value))
        && (!filters.cat.value || d.cat === filters.cat.value)
        && (!filters.base.value || d.base === filters.base.value)
        && (!text || row.textContent.toLowerCase().includes(text));
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + ' of ' + rows.length + ' shown';
  };
  for (const element of Object.values(filters)) {
    element.addEventListener('input', apply);
    element.addEventListener('change', apply);
  }
  apply();
})();`;

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;
--critical:#a40e26;--high:#d1242f;--medium:#bf8700;--low:#0969da;--info:#818b98;
--pass:#1a7f37;--fail:#cf222e;--na:#818b98}
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:var(--fg);margin:0;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
header.top{border-bottom:1px solid var(--line);padding-bottom:16px;margin-bottom:8px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:var(--muted);margin:0;display:flex;flex-wrap:wrap;gap:4px 20px}
.meta b{color:var(--fg);font-weight:600}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:1px 4px;border-radius:4px;word-break:break-all}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .n{font-size:26px;font-weight:600;line-height:1.2}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.gate-failed{border-color:var(--fail);background:#ffebe9}.card.gate-passed{border-color:var(--pass);background:#dafbe1}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.chart{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.chart h3{margin:0 0 6px}
svg text{font:12px -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;fill:var(--fg)}
svg .muted{fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;color:var(--muted);font-size:12px;margin-top:4px}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;margin:8px 0}
#findings,table.controls{table-layout:fixed}.c-id{width:80px}.c-title{width:34%}.c-status{width:110px}
td.status{white-space:nowrap}
table.glance{table-layout:fixed}.g-name{width:30%}.g-n{width:90px}.c-sev{width:96px}.c-loc{width:30%}.c-cat{width:96px}.c-tools{width:120px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;min-width:62px;text-align:center;border-radius:12px;padding:0 8px;font-size:12px;font-weight:600;color:#fff}
.sev.critical,.dot.critical{background:var(--critical)}.sev.high,.dot.high{background:var(--high)}
.sev.medium,.dot.medium{background:var(--medium)}.sev.low,.dot.low{background:var(--low)}.sev.info,.dot.info{background:var(--info)}
.badge{display:inline-block;border:1px solid var(--line);border-radius:12px;padding:0 7px;font-size:11px;color:var(--muted);margin:1px 2px 1px 0;white-space:nowrap}
.badge.new{border-color:var(--fail);color:var(--fail);font-weight:600}.badge.supp{border-color:var(--medium);color:#7d4e00}
.status{font-weight:600}.status.pass{color:var(--pass)}.status.fail{color:var(--fail)}.status.not-assessed{color:var(--na);font-weight:400}
.small{font-size:12px;color:var(--muted)}
.title{font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0;padding:8px;background:var(--soft);border:1px solid var(--line);border-radius:8px}
.filters select,.filters input{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{flex:1;min-width:180px}
details.framework{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0}
details.framework summary{cursor:pointer;font-weight:600}
details.framework summary .small{font-weight:400;margin-left:8px}
.note{color:var(--muted);font-size:12px}
.print-only{display:none}
.warn{border-left:4px solid var(--medium);background:#fff8c5;padding:6px 12px;margin:8px 0}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:11px}main{max-width:none;padding:0}
  .filters,.no-print{display:none}
  tr[hidden]{display:table-row}
  #findings tbody tr:nth-child(n+${PRINT_ROW_LIMIT + 1}){display:none}
  .print-only{display:block}
  details.framework{break-inside:avoid}details>*{display:block}
  tr,.card,.chart{break-inside:avoid}
  h2{break-after:avoid}
  a{color:var(--fg)}
  /* Square code spans: each rounded one is a clip path of its own, a fifth of a long report's PDF. */
  code{border-radius:0}
  .sev,.dot,.card.gate-failed,.card.gate-passed{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export const HTML_CSP = `default-src 'none'; style-src 'sha256-${sha256Base64(STYLE)}'; script-src 'sha256-${sha256Base64(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;

const e = (text: string | number | undefined, max = 300): string =>
  escapeHtml(truncate(String(text ?? ''), max));

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#a40e26',
  high: '#d1242f',
  medium: '#bf8700',
  low: '#0969da',
  info: '#818b98',
};

/** Horizontal stacked bars: one row per label, one segment per severity. */
function stackedBars(rows: { label: string; counts: Record<Severity, number> }[]): string {
  if (rows.length === 0) return '<p class="note">No findings.</p>';
  const width = 520;
  const labelWidth = 110;
  const barHeight = 18;
  const gap = 8;
  const max = Math.max(1, ...rows.map((row) => SEVERITIES.reduce((n, s) => n + row.counts[s], 0)));
  const scale = (width - labelWidth - 50) / max;
  const height = rows.length * (barHeight + gap);
  const bars = rows
    .map((row, index) => {
      const y = index * (barHeight + gap);
      let x = labelWidth;
      const total = SEVERITIES.reduce((n, s) => n + row.counts[s], 0);
      const segments = SEVERITIES.filter((s) => row.counts[s] > 0)
        .map((s) => {
          const w = Math.max(2, row.counts[s] * scale);
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${SEVERITY_COLOR[s]}"><title>${e(row.label)}: ${row.counts[s]} ${s}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${e(row.label, 16)}</text>${segments}<text x="${(x + 6).toFixed(1)}" y="${y + 13}" class="muted">${total}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="findings by severity">${bars}</svg>`;
}

function simpleBars(rows: { label: string; value: number; color: string }[]): string {
  const width = 520;
  const labelWidth = 110;
  const barHeight = 18;
  const gap = 8;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const scale = (width - labelWidth - 50) / max;
  const bars = rows
    .map((row, index) => {
      const y = index * (barHeight + gap);
      const w = row.value > 0 ? Math.max(2, row.value * scale) : 0;
      return `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${e(row.label, 16)}</text><rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${row.color}"><title>${e(row.label)}: ${row.value}</title></rect><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}" class="muted">${row.value}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${width} ${rows.length * (barHeight + gap)}" width="100%" role="img">${bars}</svg>`;
}

const legend = `<div class="legend">${SEVERITIES.map((s) => `<span><span class="dot ${s}"></span>${s}</span>`).join('')}</div>`;

function countsFor(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function charts(report: Report): string {
  // One pass over the findings, not one per tool and per category.
  const byToolCounts = new Map<string, Record<Severity, number>>();
  const byCategoryCounts = new Map<string, Record<Severity, number>>();
  const countIn = (counts: Map<string, Record<Severity, number>>, key: string, f: Finding) => {
    let entry = counts.get(key);
    if (!entry) counts.set(key, (entry = countsFor([])));
    entry[f.severity]++;
  };
  for (const finding of report.findings) {
    for (const tool of new Set(finding.tools)) countIn(byToolCounts, tool, finding);
    countIn(byCategoryCounts, finding.category, finding);
  }
  const tools = Object.keys(report.summary.byTool).sort();
  const byTool = tools.map((tool) => ({
    label: tool,
    counts: byToolCounts.get(tool) ?? countsFor([]),
  }));
  const byCategory = CATEGORIES.filter((c) => report.summary.byCategory[c] > 0).map((c) => ({
    label: c,
    counts: byCategoryCounts.get(c) ?? countsFor([]),
  }));
  const parts = [
    `<div class="chart"><h3>Severity by tool</h3>${stackedBars(byTool)}${legend}</div>`,
    `<div class="chart"><h3>Severity by category</h3>${stackedBars(byCategory)}${legend}</div>`,
  ];
  if (report.baseline)
    parts.push(
      `<div class="chart"><h3>Against the baseline</h3>${simpleBars([
        { label: 'new', value: report.summary.new ?? 0, color: '#cf222e' },
        { label: 'unchanged', value: report.summary.unchanged ?? 0, color: '#818b98' },
        { label: 'fixed', value: report.summary.fixed ?? 0, color: '#1a7f37' },
      ])}</div>`,
    );
  return `<div class="charts">${parts.join('')}</div>${glanceTable(report)}`;
}

/** One row per framework, right under the charts: what an auditor asks first. */
function glanceTable(report: Report): string {
  const frameworks = report.compliance?.frameworks ?? [];
  if (frameworks.length === 0) return '';
  const rows = frameworks
    .map((framework) => {
      const count = (status: string): number =>
        framework.controls.filter((control) => control.status === status).length;
      const failing = framework.controls.filter((control) => control.status === 'fail');
      const shown = failing
        .slice(0, 8)
        // CWE ids are their own names; their titles would crowd the row.
        .map((control) =>
          framework.id.startsWith('cwe-')
            ? e(control.id)
            : `${e(control.id)} ${e(control.title, 48)}`,
        )
        .join(' · ');
      return `<tr><td><a href="#fw-${e(framework.id)}">${e(framework.name, 80)}</a></td><td class="num status fail">${count('fail')}</td><td class="num status pass">${count('pass')}</td><td class="num">${count('not-assessed')}</td><td class="small">${shown}${failing.length > 8 ? ` · +${failing.length - 8}` : ''}</td></tr>`;
    })
    .join('');
  return `<h2 id="glance">Compliance at a glance</h2><table class="glance"><colgroup><col class="g-name"><col class="g-n"><col class="g-n"><col class="g-n"><col></colgroup><thead><tr><th>framework</th><th class="num">fail</th><th class="num">pass</th><th class="num">not assessed</th><th>failing controls</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function header(report: Report): string {
  const git = report.git;
  const facts = [
    git?.repository ? `<span>repository <b>${e(git.repository)}</b></span>` : '',
    git?.commit ? `<span>commit <code>${e(git.commit.slice(0, 12))}</code></span>` : '',
    git?.ref ? `<span>ref <code>${e(git.ref)}</code></span>` : '',
    git?.runUrl && /^https:\/\//.test(git.runUrl)
      ? `<span><a href="${e(git.runUrl, 2000)}">workflow run</a></span>`
      : '',
    `<span>generated <b>${e(report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</b></span>`,
    `<span>scanfold <b>${e(report.tool.version)}</b></span>`,
    `<span>root <code>${e(report.root, 200)}</code></span>`,
  ].filter(Boolean);
  return `<header class="top"><h1>Scanfold security &amp; compliance report</h1><p class="meta">${facts.join('')}</p></header>`;
}

/** The errors' warnings: known only once scanfold.sarif is built (it may be invalid). */
function errorWarnings(report: Report): string {
  return report.errors.map((error) => `<div class="warn">${e(error, 500)}</div>`).join('');
}

function cards(report: Report, late: boolean): string {
  const card = (n: string | number, label: string, extra = ''): string =>
    `<div class="card${extra}"><div class="n">${n}</div><div class="l">${label}</div></div>`;
  const list = [
    card(
      e(report.gate.result),
      `gate · fail-on ${e(report.gate.failOn)}${report.gate.scope ? ` · ${report.gate.scope === 'new' ? 'new findings' : 'all findings'}` : ''}`,
      ` gate-${report.gate.result}`,
    ),
    card(report.summary.total, 'findings'),
    card(report.summary.bySeverity.critical + report.summary.bySeverity.high, 'critical + high'),
  ];
  if (report.baseline) {
    list.push(card(report.summary.new ?? 0, 'new'), card(report.summary.fixed ?? 0, 'fixed'));
  }
  list.push(card(report.summary.suppressed ?? 0, 'suppressed'));
  const scannersFailed = report.scanners.filter(
    (s) => s.status === 'failed' || s.status === 'timed-out',
  );
  const warnings = [
    ...scannersFailed.map(
      (s) =>
        `<div class="warn">${e(s.name)} ${e(s.status)}: ${e(failedScannerEffect(s), 400)}. ${e(s.message ?? '', 300)}</div>`,
    ),
    late ? `<div id="${LATE_ERRORS}"></div>` : errorWarnings(report),
    report.baseline && !report.baseline.comparable
      ? `<div class="warn">The baseline is not fully comparable: ${e(report.baseline.reason ?? '', 400)}</div>`
      : '',
  ].join('');
  return `<div class="cards">${list.join('')}</div><p>${e(report.gate.reason, 400)}.</p>${warnings}`;
}

function scannerTable(report: Report): string {
  const rows = report.scanners
    .map(
      (s) =>
        `<tr><td>${e(s.name)}</td><td>${e(s.status)}</td><td>${e(s.version ?? '—', 60)}</td><td class="num">${(s.durationMs / 1000).toFixed(1)} s</td><td class="num">${s.findings}</td><td class="small">${e([s.message, ...(s.notes ?? [])].filter(Boolean).join('; '), 500)}</td></tr>`,
    )
    .join('');
  if (!rows) return '<p class="note">Imported results: no scanner ran in this job.</p>';
  return `<table><thead><tr><th>scanner</th><th>status</th><th>version</th><th class="num">duration</th><th class="num">results</th><th>notes (DB age, retries)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findingRow(finding: Finding): string {
  const where = (l: Finding['location']): string =>
    `${l.path}${l.startLine ? `:${l.startLine}` : ''}`;
  const all = finding.locations ?? [finding.location];
  const locationCell =
    all
      .slice(0, 6)
      .map((l) => `<code>${e(where(l), 200)}</code>`)
      .join('<br>') +
    (all.length > 6 ? `<br><span class="small">+${all.length - 6} more</span>` : '') +
    (finding.commit ? `<div class="small">${e(historyNote(finding).trim())}</div>` : '');
  const pkg = finding.package
    ? `<div class="small">${e(finding.package.name)}@${e(finding.package.version ?? '?')}${finding.package.fixedVersion ? ` → fixed in ${e(finding.package.fixedVersion)}` : ''}</div>`
    : '';
  const badges = [
    finding.baseline === 'new' ? '<span class="badge new">new</span>' : '',
    finding.suppression
      ? `<span class="badge supp" title="${e(finding.suppression.reason)}">suppressed (${e(finding.suppression.source)})</span>`
      : '',
    ...(finding.compliance ?? [])
      .slice(0, 6)
      .map((key) => `<span class="badge">${e(controlLabel(key))}</span>`),
  ].join('');
  const base = finding.baseline ?? '';
  return `<tr id="${e(finding.id)}" data-sev="${finding.severity}" data-cat="${e(finding.category)}" data-tools="${e(finding.tools.join(' '))}" data-base="${e(base)}"><td><span class="sev ${finding.severity}">${finding.severity}</span></td><td><div class="title">${e(finding.category === 'secret' ? `${finding.title} (value redacted)` : finding.title, 200)}</div><div class="small"><code>${e(finding.ruleId, 120)}</code>${finding.cwe.length ? ` · ${e(finding.cwe.slice(0, 4).join(', '))}` : ''}</div>${pkg}<div>${badges}</div></td><td>${locationCell}</td><td>${e(finding.category)}</td><td>${e(finding.tools.join(', '))}</td></tr>`;
}

function option(value: string, label = value): string {
  return `<option value="${e(value)}">${e(label)}</option>`;
}

function findingsSection(report: Report, rowLimit: number): string {
  const shown = report.findings.slice(0, rowLimit);
  const hidden = report.findings.length - shown.length;
  const tools = Object.keys(report.summary.byTool).sort();
  const filters = `<div class="filters no-print">
<label>severity <select id="f-sev"><option value="">any</option>${SEVERITIES.map((s) => option(s)).join('')}</select></label>
<label>tool <select id="f-tool"><option value="">any</option>${tools.map((t) => option(t)).join('')}</select></label>
<label>category <select id="f-cat"><option value="">any</option>${CATEGORIES.filter(
    (c) => report.summary.byCategory[c] > 0,
  )
    .map((c) => option(c))
    .join('')}</select></label>
<label>baseline <select id="f-base"><option value="">any</option>${report.baseline ? option('new') + option('unchanged') : ''}</select></label>
<input id="f-text" type="search" placeholder="Search title, rule, path, package…" aria-label="search findings">
<span id="f-count" class="small"></span></div>`;
  return `<h2 id="findings-heading">Findings</h2>${filters}
<table id="findings"><colgroup><col class="c-sev"><col><col class="c-loc"><col class="c-cat"><col class="c-tools"></colgroup><thead><tr><th>severity</th><th>finding</th><th>location</th><th>category</th><th>tools</th></tr></thead>
<tbody>${shown.map(findingRow).join('\n')}</tbody></table>
${hidden > 0 ? `<p class="note">${hidden} more finding(s), less severe, are in report.json.</p>` : ''}${
    report.findings.length > PRINT_ROW_LIMIT
      ? `<p class="note print-only">Printed: the ${PRINT_ROW_LIMIT} most severe of ${report.findings.length} findings. Every finding is in report.json and scanfold.sarif.</p>`
      : ''
  }`;
}

function fixedSection(report: Report, rowLimit: number): string {
  if (!report.baseline) return '';
  const fixed = report.fixed ?? [];
  const rows = fixed
    .slice(0, rowLimit)
    .map(
      (f) =>
        `<tr><td><span class="sev ${f.severity}">${f.severity}</span></td><td><div class="title">${e(f.title ?? f.ruleId, 200)}</div><div class="small"><code>${e(f.ruleId, 120)}</code> · ${e(f.id)}</div></td><td><code>${e(`${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ''}`, 200)}</code></td><td>${e(f.tools.join(', '))}</td></tr>`,
    )
    .join('');
  const base = report.baseline;
  return `<h2 id="fixed">Fixed since the baseline</h2><p class="small">Baseline <code>${e(base.file, 200)}</code>${base.generatedAt ? ` from ${e(base.generatedAt)}` : ''}: ${report.summary.new ?? 0} new, ${report.summary.unchanged ?? 0} unchanged, ${fixed.length} fixed${base.notRechecked ? `; ${base.notRechecked} not re-checked (their scanner did not complete)` : ''}.</p>${rows ? `<table><thead><tr><th>severity</th><th>finding</th><th>location</th><th>tools</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="note">Nothing was fixed.</p>'}`;
}

/** A control's findings as an auditor reads them: what, how many, each linked to its row. */
function controlFindings(ids: readonly string[], byId: ReadonlyMap<string, Finding>): string {
  if (ids.length === 0) return '';
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const title = byId.get(id)?.title ?? id;
    const list = groups.get(title);
    if (list) list.push(id);
    else groups.set(title, [id]);
  }
  const shown = [...groups.entries()].slice(0, 6).map(([title, members]) => {
    const first = members[0] ?? '';
    return `<a href="#${e(first)}">${e(title, 80)}</a>${members.length > 1 ? ` ×${members.length}` : ''}`;
  });
  const more = groups.size > 6 ? `, and ${groups.size - 6} more kinds` : '';
  return `<b>${ids.length}</b> — ${shown.join('; ')}${more}`;
}

function frameworkSection(framework: Framework, byId: ReadonlyMap<string, Finding>): string {
  const counts = { pass: 0, fail: 0, 'not-assessed': 0 };
  for (const control of framework.controls) counts[control.status]++;
  const rows = framework.controls
    .map((control) => {
      const cell = [
        controlFindings(control.findings, byId),
        control.passed?.length ? `passed: ${e(control.passed.join(', '))}` : '',
      ]
        .filter(Boolean)
        .join('<br>');
      return `<tr><td><code>${e(control.id)}</code></td><td>${e(control.title, 200)}</td><td class="status ${control.status}">${control.status === 'not-assessed' ? 'not assessed' : control.status}</td><td class="small">${cell}</td></tr>`;
    })
    .join('');
  return `<details class="framework" id="fw-${e(framework.id)}" open><summary>${e(framework.name)} <span class="small"><span class="status fail">${counts.fail} fail</span> · <span class="status pass">${counts.pass} pass</span> · ${counts['not-assessed']} not assessed</span></summary>
<p class="small">Source: ${e(framework.source, 500)}. Licence: ${e(framework.license, 200)}.</p>
<table class="controls"><colgroup><col class="c-id"><col class="c-title"><col class="c-status"><col></colgroup><thead><tr><th>control</th><th>title</th><th>status</th><th>findings</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function complianceSection(report: Report): string {
  const frameworks = report.compliance?.frameworks ?? [];
  if (frameworks.length === 0) return '';
  const byId = new Map(report.findings.map((finding) => [finding.id, finding]));
  return `<h2 id="compliance">Compliance</h2><p class="small">A control <b>fails</b> when a finding maps to it, <b>passes</b> only when one of its checks ran and passed, and is otherwise <b>not assessed</b>: no control passes on silence. Suppressed findings fail no control.</p>${frameworks.map((framework) => frameworkSection(framework, byId)).join('')}`;
}

function suppressionsSection(report: Report): string {
  const s = report.suppressions;
  const inline = report.findings.filter((f) => f.suppression?.source === 'inline').length;
  if (!s || (s.active.length + s.expired.length + s.unused.length === 0 && inline === 0)) return '';
  type Entry = {
    suppression: { index: number; reason: string; expires?: string | undefined } & Record<
      string,
      unknown
    >;
    findings?: string[];
  };
  const matcher = (entry: Entry['suppression']): string =>
    ['rule', 'fingerprint', 'cve', 'path', 'tool']
      .filter((key) => typeof entry[key] === 'string')
      .map((key) => `${key}: <code>${e(String(entry[key]), 120)}</code>`)
      .join(' ');
  const rows = (state: string, entries: readonly Entry[]): string =>
    entries
      .map(
        (entry) =>
          `<tr><td>#${entry.suppression.index + 1}</td><td class="status ${state === 'active' ? 'pass' : state === 'expired' ? 'fail' : 'not-assessed'}">${state}</td><td>${matcher(entry.suppression)}</td><td>${e(entry.suppression.reason, 300)}</td><td>${e(entry.suppression.expires ?? 'never')}</td><td class="num">${entry.findings?.length ?? 0}</td></tr>`,
      )
      .join('');
  const body = rows('active', s.active) + rows('expired', s.expired) + rows('unused', s.unused);
  return `<h2 id="suppressions">Suppressions</h2>${body ? `<table><thead><tr><th>#</th><th>state</th><th>matches</th><th>reason</th><th>expires</th><th class="num">findings</th></tr></thead><tbody>${body}</tbody></table>` : ''}<p class="small">Expired suppressions no longer apply (the findings they matched count again); unused ones matched nothing this run.${inline ? ` ${inline} finding(s) are suppressed in the source by the tool's own ignore comment.` : ''}</p>`;
}

function sbomSection(report: Report): string {
  if (!report.sbom && !report.licenses) return '';
  const parts = ['<h2 id="sbom">SBOM and licences</h2>'];
  if (report.sbom)
    parts.push(
      `<p>${report.sbom.components} components, ${report.sbom.uniquePurls} unique package URLs (sbom.cdx.json, CycloneDX 1.6).</p>`,
    );
  const policy = report.licenses;
  if (policy) {
    parts.push(
      `<p class="small">Licence policy: deny ${e(policy.deny.join(', '), 600)}${policy.allow ? `; allow only ${e(policy.allow.join(', '), 600)}` : ''}. ${policy.components} components: ${policy.denied.length} denied, ${policy.unknown.length} with a licence that is not SPDX, ${policy.undeclared} declaring none.</p>`,
    );
    const rows = [
      ...policy.denied.map(
        (d) =>
          `<tr><td>${e(d.name)}${d.version ? `@${e(d.version)}` : ''}</td><td><code>${e(d.license, 200)}</code></td><td class="status fail">denied</td><td class="small">${e(d.reason, 200)}</td></tr>`,
      ),
      ...policy.unknown.map(
        (u) =>
          `<tr><td>${e(u.name)}${u.version ? `@${e(u.version)}` : ''}</td><td><code>${e(u.license, 200)}</code></td><td class="status not-assessed">unknown</td><td class="small">not an SPDX licence expression</td></tr>`,
      ),
    ];
    if (rows.length)
      parts.push(
        `<table><thead><tr><th>component</th><th>licence</th><th>verdict</th><th>why</th></tr></thead><tbody>${rows.slice(0, 1_000).join('')}</tbody></table>`,
      );
  }
  const seen = report.sbom?.licenses ?? [];
  if (seen.length)
    parts.push(
      `<p class="small">Licences seen: ${seen
        .slice(0, 200)
        .map((l) => `<span class="badge">${e(l, 80)}</span>`)
        .join('')}</p>`,
    );
  return parts.join('');
}

function manifestSection(report: Report): string {
  const entries = Object.entries(report.manifest);
  if (entries.length === 0) return '';
  return `<h2 id="manifest">Manifest</h2><p class="small">SHA-256 of every file written before this page (report.json lists this page and any PDF too).</p><table><thead><tr><th>file</th><th>sha-256</th></tr></thead><tbody>${entries
    .slice(0, 2_000)
    .map(
      ([file, hash]) =>
        `<tr><td><code>${e(file, 200)}</code></td><td><code>${e(hash, 64)}</code></td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export interface HtmlOptions {
  /** Finding rows (and fixed rows) listed; the rest are counted and left to report.json. */
  rowLimit?: number;
  /**
   * Leave the parts known only after scanfold.sarif is written (the errors, the manifest) as
   * empty slots, for lateParts to fill: the browser loads report.pdf's page while it is written.
   */
  lateSlots?: boolean;
}

const LATE_ERRORS = 'late-errors';
const LATE_MANIFEST = 'late-manifest';

/** The HTML of each slot that `lateSlots` left, from the finished report. */
export function lateParts(report: Report): PageFill[] {
  return [
    { id: LATE_ERRORS, html: errorWarnings(report) },
    { id: LATE_MANIFEST, html: manifestSection(report) },
  ];
}

/**
 * The sections that do not depend on the row limit, rendered once per report: report.html and
 * the page printed to report.pdf share them (each walks every finding). Kept by the findings they
 * walked, and reused only while the other parts they read are the same objects: report.pdf's page
 * is rendered from the report before its late parts, report.html from the finished one.
 */
const rendered = new WeakMap<
  readonly Finding[],
  { reads: readonly unknown[]; sections: Map<string, string> }
>();
function once(report: Report, name: string, render: (report: Report) => string): string {
  const reads = [report.summary, report.compliance, report.baseline];
  let cached = rendered.get(report.findings);
  if (!cached || cached.reads.some((read, index) => read !== reads[index]))
    rendered.set(report.findings, (cached = { reads, sections: new Map<string, string>() }));
  let html = cached.sections.get(name);
  if (html === undefined) cached.sections.set(name, (html = render(report)));
  return html;
}

/** report.html; with `rowLimit: PRINT_ROW_LIMIT`, the page report.pdf is printed from. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const rowLimit = options.rowLimit ?? HTML_ROW_LIMIT;
  const late = options.lateSlots === true;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Scanfold report${report.git?.repository ? ` — ${e(report.git.repository)}` : ''}</title>
<style>${STYLE}</style></head><body><main>
${header(report)}
${cards(report, late)}
${once(report, 'charts', charts)}
<h2 id="scanners">Scanners</h2>${scannerTable(report)}
${findingsSection(report, rowLimit)}
${fixedSection(report, rowLimit)}
${once(report, 'compliance', complianceSection)}
${suppressionsSection(report)}
${sbomSection(report)}
${late ? `<div id="${LATE_MANIFEST}"></div>` : manifestSection(report)}
<footer>Generated by scanfold ${e(report.tool.version)}. report.json holds every finding with its sources; scanfold.sarif holds every scanner result.</footer>
</main><script>${SCRIPT}</script></body></html>
`;
}
