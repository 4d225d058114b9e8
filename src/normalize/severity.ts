import type { PropertyBag, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../model/finding.ts';

/** CVSS bands, as GitHub code scanning reads `security-severity`. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const WORDS: ReadonlyMap<string, Severity> = new Map(
  Object.entries({
    critical: 'critical',
    high: 'high',
    error: 'high',
    medium: 'medium',
    moderate: 'medium',
    warning: 'medium',
    low: 'low',
    negligible: 'info',
    info: 'info',
    note: 'info',
    unknown: 'info',
  } satisfies Record<string, Severity>),
);

export function severityFromWord(word: unknown): Severity | undefined {
  return typeof word === 'string' ? WORDS.get(word.trim().toLowerCase()) : undefined;
}

export function scoreOf(value: unknown): number | undefined {
  const score =
    typeof value === 'string' ? Number.parseFloat(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(score) ? score : undefined;
}

const LEVELS: ReadonlyMap<string, Severity> = new Map([
  ['error', 'high'],
  ['warning', 'medium'],
  ['note', 'low'],
  ['none', 'info'],
]);

/**
 * security-severity (result, then rule) → the tool's own severity words (Trivy/Grype tags, Checkov and
 * Semgrep properties) → the tool's default (for tools whose SARIF carries no severity) → the SARIF level.
 */
export function severityOf(
  result: Result,
  rule: ReportingDescriptor | undefined,
  toolDefault: Severity | undefined,
): Severity {
  return declaredSeverity(result, rule) ?? undeclaredSeverity(result, rule, toolDefault);
}

/** severityOf for a result whose tool declared no severity: the tool's default, else the SARIF level. */
export function undeclaredSeverity(
  result: Result,
  rule: ReportingDescriptor | undefined,
  toolDefault: Severity | undefined,
): Severity {
  if (toolDefault) return toolDefault;
  const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  return LEVELS.get(level) ?? 'medium';
}

/** The severity the tool itself gave (score, word or tag), if any. */
export function declaredSeverity(
  result: Result,
  rule: ReportingDescriptor | undefined,
): Severity | undefined {
  return (
    scoredSeverity(result.properties) ??
    scoredSeverity(rule?.properties) ??
    wordedSeverity(result.properties) ??
    wordedSeverity(rule?.properties)
  );
}

/**
 * A property bag's `security-severity` score, as a severity. With wordedSeverity, the two halves
 * of declaredSeverity, so that a rule's half can be computed once for all its results.
 */
export function scoredSeverity(bag: PropertyBag | undefined): Severity | undefined {
  const score = scoreOf(bag?.['security-severity']);
  return score === undefined ? undefined : severityFromScore(score);
}

const TAGGED_LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

/** A property bag's severity word (`severity`, `problem.severity`) or severity tag, as a severity. */
export function wordedSeverity(bag: PropertyBag | undefined): Severity | undefined {
  const word = severityFromWord(bag?.severity) ?? severityFromWord(bag?.['problem.severity']);
  if (word && bag?.severity !== undefined) return word;
  const tags = bag?.tags;
  if (!tags || tags.length === 0) return undefined;
  const upper = tags.map((tag) => tag.toUpperCase());
  const tagged = TAGGED_LEVELS.find((level) => upper.includes(level));
  return tagged ? (severityFromWord(tagged) ?? 'info') : undefined;
}

/** The score written back into merged SARIF when a tool gave none, mid-band for its severity. */
export const SCORE_FOR: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};
