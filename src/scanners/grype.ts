import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { outcomeOf } from './adapter.ts';
import { firstSemver } from './common.ts';
import { grypeDetails, grypeResultKey, parseEnriched } from './enrich.ts';

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

export const grype: ScannerAdapter = {
  name: 'grype',
  tool: 'grype',
  description: "vulnerabilities in Syft's SBOM",
  dependsOn: ['syft'],
  env: { GRYPE_CHECK_FOR_APP_UPDATE: 'false' },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  async scan(context) {
    const { grype: settings, offline } = context.config;
    if (offline && !hasDatabase(settings.dbCacheDir)) {
      return {
        kind: 'skipped',
        reason: `offline and no vulnerability DB in ${settings.dbCacheDir}`,
      };
    }
    const sbom = context.upstream.syft?.find((file) => file.endsWith('.cdx.json'));
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
    return outcome.kind === 'ok' && notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  parse: (files) => parseEnriched(files, 'grype.json', grypeDetails, grypeResultKey),
};
