import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ScanConfig } from '../config/schema.ts';
import { toolDir } from '../install/installer.ts';
import type { Manifest } from '../install/manifest.ts';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import { adapterNamed } from '../scanners/registry.ts';

/** The two calls of @actions/cache the action makes; passed in, so tests can see what is asked. */
export interface CacheClient {
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[],
  ): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export interface CacheSpec {
  /** What it holds, for the log. */
  label: string;
  paths: string[];
  key: string;
  /** Older entries to fall back on (yesterday's database), most specific first. */
  restoreKeys: string[];
}

export interface CacheState {
  spec: CacheSpec;
  /** The key restored from, when any. */
  restoredKey: string | undefined;
}

const DATABASE_DIRS: Partial<Record<string, (config: ScanConfig) => string>> = {
  // Trivy keeps its vulnerability DB, Java DB and checks bundle under one cache dir.
  trivy: (config) => config.trivy.cacheDir,
  grype: (config) => config.grype.dbCacheDir,
};

/**
 * What an install is made of, as a short digest: the tool's pinned spec (release digests, module
 * or package versions) and, for a PyPI tool, its hash lock. A new lock or pin is a new cache
 * entry, never a restore of a venv installed from the old one.
 */
export function installDigest(manifest: Manifest, tool: string): string {
  const spec = manifest.tools[tool];
  const lock = spec?.registry?.kind === 'pypi' ? spec.registry.requirements : undefined;
  // The lock's content counts, not where the action happens to be checked out.
  const pinned = lock
    ? { ...spec, registry: { ...spec?.registry, requirements: path.basename(lock) } }
    : spec;
  const hash = createHash('sha256').update(JSON.stringify(pinned ?? null));
  if (lock) {
    try {
      hash.update(readFileSync(lock));
    } catch {
      hash.update('no lock file');
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The caches for a scan: each scanner's install (keyed by its pinned version, the platform and
 * the digest of what it is installed from)
 * and each database scanner's DB (keyed by tool version, platform and date, falling back to the
 * newest earlier day's). Matrix legs with the same scanners compute the same keys.
 */
export function cacheSpecs(
  config: ScanConfig,
  manifest: Manifest,
  options: { platform: string; date: Date },
): CacheSpec[] {
  const tools = [
    ...new Set(config.scanners.map((name) => adapterNamed(name)?.tool ?? name)),
  ].sort();
  const specs: CacheSpec[] = [];
  // One entry per tool: a matrix leg restores only its own scanners, and legs share entries.
  for (const tool of tools) {
    const version = manifest.tools[tool]?.version;
    if (!version) continue;
    specs.push({
      label: `${tool} ${version} binary`,
      paths: [toolDir(config.toolCache, tool, version)],
      key: `scanfold-tool-${tool}-${version}-${options.platform}-${installDigest(manifest, tool)}`,
      restoreKeys: [],
    });
  }
  const day = options.date.toISOString().slice(0, 10);
  for (const tool of tools) {
    const dir = DATABASE_DIRS[tool]?.(config);
    if (!dir) continue;
    const prefix = `scanfold-db-${tool}-${manifest.tools[tool]?.version ?? '?'}-${options.platform}-`;
    specs.push({
      label: `${tool} database`,
      paths: [dir],
      key: `${prefix}${day}`,
      restoreKeys: [prefix],
    });
  }
  return specs;
}

/** Restore every cache; a miss or a broken cache service is a log line, never a failure. */
export async function restoreCaches(
  client: CacheClient,
  specs: readonly CacheSpec[],
  logger: Logger,
): Promise<CacheState[]> {
  return Promise.all(
    specs.map(async (spec): Promise<CacheState> => {
      try {
        const restoredKey = await client.restoreCache([...spec.paths], spec.key, [
          ...spec.restoreKeys,
        ]);
        logger.info(
          restoredKey === undefined
            ? `cache: no ${spec.label} cached yet (${spec.key})`
            : `cache: restored ${spec.label} from ${restoredKey}${restoredKey === spec.key ? '' : ' (an earlier entry)'}`,
        );
        return { spec, restoredKey };
      } catch (error) {
        logger.info(
          `cache: ${spec.label} not restored (${errorMessage(error)}); scanning without it`,
        );
        return { spec, restoredKey: undefined };
      }
    }),
  );
}

async function hasFiles(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (entries) => entries.length > 0,
    () => false,
  );
}

/**
 * Save what was not restored under its exact key (entries are immutable), all at once: a cache
 * service that answers 5xx is retried by @actions/cache for about 40 s per call, which should be
 * paid once, not once per cache. Errors are log lines.
 */
export async function saveCaches(
  client: CacheClient,
  states: readonly CacheState[],
  logger: Logger,
): Promise<void> {
  await Promise.all(
    states.map(async ({ spec, restoredKey }) => {
      if (restoredKey === spec.key) return;
      // The cache version hashes the paths: save exactly the paths a restore asks for.
      if (!(await Promise.all(spec.paths.map(hasFiles))).every(Boolean)) return;
      try {
        const id = await client.saveCache([...spec.paths], spec.key);
        logger.info(
          id > 0
            ? `cache: saved ${spec.label} as ${spec.key}`
            : `cache: ${spec.label} not saved as ${spec.key} (the key is taken or the cache service refused it; see the warning above)`,
        );
      } catch (error) {
        logger.info(`cache: ${spec.label} not saved (${errorMessage(error)})`);
      }
    }),
  );
}
