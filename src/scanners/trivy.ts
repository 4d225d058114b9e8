import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AttemptOutcome, ScanContext, ScannerAdapter } from './adapter.ts';
import { looksTransient, outcomeOf } from './adapter.ts';
import { firstSemver } from './common.ts';
import { trivyDetails, trivyResultKey, parseEnriched, vulnerabilityKey } from './enrich.ts';
import { imageFileStem, trivyImageArgs } from '../plan/image.ts';
import type { ImageTarget } from '../plan/image.ts';
import {
  addParsed,
  annotateImageResults,
  imageRefFor,
  noImageLayers,
  splitImageFiles,
  trivyImageLayers,
} from './image-output.ts';

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
  const sarif = await convert(context, report, 'sarif', `${stem}.sarif`);
  if (sarif.kind !== 'ok') return sarif;
  return { kind: 'ok', files: [report, ...sarif.files] };
}

export const trivy: ScannerAdapter = {
  name: 'trivy',
  tool: 'trivy',
  description: 'filesystem scan: vulnerabilities, misconfigurations, secrets, licenses',
  // Trivy calls home for version checks and telemetry unless both are off.
  env: {
    TRIVY_DISABLE_VEX_NOTICE: 'true',
    TRIVY_SKIP_VERSION_CHECK: 'true',
    TRIVY_DISABLE_TELEMETRY: 'true',
  },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
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
    const base = [
      'fs',
      '--scanners',
      scanners.join(','),
      '--format',
      'json',
      '--list-all-pkgs',
      '--output',
      report,
    ];
    base.push(
      '--cache-dir',
      settings.cacheDir,
      '--exit-code',
      '0',
      '--no-progress',
      '--skip-check-update',
    );
    for (const pattern of context.config.exclude) base.push('--skip-dirs', pattern);
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
    const scanned = outcomeOf(exit, [report], { what: 'trivy fs', transient: DB_FAILURE });
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
  async parse(allFiles, config) {
    const { directory: files, images } = splitImageFiles(allFiles, 'trivy');
    const parsed = await parseEnriched(files, 'trivy.json', trivyDetails, trivyResultKey);
    // `trivy convert` roots ROOTPATH at the JSON report it read; results are relative to the scan root.
    for (const { log } of parsed.sarif) {
      for (const run of log.runs)
        run.originalUriBaseIds = {
          ...run.originalUriBaseIds,
          ROOTPATH: { uri: pathToFileURL(config.root + '/').href },
        };
    }
    for (const [index, imageFiles] of [...images].sort(([a], [b]) => a - b)) {
      const native = imageFiles.find((file) => file.endsWith('.json'));
      const own = await parseEnriched(imageFiles, '.json', trivyDetails, trivyResultKey);
      const { ref, layers } = native
        ? await trivyImageLayers(native, vulnerabilityKey)
        : noImageLayers();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(config, index, ref), (ruleId, message) => {
          const key = trivyResultKey(ruleId, message);
          return key ? layers.get(key) : undefined;
        });
      addParsed(parsed, own);
    }
    return parsed;
  },
};
