import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { PassedCheck, ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { explainWith, fieldsOf, firstSemver, parseOutputs } from './common.ts';
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
        repo_file_path: z.string().optional(),
        file_line_range: z.array(z.number()).optional(),
        resource: z.string().optional(),
        guideline: z.string().nullish(),
        severity: z.string().nullish(),
      }),
    ),
  }),
});

const CheckovPassedSchema = z.looseObject({
  results: z.looseObject({
    passed_checks: z
      .array(
        z.looseObject({
          check_id: z.string(),
          file_path: z.string(),
          repo_file_path: z.string().optional(),
          resource: z.string().nullish(),
        }),
      )
      .optional(),
  }),
});

/**
 * A check's file, relative to the scanned repository: `repo_file_path` ("/terraform/main.tf"), which
 * Checkov's own SARIF uses too, rather than `file_path`, which is relative to the `-d` directory
 * ("/main.tf" for `checkov -d terraform`). Both start with "/".
 */
function checkovFile(check: { file_path: string; repo_file_path?: string | undefined }): string {
  return (check.repo_file_path || check.file_path).replace(/^\//, '');
}

/**
 * Checkov's JSON (one report, or one per framework) lists `passed_checks` when it runs without
 * --quiet; SARIF never carries them.
 */
export function checkovPassedChecks(data: unknown): PassedCheck[] {
  const reports = z
    .union([CheckovPassedSchema.transform((r) => [r]), z.array(CheckovPassedSchema)])
    .safeParse(data);
  if (!reports.success) return [];
  return reports.data.flatMap((report) =>
    (report.results.passed_checks ?? []).map((check) => ({
      checkId: check.check_id,
      file: checkovFile(check),
      ...(check.resource ? { resource: check.resource } : {}),
    })),
  );
}

/** What `checkov -o json` prints when it found nothing to scan: counts only, all zero. */
const CheckovNothingScannedSchema = z.looseObject({
  checkov_version: z.string(),
  resource_count: z.literal(0),
  failed: z.literal(0),
  passed: z.number(),
  skipped: z.number(),
  parsing_errors: z.number().default(0),
});

function checkovJsonToSarif(data: unknown): Log | undefined {
  const nothing = CheckovNothingScannedSchema.safeParse(data);
  if (nothing.success) {
    const log = sarifLog('Checkov', nothing.data.checkov_version, new Map(), []);
    const unparsed = nothing.data.parsing_errors;
    // Files it could not parse were not checked: a run that failed, never a clean one.
    if (unparsed > 0)
      for (const run of log.runs)
        run.invocations = [
          {
            executionSuccessful: false,
            toolExecutionNotifications: [
              { level: 'error', message: { text: `${unparsed} file(s) could not be parsed` } },
            ],
          },
        ];
    return log;
  }
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
          checkovFile(check),
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
export const TRIVY_TWINS: readonly (readonly [string, readonly string[]])[] = [
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
  // Kubernetes workloads (Checkov's manifest checks, not its PodSecurityPolicy ones)
  ['KSV-1', ['CKV_K8S_20']], // allowPrivilegeEscalation
  ['KSV-5', ['CKV_K8S_39']], // SYS_ADMIN capability
  ['KSV-6', ['CKV_K8S_27']], // docker.sock mounted
  ['KSV-8', ['CKV_K8S_18']], // host IPC
  ['KSV-9', ['CKV_K8S_19']], // host network
  ['KSV-10', ['CKV_K8S_17']], // host PID
  ['KSV-11', ['CKV_K8S_11']], // CPU limits
  ['KSV-12', ['CKV_K8S_23']], // runs as root
  ['KSV-13', ['CKV_K8S_14']], // image tag :latest
  ['KSV-14', ['CKV_K8S_22']], // read-only root filesystem
  ['KSV-15', ['CKV_K8S_10']], // CPU requests
  ['KSV-16', ['CKV_K8S_12']], // memory requests
  ['KSV-17', ['CKV_K8S_16']], // privileged
  ['KSV-18', ['CKV_K8S_13']], // memory limits
  ['KSV-20', ['CKV_K8S_40']], // low UID
  ['KSV-22', ['CKV_K8S_25']], // capabilities added
  ['KSV-24', ['CKV_K8S_26']], // hostPort
  ['KSV-30', ['CKV_K8S_31']], // seccomp profile
  ['KSV-36', ['CKV_K8S_38']], // service account token mounted
  ['KSV-102', ['CKV_K8S_34']], // Tiller deployed
  ['KSV-110', ['CKV_K8S_21']], // default namespace
  ['KSV-114', ['CKV_K8S_155']], // control over admission webhook configurations
  // Azure (Terraform)
  ['AZU-1', ['CKV_AZURE_17']], // web app client certificates
  ['AZU-3', ['CKV_AZURE_13']], // App Service authentication
  ['AZU-4', ['CKV_AZURE_70']], // Function App HTTPS only
  ['AZU-5', ['CKV_AZURE_18']], // web app latest HTTP version
  ['AZU-6', ['CKV_AZURE_15']], // web app latest TLS
  ['AZU-7', ['CKV_AZURE_34']], // blob container public access
  ['AZU-8', ['CKV_AZURE_3']], // storage secure transfer (HTTPS only)
  ['AZU-9', ['CKV_AZURE_33']], // queue service logging
  ['AZU-10', ['CKV_AZURE_36']], // trusted Microsoft services bypass
  ['AZU-11', ['CKV_AZURE_44']], // storage minimum TLS
  ['AZU-12', ['CKV_AZURE_35']], // storage network default deny
  ['AZU-14', ['CKV_AZURE_40']], // key expiration
  ['AZU-16', ['CKV_AZURE_110']], // key vault purge protection
  ['AZU-17', ['CKV_AZURE_41']], // secret expiration
  ['AZU-19', ['CKV_AZURE_31']], // PostgreSQL log_connections
  ['AZU-20', ['CKV_AZURE_28', 'CKV_AZURE_29']], // database SSL enforced (MySQL, PostgreSQL)
  ['AZU-21', ['CKV_AZURE_32']], // PostgreSQL connection_throttling
  ['AZU-24', ['CKV_AZURE_30']], // PostgreSQL log_checkpoints
  ['AZU-31', ['CKV_AZURE_37']], // activity log retention a year
  ['AZU-33', ['CKV_AZURE_38']], // log profile captures all activities
  ['AZU-34', ['CKV_AZURE_58']], // Synapse managed virtual network
  ['AZU-35', ['CKV_AZURE_104']], // Data Factory public access
  ['AZU-37', ['CKV_AZURE_45']], // credentials in VM custom_data
  ['AZU-38', ['CKV_AZURE_2']], // managed disk encryption
  ['AZU-39', ['CKV_AZURE_149']], // VM password authentication
  ['AZU-40', ['CKV_AZURE_4']], // AKS logging to Azure Monitoring
  ['AZU-41', ['CKV_AZURE_6']], // AKS API server authorized IP ranges
  ['AZU-42', ['CKV_AZURE_5']], // AKS RBAC
  ['AZU-43', ['CKV_AZURE_7']], // AKS network policy
  ['AZU-45', ['CKV_AZURE_19']], // security center standard tier
  ['AZU-49', ['CKV_AZURE_12']], // flow log retention > 90 days
  ['AZU-62', ['CKV_AZURE_131']], // security contact email
  ['AZU-65', ['CKV_AZURE_115']], // AKS private cluster
  ['AZU-66', ['CKV_AZURE_116']], // AKS Azure Policy add-on
  ['AZU-67', ['CKV_AZURE_117']], // AKS disk encryption set
  ['AZU-72', ['CKV_AZURE_14']], // web app HTTPS only
  ['AZU-75', ['CKV_AZURE_118']], // NIC IP forwarding
  // Google Cloud (Terraform)
  ['GCP-1', ['CKV_GCP_28']], // bucket publicly accessible
  ['GCP-2', ['CKV_GCP_29']], // uniform bucket-level access
  ['GCP-10', ['CKV_GCP_27']], // default network
  ['GCP-13', ['CKV_GCP_16']], // DNSSEC
  ['GCP-15', ['CKV_GCP_6']], // Cloud SQL requires SSL
  ['GCP-17', ['CKV_GCP_11']], // Cloud SQL publicly exposed
  ['GCP-24', ['CKV_GCP_14']], // Cloud SQL backups
  ['GCP-30', ['CKV_GCP_32']], // project-wide SSH keys
  ['GCP-31', ['CKV_GCP_40']], // instance public IP
  ['GCP-43', ['CKV_GCP_36']], // IP forwarding
  ['GCP-44', ['CKV_GCP_30']], // default service account
  ['GCP-51', ['CKV_GCP_21']], // GKE labels
  ['GCP-52', ['CKV_GCP_8']], // GKE Stackdriver monitoring
  ['GCP-53', ['CKV_GCP_18']], // GKE control plane public
  ['GCP-54', ['CKV_GCP_22']], // GKE Container-Optimized OS
  ['GCP-55', ['CKV_GCP_71']], // shielded GKE nodes
  ['GCP-56', ['CKV_GCP_12']], // GKE network policy
  ['GCP-58', ['CKV_GCP_10']], // GKE automatic upgrade
  ['GCP-59', ['CKV_GCP_64']], // GKE private nodes
  ['GCP-60', ['CKV_GCP_1']], // GKE Stackdriver logging
  ['GCP-61', ['CKV_GCP_20']], // GKE master authorized networks
  ['GCP-63', ['CKV_GCP_9']], // GKE automatic repair
  ['GCP-65', ['CKV_GCP_43']], // KMS key rotation 90 days
  ['GCP-78', ['CKV_GCP_78']], // bucket versioning
];

export const CHECKOV_TWINS: ReadonlyMap<string, string> = new Map(
  TRIVY_TWINS.flatMap(([intent, checks]) => checks.map((check) => [check, intent] as const)),
);

/** Checkov's report, or its list of one report per framework: each names its `check_type`. */
const looksLikeCheckov = (data: unknown): boolean =>
  (Array.isArray(data) ? (data as unknown[]) : [data]).some(
    (report) => 'check_type' in fieldsOf(report),
  );
const explainReport = explainWith(CheckovReportSchema, looksLikeCheckov);
const explainReports = explainWith(z.array(CheckovReportSchema), looksLikeCheckov);

const CHECKOV_JSON = {
  label: 'Checkov JSON',
  toSarif: checkovJsonToSarif,
  explain: (data: unknown) => (Array.isArray(data) ? explainReports : explainReport)(data),
};

export const checkov: ScannerAdapter = {
  name: 'checkov',
  tool: 'checkov',
  typicalSeconds: 3.2,
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
    // No --quiet: it drops passed_checks from the JSON, which compliance needs as evidence that a
    // check ran. The SARIF lists failed checks either way. stdout (the CLI report, ~350 KB on the
    // example app) is not read; the reports go to files.
    args.push('--compact', '--soft-fail', '--skip-download');
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
  parse: (outputs) => parseOutputs(outputs, CHECKOV_JSON),
  ownsDriver: driverContains('checkov'),
  nativeJson: CHECKOV_JSON,
  passedChecks: checkovPassedChecks,
  categoryOf: (ruleId, tags) =>
    /^CKV2?_SECRET_/.test(ruleId) || tags.includes('secret') || tags.includes('secrets')
      ? 'secret'
      : 'iac',
  // Checkov's SARIF carries no severity (that needs a Prisma Cloud key).
  defaultSeverity: 'medium',
  iac: { intentOf: (ruleId) => CHECKOV_TWINS.get(ruleId), twins: CHECKOV_TWINS },
};
