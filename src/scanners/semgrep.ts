import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';
import { location, rule, sarifLog } from './native-sarif.ts';

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

function semgrepJsonToSarif(data: unknown): Log | undefined {
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

export const semgrep: ScannerAdapter = {
  name: 'semgrep',
  tool: 'semgrep',
  title: 'Semgrep',
  categories: ['code'],
  description:
    'SAST with the pinned offline ruleset `rules/semgrep/scanfold.yml` (or yours); metrics and version checks off',
  outputs: 'SARIF + JSON',
  env: { SEMGREP_SEND_METRICS: 'off', SEMGREP_ENABLE_VERSION_CHECK: '0' },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  exclude: { honoured: true },
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
  ownsDriver: driverContains('semgrep'),
  nativeJson: { label: 'Semgrep JSON', toSarif: semgrepJsonToSarif },
};
