import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { Package, Severity } from '../model/finding.ts';
import { severityFromWord } from '../normalize/severity.ts';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf, toolSettings } from './adapter.ts';
import { explainWith, fieldsOf, firstSemver } from './common.ts';
import { parseEnriched, vulnerabilityKey } from './enrich.ts';
import type { VulnerabilityDetail } from './enrich.ts';
import { dropExcludedResults, excludedNote } from './exclude.ts';
import { location, rule, sarifLog, securitySeverity } from './native-sarif.ts';
import { imageFileStem, imageIndexOf, syftSource } from '../plan/image.ts';
import {
  addParsed,
  annotateImageResults,
  grypeImageLayers,
  imageRefFor,
  localImageHistory,
  noImageLayers,
  splitImageOutputs,
} from './image-output.ts';

const DB_FAILURE = [
  /failed to (load|update|check for) vulnerability d(b|atabase)/i,
  /unable to (update|download|check)/i,
];

function hasDatabase(cacheDir: string): boolean {
  if (!existsSync(cacheDir)) return false;
  // Grype keeps one sub-directory per schema version, each with vulnerability.db.
  return readdirSync(cacheDir).some((entry) =>
    existsSync(path.join(cacheDir, entry, 'vulnerability.db')),
  );
}

/** Grype SARIF: "A high vulnerability in npm package: lodash, version 4.17.15 was found at: ...". */
export function packageFromGrypeMessage(message: string): Package | undefined {
  const match = /in ([\w.-]+ )?package: ([^,\s]+), version ([^\s]+) was found/.exec(message);
  if (!match?.[2]) return undefined;
  return {
    name: match[2],
    ...(match[3] ? { version: match[3] } : {}),
    ...(match[1] ? { ecosystem: match[1].trim() } : {}),
  };
}

/** Grype's rating in a SARIF message: "A low vulnerability in rpm package: …". */
export function severityFromGrypeMessage(message: string): Severity | undefined {
  return severityFromWord(/^An? (\w+) vulnerability in /.exec(message)?.[1]);
}

/**
 * Grype's rating on a SARIF rule: its short description ("CVE-1999-0001 low vulnerability for
 * package-1 package"), else its help text's "Severity: low" line.
 */
