import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';

export const semgrep: ScannerAdapter = {
  name: 'semgrep',
  tool: 'semgrep',
  description: 'SAST with a pinned offline ruleset',
  env: { SEMGREP_SEND_METRICS: 'off', SEMGREP_ENABLE_VERSION_CHECK: '0' },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  async scan(context) {
    const sarif = path.join(context.workDir, 'semgrep.sarif');
    const json = path.join(context.workDir, 'semgrep.json');
    // --no-rewrite-rule-ids: otherwise ids get the rules file's directory as a prefix.
    const args = [
      'scan',
      '--metrics',
      'off',
      '--disable-version-check',
      '--no-rewrite-rule-ids',
      '--quiet',
      `--sarif-output=${sarif}`,
      `--json-output=${json}`,
    ];
    for (const config of context.config.semgrep.config) args.push('--config', config);
    for (const pattern of context.config.exclude) args.push('--exclude', pattern);
    const exit = await context.exec([...args, '.']);
    return outcomeOf(exit, [sarif, json], { what: 'semgrep' });
  },
  parse: parseByExtension,
};
