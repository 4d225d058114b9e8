import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';
import { location, rule, sarifLog, securitySeverity } from './native-sarif.ts';

const IAC_FILE =
  /(^|\/)(Dockerfile[^/]*|[^/]+\.(tf|tf\.json|bicep|dockerfile)|Chart\.yaml|serverless\.ya?ml|template\.(ya?ml|json)|docker-compose[^/]*\.ya?ml|[^/]*\.(k8s|kube)\.ya?ml)$/i;
const KUBERNETES_DIR = /(^|\/)(k8s|kubernetes|manifests|helm|charts|\.github\/workflows)\//i;

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

function checkovJsonToSarif(data: unknown): Log | undefined {
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

/**
 * Checkov checks that test the same thing as a Trivy check, by Trivy's canonical id. Only these
 * merge across the two tools; any other misconfiguration from both is kept twice, since a looser
 * match would hide one.
 */
const TRIVY_TWINS: readonly (readonly [string, readonly string[]])[] = [
  ['DS-1', ['CKV_DOCKER_7']], // image tag :latest
  ['DS-2', ['CKV_DOCKER_3', 'CKV_DOCKER_8']], // runs as root
  ['DS-5', ['CKV_DOCKER_4']], // ADD instead of COPY
  ['DS-26', ['CKV_DOCKER_2']], // no HEALTHCHECK
  ['AWS-86', ['CKV_AWS_53']], // S3 block public ACLs
  ['AWS-87', ['CKV_AWS_54']], // S3 block public policy
  ['AWS-91', ['CKV_AWS_55']], // S3 ignore public ACLs
  ['AWS-93', ['CKV_AWS_56']], // S3 restrict public buckets
  ['AWS-94', ['CKV2_AWS_6']], // S3 public access block present
  ['AWS-88', ['CKV_AWS_19']], // S3 encryption at rest
  ['AWS-132', ['CKV_AWS_145']], // S3 encryption with a CMK
  ['AWS-89', ['CKV_AWS_18']], // S3 access logging
  ['AWS-90', ['CKV_AWS_21']], // S3 versioning
  ['AWS-92', ['CKV_AWS_20']], // S3 public ACL
  ['AWS-107', ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260']], // security group open to the world
  ['AWS-124', ['CKV_AWS_23']], // security group rule without description
];

export const CHECKOV_TWINS: ReadonlyMap<string, string> = new Map(
  TRIVY_TWINS.flatMap(([intent, checks]) => checks.map((check) => [check, intent] as const)),
);

export const checkov: ScannerAdapter = {
  name: 'checkov',
  tool: 'checkov',
  title: 'Checkov',
  categories: ['iac', 'secret'],
  description:
    'Terraform, Dockerfile, Kubernetes, CloudFormation, workflows; skipped when there is none',
  outputs: 'SARIF + JSON',
  env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_NO_OUTPUT_PROGRESS: '1', LOG_LEVEL: 'WARNING' },
  applies(_config, files) {
    const hit = files.some(
      (file) => IAC_FILE.test(file) || (KUBERNETES_DIR.test(file) && /\.ya?ml$/.test(file)),
    );
    return hit
      ? { applies: true }
      : { applies: false, reason: 'no infrastructure-as-code files found' };
  },
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const args = [
      '-d',
      '.',
      '--output',
      'sarif',
      '--output',
      'json',
      '--output-file-path',
      context.workDir,
    ];
    args.push('--quiet', '--compact', '--soft-fail', '--skip-download');
    for (const pattern of context.config.exclude) args.push('--skip-path', pattern);
    const exit = await context.exec(args);
    const outcome = outcomeOf(exit, [], { what: 'checkov' });
    if (outcome.kind !== 'ok') return outcome;
    // Checkov picks its own file names; give them scanfold's.
    const sarif = path.join(context.workDir, 'checkov.sarif');
    const json = path.join(context.workDir, 'checkov.json');
    await rename(path.join(context.workDir, 'results_sarif.sarif'), sarif);
    await rename(path.join(context.workDir, 'results_json.json'), json);
    return { kind: 'ok', files: [sarif, json] };
  },
  parse: parseByExtension,
  ownsDriver: driverContains('checkov'),
  nativeJson: { label: 'Checkov JSON', toSarif: checkovJsonToSarif },
  categoryOf: (ruleId, tags) =>
    /^CKV2?_SECRET_/.test(ruleId) || tags.includes('secret') || tags.includes('secrets')
      ? 'secret'
      : 'iac',
  // Checkov's SARIF carries no severity (that needs a Prisma Cloud key).
  defaultSeverity: 'medium',
  iac: { intentOf: (ruleId) => CHECKOV_TWINS.get(ruleId), twins: CHECKOV_TWINS },
};
