/**
 * Trivy (AVD) and Checkov checks that test the same thing. Only these pairs merge across the two
 * tools; any other misconfiguration from both is kept twice, since a looser match would hide one.
 */
const PAIRS: readonly (readonly [string, readonly string[]])[] = [
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

/** "AVD-DS-0002", "DS002", "DS-0002" → "DS-2". */
export function normalizeTrivyCheckId(id: string): string | undefined {
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return match ? `${match[1]?.toUpperCase()}-${match[2]}` : undefined;
}

const INTENT = new Map<string, string>();
for (const [trivyId, checkovIds] of PAIRS) {
  INTENT.set(`trivy:${trivyId}`, trivyId);
  for (const checkovId of checkovIds) INTENT.set(`checkov:${checkovId}`, trivyId);
}

/** A shared key for checks with the same intent, or undefined when no mapping exists. */
export function iacIntent(tool: string, ruleId: string): string | undefined {
  if (tool === 'trivy') {
    const normalized = normalizeTrivyCheckId(ruleId);
    return normalized ? INTENT.get(`trivy:${normalized}`) : undefined;
  }
  return INTENT.get(`${tool}:${ruleId}`);
}
