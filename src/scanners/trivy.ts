import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { Package, Severity } from '../model/finding.ts';
import { severityFromWord } from '../normalize/severity.ts';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { AttemptOutcome, PassedCheck, ScanContext, ScannerAdapter } from './adapter.ts';
import { driverContains, looksTransient, outcomeOf, toolSettings } from './adapter.ts';
import { explainWith, fieldsOf, firstSemver } from './common.ts';
import { readJson } from './read-output.ts';
import { parseRetryAfter } from '../run/retry.ts';
import { parseEnriched, vulnerabilityKey } from './enrich.ts';
import type { VulnerabilityDetail } from './enrich.ts';
import { location, rule, sarifLog, securitySeverity } from './native-sarif.ts';
import { imageFileStem, trivyImageArgs } from '../plan/image.ts';
import type { ImageTarget } from '../plan/image.ts';
import {
  addParsed,
  annotateImageResults,
  imageRefFor,
  noImageLayers,
  splitImageOutputs,
  trivyImageLayers,
} from './image-output.ts';
import { TRIVY_CHECK_ROWS } from './trivy-checks.ts';

const DB_FAILURE = [
  /failed to download vulnerability DB/i,
  /DB error/i,
  /OCI artifact error/i,
  /db download/i,
];

/** The directory scan has just brought the DB up to date (or must not touch it): images reuse it. */
function imageDbFlags(offline: boolean): string[] {
  return offline
    ? ['--skip-db-update', '--skip-java-db-update', '--offline-scan']
    : ['--skip-db-update'];
}

function dbFile(cacheDir: string): string {
  return path.join(cacheDir, 'db', 'trivy.db');
}

/** Each retry starts from the next configured repository, so a rate-limited one is not hit again at once. */
export function rotateRepositories(repositories: readonly string[], attempt: number): string[] {
  if (repositories.length === 0) return [];
  const shift = (attempt - 1) % repositories.length;
  return [...repositories.slice(shift), ...repositories.slice(0, shift)];
}

async function convert(
  context: ScanContext,
  report: string,
  format: string,
  output: string,
): Promise<AttemptOutcome> {
  const exit = await context.exec(['convert', '--format', format, '--output', output, report]);
  return outcomeOf(exit, [output], { what: `trivy convert --format ${format}` });
}

/** Trivy SARIF: "Package: lodash\nInstalled Version: 4.17.15\n...Fixed Version: 4.17.19". */
export function packageFromTrivyMessage(message: string): Package | undefined {
  const name = /Package: ([^\n]+)/.exec(message)?.[1]?.trim();
  if (!name) return undefined;
  const version = /Installed Version: ([^\n]+)/.exec(message)?.[1]?.trim();
  const fixed = /Fixed Version: ([^\n]*)/.exec(message)?.[1]?.trim();
  return { name, ...(version ? { version } : {}), ...(fixed ? { fixedVersion: fixed } : {}) };
}

/** Trivy's severity words; UNKNOWN (no rating in its sources) is info. */
const TRIVY_SEVERITIES: ReadonlySet<string> = new Set([
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'UNKNOWN',
]);

/** Trivy's rating in a SARIF message (vulnerabilities and misconfigurations): "Severity: LOW". */
export function severityFromTrivyMessage(message: string): Severity | undefined {
  const word = /^Severity: ([A-Z]+)\r?$/m.exec(message)?.[1];
  return word !== undefined && TRIVY_SEVERITIES.has(word) ? severityFromWord(word) : undefined;
}

/** Trivy's rating on a SARIF rule: one of its tags (`["vulnerability", "security", "LOW"]`). */
export function severityOfTrivyRule(rule: ReportingDescriptor): Severity | undefined {
  const word = rule.properties?.tags?.find((tag) => TRIVY_SEVERITIES.has(tag));
  return word === undefined ? undefined : severityFromWord(word);
}

/** "AVD-DS-0002", "DS002", "DS-0002" → "DS-2": Trivy's check ids are the IaC intent keys. */
export function normalizeTrivyCheckId(id: string): string | undefined {
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return match ? `${match[1]?.toUpperCase()}-${match[2]}` : undefined;
}

