import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { Log } from 'sarif';
import os from 'node:os';
import path from 'node:path';
import type { ScanConfig } from './config/schema.ts';
import { scanfoldVersion } from './config/package-root.ts';
import { ensureTool } from './install/installer.ts';
import type { InstallSource } from './install/installer.ts';
import { loadManifest } from './install/manifest.ts';
import type { Manifest } from './install/manifest.ts';
import { SEVERITIES, CATEGORIES } from './model/finding.ts';
import type { Finding } from './model/finding.ts';
import { errorMessage } from './model/errors.ts';
import { systemClock } from './model/ports.ts';
import type { Clock, Logger } from './model/ports.ts';
import type { Report, ScannerReport } from './model/scan-result.ts';
import { normalize, type Normalized } from './normalize/index.ts';
import { secretsFromSource } from './normalize/secret-source.ts';
import { credentialsIn } from './normalize/credentials.ts';
import { scrubCutTitles } from './normalize/secrets.ts';
import type { SarifInput, SbomInput } from './model/inputs.ts';
import { scrubValue } from './outputs/redact.ts';
import { buildSarif } from './outputs/sarif.ts';
import { fitToLimits } from './outputs/sarif-limits.ts';
import type { SbomSummary } from './outputs/sbom.ts';
import { createPdfPrinter, type PdfPrinter } from './outputs/pdf.ts';
import {
  clearOwnOutputs,
  finishReport,
  openPrintPage,
  OUTPUT_FILES,
  pdfWanted,
  prepareOutputDir,
  scrubReport,
  writeOutputs,
  writeSarifOutput,
} from './outputs/write.ts';
import { planScan } from './plan/plan.ts';
import { applyPolicy, settingsDigest } from './policy/index.ts';
import type { PolicyOutcome, PolicyRequest } from './policy/index.ts';
import { gitCommit } from './policy/baseline.ts';
import {
  evaluateLicenses,
  LICENSE_POLICY_TOOL,
  type LicenseEvaluation,
} from './policy/licenses.ts';
import { runScanners } from './run/runner.ts';
import type { ToolResolution } from './run/runner.ts';
import type { ScannerAdapter } from './scanners/adapter.ts';

export const EXIT = { ok: 0, gateFailed: 1, usage: 2, scannerFailed: 3 } as const;

export interface EnginePorts {
  logger: Logger;
  clock: Clock;
}

export interface ScanOptions extends EnginePorts {
  /** Install missing scanners (release download, then registry). */
  install?: boolean;
  /** Ignore tools on PATH and use the pinned ones in the tool cache. */
  ignorePath?: boolean;
  manifest?: Manifest;
  /** Where the code came from (repository, ref, run link), for the report's header; the host knows. */
  provenance?: Report['git'];
}

export interface ScanOutcome {
  report: Report;
  /** The merged SARIF as written to scanfold.sarif, so publishing need not read it back. */
  sarif: Log;
  exitCode: number;
  outputDir: string;
  files: {
    sarif: string;
    sbom: string | undefined;
    report: string;
    markdown: string;
    html: string;
  };
}

interface AssembleRequest {
  root: string;
  outputDir: string;
  failOn: ScanConfig['failOn'];
  scanners: ScannerReport[];
  sarif: SarifInput[];
  sboms: SbomInput[];
  errors: string[];
  logger: Logger;
  /** Baseline, suppressions, gate scope, licence policy; `now` comes from the clock. */
  policy?: Omit<PolicyRequest, 'failOn' | 'now'>;
  clock?: Clock;
  settings?: { scanners: string[]; digest: string };
  git?: Report['git'];
  /** The browser that prints report.pdf, started early by the caller (see withPdfPrinter). */
  printer?: PdfPrinter;
}

/**
 * The PDF printer for the work in `use`, which warms it (starts the browser) when a core is free,
 * and stopped afterwards: its start-up (half a second) then costs no time after the last scanner.
 */
export async function withPdfPrinter<T>(
  use: (printer: PdfPrinter | undefined) => Promise<T>,
): Promise<T> {
  const printer = pdfWanted() ? createPdfPrinter() : undefined;
  try {
    return await use(printer);
  } finally {
    await printer?.close();
  }
}

