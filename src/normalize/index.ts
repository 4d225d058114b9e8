import type { Result } from 'sarif';
import type { SarifInput } from '../model/inputs.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { TOOL_KNOWLEDGE } from '../scanners/registry.ts';
import { dedupe } from './dedupe.ts';
import type { DedupeResult } from './dedupe.ts';
import { extractFindings, ruleFor } from './extract.ts';
import type { ExtractedResult } from './extract.ts';
import { secretHint, secretTokens } from './secrets.ts';
import { propagateReachability } from './reachability.ts';

export interface Normalized extends DedupeResult {
  resultsByTool: Record<string, number>;
  /** Credential-looking tokens of every secret's snippets, to scrub from every output text. */
  secretTokens: string[];
}

/** Every snippet a result carries, where a tool may have copied the secret. */
export function snippetsOf(result: Result): string[] {
  const texts: string[] = [];
  for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
    const physical = location.physicalLocation;
    for (const text of [physical?.region?.snippet?.text, physical?.contextRegion?.snippet?.text])
      if (typeof text === 'string') texts.push(text);
  }
  return texts;
}

/** The secret's own value, as well as the result shows it: the primary snippet. */
export function primarySecretValue(result: Result): string | undefined {
  const physical = result.locations?.[0]?.physicalLocation;
  return physical?.region?.snippet?.text ?? physical?.contextRegion?.snippet?.text;
}

/** A secret's message may quote the value (metavariables, matched lines): keep only the hint. */
function redactSecretFindings(
  input: SarifInput,
  extracted: ExtractedResult[],
  tokens: Set<string>,
) {
  for (const { finding } of extracted) {
    if (finding.category !== 'secret') continue;
    const source = finding.sources[0];
    const run = source ? input.log.runs[source.runIndex] : undefined;
    const result = source ? run?.results?.[source.resultIndex] : undefined;
    if (!run || !result) continue;
    const rule = ruleFor(run, result);
    const ruleText = rule?.shortDescription?.text ?? rule?.name;
    finding.title =
      ruleText
        ?.split('\n')
        .find((line) => line.trim())
        ?.trim() ?? finding.ruleId;
    if (finding.title.length > 200) finding.title = finding.title.slice(0, 197) + '...';
    finding.message = secretHint(finding.ruleId, primarySecretValue(result));
    for (const text of snippetsOf(result))
      for (const token of secretTokens(text)) tokens.add(token);
  }
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
  const tokens = new Set<string>();
  const extracted = inputs.flatMap((input) => {
    const found = extractFindings(input.log, {
      root,
      file: input.file,
      knowledge,
      ...(input.tool ? { toolOverride: input.tool } : {}),
    });
    redactSecretFindings(input, found, tokens);
    return found;
  });
  const counts = new Map<string, number>();
  for (const { finding } of extracted) {
    const tool = finding.tools[0] ?? 'unknown';
    counts.set(tool, (counts.get(tool) ?? 0) + 1);
  }
  const deduped = dedupe(extracted, knowledge);
  return {
    ...deduped,
    findings: propagateReachability(deduped.findings),
    resultsByTool: Object.fromEntries(counts),
    secretTokens: [...tokens].sort(),
  };
}