export function severityOfGrypeRule(rule: ReportingDescriptor): Severity | undefined {
  const short = rule.shortDescription?.text ?? '';
  const help = rule.help?.text ?? '';
  return (
    severityFromWord(/^\S+ (\w+) vulnerability for /.exec(short)?.[1]) ??
    severityFromWord(/^Severity: (\w+)\r?$/m.exec(help)?.[1])
  );
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
type GrypeMatch = z.infer<typeof GrypeMatchSchema>;

/** Grype's native JSON report (`grype -o json`). */
const GrypeReportSchema = z.looseObject({
  matches: z.array(GrypeMatchSchema),
  descriptor: z.looseObject({ name: z.literal('grype') }),
  source: z
    .looseObject({
      type: z.string().optional(),
      target: z
        .union([
          z.string(),
          z.looseObject({ userInput: z.string().optional(), imageID: z.string().optional() }),
        ])
        .optional(),
    })
    .optional(),
});

/** Grype SARIF names each rule "<ID>-<package>"; native imports use the same id. */
function grypeRuleId(match: GrypeMatch): string {
  return `${match.vulnerability.id}-${match.artifact.name}`;
}

function grypeMatchDetail(match: GrypeMatch): VulnerabilityDetail {
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

function grypeDetails(data: unknown): Map<string, VulnerabilityDetail> {
  const report = GrypeReportSchema.parse(data);
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
function grypeResultKey(ruleId: string, message: string): string | undefined {
  const pkg = packageFromGrypeMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : undefined;
}

function grypeJsonToSarif(data: unknown): Log | undefined {
  const parsed = GrypeReportSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = parsed.data.matches.map((match) => {
    const { vulnerability, artifact } = match;
    const id = grypeRuleId(match);
    const score = Math.max(0, ...(vulnerability.cvss ?? []).map((c) => c.metrics.baseScore ?? 0));
    rule(rules, id, () => ({
      id,
      shortDescription: {
        text: `${vulnerability.id} ${vulnerability.severity ?? ''} vulnerability for ${artifact.name} package`,
      },
      ...(vulnerability.dataSource ? { helpUri: vulnerability.dataSource } : {}),
      properties:
        score > 0
          ? { 'security-severity': score.toFixed(1) }
          : securitySeverity(vulnerability.severity),
    }));
    const file = artifact.locations?.[0]?.path ?? '.';
    return {
      ruleId: id,
      message: {
        text: `A ${(vulnerability.severity ?? 'unknown').toLowerCase()} vulnerability in ${artifact.type ?? ''} package: ${artifact.name}, version ${artifact.version ?? ''} was found at: ${file}`,
      },
      locations: location(file, 1),
      properties: (() => {
        const detail = grypeMatchDetail(match);
        return writeScanfoldProperties(undefined, {
          aliases: detail.aliases,
          package: detail.package,
          cwe: detail.cwe,
        });
      })(),
    };
  });
  const log = sarifLog('Grype', undefined, rules, results);
  // An image's report: its packages' paths are inside the image, not in the repository.
  const { source } = parsed.data;
  if (source?.type === 'image') {
    const target = typeof source.target === 'object' ? source.target : undefined;
    annotateImageResults(
      log,
      target?.userInput || target?.imageID || 'container-image',
      () => undefined,
    );
  }
  return log;
}

/** How Grype's outputs are read: SARIF enriched from its JSON report, or the report converted. */
const GRYPE_OUTPUT = {
  nativeJson: {
    label: 'Grype JSON',
    toSarif: grypeJsonToSarif,
    explain: explainWith(
      GrypeReportSchema,
      (data) => fieldsOf(fieldsOf(data).descriptor).name === 'grype',
    ),
  },
  details: grypeDetails,
  keyOf: grypeResultKey,
};

export interface GrypeSettings {
  readonly dbCacheDir: string;
  readonly dbUpdateUrl: string | undefined;
}

/** `grype:` in the config file. */
const GRYPE_SETTINGS = toolSettings({
  key: 'grype',
  schema: z.object({ dbCacheDir: z.string(), dbUpdateUrl: z.string().url() }).partial().strict(),
  resolve: (section, { root, cacheBase }): GrypeSettings => ({
    dbCacheDir: path.resolve(root, section?.dbCacheDir ?? path.join(cacheBase, 'grype-db')),
    dbUpdateUrl: section?.dbUpdateUrl,
  }),
});

export const grype: ScannerAdapter & { readonly settings: typeof GRYPE_SETTINGS } = {
  name: 'grype',
  tool: 'grype',
  typicalSeconds: 0.2,
  title: 'Grype',
  description: "vulnerabilities in Syft's SBOM",
  outputs: 'SARIF + JSON',
  categories: ['vulnerability'],
  settings: GRYPE_SETTINGS,
  dependsOn: ['syft'],
  env: { GRYPE_CHECK_FOR_APP_UPDATE: 'false' },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  // Syft's SBOM already leaves excluded paths out; matches in excluded paths (grype catalogued the
  // directory itself, or another SBOM was given) are left out after the run.
  exclude: { honoured: true },
  async scan(context) {
    const { grype: settings, offline } = context.config;
    if (offline && !hasDatabase(settings.dbCacheDir)) {
      return {
        kind: 'skipped',
        reason: `offline and no vulnerability DB in ${settings.dbCacheDir}`,
      };
    }
    const syftFiles = context.upstream.get('syft') ?? [];
    const sbom = syftFiles.find((file) => path.basename(file) === 'syft.cdx.json');
    const source = sbom ? `sbom:${sbom}` : 'dir:.';
    const sarif = path.join(context.workDir, 'grype.sarif');
    const json = path.join(context.workDir, 'grype.json');
    const env: Record<string, string> = {
      GRYPE_DB_CACHE_DIR: settings.dbCacheDir,
      GRYPE_DB_AUTO_UPDATE: offline ? 'false' : 'true',
      GRYPE_DB_VALIDATE_AGE: offline ? 'false' : 'true',
    };
    if (settings.dbUpdateUrl) env.GRYPE_DB_UPDATE_URL = settings.dbUpdateUrl;
    // Not --quiet: that also silences the error that says why a run failed.
    const args = [source, '-o', `sarif=${sarif}`, '-o', `json=${json}`];
    // With a cached DB, grype itself tolerates a failed update check and scans with it; without
    // one a failed download is retried here like Trivy's.
    const exit = await context.exec(args, env);
    const notes: string[] = sbom
      ? []
      : ['no Syft SBOM available: grype catalogued the directory itself'];
    const outcome = outcomeOf(exit, [sarif, json], { what: 'grype', transient: DB_FAILURE });
    if (outcome.kind !== 'ok') return outcome;
    // Each image: Syft's SBOM of it when Syft ran, else the image itself.
    for (const [position, image] of context.config.images.entries()) {
      const index = position + 1;
      const stem = path.join(context.workDir, imageFileStem('grype', index));
      const imageSbom = syftFiles.find((file) => imageIndexOf(file, 'syft') === index);
      const scanned = outcomeOf(
        await context.exec(
          [
            imageSbom ? `sbom:${imageSbom}` : syftSource(image),
            '-o',
            `sarif=${stem}.sarif`,
            '-o',
            `json=${stem}.json`,
          ],
          env,
        ),
        [`${stem}.sarif`, `${stem}.json`],
        { what: `grype ${image.ref}`, transient: DB_FAILURE },
      );
      if (scanned.kind !== 'ok') return scanned;
      outcome.files.push(...scanned.files);
    }
    return notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  async parse(outputs, context) {
    const { directory, images } = splitImageOutputs(outputs, 'grype');
    const parsed = await parseEnriched(directory, GRYPE_OUTPUT);
    let dropped = 0;
    for (const { log } of parsed.sarif)
      dropped += dropExcludedResults(log, context.exclude, context.root);
    // Image results: exclude is about the directory's paths, so it does not apply to them.
    for (const [index, imageOutputs] of [...images].sort(([a], [b]) => a - b)) {
      const native = imageOutputs.find((output) => output.kind === 'native');
      const own = await parseEnriched(imageOutputs, GRYPE_OUTPUT);
      const { ref, layers } = native
        ? grypeImageLayers(await native.read(), vulnerabilityKey)
        : noImageLayers();
      // Grype gives the diff ID only; the instruction comes from the image's own config.
      const target = context.images[index - 1];
      const history = target ? await localImageHistory(target) : new Map<string, string>();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(context, index, ref), (ruleId, message) => {
          const key = grypeResultKey(ruleId, message);
          const layer = key ? layers.get(key) : undefined;
          const createdBy = layer?.diffId ? history.get(layer.diffId) : undefined;
          return layer && createdBy ? { ...layer, createdBy } : layer;
        });
      addParsed(parsed, own);
    }
    return { ...parsed, notes: excludedNote(dropped) };
  },
  ownsDriver: driverContains('grype'),
  nativeJson: GRYPE_OUTPUT.nativeJson,
  categoryOf: (_ruleId, tags) =>
    tags.includes('secret') || tags.includes('secrets') ? 'secret' : 'vulnerability',
  packageFromMessage: packageFromGrypeMessage,
  // Grype's SARIF adds the highest CVSS score as `security-severity`, often not its own rating.
  statedSeverity: { fromMessage: severityFromGrypeMessage, fromRule: severityOfGrypeRule },
};