function countBy<K extends string>(
  keys: readonly K[],
  findings: readonly Finding[],
  pick: (f: Finding) => K,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const finding of findings) counts[pick(finding)]++;
  return counts;
}

/** What the report is made of, worked out by assemble before scanfold.sarif is built. */
interface ReportParts {
  request: AssembleRequest;
  normalized: Pick<Normalized, 'inputResults' | 'duplicatesMerged'>;
  policy: PolicyOutcome;
  scanners: ScannerReport[];
  licenses: LicenseEvaluation;
  sbom: { summary: SbomSummary } | undefined;
}

/** The report but for what waits on scanfold.sarif (`truncated`, `errors`, the manifest). */
function draftReport(parts: ReportParts): Report {
  const { request, normalized, policy, scanners, licenses, sbom } = parts;
  const { findings, gate } = policy;
  // A Map, then own properties: a tool named `__proto__` stays a count, not a prototype.
  const toolCounts = new Map<string, number>();
  for (const finding of findings)
    for (const tool of finding.tools) toolCounts.set(tool, (toolCounts.get(tool) ?? 0) + 1);
  const byTool: Record<string, number> = Object.fromEntries(toolCounts);
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'scanfold', version: scanfoldVersion() },
    generatedAt: new Date().toISOString(),
    root: request.root,
    summary: {
      total: findings.length,
      bySeverity: countBy(SEVERITIES, findings, (f) => f.severity),
      byCategory: countBy(CATEGORIES, findings, (f) => f.category),
      byTool,
      inputResults: normalized.inputResults,
      duplicatesMerged: normalized.duplicatesMerged,
      ...(policy.baseline
        ? {
            new: findings.filter((f) => f.baseline === 'new').length,
            unchanged: findings.filter((f) => f.baseline === 'unchanged').length,
            fixed: policy.fixed.length,
          }
        : {}),
      suppressed: findings.filter((f) => f.suppressed).length,
    },
    gate,
    ...(request.git ? { git: request.git } : {}),
    ...(request.settings ? { settings: request.settings } : {}),
    scanners,
    findings,
    ...(policy.baseline ? { baseline: policy.baseline, fixed: policy.fixed } : {}),
    suppressions: policy.suppressions,
    compliance: policy.compliance,
    ...(request.sboms.length ? { licenses: licenses.summary } : {}),
    ...(sbom ? { sbom: sbom.summary } : {}),
    truncated: [],
    errors: [],
    manifest: {},
  };
}

/**
 * SCANFOLD_TIMINGS=1 prints how long each step of assemble() took, wall and CPU, on stderr: where
 * a large merge spends its time, measured in the user's own run.
 */
export function stepTimer(): (step: string) => void {
  if (process.env.SCANFOLD_TIMINGS !== '1') return () => undefined;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (step) => {
    const nowCpu = process.cpuUsage();
    const now = performance.now();
    const cpuMs = (nowCpu.user - cpu.user + nowCpu.system - cpu.system) / 1000;
    process.stderr.write(
      `timing: ${step.padEnd(14)} wall ${(now - wall).toFixed(0).padStart(6)} ms  cpu ${cpuMs.toFixed(0).padStart(6)} ms\n`,
    );
    wall = now;
    cpu = nowCpu;
  };
}

const importOutputChecks = () =>
  Promise.all([import('./outputs/sbom.ts'), import('./outputs/validate.ts')]);
let outputChecks: ReturnType<typeof importOutputChecks> | undefined;
/**
 * The SBOM builder and the output validators: half the bundle (the CycloneDX library and the
 * compiled schemas), in a chunk of its own. A scan loads it while the scanners run: compiled up
 * front, it held back the first scanner's start by some 50 ms.
 */
export function loadOutputChecks(): ReturnType<typeof importOutputChecks> {
  return (outputChecks ??= importOutputChecks());
}

