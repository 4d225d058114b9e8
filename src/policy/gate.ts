import type { FailOn, FailOnScope } from '../config/schema.ts';
import type { Finding } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';

export interface GateResult {
  failOn: FailOn;
  /** Which findings counted: `new` ones (against the baseline) or `all`. */
  scope: FailOnScope;
  result: 'passed' | 'failed';
  reason: string;
}

/** Suppressed findings never count; with scope `new`, neither do those already in the baseline. */
export function evaluateGate(
  findings: readonly Finding[],
  failOn: FailOn,
  scope: FailOnScope = 'all',
): GateResult {
  if (failOn === 'none')
    return {
      failOn,
      scope,
      result: 'passed',
      reason: 'fail-on is none: findings never fail the gate',
    };
  const threshold = severityRank[failOn];
  const which = scope === 'new' ? 'new finding' : 'finding';
  const blocking = findings.filter(
    (finding) =>
      !finding.suppressed &&
      (scope === 'all' || finding.baseline !== 'unchanged') &&
      severityRank[finding.severity] >= threshold,
  );
  if (blocking.length === 0)
    return { failOn, scope, result: 'passed', reason: `no ${which}s at or above ${failOn}` };
  const counts = (['critical', 'high', 'medium', 'low'] as const)
    .filter((severity) => severityRank[severity] >= threshold)
    .map(
      (severity) =>
        [severity, blocking.filter((finding) => finding.severity === severity).length] as const,
    )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  return {
    failOn,
    scope,
    result: 'failed',
    reason: `${blocking.length} ${which}(s) at or above ${failOn} (${counts.join(', ')})`,
  };
}
