import type { Finding } from '../model/finding.ts';
import { inReportOrder, reachabilityOf, versionKey } from './dedupe.ts';

function keysOf(finding: Finding): string[] {
  if (finding.category !== 'vulnerability' || !finding.package) return [];
  const coordinates = `${finding.package.name.toLowerCase()}@${versionKey(finding.package.version)}`;
  const ids = new Set(
    [finding.cve, finding.ghsa, ...(finding.aliases ?? []), finding.ruleId].filter(Boolean),
  );
  return [...ids].map((id) => `${coordinates}|${id}`);
}

/**
 * A reachability verdict (govulncheck: is the vulnerable symbol called?) holds for every finding of
 * the same module, version and advisory, whichever tool reported it and wherever it was reported
 * (a Grype match on go.sum, a Trivy match on a built binary): mark those too. Findings merged with
 * the analysing tool already carry it; nothing else about the finding changes.
 */
export function propagateReachability(findings: readonly Finding[]): Finding[] {
  const verdicts = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.reachable === undefined) continue;
    for (const key of keysOf(finding)) verdicts.set(key, [...(verdicts.get(key) ?? []), finding]);
  }
  if (verdicts.size === 0) return [...findings];
  return inReportOrder(
    findings.map((finding) => {
      if (finding.reachable !== undefined) return finding;
      const analysed = keysOf(finding).flatMap((key) => verdicts.get(key) ?? []);
      return analysed.length === 0 ? finding : { ...finding, ...reachabilityOf(analysed) };
    }),
  );
}
