import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AttemptOutcome, ScanContext, ScannerAdapter } from './adapter.ts';
import { looksTransient, outcomeOf } from './adapter.ts';
import { firstSemver } from './common.ts';
import { parseRetryAfter } from '../run/retry.ts';
import { trivyDetails, trivyResultKey, parseEnriched } from './enrich.ts';

const DB_FAILURE = [
  /failed to download vulnerability DB/i,
  /DB error/i,
  /OCI artifact error/i,
  /db download/i,
];

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
    return { kind: 'ok', files: [report, ...sarif.files, ...sbom.files], notes };
  },
  async parse(files, config) {
    const parsed = await parseEnriched(files, 'trivy.json', trivyDetails, trivyResultKey);
    // `trivy convert` roots ROOTPATH at the JSON report it read; results are relative to the scan root.
    for (const { log } of parsed.sarif) {
      for (const run of log.runs)
        run.originalUriBaseIds = {
          ...run.originalUriBaseIds,
          ROOTPATH: { uri: pathToFileURL(config.root + '/').href },
        };
    }
    return parsed;
  },
};
