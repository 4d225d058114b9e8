import type { Log, Result, ReportingDescriptor } from 'sarif';
import { z } from 'zod';
import { SCORE_FOR, severityFromWord } from '../normalize/severity.ts';
import {
  GrypeReportSchema,
  grypeMatchDetail,
  grypeRuleId,
  TrivyVulnerabilitySchema,
} from '../scanners/enrich.ts';

/** Native JSON formats, converted to SARIF so one merge path serves every input. */

function sarifLog(
  tool: string,
  version: string | undefined,
  rules: Map<string, ReportingDescriptor>,
  results: Result[],
): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: tool, ...(version ? { version } : {}), rules: [...rules.values()] },
        },
        results,
      },
    ],
  };
}

function rule(
  rules: Map<string, ReportingDescriptor>,
  id: string,
  make: () => ReportingDescriptor,
): void {
  if (!rules.has(id)) rules.set(id, make());
}

function location(
  path: string,
  startLine?: number,
  endLine?: number,
): NonNullable<Result['locations']> {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: path },
        ...(startLine && startLine > 0
          ? { region: { startLine, ...(endLine && endLine >= startLine ? { endLine } : {}) } }
          : {}),
      },
    },
  ];
}

function securitySeverity(word: string | undefined): Record<string, string> {
  const severity = severityFromWord(word);
  return severity ? { 'security-severity': SCORE_FOR[severity] } : {};
}

