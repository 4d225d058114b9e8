import { gzipSync } from 'node:zlib';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { severityRank } from '../model/finding.ts';
import { readScanfoldProperties } from '../model/sarif-properties.ts';
import type { MeasuredItem } from './json-stream.ts';

/** GitHub code-scanning limits for one SARIF upload. */
export const GITHUB_SARIF_LIMITS = {
  /** GitHub's docs say "10 MB": 10,000,000 bytes is within it whichever megabyte is meant. */
  gzipBytes: 10_000_000,
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
  /** All thread flows of all code flows of one result together. */
  threadFlowLocationsPerResult: 10_000,
} as const;
export type SarifLimits = { -readonly [K in keyof typeof GITHUB_SARIF_LIMITS]: number };

export interface Truncation {
  tool: string;
  kept: number;
  omitted: number;
  reason: string;
}

export interface FittedLog {
  /** The runs as GitHub would accept them, one per input run, in order. */
  runs: Run[];
  truncated: Truncation[];
}

function severityOfResult(result: Result): number {
  const { severity } = readScanfoldProperties(result.properties);
  return severity ? severityRank[severity] : 0;
}

function toolOf(run: Run): string {
  return run.automationDetails?.id ?? run.tool.driver.name;
}

/**
 * GitHub rejects a result with more thread-flow locations than the limit, counted over all its
 * code flows: the first ones are kept, in order, and a thread flow left empty is dropped.
 */
function capThreadFlows(result: Result, limit: number): Result {
  const flows = result.codeFlows;
  if (!flows) return result;
  let total = 0;
  for (const flow of flows) for (const thread of flow.threadFlows) total += thread.locations.length;
  if (total <= limit) return result;
  let left = limit;
  const codeFlows = flows
    .map((flow) => ({
      ...flow,
      threadFlows: flow.threadFlows
        .map((thread) => {
          const locations = thread.locations.slice(0, left);
          left -= locations.length;
          return { ...thread, locations };
        })
        .filter((thread) => thread.locations.length > 0),
    }))
    .filter((flow) => flow.threadFlows.length > 0);
  return { ...result, codeFlows };
}

/** Make one run fit the per-run limits; only when it cannot, keep the most severe results. */
function fitRun(run: Run, limits: SarifLimits, truncated: Truncation[]): Run {
  let results = (run.results ?? []).map((result) =>
    capThreadFlows(
      result.locations && result.locations.length > limits.locationsPerResult
        ? { ...result, locations: result.locations.slice(0, limits.locationsPerResult) }
        : result,
      limits.threadFlowLocationsPerResult,
    ),
  );
  const rules = (run.tool.driver.rules ?? []).map((rule) => {
    const tags = rule.properties?.tags;
    return tags && tags.length > limits.tagsPerRule
      ? { ...rule, properties: { ...rule.properties, tags: tags.slice(0, limits.tagsPerRule) } }
      : rule;
  });
  if (results.length > limits.resultsPerRun) {
    const ranked = results
      .map((result, index) => ({ rank: severityOfResult(result), index }))
      .sort((a, b) => b.rank - a.rank || a.index - b.index);
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
    // GitHub rejects the whole run over the rule limit; the rules no kept result uses are only a
    // catalogue, so they go and the results are reindexed (kept results use at most 25,000).
    return keepUsedRules(run, rules, results);
  }
  return { ...run, tool: { ...run.tool, driver: { ...run.tool.driver, rules } }, results };
}

function keepUsedRules(run: Run, rules: ReportingDescriptor[], results: Result[]): Run {
  const byId = new Map(rules.map((rule, index) => [rule.id, index]));
  const used: ReportingDescriptor[] = [];
  const newIndex = new Map<number, number>();
  const reindexed = results.map((result) => {
    const old =
      result.ruleIndex ?? (result.ruleId !== undefined ? byId.get(result.ruleId) : undefined);
    const rule = old === undefined ? undefined : rules[old];
    if (old === undefined || !rule) {
      const { ruleIndex: _dropped, ...rest } = result;
      return rest;
    }
    let index = newIndex.get(old);
    if (index === undefined) {
      index = used.length;
      used.push(rule);
      newIndex.set(old, index);
    }
    return { ...result, ruleIndex: index };
  });
  return {
    ...run,
    tool: { ...run.tool, driver: { ...run.tool.driver, rules: used } },
    results: reindexed,
  };
}

