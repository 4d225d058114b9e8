import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import type { ScanConfig } from '../config/schema.ts';
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
    const args = ['scan', '--metrics', 'off', '--disable-version-check', '--quiet', `--sarif-output=${sarif}`, `--json-output=${json}`];
    for (const config of context.config.semgrep.config) args.push('--config', config);
    for (const pattern of context.config.exclude) args.push('--exclude', pattern);
    const exit = await context.exec([...args, '.']);
    return outcomeOf(exit, [sarif, json], { what: 'semgrep' });
  },
  async parse(files, config) {
    const parsed = await parseByExtension(files);
    const prefixes = ruleIdPrefixes(config);
    for (const { log } of parsed.sarif) stripRuleIdPrefixes(log, prefixes);
    return parsed;
  },
};

/**
 * Semgrep prefixes the ids of rules from a local file with that file's directory, dotted and relative
 * to the working directory (e.g. "work.main.rules.semgrep.scanfold.python.sql-injection"). The prefix
 * is an accident of where the rules sit, so ids are reported without it (raw/ keeps the original).
 */
export function ruleIdPrefixes(config: Pick<ScanConfig, 'root' | 'semgrep'>): string[] {
  return config.semgrep.config
    .filter((entry) => existsSync(entry))
    .map((entry) => {
      const dir = path.dirname(path.resolve(config.root, entry));
      const relative = path.relative(config.root, dir);
      const shown = relative.startsWith('..') || path.isAbsolute(relative) ? dir.replace(/^\//, '') : relative;
      return shown ? `${shown.split(path.sep).join('.')}.` : '';
    })
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

function stripRuleIdPrefixes(log: Log, prefixes: readonly string[]): void {
  const strip = (id: string): string => {
    const prefix = prefixes.find((candidate) => id.startsWith(candidate));
    return prefix ? id.slice(prefix.length) : id;
  };
  for (const run of log.runs) {
    for (const rule of run.tool.driver.rules ?? []) rule.id = strip(rule.id);
    for (const result of run.results ?? []) if (result.ruleId) result.ruleId = strip(result.ruleId);
  }
}
