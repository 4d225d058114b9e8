import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Package, Severity } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import { SCORE_FOR, severityFromScore, severityFromWord } from '../normalize/severity.ts';
import { location, rule, sarifLog } from '../scanners/native-sarif.ts';
import type { CycloneDxVulnerability } from '../scanners/read-output.ts';

/**
 * A CycloneDX document's `vulnerabilities` (Trivy `--format cyclonedx`, Grype `-o cyclonedx-json`,
 * OSV-Scanner) as SARIF: one result per vulnerability and affected component, as Trivy's and
 * Grype's SARIF have one per advisory and package, carrying the same scanfold properties their
 * native JSON imports carry, so the findings merge with theirs (same package, a shared id).
 */

interface BomComponent {
  'bom-ref'?: unknown;
  name?: unknown;
  group?: unknown;
  version?: unknown;
  purl?: unknown;
  components?: unknown;
  evidence?: { occurrences?: { location?: unknown }[] };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Every component by its bom-ref, nested ones included (the depth was bounded when parsed). */
function componentsByRef(components: unknown, into = new Map<string, BomComponent>()) {
  if (!Array.isArray(components)) return into;
  for (const component of components as BomComponent[]) {
    if (typeof component !== 'object' || component === null) continue;
    const ref = text(component['bom-ref']);
    if (ref !== undefined && !into.has(ref)) into.set(ref, component);
    componentsByRef(component.components, into);
  }
  return into;
}

/** The package as the tools name it: Maven `group:name`, npm `@scope/name`, else the name. */
function packageOf(component: BomComponent, fixedVersion: string | undefined): Package | undefined {
  const name = text(component.name);
  if (name === undefined) return undefined;
  const group = text(component.group);
  const purl = text(component.purl);
  const ecosystem = purl ? /^pkg:([^/]+)\//.exec(purl)?.[1] : undefined;
  const version = text(component.version);
  return {
    name: group ? `${group}${ecosystem === 'maven' ? ':' : '/'}${name}` : name,
    ...(version ? { version } : {}),
    ...(fixedVersion ? { fixedVersion } : {}),
    ...(purl ? { purl } : {}),
    ...(ecosystem ? { ecosystem } : {}),
  };
}

/** The first fixed version: an `unaffected` version of the affects entry, else the recommendation's. */
function fixedVersionOf(
  vulnerability: CycloneDxVulnerability,
  affect: NonNullable<CycloneDxVulnerability['affects']>[number] | undefined,
): string | undefined {
  const unaffected = affect?.versions?.find(
    (entry) => entry.status === 'unaffected' && entry.version,
  );
  if (unaffected?.version) return unaffected.version;
  return /\bto\s+(?:version\s+)?(v?\d[\w.+:~-]*)/i
    .exec(vulnerability.recommendation ?? '')?.[1]
    ?.replace(/[.,;:]+$/, '');
}

/** The highest of the ratings (a word, else a score), and the highest CVSS score. */
function ratingOf(vulnerability: CycloneDxVulnerability): {
  severity: Severity | undefined;
  cvss: number | undefined;
} {
  let severity: Severity | undefined;
  let cvss: number | undefined;
  for (const rating of vulnerability.ratings ?? []) {
    const score =
      rating.score !== undefined && Number.isFinite(rating.score) ? rating.score : undefined;
    const rated =
      severityFromWord(rating.severity) ??
      (score !== undefined ? severityFromScore(score) : undefined);
    if (rated && (!severity || severityRank[rated] > severityRank[severity])) severity = rated;
    if (score !== undefined && /^CVSS/i.test(rating.method ?? 'CVSS') && (cvss ?? -1) < score)
      cvss = score;
  }
  return { severity, cvss };
}

export interface CycloneDxFindings {
  /** One run of the BOM's tool, or undefined when the BOM lists no vulnerability. */
  log: Log | undefined;
  /** Affected refs that name no component of the BOM: imported without a package. */
  unresolved: number;
}

export function cycloneDxVulnerabilitiesToSarif(
  bom: Record<string, unknown>,
  vulnerabilities: readonly CycloneDxVulnerability[],
  tool: string,
  toolVersion: string | undefined,
): CycloneDxFindings {
  if (vulnerabilities.length === 0) return { log: undefined, unresolved: 0 };
  const components = componentsByRef(bom.components);
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  let unresolved = 0;
  for (const vulnerability of vulnerabilities) {
    const { id } = vulnerability;
    const { severity, cvss } = ratingOf(vulnerability);
    const url = text(vulnerability.source?.url);
    rule(rules, id, () => ({
      id,
      shortDescription: {
        text: vulnerability.description?.split('\n')[0] || `${id} vulnerability`,
      },
      ...(url && /^https?:\/\//.test(url) ? { helpUri: url } : {}),
      properties: { tags: ['security', 'vulnerability'] },
    }));
    const aliases = [
      ...new Set([id, ...(vulnerability.references ?? []).map((reference) => reference.id)]),
    ];
    const cwe = [...new Set((vulnerability.cwes ?? []).map((number) => `CWE-${number}`))];
    // A vulnerability that names no affected component is still a finding, without a package.
    const affects = vulnerability.affects?.length ? vulnerability.affects : [undefined];
    for (const affect of affects) {
      const component = affect ? components.get(affect.ref) : undefined;
      if (affect && !component) unresolved++;
      const pkg = component
        ? packageOf(component, fixedVersionOf(vulnerability, affect))
        : undefined;
      const where = text(component?.evidence?.occurrences?.[0]?.location) ?? '.';
      results.push({
        ruleId: id,
        message: {
          text: pkg
            ? `${id} in ${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}`
            : `${id} (the affected component is not in the SBOM)`,
        },
        locations: location(where),
        properties: writeScanfoldProperties(
          severity ? { 'security-severity': SCORE_FOR[severity] } : undefined,
          {
            aliases,
            ...(pkg ? { package: pkg } : {}),
            ...(cwe.length > 0 ? { cwe } : {}),
            ...(cvss !== undefined ? { cvss } : {}),
          },
        ),
      });
    }
  }
  return { log: sarifLog(tool, toolVersion, rules, results), unresolved };
}
