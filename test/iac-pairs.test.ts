/**
 * Trivy↔Checkov twins: every pair names the same check, judged from each tool's own metadata —
 * Trivy's check titles (src/scanners/trivy-checks.ts, generated from the trivy-checks module the
 * pinned Trivy builds with) and Checkov's check names, read from its installed package by its own
 * Python. Then: paired checks merge on one resource, and a Checkov-only finding borrows its twin's
 * severity and says so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { trivyChecksModule, trivyChecksSource } from '../scripts/trivy-checks.ts';
import { defaultToolCache } from '../src/config/schema.ts';
import { toolDir } from '../src/install/installer.ts';
import { loadManifest } from '../src/install/manifest.ts';
import { normalize } from '../src/normalize/index.ts';
import { TRIVY_TWINS } from '../src/scanners/checkov.ts';
import { normalizeTrivyCheckId } from '../src/scanners/trivy.ts';
import { TRIVY_CHECK_ROWS } from '../src/scanners/trivy-checks.ts';
import { REPO_ROOT } from './support/run-cli.ts';

/**
 * What makes each pair the same check: every pattern must match both Trivy's title and the
 * Checkov check's name. A new pair without an entry here fails the test.
 */
const SAME_CHECK: Record<string, readonly RegExp[]> = {
  'DS-1': [/latest/i, /tag/i],
  'DS-2': [/user/i],
  'DS-5': [/\bADD\b/, /\bCOPY\b/],
  'DS-26': [/HEALTHCHECK/],
  'AWS-86': [/block/i, /public/i, /ACL/],
  'AWS-87': [/block/i, /public/i, /policy/i],
  'AWS-88': [/S3/, /encrypt/i],
  'AWS-89': [/S3/, /logging/i],
  'AWS-90': [/S3/, /version/i],
  'AWS-91': [/ignore/i, /public/i, /ACL/],
  'AWS-92': [/S3/, /public|everyone/i],
  'AWS-93': [/restrict/i, /public/i, /bucket/i],
  'AWS-94': [/public.?access.?block/i],
  'AWS-107': [/security group/i, /ingress/i],
  'AWS-124': [/security group/i, /description/i],
  'AWS-132': [/S3/, /encrypt/i],
  'KSV-1': [/privilege/i],
  'KSV-5': [/SYS_ADMIN/],
  'KSV-6': [/docker/i, /sock/i],
  'KSV-8': [/host/i, /IPC/],
  'KSV-9': [/host/i, /network/i],
  'KSV-10': [/host/i, /PID|process ID/i],
  'KSV-11': [/CPU/, /limit/i],
  'KSV-12': [/root/i],
  'KSV-13': [/latest/i, /tag/i],
  'KSV-14': [/read-only/i],
  'KSV-15': [/CPU/, /request/i],
  'KSV-16': [/memory/i, /request/i],
  'KSV-17': [/privileged/i],
  'KSV-18': [/memory/i, /limit/i],
  'KSV-20': [/UID/],
  'KSV-22': [/capabilit/i, /added/i],
  'KSV-24': [/host ?port/i],
  'KSV-30': [/seccomp/i, /runtime\/default/i],
  'KSV-36': [/service account token/i],
  'KSV-102': [/Tiller/],
  'KSV-110': [/default namespace/i],
  'KSV-114': [/webhook ?configurations/i],
  'AZU-1': [/web app/i, /client certificate/i],
  'AZU-3': [/App Service/i, /authentication/i],
  'AZU-4': [/Function App/i, /HTTPS/],
  'AZU-5': [/web app/i, /HTTP version/i],
  'AZU-6': [/web app/i, /latest/i, /TLS/],
  'AZU-7': [/blob/i, /public/i],
  'AZU-8': [/secure|https/i, /only/i],
  'AZU-9': [/queue/i, /logging/i],
  'AZU-10': [/Trusted Microsoft Services/i],
  'AZU-11': [/storage account/i, /TLS/],
  'AZU-12': [/storage account/i, /network/i, /deny/i],
  'AZU-14': [/expiration date/i, /keys/i],
  'AZU-16': [/key vault/i, /purge protection/i],
  'AZU-17': [/secret/i, /expiration date/i],
  'AZU-19': [/log_connections/],
  'AZU-20': [/SSL/, /enforce/i],
  'AZU-21': [/connection_throttling/],
  'AZU-24': [/log_checkpoints/],
  'AZU-31': [/activity/i, /log/i, /retention/i],
  'AZU-33': [/profile captures all/i, /activities/i],
  'AZU-34': [/Synapse/i, /managed virtual network/i],
  'AZU-35': [/Data Factory/i, /public/i],
  'AZU-37': [/credentials/i, /custom_data/],
  'AZU-38': [/managed disk/i, /encryption/i],
  'AZU-39': [/password authentication/i, /virtual machine/i],
  'AZU-40': [/AKS logging/],
  'AZU-41': [/AKS/, /Authorized IP Ranges/i],
  'AZU-42': [/RBAC/, /AKS/],
  'AZU-43': [/AKS/, /Network Policy/i],
  'AZU-45': [/standard/i, /tier/i],
  'AZU-49': [/flow log/i, /retention/i, /90 days/i],
  'AZU-62': [/security contact email/i],
  'AZU-65': [/AKS/, /private cluster/i],
  'AZU-66': [/AKS/, /Azure Polic(y|ies) Add-on/i],
  'AZU-67': [/AKS/, /disk encryption set/i],
  'AZU-72': [/web app/i, /HTTPS/],
  'AZU-75': [/network interfaces/i, /IP forwarding/i],
  'GCP-1': [/Cloud Storage bucket/i, /public/i],
  'GCP-2': [/uniform bucket-level access/i],
  'GCP-10': [/default network/i, /project/i],
  'GCP-13': [/DNSSEC/, /Cloud DNS/],
  'GCP-15': [/SSL/, /SQL/],
  'GCP-17': [/SQL/, /publicly exposed|open to the world/i],
  'GCP-24': [/backup/i],
  'GCP-30': [/project-wide SSH keys/i],
  'GCP-31': [/instances/i, /public IP/i],
  'GCP-43': [/instances/i, /IP forwarding/i],
  'GCP-44': [/instances/i, /default service account/i],
  'GCP-51': [/clusters/i, /labels/i],
  'GCP-52': [/Stackdriver Monitoring/i],
  'GCP-53': [/GKE Control Plane/i, /public/i],
  'GCP-54': [/Container-Optimized OS/i],
  'GCP-55': [/Shielded GKE nodes/i],
  'GCP-56': [/Network Policy/i, /clusters/i],
  'GCP-58': [/Automatic/i, /upgrade/i],
  'GCP-59': [/clusters/i, /private/i],
  'GCP-60': [/Stackdriver Logging/i],
  'GCP-61': [/master authorized networks/i, /GKE/],
  'GCP-63': [/Automatic/i, /repair/i],
  'GCP-65': [/KMS/, /rotated/i, /90 days/i],
  'GCP-78': [/Cloud Storage/i, /versioning/i],
};

