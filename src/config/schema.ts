import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ImageTarget } from '../plan/image.ts';
import { SCANNER_NAMES } from '../scanners/registry.ts';
import type { ScannerName } from '../scanners/registry.ts';

export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;
export const FailOnSchema = z.enum(FAIL_ON);
export type FailOn = z.infer<typeof FailOnSchema>;

export const TRIVY_SCANNERS = ['vuln', 'misconfig', 'secret', 'license'] as const;

export function defaultToolCache(): string {
  if (process.env.SCANFOLD_TOOL_CACHE) return path.resolve(process.env.SCANFOLD_TOOL_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scanfold', 'tools');
}

/** Settings that may come from the config file; inputs/flags override them. */
export const FileConfigSchema = z
  .object({
    scanners: z.array(z.enum(SCANNER_NAMES)).min(1),
    failOn: FailOnSchema,
    retries: z.number().int().min(0).max(10),
    timeoutMinutes: z.number().positive().max(360),
    concurrency: z.number().int().min(1).max(64),
    outputDir: z.string().min(1),
    offline: z.boolean(),
    exclude: z.array(z.string()),
    /** Container images to scan besides the directory (see plan/image.ts for the forms). */
    images: z.array(z.string().min(1)),
    trivy: z
      .object({
        scanners: z.array(z.enum(TRIVY_SCANNERS)).min(1),
        dbRepositories: z.array(z.string().min(1)),
        cacheDir: z.string(),
      })
      .partial()
      .strict(),
    grype: z.object({ dbCacheDir: z.string(), dbUpdateUrl: z.string().url() }).partial().strict(),
    /** Local OSV data (tools/testdb/osv layout): osv-scalibr/<Ecosystem>/all.zip, govulndb/. */
    osv: z.object({ dbDir: z.string() }).partial().strict(),
    semgrep: z
      .object({ config: z.array(z.string().min(1)).min(1) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type FileConfig = z.infer<typeof FileConfigSchema>;

export interface ScanConfig {
  readonly root: string;
  readonly scanners: readonly ScannerName[];
  readonly failOn: FailOn;
  readonly retries: number;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly outputDir: string;
  readonly offline: boolean;
  readonly exclude: readonly string[];
  readonly images: readonly ImageTarget[];
  readonly toolCache: string;
  readonly retryBaseMs: number;
  readonly retryCapMs: number;
  readonly trivy: {
    readonly scanners: readonly (typeof TRIVY_SCANNERS)[number][];
    readonly dbRepositories: readonly string[];
    readonly cacheDir: string;
  };
  readonly grype: { readonly dbCacheDir: string; readonly dbUpdateUrl: string | undefined };
  readonly semgrep: {
    /** Rulesets to run: the user's, or the bundled offline ruleset. */
    readonly config: readonly string[];
    /** Registry rulesets run instead when online; empty when the user chose rulesets. */
    readonly registry: readonly string[];
  };
  readonly osv: { readonly dbDir: string | undefined };
}
