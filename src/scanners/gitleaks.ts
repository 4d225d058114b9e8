import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { explainWith, fieldsOf, firstSemver, parseOutputs } from './common.ts';
import { dropExcludedResults, excludedNote } from './exclude.ts';
import { diskPath, location, rule, sarifLog } from './native-sarif.ts';

const GitleaksSchema = z.array(
  z.looseObject({
    RuleID: z.string(),
    Description: z.string().optional(),
    File: z.string(),
    StartLine: z.number().optional(),
    EndLine: z.number().optional(),
    Commit: z.string().optional(),
    Fingerprint: z.string().optional(),
    Match: z.string().optional(),
    Secret: z.string().optional(),
  }),
);

function gitleaksJsonToSarif(data: unknown): Log | undefined {
  const parsed = GitleaksSchema.safeParse(data);
  if (!parsed.success || parsed.data.length === 0 || !('RuleID' in (parsed.data[0] ?? {})))
    return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = parsed.data.map((leak) => {
    rule(rules, leak.RuleID, () => ({
      id: leak.RuleID,
      shortDescription: { text: leak.Description ?? leak.RuleID },
      properties: { tags: ['secret'] },
    }));
    return {
      ruleId: leak.RuleID,
      message: {
        text: `${leak.RuleID} has detected secret for file ${leak.File}${leak.Commit ? ` at commit ${leak.Commit}` : ''}.`,
      },
      // The match (or the secret) as the snippet: the value normalize scrubs from every output.
      locations: location(
        diskPath(leak.File),
        leak.StartLine,
        leak.EndLine,
        leak.Match ?? leak.Secret,
      ),
      ...(leak.Fingerprint
        ? { partialFingerprints: { 'gitleaks/fingerprint': leak.Fingerprint } }
        : {}),
    };
  });
  return sarifLog('gitleaks', undefined, rules, results);
}

/** A zerolog error line (`11:32AM ERR [git] fatal: unable to read …`), or git's own `fatal:`. */
const GITLEAKS_ERROR = /(^|\s)(ERR|FTL)\s|^fatal: /;

const explainGitleaks = explainWith(
  GitleaksSchema,
  (data) => Array.isArray(data) && data.some((leak) => 'RuleID' in fieldsOf(leak)),
);

const GITLEAKS_JSON = {
  label: 'Gitleaks JSON',
  toSarif: gitleaksJsonToSarif,
  explain: (data: unknown): string | undefined =>
    // Gitleaks 7 named its fields `rule`, `offender`, `lineNumber`: a format of its own.
    Array.isArray(data) &&
    data.some((leak) => 'offender' in fieldsOf(leak) && 'rule' in fieldsOf(leak))
      ? '0.rule: a Gitleaks 7 report, which is not read; use Gitleaks 8 (or its SARIF)'
      : explainGitleaks(data),
};

export const gitleaks: ScannerAdapter = {
  name: 'gitleaks',
  tool: 'gitleaks',
  typicalSeconds: 0.1,
  title: 'Gitleaks',
  categories: ['secret'],
  description:
    'secrets in git history (`gitleaks git`) when `.git` exists, else the directory; `--redact`',
  outputs: 'SARIF',
  applies: () => ({ applies: true }),
  versionArgs: ['version'],
  parseVersion: firstSemver,
  // Gitleaks has no exclude flag; its results in excluded paths are left out after the run.
  exclude: { honoured: true },
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
    if (outcome.kind !== 'ok') return outcome;
    // On a clone with missing objects Gitleaks logs `ERR [git] fatal: …`, scans part of the
    // history and still exits 0.
    const error = [...exit.stdout.split('\n'), ...exit.stderrTail].find((line) =>
      GITLEAKS_ERROR.test(line),
    );
    const scanned = [...exit.stdout.split('\n'), ...exit.stderrTail]
      .map((line) => /(\d+) commits scanned/.exec(line)?.[1])
      .find(Boolean);
    return {
      ...outcome,
      notes: [`scanned ${mode === 'git' ? 'git history' : 'the directory'}`],
      ...(error
        ? {
            partial: `gitleaks stopped part-way (${error
              .replace(/^.*?\bERR\b\s*/, '')
              .trim()
              .slice(0, 300)})${scanned ? `; ${scanned} commits scanned` : ''}`,
          }
        : {}),
    };
  },
  async parse(outputs, context) {
    const parsed = await parseOutputs(outputs, GITLEAKS_JSON);
    let dropped = 0;
    for (const { log } of parsed.sarif)
      dropped += dropExcludedResults(log, context.exclude, context.root);
    return { ...parsed, notes: excludedNote(dropped) };
  },
  ownsDriver: driverContains('gitleaks'),
  nativeJson: GITLEAKS_JSON,
  categoryOf: () => 'secret',
  // Gitleaks' SARIF carries no severity; a leaked credential is usually serious.
  defaultSeverity: 'high',
};