/** Checkov's check names by id and framework, from its installed package, via its own registries. */
function checkovCheckNames(): Map<string, Record<string, string>> {
  const version = loadManifest().tools.checkov?.version ?? '';
  const python = path.join(
    toolDir(defaultToolCache(), 'checkov', version),
    'venv',
    'bin',
    'python',
  );
  const script = `
import json, os, yaml
from checkov.terraform.checks.resource.registry import resource_registry
import checkov.terraform.checks.resource
from checkov.kubernetes.checks.resource.registry import registry as k8s
import checkov.kubernetes.checks.resource
from checkov.dockerfile.registry import registry as docker
import checkov.dockerfile.checks
import checkov.terraform.checks.graph_checks as graph
out = {}
for framework, registry in [('terraform', resource_registry), ('kubernetes', k8s), ('dockerfile', docker)]:
    for checks in list(registry.checks.values()) + list(getattr(registry, 'wildcard_checks', {}).values()):
        for check in checks:
            out.setdefault(check.id, {})[framework] = check.name
for root, _, files in os.walk(os.path.dirname(graph.__file__)):
    for name in files:
        if name.endswith(('.yaml', '.yml', '.json')):
            with open(os.path.join(root, name)) as handle:
                meta = (yaml.safe_load(handle) or {}).get('metadata') or {}
            if meta.get('id') and meta.get('name'):
                out.setdefault(meta['id'], {})['terraform'] = meta['name']
print(json.dumps(out))
`;
  const run = spawnSync(python, ['-c', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(
    run.status,
    0,
    `Checkov's package (${python}; npm run setup installs it): ${run.stderr}`,
  );
  return new Map(Object.entries(JSON.parse(run.stdout) as Record<string, Record<string, string>>));
}

/** Checkov runs each check id in several frameworks; the pair is about this one. */
function frameworkOf(checkovId: string): string {
  if (checkovId.startsWith('CKV_K8S_')) return 'kubernetes';
  if (checkovId.startsWith('CKV_DOCKER_')) return 'dockerfile';
  return 'terraform';
}

const TRIVY_TITLES = new Map(
  TRIVY_CHECK_ROWS.map(([id, , title]) => [normalizeTrivyCheckId(id) ?? id, title]),
);

test('every Trivy↔Checkov pair names the same check in both tools own metadata', () => {
  const checkov = checkovCheckNames();
  assert.ok(checkov.size > 900, `Checkov lists ${checkov.size} checks`);
  const problems: string[] = [];
  for (const [intent, checkovIds] of TRIVY_TWINS) {
    const trivyTitle = TRIVY_TITLES.get(intent);
    const evidence = SAME_CHECK[intent];
    if (!trivyTitle) problems.push(`${intent}: not a Trivy check`);
    if (!evidence) problems.push(`${intent}: no SAME_CHECK entry saying why the pair is one check`);
    for (const checkovId of checkovIds) {
      const name = checkov.get(checkovId)?.[frameworkOf(checkovId)];
      if (!name) {
        problems.push(`${checkovId}: not a ${frameworkOf(checkovId)} check in Checkov`);
        continue;
      }
      for (const pattern of evidence ?? []) {
        if (trivyTitle && !pattern.test(trivyTitle))
          problems.push(`${intent} "${trivyTitle}" lacks ${pattern}`);
        if (!pattern.test(name)) problems.push(`${checkovId} "${name}" lacks ${pattern}`);
      }
    }
  }
  assert.deepEqual(problems, []);
  const families = new Set([...TRIVY_TWINS.map(([intent]) => intent.split('-')[0])]);
  assert.deepEqual([...families].sort(), ['AWS', 'AZU', 'DS', 'GCP', 'KSV']);
});

test('the Trivy check table is generated from the trivy-checks module the pinned Trivy builds with', async () => {
  const committed = readFileSync(
    path.join(REPO_ROOT, 'src', 'scanners', 'trivy-checks.ts'),
    'utf8',
  );
  assert.equal(
    committed,
    await trivyChecksSource(trivyChecksModule()),
    'run: node scripts/trivy-checks.ts',
  );
});

function iacLog(
  driver: string,
  results: { rule: string; file: string; start: number; end: number }[],
): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: driver } },
        results: results.map((r) => ({
          ruleId: r.rule,
          message: { text: `${r.rule} failed` },
          properties: { tags: ['misconfiguration'] },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file },
                region: { startLine: r.start, endLine: r.end },
              },
            },
          ],
        })),
      },
    ],
  };
}

