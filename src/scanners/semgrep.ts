import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Invocation, Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf, toolSettings } from './adapter.ts';
import { packageRoot } from '../config/package-root.ts';
import { explainWith, fieldsOf, firstSemver, nativeBeside, parseOutputs } from './common.ts';
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
        lines: z.string().optional(),
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
      // The matched lines, as Semgrep's SARIF has them (not its "requires login" placeholder).
      locations: location(
        r.path,
        r.start.line,
        r.end?.line,
        r.extra.lines === 'requires login' ? undefined : r.extra.lines,
      ),
    };
  });
  const log = sarifLog('Semgrep', parsed.data.version, rules, results);
  const invocations = invocationOf(parsed.data.errors);
  if (invocations.length > 0) for (const run of log.runs) run.invocations = invocations;
  return log;
}

/**
 * Semgrep registry rulesets, pinned by name, used by default when the network is available (a
 * runner): broader than any ruleset kept here. Offline, or when the registry cannot be reached,
 * the bundled ruleset (rules/semgrep/scanfold.yml) is used instead.
 */
export const SEMGREP_REGISTRY_RULESETS: readonly string[] = ['p/default'];

/** Semgrep fetches `<SEMGREP_URL>/c/<ruleset>`; one quick look says whether that can work. */
async function registryReachable(ruleset: string): Promise<{ ok: boolean; why?: string }> {
  const base = (process.env.SEMGREP_URL ?? 'https://semgrep.dev').replace(/\/+$/, '');
  try {
    // Semgrep itself retries a dead registry for minutes; this answers in seconds.
    const response = await fetch(`${base}/c/${ruleset}`, {
      redirect: 'follow',
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return response.ok ? { ok: true } : { ok: false, why: `HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { ok: false, why: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** The --config values for this run, and what the report should say about the choice. */
async function chooseRulesets(
  settings: { config: readonly string[]; registry: readonly string[] },
  offline: boolean,
): Promise<{ configs: readonly string[]; notes: string[] }> {
  if (settings.registry.length === 0) return { configs: settings.config, notes: [] };
  if (offline)
    return { configs: settings.config, notes: ['offline: used the bundled Semgrep ruleset'] };
  for (const ruleset of settings.registry) {
    const reachable = await registryReachable(ruleset);
    if (!reachable.ok)
      return {
        configs: settings.config,
        notes: [
          `Semgrep registry ruleset ${ruleset} unreachable (${reachable.why ?? 'unknown'}): used the bundled ruleset`,
        ],
      };
  }
  return {
    configs: settings.registry,
    notes: [`Semgrep registry rulesets: ${settings.registry.join(', ')}`],
  };
}

/** Semgrep's report: `results` of `check_id`s, or the `errors` and `paths` it always writes. */
function looksLikeSemgrep(data: unknown): boolean {
  const { results, errors, paths } = fieldsOf(data);
  if (!Array.isArray(results)) return false;
  return 'check_id' in fieldsOf(results[0]) || (Array.isArray(errors) && paths !== undefined);
}

const SEMGREP_JSON = {
  label: 'Semgrep JSON',
  toSarif: semgrepJsonToSarif,
  explain: explainWith(SemgrepSchema, looksLikeSemgrep),
};

/** The offline ruleset kept in this project. */
export function bundledSemgrepRules(): string {
  return path.join(packageRoot(), 'rules', 'semgrep', 'scanfold.yml');
}

export interface SemgrepSettings {
  /** Rulesets to run: the user's, or the bundled offline ruleset. */
  readonly config: readonly string[];
  /** Registry rulesets run instead when online; empty when the user chose rulesets. */
  readonly registry: readonly string[];
}

/** `semgrep:` in the config file. */
const SEMGREP_SETTINGS = toolSettings({
  key: 'semgrep',
  schema: z
    .object({ config: z.array(z.string().min(1)).min(1) })
    .partial()
    .strict(),
  resolve: (section, { root }): SemgrepSettings => ({
    // A path that exists is a rules file or directory; anything else (`p/python`) Semgrep's own.
    config: (section?.config ?? [bundledSemgrepRules()]).map((entry) =>
      existsSync(path.resolve(root, entry)) ? path.resolve(root, entry) : entry,
    ),
    registry: section?.config ? [] : SEMGREP_REGISTRY_RULESETS,
  }),
});

export const semgrep: ScannerAdapter & { readonly settings: typeof SEMGREP_SETTINGS } = {
  name: 'semgrep',
  tool: 'semgrep',
  typicalSeconds: 2.5,
  title: 'Semgrep',
  categories: ['code'],
  settings: SEMGREP_SETTINGS,
  description:
    'SAST: Semgrep registry rulesets by name (`p/default`) when online, else the bundled offline ruleset `rules/semgrep/scanfold.yml`, or yours; metrics and version checks off',
  outputs: 'SARIF + JSON',
  env: { SEMGREP_SEND_METRICS: 'off', SEMGREP_ENABLE_VERSION_CHECK: '0' },
  applies: () => ({ applies: true }),
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  // Semgrep rates a rule ERROR, WARNING or INFO and writes INFO as SARIF level `note`, which
  // SARIF's own mapping reads as low: its INFO is info (README, Severity mapping).
  statedSeverity: {
    fromRule: (rule) => (rule.defaultConfiguration?.level === 'note' ? 'info' : undefined),
  },
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
    const { configs, notes } = await chooseRulesets(context.config.semgrep, context.config.offline);
    for (const config of configs) args.push('--config', config);
    for (const pattern of context.config.exclude) args.push('--exclude', pattern);
    const exit = await context.exec([...args, '.']);
    const outcome = outcomeOf(exit, [sarif, json], { what: 'semgrep' });
    return outcome.kind === 'ok' && notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  async parse(outputs) {
    const parsed = await parseOutputs(outputs, SEMGREP_JSON);
    // The SARIF says executionSuccessful: true even when a fatal error stopped the scan; the JSON's errors tell.
    for (const { file, log } of parsed.sarif) {
      const json = nativeBeside(file, outputs);
      if (!json || json.name === file) continue;
      const errors = SemgrepSchema.safeParse(await json.read());
      const invocations = errors.success ? invocationOf(errors.data.errors) : [];
      if (invocations.length > 0) for (const run of log.runs) run.invocations = invocations;
    }
    return parsed;
  },
  ownsDriver: driverContains('semgrep'),
  nativeJson: SEMGREP_JSON,
};
