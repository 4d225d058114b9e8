import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf, toolSettings } from './adapter.ts';
import { explainWith, fieldsOf, firstSemver } from './common.ts';
import { parseEnriched, vulnerabilityKey } from './enrich.ts';
import type { VulnerabilityDetail } from './enrich.ts';
import { diskPath, location, rule, sarifLog, securitySeverity } from './native-sarif.ts';

/** OSV-Scanner's offline DB: `<dir>/osv-scalibr/<Ecosystem>/all.zip` (osv-scalibr's osvlocal). */
function hasOfflineDb(dir: string | undefined): dir is string {
  return dir !== undefined && existsSync(path.join(dir, 'osv-scalibr'));
}

/** "Package 'lodash@4.17.15' is vulnerable to 'CVE-2021-23337' (also known as 'GHSA-…')." */
export function packageFromOsvMessage(
  message: string,
): { name: string; version: string } | undefined {
  const match = /^Package '(.+)@([^@']+)' is vulnerable to/.exec(message);
  return match?.[1] && match[2] ? { name: match[1], version: match[2] } : undefined;
}

const OsvReportSchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        source: z.looseObject({ path: z.string() }).optional(),
        packages: z
          .array(
            z.looseObject({
              package: z.looseObject({
                name: z.string(),
                version: z.string().optional(),
                ecosystem: z.string().optional(),
              }),
              vulnerabilities: z
                .array(
                  z.looseObject({
                    id: z.string(),
                    aliases: z.array(z.string()).nullish(),
                    summary: z.string().optional(),
                    database_specific: z
                      .looseObject({
                        cwe_ids: z.array(z.string()).nullish(),
                        severity: z.string().optional(),
                      })
                      .nullish(),
                    affected: z
                      .array(
                        z.looseObject({
                          package: z.looseObject({ name: z.string() }).optional(),
                          ranges: z
                            .array(
                              z.looseObject({
                                events: z.array(z.looseObject({ fixed: z.string().optional() })),
                              }),
                            )
                            .nullish(),
                        }),
                      )
                      .nullish(),
                  }),
                )
                .nullish(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

/** purl type per OSV ecosystem, for the ecosystems whose lockfiles the example and tests use. */
const PURL_TYPE: Record<string, string> = { npm: 'npm', PyPI: 'pypi', Go: 'golang' };

type OsvReport = z.infer<typeof OsvReportSchema>;

function osvDetails(data: unknown): Map<string, VulnerabilityDetail> {
  return detailsOf(OsvReportSchema.parse(data));
}

function detailsOf(report: OsvReport): Map<string, VulnerabilityDetail> {
  const details = new Map<string, VulnerabilityDetail>();
  for (const source of report.results ?? []) {
    for (const { package: pkg, vulnerabilities } of source.packages ?? []) {
      for (const vuln of vulnerabilities ?? []) {
        const ids = [vuln.id, ...(vuln.aliases ?? [])];
        const fixed = (vuln.affected ?? [])
          .filter((affected) => affected.package?.name === pkg.name)
          .flatMap((affected) => affected.ranges ?? [])
          .flatMap((range) => range.events)
          .map((event) => event.fixed)
          .filter((value): value is string => Boolean(value));
        const type = pkg.ecosystem ? PURL_TYPE[pkg.ecosystem] : undefined;
        const detail: VulnerabilityDetail = {
          aliases: ids,
          package: {
            name: pkg.name,
            ...(pkg.version ? { version: pkg.version } : {}),
            ...(fixed.length ? { fixedVersion: fixed.join(', ') } : {}),
            ...(pkg.ecosystem ? { ecosystem: pkg.ecosystem } : {}),
            ...(type && pkg.version
              ? {
                  purl: `pkg:${type}/${pkg.name}@${type === 'golang' ? `v${pkg.version}` : pkg.version}`,
                }
              : {}),
          },
          cwe: vuln.database_specific?.cwe_ids ?? [],
        };
        // The SARIF names a result by any of the ids: key every one.
        for (const id of ids) details.set(vulnerabilityKey(id, pkg.name, pkg.version), detail);
      }
    }
  }
  return details;
}

/** `scanfold merge` of OSV-Scanner's JSON: one result per package and advisory, as its SARIF has. */
function osvJsonToSarif(data: unknown): Log | undefined {
  const parsed = OsvReportSchema.safeParse(data);
  // OSV-Scanner's report: results[] of {source, packages}, and its experimental_config block
  // (an empty results[] alone could be anyone's).
  if (!parsed.success || !Array.isArray((data as { results?: unknown }).results)) return undefined;
  const sources = parsed.data.results ?? [];
  if (!sources.every((source) => source.source && source.packages)) return undefined;
  if (sources.length === 0 && !('experimental_config' in (data as object))) return undefined;
  const details = detailsOf(parsed.data);
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const source of sources) {
    for (const { package: pkg, vulnerabilities } of source.packages ?? []) {
      for (const vuln of vulnerabilities ?? []) {
        const severity = vuln.database_specific?.severity;
        rule(rules, vuln.id, () => ({
          id: vuln.id,
          shortDescription: { text: vuln.summary ?? vuln.id },
          helpUri: `https://osv.dev/${vuln.id}`,
          properties: { tags: ['vulnerability', 'security'], ...securitySeverity(severity) },
        }));
        const aliases = vuln.aliases ?? [];
        const detail = details.get(vulnerabilityKey(vuln.id, pkg.name, pkg.version));
        results.push({
          ruleId: vuln.id,
          message: {
            text: `Package '${pkg.name}@${pkg.version ?? ''}' is vulnerable to '${vuln.id}'${aliases.length ? ` (also known as ${aliases.map((a) => `'${a}'`).join(', ')})` : ''}.`,
          },
          locations: location(diskPath(source.source?.path ?? '.')),
          properties: writeScanfoldProperties(undefined, {
            ...(detail ? { package: detail.package, aliases: detail.aliases } : {}),
            ...(detail?.cwe.length ? { cwe: detail.cwe } : {}),
          }),
        });
      }
    }
  }
  return sarifLog('osv-scanner', undefined, rules, results);
}

function osvResultKey(ruleId: string, message: string): string | undefined {
  const pkg = packageFromOsvMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : undefined;
}

/** How OSV-Scanner's outputs are read: SARIF enriched from its JSON report, or the report converted. */
const OSV_OUTPUT = {
  nativeJson: {
    label: 'OSV-Scanner JSON',
    toSarif: osvJsonToSarif,
    explain: explainWith(OsvReportSchema, (data) => {
      const { results } = fieldsOf(data);
      return (
        Array.isArray(results) &&
        results.some((result) => 'packages' in fieldsOf(result) && 'source' in fieldsOf(result))
      );
    }),
  },
  details: osvDetails,
  keyOf: osvResultKey,
};

export interface OsvSettings {
  /** Local OSV data (tools/testdb/osv layout): osv-scalibr/<Ecosystem>/all.zip, govulndb/. */
  readonly dbDir: string | undefined;
}

/** `osv:` in the config file; govulncheck reads its Go vulnerability DB from the same place. */
const OSV_SETTINGS = toolSettings({
  key: 'osv',
  schema: z.object({ dbDir: z.string() }).partial().strict(),
  resolve: (section, { root }): OsvSettings => ({
    dbDir: section?.dbDir ? path.resolve(root, section.dbDir) : undefined,
  }),
});

export const osvScanner: ScannerAdapter & { readonly settings: typeof OSV_SETTINGS } = {
  name: 'osv-scanner',
  tool: 'osv-scanner',
  typicalSeconds: 0.3,
  title: 'OSV-Scanner',
  description:
    'lockfiles of many ecosystems (npm, PyPI, Go, Maven, Cargo, ...): known vulnerabilities from OSV',
  outputs: 'SARIF, plus JSON for package coordinates, fixed versions and aliases',
  categories: ['vulnerability'],
  settings: OSV_SETTINGS,
  // --experimental-exclude takes the same kind of directory names and globs.
  exclude: { honoured: true },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  async scan(context) {
    const { offline } = context.config;
    const dbDir = context.config.osv.dbDir;
    if (offline && !hasOfflineDb(dbDir))
      return {
        kind: 'skipped',
        reason: `offline and no OSV database in ${dbDir ?? '(no --osv-db-dir)'}/osv-scalibr`,
      };
    // Offline: the local zips only, no transitive resolution (it calls deps.dev). Reachability is
    // govulncheck's job here, so OSV-Scanner's own call analysis stays off.
    const source = [
      'scan',
      'source',
      '--recursive',
      '--allow-no-lockfiles',
      '--no-call-analysis=all',
      ...(offline && dbDir ? ['--offline', '--local-db-path', dbDir] : []),
      ...context.config.exclude.flatMap((pattern) => ['--experimental-exclude', pattern]),
    ];
    const files: string[] = [];
    for (const format of ['sarif', 'json'] as const) {
      const file = path.join(context.workDir, `osv-scanner.${format}`);
      // Exit 1 means vulnerabilities were found; 127/128 are errors.
      const exit = await context.exec([...source, '--format', format, '--output-file', file, '.']);
      const outcome = outcomeOf(exit, [file], {
        what: `osv-scanner (${format})`,
        okExitCodes: [0, 1],
      });
      if (outcome.kind !== 'ok') return outcome;
      files.push(file);
    }
    return { kind: 'ok', files };
  },
  parse: (outputs) => parseEnriched(outputs, OSV_OUTPUT),
  ownsDriver: driverContains('osv-scanner'),
  nativeJson: OSV_OUTPUT.nativeJson,
  categoryOf: () => 'vulnerability',
  packageFromMessage: packageFromOsvMessage,
};
