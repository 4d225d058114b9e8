import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { SeveritySchema } from '../model/finding.ts';
import type { ImageTarget } from '../plan/image.ts';
import { SCANNER_NAMES, TOOL_SETTINGS } from '../scanners/registry.ts';
import type { ScannerName, ToolSections, ToolSettingsConfig } from '../scanners/registry.ts';

export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;
export const FailOnSchema = z.enum(FAIL_ON);
export type FailOn = z.infer<typeof FailOnSchema>;

export const FAIL_ON_SCOPES = ['new', 'all'] as const;
export const FailOnScopeSchema = z.enum(FAIL_ON_SCOPES);
export type FailOnScope = z.infer<typeof FailOnScopeSchema>;

/** A calendar day, `2027-03-31`: the suppression applies through the end of that day (UTC). */
const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-31')
  .refine((day) => {
    const time = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
  }, 'is not a real date');

/** One accepted risk: every matcher given must match; a reason is required. */
export const SuppressionSchema = z
  .object({
    rule: z
      .string()
      .min(1)
      .optional()
      .describe('Rule id, e.g. CKV_DOCKER_2 (any tool of the finding)'),
    fingerprint: z
      .string()
      .min(8)
      .optional()
      .describe('Finding fingerprint (or a prefix of at least 8 characters), or its SF- id'),
    cve: z.string().min(1).optional().describe('CVE or GHSA id; aliases of the advisory match too'),
    path: z.string().min(1).optional().describe('Glob on the finding path, e.g. test/**'),
    tool: z.string().min(1).optional().describe('Scanner that reported it, e.g. semgrep'),
    reason: z.string().trim().min(1).describe('Why the risk is accepted (ticket, owner)'),
    expires: DaySchema.optional().describe(
      'Last day it applies (YYYY-MM-DD); afterwards it is reported as expired',
    ),
  })
  .strict()
  .refine(
    (entry) => Boolean(entry.rule ?? entry.fingerprint ?? entry.cve ?? entry.path ?? entry.tool),
    { message: 'needs at least one of rule, fingerprint, cve, path, tool' },
  );
export type SuppressionRule = z.infer<typeof SuppressionSchema>;

export const LicensePolicySchema = z
  .object({
    deny: z
      .array(z.string().min(1))
      .describe('SPDX ids or expressions; a component whose licence satisfies one is denied'),
    allow: z
      .array(z.string().min(1))
      .describe('When set, only licences satisfying one of these are allowed'),
    severity: SeveritySchema.describe('Severity of a licence finding (default: medium)'),
    unknown: z
      .enum(['flag', 'ignore'])
      .describe('A component without a recognisable licence: flag (default) or ignore'),
  })
  .partial()
  .strict();
export type LicensePolicy = z.infer<typeof LicensePolicySchema>;

export function defaultToolCache(): string {
  if (process.env.SCANFOLD_TOOL_CACHE) return path.resolve(process.env.SCANFOLD_TOOL_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scanfold', 'tools');
}

/** Settings of scanfold itself; each tool's own section comes from its adapter (TOOL_SETTINGS). */
const SCANFOLD_SETTINGS = {
  scanners: z.array(z.enum(SCANNER_NAMES)).min(1),
  failOn: FailOnSchema,
  failOnScope: FailOnScopeSchema.describe(
    'Which findings the gate counts: new (vs the baseline) or all. Default: new with a baseline, else all',
  ),
  baseline: z.string().min(1).describe('A previous report.json to compare with'),
  suppressions: z.array(SuppressionSchema),
  licenses: LicensePolicySchema,
  retries: z.number().int().min(0).max(10),
  timeoutMinutes: z.number().positive().max(360),
  concurrency: z.number().int().min(1).max(64),
  outputDir: z.string().min(1),
  offline: z.boolean(),
  exclude: z.array(z.string()),
  /** Container images to scan besides the directory (see plan/image.ts for the forms). */
  images: z.array(z.string().min(1)),
};

/** Settings that may come from the config file; inputs/flags override them. */
export type FileConfig = Partial<z.infer<z.ZodObject<typeof SCANFOLD_SETTINGS>>> & ToolSections;

/** The config file's schema: scanfold's settings, then each tool's section in registry order. */
export const FileConfigSchema: z.ZodType<FileConfig> = z
  .object({
    ...SCANFOLD_SETTINGS,
    ...Object.fromEntries(TOOL_SETTINGS.map((settings) => [settings.key, settings.schema])),
  })
  .partial()
  .strict();

/** Resolved settings; each tool's are under its settings key (`config.trivy`, …), typed by its adapter. */
export interface ScanConfig extends ToolSettingsConfig {
  readonly root: string;
  readonly scanners: readonly ScannerName[];
  readonly failOn: FailOn;
  /** Undefined: decided by whether a baseline was found. */
  readonly failOnScope: FailOnScope | undefined;
  readonly baseline: string | undefined;
  readonly suppressions: readonly SuppressionRule[];
  readonly licenses: LicensePolicy;
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
}
