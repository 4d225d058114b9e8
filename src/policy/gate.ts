import type { FailOn } from '../config/schema.ts';
import type { Finding } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';

export interface GateResult {
  failOn: FailOn;
  result: 'passed' | 'failed';
  reason: string;
}

export function evaluateGate(findings: readonly Finding[], failOn: FailOn): GateResult {
  if (failOn === 'none')
    return { failOn, result: 'passed', reason: 'fail-on is none: findings never fail the gate' };
  const threshold = severityRank[failOn];
  const blocking = findings.filter(
    (finding) => !finding.suppressed && severityRank[finding.severity] >= threshold,
  );
  if (blocking.length === 0)
    return { failOn, result: 'passed', reason: `no findings at or above ${failOn}` };
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
    result: 'failed',
    reason: `${blocking.length} finding(s) at or above ${failOn} (${counts.join(', ')})`,
  };
}
