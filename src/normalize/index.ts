import type { SarifInput } from '../outputs/merged-sarif.ts';
import { dedupe } from './dedupe.ts';
import type { DedupeResult } from './dedupe.ts';
import { extractFindings } from './extract.ts';
import { propagateReachability } from './reachability.ts';

export interface Normalized extends DedupeResult {
  resultsByTool: Record<string, number>;
}

/** Every SARIF result becomes a finding, then duplicates across and within tools merge. */
export function normalize(inputs: readonly SarifInput[], root: string): Normalized {
  const extracted = inputs.flatMap((input) =>
    extractFindings(input.log, {
      root,
      file: input.file,
      ...(input.tool ? { toolOverride: input.tool } : {}),
    }),
  );
  const resultsByTool: Record<string, number> = {};
  for (const { finding } of extracted) {
    const tool = finding.tools[0] ?? 'unknown';
    resultsByTool[tool] = (resultsByTool[tool] ?? 0) + 1;
  }
  const deduped = dedupe(extracted);
  return { ...deduped, findings: propagateReachability(deduped.findings), resultsByTool };
}
