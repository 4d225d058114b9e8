import { readFile } from 'node:fs/promises';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { Package } from '../model/finding.ts';
import { packageFromGrypeMessage, packageFromTrivyMessage } from '../normalize/extract.ts';
import type { ParsedOutput } from './adapter.ts';
import { parseByExtension } from './common.ts';

/** What a tool's native JSON knows about one vulnerability match that its SARIF leaves out. */
export interface VulnerabilityDetail {
  aliases: string[];
  package: Package;
  cwe: string[];
}

/** Parse a tool's SARIF, enriched from its native JSON sibling (named by `nativeSuffix`) when present. */
export async function parseEnriched(
  files: readonly string[],
  nativeSuffix: string,
  loadDetails: (file: string) => Promise<Map<string, VulnerabilityDetail>>,
  keyOf: (ruleId: string, message: string) => string | undefined,
): Promise<ParsedOutput> {
  const parsed = await parseByExtension(files);
  const native = files.find((file) => file.endsWith(nativeSuffix));
  if (native) {
    const details = await loadDetails(native);
    for (const { log } of parsed.sarif) annotateVulnerabilities(log, details, keyOf);
  }
  return parsed;
}

/** Key shared by the SARIF result and the native record: advisory id, package, version. */
export function vulnerabilityKey(id: string, name: string, version: string | undefined): string {
  return `${id.toUpperCase()}|${name.toLowerCase()}|${version ?? ''}`;
}

/**
 * Add scanfold's enrichment properties to SARIF results, so aliases (CVE ↔ GHSA), purls and fixed
 * versions survive into the merge. Raw files stay untouched; this edits the parsed copy.
 */
export function annotateVulnerabilities(
  log: Log,
  details: ReadonlyMap<string, VulnerabilityDetail>,
  keyOf: (ruleId: string, message: string) => string | undefined,
): void {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const key = keyOf(result.ruleId ?? '', result.message.text ?? '');
      const detail = key ? details.get(key) : undefined;
      if (!detail) continue;
      result.properties = {
        ...result.properties,
        'scanfold/aliases': detail.aliases,
        'scanfold/package': detail.package,
        ...(detail.cwe.length ? { 'scanfold/cwe': detail.cwe } : {}),
      };
    }
  }
}

/** One vulnerability in Trivy's native JSON report. */
export const TrivyVulnerabilitySchema = z.looseObject({
  VulnerabilityID: z.string(),
  VendorIDs: z.array(z.string()).optional(),
  PkgName: z.string(),
  InstalledVersion: z.string().optional(),
  FixedVersion: z.string().optional(),
  PkgIdentifier: z.looseObject({ PURL: z.string().optional() }).optional(),
  Severity: z.string().optional(),
  Title: z.string().optional(),
  PrimaryURL: z.string().optional(),
  CweIDs: z.array(z.string()).optional(),
});

const TrivyReportSchema = z.looseObject({
  Results: z
    .array(
      z.looseObject({
        Type: z.string().optional(),
        Vulnerabilities: z.array(TrivyVulnerabilitySchema).nullish(),
      }),
    )
    .nullish(),
});

export async function trivyDetails(file: string): Promise<Map<string, VulnerabilityDetail>> {
  const report = TrivyReportSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const details = new Map<string, VulnerabilityDetail>();
  for (const target of report.Results ?? []) {
    for (const v of target.Vulnerabilities ?? []) {
      details.set(vulnerabilityKey(v.VulnerabilityID, v.PkgName, v.InstalledVersion), {
        aliases: [v.VulnerabilityID, ...(v.VendorIDs ?? [])],
        package: {
          name: v.PkgName,
          ...(v.InstalledVersion ? { version: v.InstalledVersion } : {}),
          ...(v.FixedVersion ? { fixedVersion: v.FixedVersion } : {}),
          ...(v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {}),
          ...(target.Type ? { ecosystem: target.Type } : {}),
        },
        cwe: v.CweIDs ?? [],
      });
    }
  }
  return details;
}

export function trivyResultKey(ruleId: string, message: string): string | undefined {
  const pkg = packageFromTrivyMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : undefined;
}

const GrypeMatchSchema = z.looseObject({
  vulnerability: z.looseObject({
    id: z.string(),
    severity: z.string().optional(),
    description: z.string().optional(),
    dataSource: z.string().optional(),
    fix: z.looseObject({ versions: z.array(z.string()).optional() }).optional(),
    cwes: z.array(z.looseObject({ cwe: z.string() })).optional(),
    cvss: z
      .array(z.looseObject({ metrics: z.looseObject({ baseScore: z.number().optional() }) }))
      .optional(),
  }),
  relatedVulnerabilities: z.array(z.looseObject({ id: z.string() })).optional(),
  artifact: z.looseObject({
    name: z.string(),
    version: z.string().optional(),
    purl: z.string().optional(),
    type: z.string().optional(),
    locations: z.array(z.looseObject({ path: z.string() })).optional(),
  }),
});
export type GrypeMatch = z.infer<typeof GrypeMatchSchema>;

/** Grype's native JSON report (`grype -o json`). */
export const GrypeReportSchema = z.looseObject({
  matches: z.array(GrypeMatchSchema),
  descriptor: z.looseObject({ name: z.literal('grype') }),
});

/** Grype SARIF names each rule "<ID>-<package>"; native imports use the same id. */
export function grypeRuleId(match: GrypeMatch): string {
  return `${match.vulnerability.id}-${match.artifact.name}`;
}

export function grypeMatchDetail(match: GrypeMatch): VulnerabilityDetail {
  const { vulnerability, artifact } = match;
  const fixed = vulnerability.fix?.versions?.[0];
  return {
    aliases: [
      vulnerability.id,
      ...(match.relatedVulnerabilities ?? []).map((related) => related.id),
    ],
    package: {
      name: artifact.name,
      ...(artifact.version ? { version: artifact.version } : {}),
      ...(fixed ? { fixedVersion: fixed } : {}),
      ...(artifact.purl ? { purl: artifact.purl } : {}),
      ...(artifact.type ? { ecosystem: artifact.type } : {}),
    },
    cwe: [...new Set((vulnerability.cwes ?? []).map((entry) => entry.cwe))],
  };
}

export async function grypeDetails(file: string): Promise<Map<string, VulnerabilityDetail>> {
  const report = GrypeReportSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const details = new Map<string, VulnerabilityDetail>();
  for (const match of report.matches) {
    details.set(
      vulnerabilityKey(grypeRuleId(match), match.artifact.name, match.artifact.version),
      grypeMatchDetail(match),
    );
  }
  return details;
}

/** Grype SARIF rule ids are "<ID>-<package>". */
export function grypeResultKey(ruleId: string, message: string): string | undefined {
  const pkg = packageFromGrypeMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : undefined;
}
