import { z } from 'zod';
import { FindingSchema, SeveritySchema, CategorySchema } from './finding.ts';

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
});
export type ScannerReport = z.infer<typeof ScannerReportSchema>;

const countsBy = <K extends z.ZodEnum>(keys: K) => z.record(keys, z.number().int().nonnegative());

export const TruncationSchema = z.object({
  tool: z.string(),
  kept: z.number().int(),
  omitted: z.number().int(),
  reason: z.string(),
});

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
  }),
  gate: z.object({
    failOn: z.enum(['critical', 'high', 'medium', 'low', 'none']),
    result: z.enum(['passed', 'failed']),
    reason: z.string(),
  }),
  scanners: z.array(ScannerReportSchema),
  findings: z.array(FindingSchema),
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
