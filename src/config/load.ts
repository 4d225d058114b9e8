import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { SCANNER_NAMES } from '../scanners/registry.ts';
import { SEMGREP_REGISTRY_RULESETS } from '../scanners/semgrep.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { checkLocalImage, parseImageRef } from '../plan/image.ts';
import { packageRoot } from './package-root.ts';
import { defaultToolCache, FileConfigSchema, TRIVY_SCANNERS } from './schema.ts';
import type { FileConfig, ScanConfig } from './schema.ts';

const DEFAULT_CONFIG_FILES = ['.scanfold.yml', '.scanfold.yaml', '.scanfold.json'];

export interface ConfigRequest {
  root: string;
  /** Explicit config file; relative paths resolve against the scanned root. */
  configFile?: string | undefined;
  /** Values from action inputs or CLI flags; they override the file. */
  overrides?: FileConfig;
  toolCache?: string | undefined;
  retryBaseMs?: number | undefined;
}

export function formatZodIssues(where: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function readConfigFile(file: string): FileConfig {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`config file ${file}: cannot be read: ${errorMessage(error)}`);
  }
  const parsed = FileConfigSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new ConfigurationError(formatZodIssues(`config file ${file}`, parsed.error));
  return parsed.data;
}

function findConfigFile(root: string, explicit: string | undefined): string | undefined {
  if (explicit) {
    const file = path.resolve(root, explicit);
    if (!existsSync(file)) throw new ConfigurationError(`config file ${file}: not found`);
    return file;
  }
  return DEFAULT_CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
}

export function bundledSemgrepRules(): string {
  return path.join(packageRoot(), 'rules', 'semgrep', 'scanfold.yml');
}

/** Merge file config and overrides into one frozen, fully-defaulted config. */
export function resolveConfig(request: ConfigRequest): ScanConfig {
  const root = path.resolve(request.root);
  if (!existsSync(root)) throw new ConfigurationError(`path ${root}: does not exist`);
  const configFile = findConfigFile(root, request.configFile);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const overrides = request.overrides ?? {};
  const merged: FileConfig = {
    ...fromFile,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    trivy: { ...fromFile.trivy, ...overrides.trivy },
    grype: { ...fromFile.grype, ...overrides.grype },
    semgrep: { ...fromFile.semgrep, ...overrides.semgrep },
    osv: { ...fromFile.osv, ...overrides.osv },
  };
  const checked = FileConfigSchema.safeParse(merged);
  if (!checked.success)
    throw new ConfigurationError(formatZodIssues('configuration', checked.error));
  const c = checked.data;
  const cacheBase = path.join(os.homedir(), '.cache', 'scanfold');
  const config: ScanConfig = {
    root,
    scanners: c.scanners ?? SCANNER_NAMES,
    failOn: c.failOn ?? 'high',
    retries: c.retries ?? 2,
    timeoutMs: Math.round((c.timeoutMinutes ?? 15) * 60_000),
    concurrency: c.concurrency ?? os.availableParallelism(),
    outputDir: path.resolve(root, c.outputDir ?? 'scanfold-results'),
    offline: c.offline ?? false,
    exclude: c.exclude ?? [],
    images: [...new Set(c.images ?? [])].map((ref) => {
      const image = parseImageRef(ref, root);
      checkLocalImage(image);
      return image;
    }),
    toolCache: request.toolCache ?? defaultToolCache(),
    retryBaseMs: request.retryBaseMs ?? 2_000,
    retryCapMs: 60_000,
    trivy: {
      scanners: c.trivy?.scanners ?? TRIVY_SCANNERS,
      dbRepositories: c.trivy?.dbRepositories ?? [],
      cacheDir: path.resolve(root, c.trivy?.cacheDir ?? path.join(cacheBase, 'trivy')),
    },
    grype: {
      dbCacheDir: path.resolve(root, c.grype?.dbCacheDir ?? path.join(cacheBase, 'grype-db')),
      dbUpdateUrl: c.grype?.dbUpdateUrl,
    },
    osv: { dbDir: c.osv?.dbDir ? path.resolve(root, c.osv.dbDir) : undefined },
    semgrep: {
      config: (c.semgrep?.config ?? [bundledSemgrepRules()]).map((entry) =>
        existsSync(path.resolve(root, entry)) ? path.resolve(root, entry) : entry,
      ),
      registry: c.semgrep?.config ? [] : SEMGREP_REGISTRY_RULESETS,
    },
  };
  return Object.freeze(config);
}
