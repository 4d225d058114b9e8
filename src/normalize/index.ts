import type { Result } from 'sarif';
import type { SarifInput } from '../model/inputs.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { TOOL_KNOWLEDGE } from '../scanners/registry.ts';
import { dedupe } from './dedupe.ts';
import type { DedupeResult } from './dedupe.ts';
import { extractFindings, ruleFor } from './extract.ts';
import type { ExtractedResult } from './extract.ts';
import { credentialsIn } from './credentials.ts';
import { secretHint, secretTokens } from './secrets.ts';
import { propagateReachability } from './reachability.ts';

export interface Normalized extends DedupeResult {
  resultsByTool: Record<string, number>;
  /**
   * Credential-looking tokens of every secret's snippets and messages, and credentials of a known
   * shape anywhere in any input, to scrub from every output text.
   */
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

/** A git object id, as secret scanners' messages name the commit. */
const GIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

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
    const own = new Set<string>();
    for (const text of snippetsOf(result)) for (const token of secretTokens(text)) own.add(token);
    // With no snippet, the message is where the value is (also what a converter's rule text copies);
    // the file and commit it names are not the secret.
    const message = result.message.text ?? result.message.markdown;
    const uris = (result.locations ?? []).map(
      (location) => location.physicalLocation?.artifactLocation?.uri ?? '',
    );
    for (const token of secretTokens(message))
      if (!GIT_ID.test(token) && !uris.some((uri) => uri.includes(token))) own.add(token);
    for (const token of own) tokens.add(token);
    const rule = ruleFor(run, result);
    const ruleText = rule?.shortDescription?.text ?? rule?.name;
    // A rule text built from a result's message (Semgrep JSON has no other) is that result's text.
    const quotesValue =
      ruleText !== undefined &&
      ((message !== undefined && ruleText.includes(message)) ||
        [...own].some((token) => ruleText.includes(token)));
    finding.title =
      (quotesValue ? undefined : ruleText)
        ?.split('\n')
        .find((line) => line.trim())
        ?.trim() ?? finding.ruleId;
    if (finding.title.length > 200) finding.title = finding.title.slice(0, 197) + '...';
    finding.message = secretHint(finding.ruleId, primarySecretValue(result));
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
    // Whichever tool reported it and whatever the finding's category: a lint rule's message can
    // quote a live key too.
    credentialsIn(input.log, tokens);
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
