import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';

export const gitleaks: ScannerAdapter = {
  name: 'gitleaks',
  tool: 'gitleaks',
  description: 'secrets in git history, or in the directory when there is no .git',
  applies: () => ({ applies: true }),
  versionArgs: ['version'],
  parseVersion: firstSemver,
  async scan(context) {
    const sarif = path.join(context.workDir, 'gitleaks.sarif');
    const mode = existsSync(path.join(context.root, '.git')) ? 'git' : 'dir';
    const exit = await context.exec([
      mode,
      '.',
      '--report-format',
      'sarif',
      '--report-path',
      sarif,
      '--redact',
      '--exit-code',
      '0',
      '--no-banner',
    ]);
    const outcome = outcomeOf(exit, [sarif], { what: 'gitleaks' });
    return outcome.kind === 'ok'
      ? { ...outcome, notes: [`scanned ${mode === 'git' ? 'git history' : 'the directory'}`] }
      : outcome;
  },
  parse: parseByExtension,
};
