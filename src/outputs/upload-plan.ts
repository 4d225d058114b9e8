import { gzipSync } from 'node:zlib';
import type { Log, Result, Run } from 'sarif';
import { severityRank } from '../model/finding.ts';
import { readScanfoldProperties } from '../model/sarif-properties.ts';

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
  const { severity } = readScanfoldProperties(result.properties);
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

/** Gzipped size of one run on its own; gzip runs only when the plain JSON could be over the limit. */
function runSize(merged: Log, run: Run, limit: number): { bytes: number; gzipped?: Buffer } {
  const json = JSON.stringify({ ...merged, runs: [run] });
  // gzip adds at most a few dozen bytes, so JSON well under the limit cannot exceed it gzipped.
  if (json.length < limit - 1024) return { bytes: Math.min(json.length, limit - 1024) };
  const gzipped = gzipSync(json);
  return { bytes: gzipped.length, gzipped };
}

/** One tool alone is too big: halve its results (most severe first) until it fits. */
function shrinkRun(merged: Log, run: Run, limits: SarifLimits, truncated: Truncation[]): Run {
  let fitted = run;
  let keep = run.results?.length ?? 0;
  while (keep > 1 && runSize(merged, fitted, limits.gzipBytes).bytes > limits.gzipBytes) {
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

export interface PlanOptions {
  /** Build and gzip the payloads (for an upload); off when only `truncated` is wanted. */
  materialize?: boolean;
}

/**
 * Split the merged SARIF into uploads that each fit GitHub's limits: runs are packed together while
 * they fit, never dropped; scanfold.sarif on disk keeps everything. Each run is sized once, so
 * planning stays linear in the log's size.
 */
export function planUploads(
  merged: Log,
  limits: SarifLimits = { ...GITHUB_SARIF_LIMITS },
  options: PlanOptions = {},
): UploadPlan {
  const truncated: Truncation[] = [];
  const sized = merged.runs.map((original) => {
    let run = fitRun(original, limits, truncated);
    let size = runSize(merged, run, limits.gzipBytes);
    if (size.bytes > limits.gzipBytes) {
      run = shrinkRun(merged, run, limits, truncated);
      size = runSize(merged, run, limits.gzipBytes);
    }
    return { run, bytes: size.bytes };
  });
  const payloads: UploadPlan['payloads'] = [];
  const emit = (runs: Run[]): void => {
    if (runs.length === 0) return;
    const log: Log = { ...merged, runs };
    if (options.materialize === false) {
      payloads.push({ log, tools: runs.map(toolOf), gzipBytes: 0, gzipped: Buffer.alloc(0) });
      return;
    }
    const gzipped = gzipLog(log);
    if (gzipped.length > limits.gzipBytes && runs.length > 1) {
      // The sum of the parts was an estimate; split rather than send an oversized payload.
      const half = Math.ceil(runs.length / 2);
      emit(runs.slice(0, half));
      emit(runs.slice(half));
      return;
    }
    payloads.push({ log, tools: runs.map(toolOf), gzipBytes: gzipped.length, gzipped });
  };
  let current: Run[] = [];
  let currentBytes = 0;
  for (const { run, bytes } of sized) {
    if (
      current.length > 0 &&
      (current.length + 1 > limits.runsPerFile || currentBytes + bytes > limits.gzipBytes)
    ) {
      emit(current);
      current = [];
      currentBytes = 0;
    }
    current.push(run);
    currentBytes += bytes;
  }
  emit(current);
  return { payloads, truncated };
}