/** normalize → policy → outputs: shared by `scan` (fresh results) and `merge` (imported files). */
export async function assemble(request: AssembleRequest): Promise<ScanOutcome> {
  const fail = (message: string): void => {
    request.errors.push(message);
    request.logger.error(message);
  };
  const [{ buildSbom }, { repairSarif, validateBom, validateSarif }] = await loadOutputChecks();
  const step = stepTimer();
  // Licences are SBOM facts: the policy turns the ones it flags into results of its own run.
  const licenses = evaluateLicenses(
    request.sboms.map((input) => input.bom),
    request.policy?.licenses,
  );
  const sarifInputs = [...request.sarif];
  const written: string[] = [];
  if (licenses.log) {
    const file = path.join('raw', 'policy', 'licenses.sarif');
    await prepareOutputDir(request.outputDir);
    await mkdir(path.join(request.outputDir, 'raw', 'policy'), { recursive: true });
    await rm(path.join(request.outputDir, file), { force: true });
    await writeFile(path.join(request.outputDir, file), JSON.stringify(licenses.log, null, 2), {
      flag: 'wx',
    });
    written.push('raw/policy/licenses.sarif');
    sarifInputs.push({
      file: 'raw/policy/licenses.sarif',
      log: licenses.log,
      tool: LICENSE_POLICY_TOOL,
    });
  }
  // Inputs in a fixed order: the same files given in any order give the same outputs.
  sarifInputs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const normalized = normalize(sarifInputs, request.root);
  step('normalize');
  const fromSource = await secretsFromSource(request.root, normalized.findings);
  // Credentials of a known shape that only an SBOM holds (a URL's user part, a property).
  const inBoms = new Set<string>();
  for (const input of request.sboms) credentialsIn(input.bom, inBoms);
  const secretTokens = [
    ...new Set([...normalized.secretTokens, ...fromSource.tokens, ...inBoms]),
  ].sort();
  scrubCutTitles(normalized.findings, secretTokens);
  step('secrets');
  const scanners = request.scanners.map((scanner) => ({
    ...scanner,
    findings: Object.hasOwn(normalized.resultsByTool, scanner.name)
      ? (normalized.resultsByTool[scanner.name] ?? 0)
      : 0,
  }));
  const policy = await applyPolicy({
    findings: normalized.findings,
    scanners: request.scanners,
    root: request.root,
    outputDir: request.outputDir,
    settings: request.settings,
    policy: {
      ...request.policy,
      failOn: request.failOn,
      now: (request.clock ?? systemClock).now(),
    },
    logger: request.logger,
  });
  const { findings, gate } = policy;
  step('policy');
  let sbom: ReturnType<typeof buildSbom> | undefined;
  if (
    request.sboms.length > 0 ||
    findings.some((finding) => finding.category === 'vulnerability')
  ) {
    try {
      sbom = buildSbom(request.sboms, findings);
      for (const { message } of sbom.rejected) fail(`SBOM input left out: ${message}`);
      // Part of what an input said (a field the merge does not carry, one wrong-typed value): a
      // warning, and a note on the tool that wrote it; the run is not failed for it.
      for (const { message } of sbom.dropped)
        request.logger.warning(`SBOM input partly left out: ${message}`);
      // Scrubbed before it is validated: what is written is what was checked.
      const parsed = JSON.parse(sbom.json) as unknown;
      // scrubValue gives the same object back when no secret is in it: nothing to serialise again.
      const written = scrubValue(parsed, secretTokens);
      if (written !== parsed) sbom = { ...sbom, json: `${JSON.stringify(written, null, 2)}\n` };
      const invalid = validateBom(written);
      if (invalid.length > 0) {
        fail(
          `${OUTPUT_FILES.sbom}: not valid CycloneDX 1.6 (${invalid.length} problem(s); first: ${invalid[0]}); not written`,
        );
        sbom = undefined;
      }
    } catch (error) {
      fail(`SBOM merge failed: ${errorMessage(error)}`);
    }
  }
  step('sbom');
  const amend = (tool: string, change: (scanner: ScannerReport) => ScannerReport): void => {
    const index = scanners.findIndex((scanner) => scanner.name === tool);
    const scanner = scanners[index];
    if (scanner) scanners[index] = change(scanner);
  };
  // A scanner whose SBOM was left out did not give what it ran for: failed, with the reason.
  for (const { tool, message } of sbom?.rejected ?? [])
    amend(tool, (scanner) => ({
      ...scanner,
      status: 'failed',
      message: [scanner.message, `SBOM left out: ${message}`].filter(Boolean).join('; '),
    }));
  for (const { tool, message } of sbom?.dropped ?? [])
    amend(tool, (scanner) => ({
      ...scanner,
      notes: [...(scanner.notes ?? []), `SBOM input partly left out: ${message}`],
    }));
  const draft = scrubReport(
    draftReport({ request, normalized, policy, scanners, licenses, sbom }),
    secretTokens,
  );
  // report.pdf's page loads in the browser, on another core, while scanfold.sarif is built and
  // written; only its errors and manifest wait for that.
  const printPage = pdfWanted() ? openPrintPage(draft, request.printer) : undefined;
  try {
    const merged = buildSarif({ inputs: sarifInputs, findings, root: request.root, secretTokens });
    step('buildSarif');
    // As codeql-action does before an upload: an invalid file is said to be so, never passed on silently.
    // Usually one validation pass (~100 ms per 100k results); more only when an input broke it.
    const repaired = repairSarif(merged);
    if (repaired.dropped.length > 0)
      request.logger.warning(
        `${OUTPUT_FILES.sarif}: ${repaired.dropped.length} field(s) from the inputs broke SARIF 2.1.0 and were left out (first: ${repaired.dropped[0]})`,
      );
    const invalidSarif = repaired.valid ? [] : validateSarif(merged);
    if (invalidSarif.length > 0)
      fail(
        `${OUTPUT_FILES.sarif}: not valid SARIF 2.1.0 (${invalidSarif.length} problem(s); first: ${invalidSarif[0]})`,
      );
    step('validateSarif');
    // Written first: writing measures each run, so fitToLimits need not serialise it again.
    const sarifWritten = await writeSarifOutput(request.outputDir, merged);
    step('write sarif');
    // Known before anything is uploaded, so the report (and the CLI user) sees what GitHub would drop.
    const { truncated } = fitToLimits(merged, undefined, sarifWritten.runs);
    for (const t of truncated) {
      request.logger.warning(
        `${t.tool}: ${t.omitted} result(s) exceed GitHub's limits and would be left out of a code-scanning upload (${t.reason}); scanfold.sarif keeps them all`,
      );
    }
    step('fitToLimits');
    const report = await writeOutputs({
      outputDir: request.outputDir,
      report: finishReport(draft, { truncated, errors: request.errors }, secretTokens),
      sarif: sarifWritten,
      sbomJson: sbom?.json,
      rawFiles: [...scanners.flatMap((scanner) => scanner.outputs), ...written],
      secretTokens,
      note: (message) => request.logger.info(message),
      ...(printPage ? { printPage } : {}),
      step,
    });
    const scannerFailed =
      scanners.some((s) => s.status === 'failed' || s.status === 'timed-out') ||
      request.errors.length > 0;
    const exitCode =
      gate.result === 'failed' ? EXIT.gateFailed : scannerFailed ? EXIT.scannerFailed : EXIT.ok;
    const out = (name: string): string => path.join(request.outputDir, name);
    return {
      report,
      sarif: merged,
      exitCode,
      outputDir: request.outputDir,
      files: {
        sarif: out(OUTPUT_FILES.sarif),
        sbom: sbom ? out(OUTPUT_FILES.sbom) : undefined,
        report: out(OUTPUT_FILES.report),
        markdown: out(OUTPUT_FILES.markdown),
        html: out(OUTPUT_FILES.html),
      },
    };
  } finally {
    await printPage?.discard();
  }
}

