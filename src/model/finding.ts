import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const CATEGORIES = ['vulnerability', 'secret', 'code', 'iac', 'license', 'sbom'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Points back at the exact input result a finding came from. */
export const SourceSchema = z.object({
  tool: z.string(),
  ruleId: z.string(),
  file: z.string().describe('Input file (raw output) the result was read from'),
  runIndex: z.number().int().nonnegative(),
  resultIndex: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof SourceSchema>;

export const LocationSchema = z.object({
  path: z.string(),
  startLine: z.number().int().optional(),
  endLine: z.number().int().optional(),
  startColumn: z.number().int().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const PackageSchema = z.object({
  name: z.string(),
  version: z.string().optional(),
  fixedVersion: z.string().optional(),
  purl: z.string().optional(),
  ecosystem: z.string().optional(),
});
export type Package = z.infer<typeof PackageSchema>;

/** The container image a finding was found in, and the layer that brought it in. */
export const ImageSchema = z.object({
  ref: z.string().describe('The image as given to --image / the image input'),
  layer: z
    .object({
      digest: z.string().optional(),
      diffId: z.string().optional(),
      createdBy: z.string().optional().describe('The Dockerfile instruction that made the layer'),
    })
    .optional(),
});
export type Image = z.infer<typeof ImageSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  /** Set when the tool rated nothing and the severity is borrowed, e.g. "Trivy AWS-0089" (its twin check). */
  severitySource: z.string().optional(),
  ruleId: z.string(),
  title: z.string(),
  message: z.string(),
  helpUri: z.string().optional(),
  tools: z.array(z.string()).min(1),
  sources: z.array(SourceSchema).min(1),
  location: LocationSchema,
  /** Every distinct location when the finding groups several (one advisory at several lockfiles); the first is `location`. */
  locations: z.array(LocationSchema).optional(),
  cwe: z.array(z.string()),
  package: PackageSchema.optional(),
  cve: z.string().optional(),
  ghsa: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  cvss: z.number().optional(),
  /**
   * Whether the vulnerable code is reachable from the project's code, where a reachability analysis
   * (govulncheck) looked at this package and advisory: true = called, false = imported or required
   * but never called. Unset where nothing analysed it.
   */
  reachable: z.boolean().optional(),
  /** Set for findings in a scanned container image; unset for the directory's own files. */
  image: ImageSchema.optional(),
  /** Suppressed at the source (e.g. `nosemgrep`, a SARIF `suppressions` entry): reported, never gating. */
  suppressed: z.boolean().optional(),
  /** A secret found in git history: the commit it was found in (Gitleaks' `commitSha`). */
  commit: z.string().optional(),
  /** That secret is no longer at this place in the scanned tree (file or value gone since). */
  removedSince: z.boolean().optional(),
  /** Who accepted the risk and why: a config suppression or the tool's own ignore comment. */
  suppression: z
    .object({
      /** config: .scanfold.yml; inline: the tool's ignore comment; policy: a licence the licence policy allows. */
      source: z.enum(['config', 'inline', 'policy']),
      reason: z.string(),
      expires: z.string().optional(),
    })
    .optional(),
  /** Compared with the baseline report, when one was given. */
  baseline: z.enum(['new', 'unchanged']).optional(),
  /** Compliance controls this finding falls under, e.g. `owasp-top10-2021:A03`. */
  compliance: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const severityRank: Record<Severity, number> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};
