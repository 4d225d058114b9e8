import { createHash } from 'node:crypto';
import type { FailOn, FailOnScope, LicensePolicy, SuppressionRule } from '../config/schema.ts';
import type { Finding } from '../model/finding.ts';
import type { Logger } from '../model/ports.ts';
import type {
  BaselineInfo,
  FixedFinding,
  Framework,
  ScannerReport,
  SuppressionsReport,
} from '../model/scan-result.ts';
import { compareWithBaseline, gitRenames, loadBaseline } from './baseline.ts';
import { evaluateGate } from './gate.ts';
import type { GateResult } from './gate.ts';
import { applySuppressions } from './suppressions.ts';
import { acceptAllowedLicenses } from './licenses.ts';
import { mapCompliance, passedChecksFrom } from './compliance.ts';

/** The policy half of the configuration; every field optional so `merge` can pass none. */
export interface PolicyRequest {
  failOn: FailOn;
  failOnScope?: FailOnScope | undefined;
  /** A previous report.json. */
  baseline?: string | undefined;
  suppressions?: readonly SuppressionRule[] | undefined;
  licenses?: LicensePolicy | undefined;
  /** Milliseconds since the epoch: when suppressions expire is judged against it. */
  now: number;
}

export interface PolicyOutcome {
  findings: Finding[];
  gate: GateResult;
  baseline: BaselineInfo | undefined;
  fixed: FixedFinding[];
  suppressions: SuppressionsReport;
  compliance: { frameworks: Framework[] };
}

/** A digest of what changes a scan's results, so a baseline from another setup is flagged. */
export function settingsDigest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

interface ApplyRequest {
  findings: readonly Finding[];
  scanners: readonly ScannerReport[];
  root: string;
  /** Where raw scanner outputs were written (Checkov's passed checks are read from there). */
  outputDir: string;
  settings: { scanners: string[]; digest: string } | undefined;
  policy: PolicyRequest;
  logger: Logger;
}

/** suppressions → baseline → gate. */
export async function applyPolicy(request: ApplyRequest): Promise<PolicyOutcome> {
  const { policy, logger } = request;
  const suppressed = applySuppressions(request.findings, policy.suppressions ?? [], policy.now);
  for (const { suppression, findings } of suppressed.expired)
    logger.warning(
      `suppression #${suppression.index + 1} (${suppression.reason}) expired on ${suppression.expires ?? '?'}: it no longer applies${findings.length ? ` and ${findings.length} finding(s) it matched count again` : ''}`,
    );
  let findings = acceptAllowedLicenses(suppressed.findings, policy.licenses);
  let baseline: BaselineInfo | undefined;
  let fixed: FixedFinding[] = [];
  if (policy.baseline) {
    const previous = await loadBaseline(policy.baseline);
    // A skipped scanner had nothing to scan (e.g. the last Dockerfile was deleted): its old
    // findings are fixed. A failed or timed-out one says nothing: its old findings are not.
    const completed = new Set<string>(
      request.scanners
        .filter((scanner) => scanner.status === 'ok' || scanner.status === 'skipped')
        .map((scanner) => scanner.name),
    );
    // `merge` has no scanner runs: every tool seen in its inputs counts as having run.
    if (request.scanners.length === 0)
      for (const finding of findings) for (const tool of finding.tools) completed.add(tool);
    const comparison = compareWithBaseline({
      findings,
      baseline: previous,
      renames: await gitRenames(request.root, previous.git?.commit),
      completedTools: completed,
      settings: request.settings,
    });
    findings = comparison.findings;
    fixed = comparison.fixed;
    baseline = comparison.info;
    if (!baseline.comparable)
      logger.warning(`baseline ${previous.file} is not comparable: ${baseline.reason ?? ''}`);
  }
  const compliance = mapCompliance(
    findings,
    await passedChecksFrom(request.outputDir, request.scanners),
  );
  findings = findings.map((finding) => {
    const keys = compliance.byFinding.get(finding.id);
    return keys ? { ...finding, compliance: keys } : finding;
  });
  const scope = policy.failOnScope ?? (baseline ? 'new' : 'all');
  const strip = ({ index, ...rest }: { index: number } & SuppressionRule) => ({ index, ...rest });
  return {
    findings,
    gate: evaluateGate(findings, policy.failOn, scope),
    baseline,
    fixed,
    suppressions: {
      active: suppressed.active.map((entry) => ({
        suppression: strip(entry.suppression),
        findings: entry.findings,
      })),
      expired: suppressed.expired.map((entry) => ({
        suppression: strip(entry.suppression),
        findings: entry.findings,
      })),
      unused: suppressed.unused.map((entry) => ({ suppression: strip(entry.suppression) })),
    },
    compliance: { frameworks: compliance.frameworks },
  };
}
