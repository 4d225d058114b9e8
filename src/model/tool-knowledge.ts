import { createHash } from 'node:crypto';
import type { ReportingDescriptor } from 'sarif';
import type { Category, Package, Severity } from './finding.ts';

/**
 * What normalization may ask about the tool behind a SARIF run. Normalization itself is
 * tool-independent; the scanner registry answers from the adapters, each about its own tool.
 * Each answer depends only on the arguments: extraction asks once per rule and reuses it.
 */
export interface ToolKnowledge {
  /** scanfold's short tool name for a SARIF `tool.driver.name`. */
  toolOf(driverName: string): string;
  /** The tool's category for a rule, when the tool decides it (else SARIF tags decide). */
  categoryOf(tool: string, ruleId: string, tags: readonly string[]): Category | undefined;
  /**
   * The severity a tool states in its own words in a result's message (Trivy's "Severity: LOW",
   * Grype's "A low vulnerability in …"). A tool's own word wins over a `security-severity` score.
   */
  severityFromMessage(tool: string, message: string): Severity | undefined;
  /** The severity a tool states in its own words on a rule (Trivy's tags), after the message's. */
  severityOfRule(tool: string, rule: ReportingDescriptor): Severity | undefined;
  /** How a tool whose SARIF carries no severity usually rates its findings. */
  defaultSeverity(tool: string): Severity | undefined;
  /** Package coordinates from a result message, the tool's own format first. */
  packageFromMessage(tool: string, message: string): Package | undefined;
  /** A key shared by checks of different tools that test the same thing on the same resource. */
  iacIntent(tool: string, ruleId: string): string | undefined;
  /**
   * The severity another tool gives the twin of this IaC check, for tools that rate nothing
   * themselves; `source` says where it came from, e.g. "Trivy AWS-0089".
   */
  twinSeverity(tool: string, ruleId: string): { severity: Severity; source: string } | undefined;
}

/**
 * A name usable as a tool key, from any driver name: "Semgrep OSS" → "semgrep-oss". Letters
 * outside ASCII would all become "-" ("工具" and "도구" one tool, their runs merged into one): a
 * name with any gets a hash of itself added, and a name left with no letter or digit is "tool-"
 * and the hash. ASCII names keep the key they always had (a code-scanning category is made of it).
 */
export function genericToolName(driverName: string): string {
  const key = driverName
    .toLowerCase()
    .replace(/^scanfold\//, '')
    .replace(/[^a-z0-9._-]+/g, '-');
  const hash = (): string => createHash('sha256').update(driverName).digest('hex').slice(0, 8);
  if (!/[a-z0-9]/.test(key)) return `tool-${hash()}`;
  // eslint-disable-next-line no-control-regex -- the ASCII range itself
  return /[^\x00-\x7f]/.test(driverName) ? `${key}-${hash()}` : key;
}
