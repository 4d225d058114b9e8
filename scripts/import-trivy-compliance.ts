// Converts Trivy's published compliance specs (the trivy-checks Go module's
// pkg/compliance/*.yaml, Apache-2.0) into src/policy/data/trivy-compliance.json.
// Usage: node scripts/import-trivy-compliance.ts <trivy-checks module dir> <version>
// e.g. after `go mod download -json github.com/aquasecurity/trivy-checks@v1.10.0`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface Spec {
  spec: {
    id: string;
    title: string;
    version?: string;
    controls: { id: string | number; name: string; checks?: { id: string }[] | null }[];
  };
}

/** Specs whose checks Trivy's and Checkov's file scans can report (not live-cluster checks). */
const KEEP = [
  'docker-cis-1.6.0',
  'aws-cis-1.2',
  'aws-cis-1.4',
  'k8s-cis-1.23',
  'k8s-pss-baseline-0.1',
  'k8s-pss-restricted-0.1',
  'k8s-nsa-1.0',
];

const [dir, version] = process.argv.slice(2);
if (!dir || !version) throw new Error('usage: import-trivy-compliance.ts <module dir> <version>');
const specsDir = path.join(dir, 'pkg', 'compliance');
const frameworks = readdirSync(specsDir)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => (parse(readFileSync(path.join(specsDir, file), 'utf8')) as Spec).spec)
  .filter((spec) => KEEP.includes(spec.id))
  .sort((a, b) => KEEP.indexOf(a.id) - KEEP.indexOf(b.id))
  .map((spec) => ({
    id: spec.id,
    name: spec.title,
    version: String(spec.version ?? spec.id.replace(/^.*-/, '')),
    source: `Trivy compliance spec ${spec.id}: github.com/aquasecurity/trivy-checks@${version}, pkg/compliance/${spec.id}.yaml`,
    license: 'Apache-2.0 (Aqua Security); see src/policy/data/NOTICE',
    controls: spec.controls.map((control) => ({
      id: String(control.id),
      title: control.name,
      checks: (control.checks ?? []).map((check) => check.id),
    })),
  }));
writeFileSync(
  new URL('../src/policy/data/trivy-compliance.json', import.meta.url),
  JSON.stringify(
    { module: `github.com/aquasecurity/trivy-checks@${version}`, frameworks },
    null,
    2,
  ) + '\n',
);
console.log(frameworks.map((f) => `${f.id}: ${f.controls.length} controls`).join('\n'));
