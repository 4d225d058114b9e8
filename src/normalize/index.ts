import type { SarifInput } from '../model/inputs.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { TOOL_KNOWLEDGE } from '../scanners/registry.ts';
import { dedupe } from './dedupe.ts';
import type { DedupeResult } from './dedupe.ts';
import { extractFindings } from './extract.ts';
import { propagateReachability } from './reachability.ts';

export interface Normalized extends DedupeResult {
  resultsByTool: Record<string, number>;
}

/**
 * Every SARIF result becomes a finding, then duplicates across and within tools merge. The steps
 * are tool-independent; what they need to know about a tool comes from its adapter (`knowledge`).
 */
export function normalize(
  inputs: readonly SarifInput[],
  root: string,
  knowledge: ToolKnowledge = TOOL_KNOWLEDGE,
): Normalized {
  const extracted = inputs.flatMap((input) =>
    extractFindings(input.log, {
      root,
      file: input.file,
      knowledge,
      ...(input.tool ? { toolOverride: input.tool } : {}),
    }),
  );
  const resultsByTool: Record<string, number> = {};
  for (const { finding } of extracted) {
    const tool = finding.tools[0] ?? 'unknown';
    resultsByTool[tool] = (resultsByTool[tool] ?? 0) + 1;
  }
  const deduped = dedupe(extracted, knowledge);
  return { ...deduped, findings: propagateReachability(deduped.findings), resultsByTool };
}