/** One vulnerability in Trivy's native JSON report. */
const TrivyVulnerabilitySchema = z.looseObject({
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

function trivyDetails(data: unknown): Map<string, VulnerabilityDetail> {
  const report = TrivyReportSchema.parse(data);
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

function trivyResultKey(ruleId: string, message: string): string | undefined {
  const pkg = packageFromTrivyMessage(message);
  return pkg ? vulnerabilityKey(ruleId, pkg.name, pkg.version) : undefined;
}

const TrivySchema = z.looseObject({
  SchemaVersion: z.number(),
  ArtifactType: z.string().optional(),
  ArtifactName: z.string().optional(),
  Results: z
    .array(
      z.looseObject({
        Target: z.string(),
        Class: z.string().optional(),
        Type: z.string().optional(),
        Vulnerabilities: z.array(TrivyVulnerabilitySchema).nullish(),
        Misconfigurations: z
          .array(
            z.looseObject({
              ID: z.string(),
              AVDID: z.string().optional(),
              Title: z.string().optional(),
              Message: z.string().optional(),
              Severity: z.string().optional(),
              PrimaryURL: z.string().optional(),
              Status: z.string().optional(),
              CauseMetadata: z
                .looseObject({
                  Resource: z.string().optional(),
                  StartLine: z.number().optional(),
                  EndLine: z.number().optional(),
                })
                .optional(),
            }),
          )
          .nullish(),
        Secrets: z
          .array(
            z.looseObject({
              RuleID: z.string(),
              Title: z.string().optional(),
              Severity: z.string().optional(),
              StartLine: z.number().optional(),
              EndLine: z.number().optional(),
            }),
          )
          .nullish(),
        Licenses: z
          .array(
            z.looseObject({
              Name: z.string(),
              PkgName: z.string().optional(),
              Severity: z.string().optional(),
              FilePath: z.string().optional(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

function trivyJsonToSarif(data: unknown): Log | undefined {
  const parsed = TrivySchema.safeParse(data);
  if (!parsed.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const target of parsed.data.Results ?? []) {
    // OS package targets read "<image> (alpine 3.10.2)"; Trivy's SARIF drops the suffix, so do we.
    const targetPath =
      target.Class === 'os-pkgs' ? target.Target.replace(/ \([^)]*\)$/, '') : target.Target;
    for (const v of target.Vulnerabilities ?? []) {
      rule(rules, v.VulnerabilityID, () => ({
        id: v.VulnerabilityID,
        shortDescription: { text: v.Title ?? v.VulnerabilityID },
        ...(v.PrimaryURL ? { helpUri: v.PrimaryURL } : {}),
        properties: {
          tags: ['vulnerability', 'security', v.Severity ?? 'UNKNOWN', ...(v.CweIDs ?? [])],
          ...securitySeverity(v.Severity),
        },
      }));
      results.push({
        ruleId: v.VulnerabilityID,
        level: 'error',
        message: {
          text: `Package: ${v.PkgName}\nInstalled Version: ${v.InstalledVersion ?? ''}\nVulnerability ${v.VulnerabilityID}\nSeverity: ${v.Severity ?? 'UNKNOWN'}\nFixed Version: ${v.FixedVersion ?? ''}`,
        },
        locations: location(targetPath, 1),
        properties: writeScanfoldProperties(undefined, {
          package: {
            name: v.PkgName,
            ...(v.InstalledVersion ? { version: v.InstalledVersion } : {}),
            ...(v.FixedVersion ? { fixedVersion: v.FixedVersion } : {}),
            ...(v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {}),
          },
          aliases: [v.VulnerabilityID, ...(v.VendorIDs ?? [])],
        }),
      });
    }
    for (const m of target.Misconfigurations ?? []) {
      if (m.Status && m.Status !== 'FAIL') continue;
      rule(rules, m.ID, () => ({
        id: m.ID,
        shortDescription: { text: m.Title ?? m.ID },
        ...(m.PrimaryURL ? { helpUri: m.PrimaryURL } : {}),
        properties: {
          tags: ['misconfiguration', 'security', m.Severity ?? 'UNKNOWN'],
          ...securitySeverity(m.Severity),
        },
      }));
      results.push({
        ruleId: m.ID,
        message: { text: m.Message ?? m.Title ?? m.ID },
        locations: location(target.Target, m.CauseMetadata?.StartLine, m.CauseMetadata?.EndLine),
      });
    }
    for (const s of target.Secrets ?? []) {
      rule(rules, s.RuleID, () => ({
        id: s.RuleID,
        shortDescription: { text: s.Title ?? s.RuleID },
        properties: {
          tags: ['secret', 'security', s.Severity ?? 'UNKNOWN'],
          ...securitySeverity(s.Severity),
        },
      }));
      // The matched text is deliberately not copied: secrets never leave the raw file.
      results.push({
        ruleId: s.RuleID,
        message: { text: `Secret: ${s.Title ?? s.RuleID}` },
        locations: location(target.Target, s.StartLine, s.EndLine),
      });
    }
    for (const l of target.Licenses ?? []) {
      const id = `license-${l.Name}`;
      rule(rules, id, () => ({
        id,
        shortDescription: { text: `License ${l.Name}` },
        properties: { tags: ['license', l.Severity ?? 'UNKNOWN'], ...securitySeverity(l.Severity) },
      }));
      results.push({
        ruleId: id,
        message: { text: `${l.PkgName ?? l.FilePath ?? target.Target}: license ${l.Name}` },
        locations: location(l.FilePath ?? target.Target),
      });
    }
  }
  const log = sarifLog('Trivy', undefined, rules, results);
  // An image's report: its packages' paths are inside the image, not in the repository.
  const { ArtifactType, ArtifactName } = parsed.data;
  if (ArtifactType === 'container_image')
    annotateImageResults(log, ArtifactName || 'container-image', () => undefined);
  return log;
}

/**
 * Misconfiguration checks Trivy ran and passed (`Status: "PASS"`, listed only with
 * --include-non-failures); `trivy convert` and trivyJsonToSarif keep them out of SARIF. A PASS
 * counts only when it is about something that exists: a Dockerfile check assesses the Dockerfile
 * itself, but Trivy's Terraform/CloudFormation PASS entries name no resource and also mean "no
 * resource of that kind here" (an IAM password-policy check passes on a module with no policy),
 * so those count only when Trivy names the resource.
 */
export function trivyPassedChecks(data: unknown): PassedCheck[] {
  const parsed = TrivySchema.safeParse(data);
  if (!parsed.success) return [];
  return (parsed.data.Results ?? []).flatMap((target) =>
    (target.Misconfigurations ?? []).flatMap((m) => {
      const resource = m.CauseMetadata?.Resource;
      if (m.Status !== 'PASS' || (!resource && target.Type !== 'dockerfile')) return [];
      return [{ checkId: m.ID, file: target.Target, ...(resource ? { resource } : {}) }];
    }),
  );
}

/** `trivy image` of one image: vulnerabilities and secrets in its layers, misconfigurations and secrets in its config. */
async function scanImage(
  context: ScanContext,
  image: ImageTarget,
  index: number,
  common: { scanners: readonly string[]; flags: readonly string[] },
): Promise<AttemptOutcome> {
  const stem = path.join(context.workDir, imageFileStem('trivy', index));
  const report = `${stem}.json`;
  const layerScanners = common.scanners.filter(
    (scanner) => scanner === 'vuln' || scanner === 'secret',
  );
  const configScanners = common.scanners.filter((s) => s === 'misconfig' || s === 'secret');
  const args = [
    'image',
    '--scanners',
    layerScanners.join(',') || 'none',
    ...(configScanners.length ? ['--image-config-scanners', configScanners.join(',')] : []),
    '--format',
    'json',
    '--list-all-pkgs',
    '--output',
    report,
    ...common.flags,
    ...trivyImageArgs(image),
  ];
  const exit = await context.exec(args);
  const scanned = outcomeOf(exit, [report], {
    what: `trivy image ${image.ref}`,
    transient: DB_FAILURE,
  });
  if (scanned.kind !== 'ok') return scanned;
  // Not `trivy convert`: 0.74 panics writing SARIF for a registry reference with a port
  // ("127.0.0.1:5000/app:1" is not a valid URI). The same converter `scanfold merge` uses.
  const log = trivyJsonToSarif(await readJson(report));
  if (!log)
    return {
      kind: 'failed',
      transient: false,
      message: `trivy image ${image.ref}: the JSON report is not in Trivy's format`,
    };
  await writeFile(`${stem}.sarif`, JSON.stringify(log, null, 2));
  return { kind: 'ok', files: [report, `${stem}.sarif`] };
}

/** Trivy's own rating of each misconfiguration check, by intent key ("AWS-89"). */
const CHECK_SEVERITY = new Map(
  TRIVY_CHECK_ROWS.flatMap(([id, severity]) => {
    const intent = normalizeTrivyCheckId(id);
    return intent ? [[intent, { severity, check: id }] as const] : [];
  }),
);

/** How Trivy's outputs are read: SARIF enriched from its JSON report, or the report converted. */
const explainTrivy = explainWith(TrivySchema, (data) => {
  const fields = fieldsOf(data);
  return 'SchemaVersion' in fields && ('ArtifactName' in fields || 'Results' in fields);
});

const TRIVY_OUTPUT = {
  nativeJson: {
    label: 'Trivy JSON',
    toSarif: trivyJsonToSarif,
    explain: (data: unknown): string | undefined =>
      // `trivy k8s --format json` writes a cluster report, laid out per resource: not read here.
      'ClusterName' in fieldsOf(data)
        ? 'ClusterName: a Trivy Kubernetes report (trivy k8s), which is not read; scan its manifests with trivy config and its images with trivy image'
        : explainTrivy(data),
  },
  details: trivyDetails,
  keyOf: trivyResultKey,
};

export const TRIVY_SCANNERS = ['vuln', 'misconfig', 'secret', 'license'] as const;
/**
 * Trivy's own licence scanner is off by default: licences are SBOM facts (Trivy's and Syft's SBOMs
 * carry them) and only the licence policy turns one into a finding.
 */
export const DEFAULT_TRIVY_SCANNERS = ['vuln', 'misconfig', 'secret'] as const;

export interface TrivySettings {
  readonly scanners: readonly (typeof TRIVY_SCANNERS)[number][];
  /** Vulnerability DB repositories, tried in turn (a rate-limited one is not hit again at once). */
  readonly dbRepositories: readonly string[];
  readonly cacheDir: string;
}

/** `trivy:` in the config file. */
const TRIVY_SETTINGS = toolSettings({
  key: 'trivy',
  schema: z
    .object({
      scanners: z.array(z.enum(TRIVY_SCANNERS)).min(1),
      dbRepositories: z.array(z.string().min(1)),
      cacheDir: z.string(),
    })
    .partial()
    .strict(),
  resolve: (section, { root, cacheBase }): TrivySettings => ({
    scanners: section?.scanners ?? DEFAULT_TRIVY_SCANNERS,
    dbRepositories: section?.dbRepositories ?? [],
    cacheDir: path.resolve(root, section?.cacheDir ?? path.join(cacheBase, 'trivy')),
  }),
});

export const trivy: ScannerAdapter & { readonly settings: typeof TRIVY_SETTINGS } = {
  name: 'trivy',
  tool: 'trivy',
  typicalSeconds: 1.9,
  title: 'Trivy',
  description: 'filesystem: vulnerabilities, misconfigurations, secrets, licenses',
  outputs: 'JSON, converted by `trivy convert` to SARIF and CycloneDX',
  categories: ['vulnerability', 'iac', 'secret', 'license', 'sbom'],
  // Trivy calls home for version checks and telemetry unless both are off.
  settings: TRIVY_SETTINGS,
  env: {
    TRIVY_DISABLE_VEX_NOTICE: 'true',
    TRIVY_SKIP_VERSION_CHECK: 'true',
    TRIVY_DISABLE_TELEMETRY: 'true',
  },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const { trivy: settings, offline } = context.config;
    const notes: string[] = [];
    let scanners = [...settings.scanners];
    const haveDb = existsSync(dbFile(settings.cacheDir));
    if (scanners.includes('vuln') && offline && !haveDb) {
      scanners = scanners.filter((scanner) => scanner !== 'vuln');
      notes.push(
        `vulnerability scanning skipped: offline and no vulnerability DB in ${settings.cacheDir}`,
      );
    }
    if (scanners.length === 0) return { kind: 'skipped', reason: notes.join('; ') };

    const report = path.join(context.workDir, 'trivy.json');
    const common = [
      '--format',
      'json',
      '--list-all-pkgs',
      '--output',
      report,
      '--cache-dir',
      settings.cacheDir,
      '--exit-code',
      '0',
      '--no-progress',
      '--skip-check-update',
    ];
    for (const pattern of context.config.exclude) common.push('--skip-dirs', pattern);
    // Passed checks are compliance evidence (a CIS control passes only on a check that ran).
    if (scanners.includes('misconfig')) common.push('--include-non-failures');
    const base = ['fs', '--scanners', scanners.join(','), ...common];
    const dbFlags = offline ? ['--skip-db-update', '--skip-java-db-update', '--offline-scan'] : [];
    const repositories = rotateRepositories(settings.dbRepositories, context.attempt);
    if (!offline && repositories.length > 0)
      dbFlags.push('--db-repository', repositories.join(','));

    let exit = await context.exec([...base, ...dbFlags, '.']);
    const dbFailed = exit.exitCode !== 0 && looksTransient(exit.stderrTail, DB_FAILURE);
    if (dbFailed && context.lastAttempt && haveDb && !offline) {
      const age = Math.round(
        (Date.now() - statSync(dbFile(settings.cacheDir)).mtimeMs) / 3_600_000,
      );
      notes.push(
        `vulnerability DB download failed (${exit.stderrTail.at(-1)?.trim() ?? 'unknown error'}); used the cached DB, ${age} h old, which may be stale`,
      );
      exit = await context.exec([...base, '--skip-db-update', '--skip-java-db-update', '.']);
    }
    const others = scanners.filter((scanner) => scanner !== 'vuln');
    if (dbFailed && context.lastAttempt && !haveDb && !offline && others.length < scanners.length) {
      // Degrade, don't fail: misconfiguration, secret and licence findings need no vulnerability DB.
      if (others.length > 0) {
        notes.push(
          `vulnerability scanning skipped: the vulnerability DB could not be downloaded (${exit.stderrTail.at(-1)?.trim() ?? 'unknown error'}) and no cached DB exists`,
        );
        exit = await context.exec([
          'fs',
          '--scanners',
          others.join(','),
          ...common,
          '--skip-db-update',
          '--skip-java-db-update',
          '.',
        ]);
      }
    }
    const scanned = outcomeOf(exit, [report], { what: 'trivy fs', transient: DB_FAILURE });
    if (scanned.kind === 'failed' && scanned.transient) {
      // ghcr.io says how long to wait ("TOOMANYREQUESTS: retry-after: 617.148µs"); the runner honours it.
      const retryAfterMs = parseRetryAfter(exit.stderrTail.join('\n'), Date.now());
      if (retryAfterMs !== undefined) return { ...scanned, retryAfterMs };
    }
    if (scanned.kind !== 'ok') return scanned;
    const sarif = await convert(
      context,
      report,
      'sarif',
      path.join(context.workDir, 'trivy.sarif'),
    );
    if (sarif.kind !== 'ok') return sarif;
    const sbom = await convert(
      context,
      report,
      'cyclonedx',
      path.join(context.workDir, 'trivy.cdx.json'),
    );
    if (sbom.kind !== 'ok') return sbom;
    const files = [report, ...sarif.files, ...sbom.files];
    const imageFlags = [
      '--cache-dir',
      settings.cacheDir,
      '--exit-code',
      '0',
      '--no-progress',
      '--skip-check-update',
      ...imageDbFlags(offline),
    ];
    for (const [position, image] of context.config.images.entries()) {
      const outcome = await scanImage(context, image, position + 1, {
        scanners,
        flags: imageFlags,
      });
      if (outcome.kind !== 'ok') return outcome;
      files.push(...outcome.files);
    }
    return { kind: 'ok', files, notes };
  },
  async parse(outputs, context) {
    const { directory, images } = splitImageOutputs(outputs, 'trivy');
    const parsed = await parseEnriched(directory, TRIVY_OUTPUT);
    // `trivy convert` roots ROOTPATH at the JSON report it read (`file:///…/trivy.json/`); the
    // results are relative to the scanned directory. A ROOTPATH naming a directory (`trivy fs
    // --format sarif` of a subdirectory, imported) is Trivy's own and right.
    for (const { log } of parsed.sarif) {
      for (const run of log.runs) {
        const rootPath = run.originalUriBaseIds?.ROOTPATH?.uri;
        if (rootPath === undefined || /\.json\/?$/i.test(rootPath))
          run.originalUriBaseIds = {
            ...run.originalUriBaseIds,
            ROOTPATH: { uri: pathToFileURL(context.root + '/').href },
          };
      }
    }
    for (const [index, imageOutputs] of [...images].sort(([a], [b]) => a - b)) {
      const native = imageOutputs.find((output) => output.kind === 'native');
      const own = await parseEnriched(imageOutputs, TRIVY_OUTPUT);
      const { ref, layers } = native
        ? trivyImageLayers(await native.read(), vulnerabilityKey)
        : noImageLayers();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(context, index, ref), (ruleId, message) => {
          const key = trivyResultKey(ruleId, message);
          return key ? layers.get(key) : undefined;
        });
      addParsed(parsed, own);
    }
    return parsed;
  },
  ownsDriver: driverContains('trivy'),
  nativeJson: TRIVY_OUTPUT.nativeJson,
  passedChecks: trivyPassedChecks,
  packageFromMessage: packageFromTrivyMessage,
  // Trivy's SARIF adds a CVSS `security-severity` that often disagrees with its own rating.
  statedSeverity: { fromMessage: severityFromTrivyMessage, fromRule: severityOfTrivyRule },
  iac: { intentOf: normalizeTrivyCheckId, severityOf: (intent) => CHECK_SEVERITY.get(intent) },
};