export function toolResolver(
  config: ScanConfig,
  options: ScanOptions,
): (adapter: ScannerAdapter) => Promise<ToolResolution> {
  const manifest = options.manifest ?? loadManifest();
  return async (adapter) => {
    const spec = manifest.tools[adapter.tool];
    if (!spec) return { ok: false, message: `${adapter.tool}: missing from the tool manifest` };
    try {
      const tool = await ensureTool(adapter.tool, spec, {
        toolCache: config.toolCache,
        logger: options.logger,
        clock: options.clock,
        allowInstall: options.install ?? true,
        ignorePath: options.ignorePath ?? false,
      });
      options.logger.debug(
        `${adapter.tool}: using ${tool.executable} (${tool.source satisfies InstallSource})`,
      );
      const install = {
        source: tool.source,
        ...(tool.provenance
          ? { verifiedBy: tool.provenance.verifiedBy, sha256: tool.provenance.sha256 }
          : {}),
      };
      // Installed tools are pinned and verified against their install marker: no --version run.
      return tool.source === 'path'
        ? { ok: true, executable: tool.executable, install }
        : { ok: true, executable: tool.executable, version: tool.pinnedVersion, install };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  };
}

/** config → plan → run → normalize → policy → outputs. Knows nothing about GitHub. */
export function scan(config: ScanConfig, options: ScanOptions): Promise<ScanOutcome> {
  return withPdfPrinter((printer) => scanWith(config, options, printer));
}

async function scanWith(
  config: ScanConfig,
  options: ScanOptions,
  printer: PdfPrinter | undefined,
): Promise<ScanOutcome> {
  const { logger, clock } = options;
  await prepareOutputDir(config.outputDir);
  await clearOwnOutputs(config.outputDir, ['raw']);
  const plan = await planScan(config);
  for (const entry of plan) if (!entry.run) logger.info(`${entry.name}: skipped (${entry.reason})`);
  // Installs are independent of each other and of the scan slots: start them all at once, so a
  // bare machine does not install one scanner after another.
  const resolve = toolResolver(config, options);
  const installs = new Map(
    plan.filter((entry) => entry.run).map((entry) => [entry.adapter.tool, resolve(entry.adapter)]),
  );
  // Work for the end (starting the browser for report.pdf and printing a warm-up page) is done
  // while the last scanners run and a core is idle: before that it would slow the scanners down,
  // after it, it would be time added to the scan. (Starting it while as many scanners as cores
  // still ran measured slower: 6.59 s against 6.15 s; with the scan, at nice 19, slower too.)
  let warmed = false;
  const warm = (running: number): void => {
    if (warmed || running >= os.availableParallelism()) return;
    warmed = true;
    printer?.warm();
  };
  warm(plan.filter((entry) => entry.run).length);
  // Asked while the scanners run (once the first is done), not before they start nor after the
  // last: starting git takes this thread a few milliseconds the first scanner would wait for.
  let headCommit: Promise<string | undefined> | undefined;
  const askHeadCommit = (): Promise<string | undefined> => (headCommit ??= gitCommit(config.root));
  const runs = await runScanners({
    onFinished: (running) => {
      askHeadCommit().catch(() => undefined); // awaited below
      loadOutputChecks().catch(() => undefined); // awaited by assemble
      warm(running);
    },
    config,
    plan,
    resolveTool: (adapter) => installs.get(adapter.tool) ?? resolve(adapter),
    logger,
    clock,
  });
  const sarif: SarifInput[] = [];
  const sboms: SbomInput[] = [];
  for (const run of runs) {
    for (const { file, log } of run.parsed?.sarif ?? [])
      sarif.push({ file: `raw/${file}`, log, tool: run.report.name });
    for (const { file, bom } of run.parsed?.sboms ?? [])
      sboms.push({ tool: run.report.name, toolVersion: run.report.version, file, bom });
  }
  return assemble({
    root: config.root,
    outputDir: config.outputDir,
    failOn: config.failOn,
    scanners: runs.map((run) => run.report),
    sarif,
    sboms,
    errors: [],
    logger,
    clock,
    ...(printer ? { printer } : {}),
    policy: {
      failOnScope: config.failOnScope,
      baseline: config.baseline,
      suppressions: config.suppressions,
      licenses: config.licenses,
    },
    settings: {
      scanners: runs.filter((run) => run.report.status !== 'skipped').map((run) => run.report.name),
      digest: settingsDigest({
        scanners: config.scanners,
        trivy: config.trivy.scanners,
        semgrep: config.semgrep.config.map((entry) => path.basename(entry)),
        exclude: config.exclude,
      }),
    },
    git: await askHeadCommit().then((commit) =>
      commit || options.provenance
        ? { ...options.provenance, ...(commit ? { commit } : {}) }
        : undefined,
    ),
  });
}
