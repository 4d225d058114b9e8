import path from 'node:path';
import type { SuppressionRule } from '../config/schema.ts';
import type { Finding } from '../model/finding.ts';

export type SuppressionEntry = SuppressionRule & { index: number };

export interface SuppressionOutcome {
  findings: Finding[];
  /** Matched and in force this run. */
  active: { suppression: SuppressionEntry; findings: string[] }[];
  /** Past their end date: they no longer apply; listed with what they would have matched. */
  expired: { suppression: SuppressionEntry; findings: string[] }[];
  /** In force but matched nothing: likely stale or mistyped. */
  unused: { suppression: SuppressionEntry }[];
}

/** A suppression applies through the whole of its `expires` day, in UTC. */
export function isExpired(rule: SuppressionRule, now: number): boolean {
  if (!rule.expires) return false;
  return now >= Date.parse(`${rule.expires}T00:00:00Z`) + 86_400_000;
}

function advisoryIds(finding: Finding): Set<string> {
  return new Set(
    [finding.cve, finding.ghsa, ...(finding.aliases ?? []), finding.ruleId]
      .filter((id): id is string => Boolean(id))
      .map((id) => id.toUpperCase()),
  );
}

/** Every matcher given must match. */
export function matches(rule: SuppressionRule, finding: Finding): boolean {
  if (
    rule.rule !== undefined &&
    finding.ruleId !== rule.rule &&
    !finding.sources.some((source) => source.ruleId === rule.rule)
  )
    return false;
  if (rule.fingerprint !== undefined) {
    const wanted = rule.fingerprint.toLowerCase();
    if (finding.id.toLowerCase() !== wanted && !finding.fingerprint.startsWith(wanted))
      return false;
  }
  if (rule.cve !== undefined && !advisoryIds(finding).has(rule.cve.toUpperCase())) return false;
  if (rule.path !== undefined && !path.posix.matchesGlob(finding.location.path, rule.path))
    return false;
  if (rule.tool !== undefined && !finding.tools.includes(rule.tool.toLowerCase())) return false;
  return true;
}

/**
 * Config suppressions mark findings (they stay in every output and never gate); a tool's own
 * ignore comment shows as an inline suppression. Expired entries no longer apply.
 */
export function applySuppressions(
  findings: readonly Finding[],
  rules: readonly SuppressionRule[],
  now: number,
): SuppressionOutcome {
  const entries = rules.map((rule, index) => ({ ...rule, index }));
  const matched = new Map<number, string[]>(entries.map((entry) => [entry.index, []]));
  const live = entries.filter((entry) => !isExpired(entry, now));
  const dead = entries.filter((entry) => isExpired(entry, now));
  const result = findings.map((finding): Finding => {
    for (const entry of dead)
      if (matches(entry, finding)) matched.get(entry.index)?.push(finding.id);
    const hits = live.filter((entry) => matches(entry, finding));
    for (const entry of hits) matched.get(entry.index)?.push(finding.id);
    const hit = hits[0];
    if (hit)
      return {
        ...finding,
        suppressed: true,
        suppression: {
          source: 'config',
          reason: hit.reason,
          ...(hit.expires ? { expires: hit.expires } : {}),
        },
      };
    if (finding.suppressed)
      return {
        ...finding,
        suppression: finding.suppression ?? {
          source: 'inline',
          reason: "suppressed in the source by the tool's ignore comment",
        },
      };
    return finding;
  });
  const ids = (entry: SuppressionEntry): string[] => matched.get(entry.index) ?? [];
  return {
    findings: result,
    active: live
      .filter((entry) => ids(entry).length > 0)
      .map((entry) => ({ suppression: entry, findings: ids(entry) })),
    expired: dead.map((entry) => ({ suppression: entry, findings: ids(entry) })),
    unused: live
      .filter((entry) => ids(entry).length === 0)
      .map((entry) => ({ suppression: entry })),
  };
}
