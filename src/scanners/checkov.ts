import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';

const IAC_FILE =
  /(^|\/)(Dockerfile[^/]*|[^/]+\.(tf|tf\.json|bicep|dockerfile)|Chart\.yaml|serverless\.ya?ml|template\.(ya?ml|json)|docker-compose[^/]*\.ya?ml|[^/]*\.(k8s|kube)\.ya?ml)$/i;
const KUBERNETES_DIR = /(^|\/)(k8s|kubernetes|manifests|helm|charts|\.github\/workflows)\//i;

export const checkov: ScannerAdapter = {
  name: 'checkov',
  tool: 'checkov',
  description:
    'infrastructure as code (Terraform, Dockerfile, Kubernetes, CloudFormation, workflows)',
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
};