/**
 * Measures one run as uploaded alone in `merged`'s envelope: its gzipped size, or a bound of it
 * that is enough to tell whether it is over `limit`.
 */
export type RunSizer = (merged: Log, run: Run, limit: number) => number;

/**
 * One run's gzipped size on its own, or an upper bound of it where that is enough to tell it is
 * under the limit: gzip runs only when the plain JSON could be over it.
 * A fast gzip (level 1) first: its output is larger than the uploader's default level, so a run
 * it puts well under the limit is under it; only a run near or over the limit is compressed again
 * at the default level for its exact size. At 100k results that halves the cost of this check.
 */
function runSize(merged: Log, run: Run, limit: number): number {
  const json = JSON.stringify({ ...merged, runs: [run] });
  // gzip adds at most a few dozen bytes, so JSON well under the limit cannot exceed it gzipped.
  // Its UTF-8 bytes, not its length: text outside ASCII takes up to three bytes a character.
  const bytes = Buffer.byteLength(json);
  if (bytes < limit - 1024) return bytes;
  const fast = gzipSync(json, { level: 1 }).length;
  if (fast < limit * 0.95) return fast;
  return gzipSync(json).length;
}

/** One tool alone is too big: halve its results (most severe first) until it fits. */
function shrinkRun(
  merged: Log,
  run: Run,
  limits: SarifLimits,
  truncated: Truncation[],
  size: RunSizer,
): Run {
  let fitted = run;
  let keep = run.results?.length ?? 0;
  while (keep > 1 && size(merged, fitted, limits.gzipBytes) > limits.gzipBytes) {
    keep = Math.floor(keep / 2);
    fitted = fitRun(run, { ...limits, resultsPerRun: keep }, []);
  }
  truncated.push({
    tool: toolOf(run),
    kept: fitted.results?.length ?? 0,
    omitted: (run.results?.length ?? 0) - (fitted.results?.length ?? 0),
    reason: `the ${toolOf(run)} run alone exceeds ${limits.gzipBytes} bytes gzipped; the most severe results were kept`,
  });
  return fitted;
}

/**
 * Fit every run to GitHub's per-run limits: results over the limit keep the most severe, unused
 * rules go when there are too many, a run too big gzipped on its own is cut down. Each run is
 * uploaded on its own, so the runs-per-file limit never applies. The input log is not changed.
 * `written` holds each run's size as writing scanfold.sarif measured it (writeJsonFile's
 * `measure`), where known. `size` measures a run against the size limit: by default an estimate
 * (see runSize); the uploader passes one that gzips the run exactly as uploaded and keeps that
 * buffer as the payload.
 */
export function fitToLimits(
  merged: Log,
  limits: SarifLimits = { ...GITHUB_SARIF_LIMITS },
  written?: readonly (MeasuredItem | undefined)[],
  size: RunSizer = runSize,
): FittedLog {
  const truncated: Truncation[] = [];
  const runs = merged.runs.map((original, index) => {
    const run = fitRun(original, limits, truncated);
    if (surelyUnder(written?.[index], limits.gzipBytes)) return run;
    return size(merged, run, limits.gzipBytes) > limits.gzipBytes
      ? shrinkRun(merged, run, limits, truncated, size)
      : run;
  });
  return { runs, truncated };
}

/**
 * A run is under the size limit, without serialising it again, when the whole run as written
 * (indented, so larger than the upload's compact JSON) deflates fast well under the limit: a
 * fitted run is that run or a part of it, and the upload's default gzip level compresses better.
 * The 10% margin covers the gzip header and the envelope around the run; nearer, runSize decides.
 */
function surelyUnder(estimate: MeasuredItem | undefined, limit: number): boolean {
  if (!estimate) return false;
  return estimate.bytes < limit - 1024 || estimate.deflatedBytes < limit * 0.9;
}
