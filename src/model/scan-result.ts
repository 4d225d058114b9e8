import { z } from 'zod';
import { FindingSchema, LocationSchema, SeveritySchema, CategorySchema } from './finding.ts';

export const ScannerStatusSchema = z.enum(['ok', 'failed', 'timed-out', 'skipped']);
export type ScannerStatus = z.infer<typeof ScannerStatusSchema>;

export const ScannerReportSchema = z.object({
  /** A scanner of scanfold's registry (src/scanners/registry.ts). */
  name: z.string().min(1),
  status: ScannerStatusSchema,
  version: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  findings: z.number().int().nonnegative(),
  /** Raw output files kept under raw/, relative to the output dir. */
  outputs: z.array(z.string()),
  message: z.string().optional(),
  stderrTail: z.array(z.string()).optional(),
  notes: z.array(z.string()).optional(),
  /** How the scanner binary was obtained and verified, with the digest that passed. */
  install: z
    .object({
      source: z.enum(['path', 'cache', 'download', 'registry']),
      verifiedBy: z
        .enum(['pinned-sha256', 'release-checksums', 'pip-require-hashes', 'go-sum', 'unverified'])
        .optional(),
      sha256: z.string().optional(),
    })
    .optional(),
});
export type ScannerReport = z.infer<typeof ScannerReportSchema>;

const countsBy = <K extends z.ZodEnum>(keys: K) => z.record(keys, z.number().int().nonnegative());

export const TruncationSchema = z.object({
  tool: z.string(),
  kept: z.number().int(),
  omitted: z.number().int(),
  reason: z.string(),
});

/** A baseline finding that is gone from this run. */
export const FixedFindingSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  ruleId: z.string(),
  title: z.string().optional(),
  category: CategorySchema,
  severity: SeveritySchema,
  location: LocationSchema,
  tools: z.array(z.string()),
});
export type FixedFinding = z.infer<typeof FixedFindingSchema>;

export const BaselineInfoSchema = z.object({
  file: z.string(),
  generatedAt: z.string().optional(),
  /** False when the baseline came from another scanner set or settings (see reason). */
  comparable: z.boolean(),
  reason: z.string().optional(),
  /** Baseline findings of scanners that did not complete this run: neither fixed nor still open. */
  notRechecked: z.number().int().nonnegative(),
  /** Files git saw renamed since the baseline's commit; their findings stay unchanged. */
  renames: z.number().int().nonnegative(),
});
export type BaselineInfo = z.infer<typeof BaselineInfoSchema>;

export const SuppressionEntrySchema = z.object({
  index: z.number().int().nonnegative().describe('Position in the config suppressions list'),
  rule: z.string().optional(),
  fingerprint: z.string().optional(),
  cve: z.string().optional(),
  path: z.string().optional(),
  tool: z.string().optional(),
  reason: z.string(),
  expires: z.string().optional(),
});

export const SuppressionsReportSchema = z.object({
  active: z.array(z.object({ suppression: SuppressionEntrySchema, findings: z.array(z.string()) })),
  expired: z.array(
    z.object({
      suppression: SuppressionEntrySchema,
      findings: z.array(z.string()).describe('Findings it would have matched'),
    }),
  ),
  unused: z.array(z.object({ suppression: SuppressionEntrySchema })),
});
export type SuppressionsReport = z.infer<typeof SuppressionsReportSchema>;

export const ControlStatusSchema = z.enum(['pass', 'fail', 'not-assessed']);
export type ControlStatus = z.infer<typeof ControlStatusSchema>;

export const FrameworkSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  source: z.string(),
  license: z.string(),
  controls: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: ControlStatusSchema,
      findings: z.array(z.string()),
      /** Checks of this control that ran and passed, e.g. `checkov:CKV_DOCKER_3`. */
      passed: z.array(z.string()).optional(),
    }),
  ),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal('1.0.0'),
  tool: z.object({ name: z.literal('scanfold'), version: z.string() }),
  generatedAt: z.string(),
  root: z.string(),
  summary: z.object({
    total: z.number().int().nonnegative(),
    bySeverity: countsBy(SeveritySchema),
    byCategory: countsBy(CategorySchema),
    byTool: z.record(z.string(), z.number().int().nonnegative()),
    inputResults: z.number().int().nonnegative(),
    duplicatesMerged: z.number().int().nonnegative(),
    new: z.number().int().nonnegative().optional(),
    unchanged: z.number().int().nonnegative().optional(),
    fixed: z.number().int().nonnegative().optional(),
    suppressed: z.number().int().nonnegative().optional(),
  }),
  gate: z.object({
    failOn: z.enum(['critical', 'high', 'medium', 'low', 'none']),
    scope: z.enum(['new', 'all']).optional(),
    result: z.enum(['passed', 'failed']),
    reason: z.string(),
  }),
  /** Where the scanned code came from, when known. */
  git: z
    .object({
      repository: z.string().optional(),
      commit: z.string().optional(),
      ref: z.string().optional(),
      runUrl: z.string().optional(),
    })
    .optional(),
  /** The scanner set and a digest of the settings that change results, to compare baselines. */
  settings: z.object({ scanners: z.array(z.string()), digest: z.string() }).optional(),
  scanners: z.array(ScannerReportSchema),
  findings: z.array(FindingSchema),
  baseline: BaselineInfoSchema.optional(),
  fixed: z.array(FixedFindingSchema).optional(),
  suppressions: SuppressionsReportSchema.optional(),
  compliance: z.object({ frameworks: z.array(FrameworkSchema) }).optional(),
  /** The licence policy over the SBOM's components: what it denied, what it could not read. */
  licenses: z
    .object({
      components: z.number().int().nonnegative(),
      denied: z.array(
        z.object({
          name: z.string(),
          version: z.string().optional(),
          license: z.string(),
          reason: z.string(),
        }),
      ),
      unknown: z.array(
        z.object({ name: z.string(), version: z.string().optional(), license: z.string() }),
      ),
      undeclared: z.number().int().nonnegative(),
      deny: z.array(z.string()),
      allow: z.array(z.string()).optional(),
    })
    .optional(),
  sbom: z
    .object({
      components: z.number().int().nonnegative(),
      uniquePurls: z.number().int().nonnegative(),
      licenses: z.array(z.string()),
    })
    .optional(),
  truncated: z.array(TruncationSchema),
  errors: z.array(z.string()),
  manifest: z.record(z.string(), z.string()).describe('SHA-256 of every output file, by path'),
});
export type Report = z.infer<typeof ReportSchema>;
