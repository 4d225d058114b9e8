import path from 'node:path';
import type { Invocation, Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';
import { location, rule, sarifLog } from './native-sarif.ts';
import { readJson } from './read-output.ts';

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
  errors: z
    .array(
      z.looseObject({
        level: z.string().optional(),
        type: z.unknown().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * Semgrep's JSON `errors`: level "error" means the scan did not complete (bad config, a crash);
 * "warn" ones (a file it could not parse) leave the rest of the scan valid.
 */
function invocationOf(errors: z.infer<typeof SemgrepSchema>['errors']): Invocation[] {
  if (!errors?.length) return [];
  const fatal = errors.filter((error) => error.level !== 'warn' && error.level !== 'info');
  return [
    {
      executionSuccessful: fatal.length === 0,
      toolExecutionNotifications: errors.map((error) => ({
        level: error.level === 'warn' ? 'warning' : error.level === 'info' ? 'note' : 'error',
        message: {
          text: (error.message ?? (typeof error.type === 'string' ? error.type : 'error')).slice(
            0,
            500,
          ),
        },
      })),
    },
  ];
}

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
  const log = sarifLog('Semgrep', parsed.data.version, rules, results);
  const invocations = invocationOf(parsed.data.errors);
  if (invocations.length > 0) for (const run of log.runs) run.invocations = invocations;
  return log;
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
  async parse(files) {
    const parsed = await parseByExtension(files);
    // The SARIF says executionSuccessful: true even when a fatal error stopped the scan; the JSON's errors tell.
    const json = files.find((file) => file.endsWith('.json'));
    const errors = json ? SemgrepSchema.safeParse(await readJson(json)) : undefined;
    const invocations = errors?.success ? invocationOf(errors.data.errors) : [];
    if (invocations.length > 0)
      for (const { log } of parsed.sarif) for (const run of log.runs) run.invocations = invocations;
    return parsed;
  },
  ownsDriver: driverContains('semgrep'),
  nativeJson: { label: 'Semgrep JSON', toSarif: semgrepJsonToSarif },
};