const TrivySchema = z.looseObject({
  SchemaVersion: z.number(),
  Results: z
    .array(
      z.looseObject({
        Target: z.string(),
        Class: z.string().optional(),
        Vulnerabilities: z.array(TrivyVulnerabilitySchema).nullish(),
        Misconfigurations: z
          .array(
            z.looseObject({
              ID: z.string(),
              AVDID: z.string().optional(),
              Title: z.string().optional(),
              Message: z.string().optional(),
              Severity: z.string().optional(),
              PrimaryURL: z.string().optional(),
              Status: z.string().optional(),
              CauseMetadata: z
                .looseObject({ StartLine: z.number().optional(), EndLine: z.number().optional() })
                .optional(),
            }),
          )
          .nullish(),
        Secrets: z
          .array(
            z.looseObject({
              RuleID: z.string(),
              Title: z.string().optional(),
              Severity: z.string().optional(),
              StartLine: z.number().optional(),
              EndLine: z.number().optional(),
            }),
          )
          .nullish(),
        Licenses: z
          .array(
            z.looseObject({
              Name: z.string(),
              PkgName: z.string().optional(),
              Severity: z.string().optional(),
              FilePath: z.string().optional(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

export function trivyJsonToSarif(data: unknown): Log | undefined {
  const parsed = TrivySchema.safeParse(data);
  if (!parsed.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const target of parsed.data.Results ?? []) {
    // OS package targets read "<image> (alpine 3.10.2)"; Trivy's SARIF drops the suffix, so do we.
    const targetPath =
      target.Class === 'os-pkgs' ? target.Target.replace(/ \([^)]*\)$/, '') : target.Target;
    for (const v of target.Vulnerabilities ?? []) {
      rule(rules, v.VulnerabilityID, () => ({
        id: v.VulnerabilityID,
        shortDescription: { text: v.Title ?? v.VulnerabilityID },
        ...(v.PrimaryURL ? { helpUri: v.PrimaryURL } : {}),
        properties: {
          tags: ['vulnerability', 'security', v.Severity ?? 'UNKNOWN', ...(v.CweIDs ?? [])],
          ...securitySeverity(v.Severity),
        },
      }));
      results.push({
        ruleId: v.VulnerabilityID,
        level: 'error',
        message: {
          text: `Package: ${v.PkgName}\nInstalled Version: ${v.InstalledVersion ?? ''}\nVulnerability ${v.VulnerabilityID}\nSeverity: ${v.Severity ?? 'UNKNOWN'}\nFixed Version: ${v.FixedVersion ?? ''}`,
        },
        locations: location(targetPath, 1),
        properties: {
          'scanfold/package': {
            name: v.PkgName,
            ...(v.InstalledVersion ? { version: v.InstalledVersion } : {}),
            ...(v.FixedVersion ? { fixedVersion: v.FixedVersion } : {}),
            ...(v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {}),
          },
          'scanfold/aliases': [v.VulnerabilityID, ...(v.VendorIDs ?? [])],
        },
      });
    }
    for (const m of target.Misconfigurations ?? []) {
      if (m.Status && m.Status !== 'FAIL') continue;
      rule(rules, m.ID, () => ({
        id: m.ID,
        shortDescription: { text: m.Title ?? m.ID },
        ...(m.PrimaryURL ? { helpUri: m.PrimaryURL } : {}),
        properties: {
          tags: ['misconfiguration', 'security', m.Severity ?? 'UNKNOWN'],
          ...securitySeverity(m.Severity),
        },
      }));
      results.push({
        ruleId: m.ID,
        message: { text: m.Message ?? m.Title ?? m.ID },
        locations: location(target.Target, m.CauseMetadata?.StartLine, m.CauseMetadata?.EndLine),
      });
    }
    for (const s of target.Secrets ?? []) {
      rule(rules, s.RuleID, () => ({
        id: s.RuleID,
        shortDescription: { text: s.Title ?? s.RuleID },
        properties: {
          tags: ['secret', 'security', s.Severity ?? 'UNKNOWN'],
          ...securitySeverity(s.Severity),
        },
      }));
      // The matched text is deliberately not copied: secrets never leave the raw file.
      results.push({
        ruleId: s.RuleID,
        message: { text: `Secret: ${s.Title ?? s.RuleID}` },
        locations: location(target.Target, s.StartLine, s.EndLine),
      });
    }
    for (const l of target.Licenses ?? []) {
      const id = `license-${l.Name}`;
      rule(rules, id, () => ({
        id,
        shortDescription: { text: `License ${l.Name}` },
        properties: { tags: ['license', l.Severity ?? 'UNKNOWN'], ...securitySeverity(l.Severity) },
      }));
      results.push({
        ruleId: id,
        message: { text: `${l.PkgName ?? l.FilePath ?? target.Target}: license ${l.Name}` },
        locations: location(l.FilePath ?? target.Target),
      });
    }
  }
  return sarifLog('Trivy', undefined, rules, results);
}

const GitleaksSchema = z.array(
  z.looseObject({
    RuleID: z.string(),
    Description: z.string().optional(),
    File: z.string(),
    StartLine: z.number().optional(),
    EndLine: z.number().optional(),
    Commit: z.string().optional(),
    Fingerprint: z.string().optional(),
  }),
);

export function gitleaksJsonToSarif(data: unknown): Log | undefined {
  const parsed = GitleaksSchema.safeParse(data);
  if (!parsed.success || parsed.data.length === 0 || !('RuleID' in (parsed.data[0] ?? {})))
    return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = parsed.data.map((leak) => {
    rule(rules, leak.RuleID, () => ({
      id: leak.RuleID,
      shortDescription: { text: leak.Description ?? leak.RuleID },
      properties: { tags: ['secret'] },
    }));
    return {
      ruleId: leak.RuleID,
      message: {
        text: `${leak.RuleID} has detected secret for file ${leak.File}${leak.Commit ? ` at commit ${leak.Commit}` : ''}.`,
      },
      locations: location(leak.File, leak.StartLine, leak.EndLine),
      ...(leak.Fingerprint
        ? { partialFingerprints: { 'gitleaks/fingerprint': leak.Fingerprint } }
        : {}),
    };
  });
  return sarifLog('gitleaks', undefined, rules, results);
}

const SemgrepSchema = z.looseObject({
  results: z.array(
    z.looseObject({
      check_id: z.string(),
      path: z.string(),
      start: z.looseObject({ line: z.number(), col: z.number().optional() }),
      end: z.looseObject({ line: z.number() }).optional(),
      extra: z.looseObject({
        message: z.string().optional(),
        severity: z.string().optional(),
        metadata: z.looseObject({}).optional(),
      }),
    }),
  ),
  version: z.string().optional(),
});

export function semgrepJsonToSarif(data: unknown): Log | undefined {
  const parsed = SemgrepSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const LEVEL: Record<string, Result.level> = { ERROR: 'error', WARNING: 'warning', INFO: 'note' };
  const results: Result[] = parsed.data.results.map((r) => {
    const cwe = r.extra.metadata?.cwe;
    rule(rules, r.check_id, () => ({
      id: r.check_id,
      shortDescription: { text: r.extra.message ?? r.check_id },
      defaultConfiguration: { level: LEVEL[r.extra.severity ?? ''] ?? 'warning' },
      properties: {
        tags: [
          'security',
          ...(Array.isArray(cwe) ? cwe.map(String) : typeof cwe === 'string' ? [cwe] : []),
        ],
      },
    }));
    return {
      ruleId: r.check_id,
      level: LEVEL[r.extra.severity ?? ''] ?? 'warning',
      message: { text: r.extra.message ?? r.check_id },
      locations: location(r.path, r.start.line, r.end?.line),
    };
  });
  return sarifLog('Semgrep', parsed.data.version, rules, results);
}

const CheckovReportSchema = z.looseObject({
  check_type: z.string(),
  results: z.looseObject({
    failed_checks: z.array(
      z.looseObject({
        check_id: z.string(),
        check_name: z.string().optional(),
        file_path: z.string(),
        file_line_range: z.array(z.number()).optional(),
        resource: z.string().optional(),
        guideline: z.string().nullish(),
        severity: z.string().nullish(),
      }),
    ),
  }),
});

export function checkovJsonToSarif(data: unknown): Log | undefined {
  const reports = z
    .union([CheckovReportSchema.transform((r) => [r]), z.array(CheckovReportSchema)])
    .safeParse(data);
  if (!reports.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const report of reports.data) {
    for (const check of report.results.failed_checks) {
      rule(rules, check.check_id, () => ({
        id: check.check_id,
        shortDescription: { text: check.check_name ?? check.check_id },
        ...(check.guideline ? { helpUri: check.guideline } : {}),
        properties: {
          tags: ['iac', report.check_type],
          ...securitySeverity(check.severity ?? undefined),
        },
      }));
      results.push({
        ruleId: check.check_id,
        level: 'error',
        message: {
          text: `${check.check_name ?? check.check_id}${check.resource ? ` (${check.resource})` : ''}`,
        },
        locations: location(
          check.file_path.replace(/^\//, ''),
          check.file_line_range?.[0],
          check.file_line_range?.[1],
        ),
      });
    }
  }
  return sarifLog('Checkov', undefined, rules, results);
}

export function grypeJsonToSarif(data: unknown): Log | undefined {
  const parsed = GrypeReportSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = parsed.data.matches.map((match) => {
    const { vulnerability, artifact } = match;
    const id = grypeRuleId(match);
    const score = Math.max(0, ...(vulnerability.cvss ?? []).map((c) => c.metrics.baseScore ?? 0));
    rule(rules, id, () => ({
      id,
      shortDescription: {
        text: `${vulnerability.id} ${vulnerability.severity ?? ''} vulnerability for ${artifact.name} package`,
      },
      ...(vulnerability.dataSource ? { helpUri: vulnerability.dataSource } : {}),
      properties:
        score > 0
          ? { 'security-severity': score.toFixed(1) }
          : securitySeverity(vulnerability.severity),
    }));
    const file = artifact.locations?.[0]?.path ?? '.';
    return {
      ruleId: id,
      message: {
        text: `A ${(vulnerability.severity ?? 'unknown').toLowerCase()} vulnerability in ${artifact.type ?? ''} package: ${artifact.name}, version ${artifact.version ?? ''} was found at: ${file}`,
      },
      locations: location(file, 1),
      properties: (() => {
        const detail = grypeMatchDetail(match);
        return {
          'scanfold/aliases': detail.aliases,
          'scanfold/package': detail.package,
          'scanfold/cwe': detail.cwe,
        };
      })(),
    };
  });
  return sarifLog('Grype', undefined, rules, results);
}
