import { gzipSync } from 'node:zlib';
import type { Log, Result, Run } from 'sarif';
import { severityRank } from '../model/finding.ts';
import type { Severity } from '../model/finding.ts';

/** GitHub code-scanning limits for one SARIF upload. */
export const GITHUB_SARIF_LIMITS = {
  gzipBytes: 10 * 1024 * 1024,
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
} as const;
export type SarifLimits = { -readonly [K in keyof typeof GITHUB_SARIF_LIMITS]: number };

export interface Truncation {
  tool: string;
  kept: number;
  omitted: number;
  reason: string;
}

export interface UploadPlan {
  payloads: { log: Log; tools: string[]; gzipBytes: number; gzipped: Buffer }[];
  truncated: Truncation[];
}

function severityOfResult(result: Result): number {
  const severity = result.properties?.['scanfold/severity'] as Severity | undefined;
  return severity ? severityRank[severity] : 0;
}

function toolOf(run: Run): string {
  return run.automationDetails?.id ?? run.tool.driver.name;
}

/** Make one run fit the per-run limits; only when it cannot, keep the most severe results. */
function fitRun(run: Run, limits: SarifLimits, truncated: Truncation[]): Run {
  let results = (run.results ?? []).map((result) =>
    result.locations && result.locations.length > limits.locationsPerResult
      ? { ...result, locations: result.locations.slice(0, limits.locationsPerResult) }
      : result,
  );
  const rules = (run.tool.driver.rules ?? []).map((rule) => {
    const tags = rule.properties?.tags;
    return tags && tags.length > limits.tagsPerRule
      ? { ...rule, properties: { ...rule.properties, tags: tags.slice(0, limits.tagsPerRule) } }
      : rule;
  });
  if (results.length > limits.resultsPerRun) {
    const ranked = results
      .map((result, index) => ({ result, index }))
      .sort((a, b) => severityOfResult(b.result) - severityOfResult(a.result) || a.index - b.index);
    const keep = new Set(ranked.slice(0, limits.resultsPerRun).map((entry) => entry.index));
    truncated.push({
      tool: toolOf(run),
      kept: limits.resultsPerRun,
      omitted: results.length - limits.resultsPerRun,
      reason: `GitHub accepts at most ${limits.resultsPerRun} results per run; the most severe were kept`,
    });
    results = results.filter((_, index) => keep.has(index));
  }
  if (rules.length > limits.rulesPerRun) {
    truncated.push({
      tool: toolOf(run),
      kept: limits.rulesPerRun,
      omitted: rules.length - limits.rulesPerRun,
      reason: `more than ${limits.rulesPerRun} rules`,
    });
  }
  return { ...run, tool: { ...run.tool, driver: { ...run.tool.driver, rules } }, results };
}

function gzipLog(log: Log): Buffer {
  return gzipSync(JSON.stringify(log));
}

/**
 * Split the merged SARIF into uploads that each fit GitHub's limits: runs are packed together while
 * they fit, never dropped; scanfold.sarif on disk keeps everything.
 */
export function planUploads(
  merged: Log,
  limits: SarifLimits = { ...GITHUB_SARIF_LIMITS },
): UploadPlan {
  const truncated: Truncation[] = [];
  const runs = merged.runs.map((run) => fitRun(run, limits, truncated));
  const payloads: UploadPlan['payloads'] = [];
  let current: Run[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const log: Log = { ...merged, runs: current };
    const gzipped = gzipLog(log);
    payloads.push({ log, tools: current.map(toolOf), gzipBytes: gzipped.length, gzipped });
    current = [];
  };
  for (const run of runs) {
    const candidate = [...current, run];
    if (
      current.length > 0 &&
      (candidate.length > limits.runsPerFile ||
        gzipLog({ ...merged, runs: candidate }).length > limits.gzipBytes)
    )
      flush();
    current.push(run);
    const alone = gzipLog({ ...merged, runs: current });
    if (alone.length > limits.gzipBytes && current.length === 1) {
      // One tool alone is too big: halve its results (most severe first) until it fits.
      let fitted = run;
      let keep = run.results?.length ?? 0;
      while (keep > 1 && gzipLog({ ...merged, runs: [fitted] }).length > limits.gzipBytes) {
        keep = Math.floor(keep / 2);
        fitted = fitRun(run, { ...limits, resultsPerRun: keep }, []);
      }
      truncated.push({
        tool: toolOf(run),
        kept: fitted.results?.length ?? 0,
        omitted: (run.results?.length ?? 0) - (fitted.results?.length ?? 0),
        reason: `the ${toolOf(run)} run alone exceeds ${limits.gzipBytes} bytes gzipped; the most severe results were kept`,
      });
      current = [fitted];
    }
  }
  flush();
  return { payloads, truncated };
}
