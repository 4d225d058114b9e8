import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { outcomeOf } from './adapter.ts';
import { firstSemver } from './common.ts';
import { grypeDetails, grypeResultKey, parseEnriched, vulnerabilityKey } from './enrich.ts';
import { imageFileStem, imageIndexOf, syftSource } from '../plan/image.ts';
import {
  addParsed,
  annotateImageResults,
  grypeImageLayers,
  imageRefFor,
  noImageLayers,
  splitImageFiles,
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
    const syftFiles = context.upstream.syft ?? [];
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
  async parse(allFiles, config) {
    const { directory, images } = splitImageFiles(allFiles, 'grype');
    const parsed = await parseEnriched(directory, 'grype.json', grypeDetails, grypeResultKey);
    for (const [index, files] of [...images].sort(([a], [b]) => a - b)) {
      const native = files.find((file) => file.endsWith('.json'));
      const own = await parseEnriched(files, '.json', grypeDetails, grypeResultKey);
      const { ref, layers } = native
        ? await grypeImageLayers(native, vulnerabilityKey)
        : noImageLayers();
      for (const { log } of own.sarif)
        annotateImageResults(log, imageRefFor(config, index, ref), (ruleId, message) => {
          const key = grypeResultKey(ruleId, message);
          return key ? layers.get(key) : undefined;
        });
      addParsed(parsed, own);
    }
    return parsed;
  },
};