test('Kubernetes, Azure and GCP twins merge on one resource; Checkov-only findings borrow the twin severity', () => {
  const deployment = 'k8s/deployment.yaml';
  const trivy = iacLog('Trivy', [
    { rule: 'KSV-0001', file: deployment, start: 17, end: 30 },
    { rule: 'KSV-0012', file: deployment, start: 17, end: 30 },
    { rule: 'AZU-0042', file: 'azure/aks.tf', start: 1, end: 20 },
    { rule: 'GCP-0061', file: 'gcp/gke.tf', start: 5, end: 40 },
  ]);
  const checkov = iacLog('Checkov', [
    { rule: 'CKV_K8S_20', file: deployment, start: 1, end: 40 },
    { rule: 'CKV_K8S_23', file: deployment, start: 1, end: 40 },
    { rule: 'CKV_AZURE_5', file: 'azure/aks.tf', start: 1, end: 20 },
    { rule: 'CKV_GCP_20', file: 'gcp/gke.tf', start: 5, end: 40 },
    // Checkov-only: no Trivy result, but a Trivy twin (AWS-0089, rated low by Trivy).
    { rule: 'CKV_AWS_18', file: 's3.tf', start: 1, end: 9 },
    // Checkov-only without a twin: Checkov's default.
    { rule: 'CKV_AWS_144', file: 's3.tf', start: 1, end: 9 },
  ]);
  const { findings } = normalize(
    [
      { file: 'trivy.sarif', log: trivy },
      { file: 'checkov.sarif', log: checkov },
    ],
    '/repo',
  );
  const merged = findings
    .filter((f) => f.tools.length === 2)
    .map((f) => f.sources.map((source) => source.ruleId).join('+'))
    .sort();
  assert.deepEqual(merged, [
    'CKV_AZURE_5+AZU-0042',
    'CKV_GCP_20+GCP-0061',
    'CKV_K8S_20+KSV-0001',
    'CKV_K8S_23+KSV-0012',
  ]);
  const logging = findings.find((f) => f.ruleId === 'CKV_AWS_18');
  assert.equal(logging?.severity, 'low');
  assert.equal(logging?.severitySource, 'Trivy AWS-0089');
  const replication = findings.find((f) => f.ruleId === 'CKV_AWS_144');
  assert.equal(replication?.severity, 'medium');
  assert.equal(replication?.severitySource, undefined);
});
