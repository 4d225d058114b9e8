import type { Log } from 'sarif';
import type { Package } from '../model/finding.ts';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { ParsedOutput } from '../model/inputs.ts';
import type { RawOutput } from './adapter.ts';
import { nativeBeside, parseOutputs } from './common.ts';

/** What a tool's native JSON knows about one vulnerability match that its SARIF leaves out. */
export interface VulnerabilityDetail {
  aliases: string[];
  package: Package;
  cwe: string[];
}

/**
 * Parse a tool's outputs (see parseOutputs), each SARIF enriched from the native report written
 * beside it, when there is one.
 */
export async function parseEnriched(
  outputs: readonly RawOutput[],
  tool: {
    nativeJson: { label: string; toSarif(data: unknown): Log | undefined };
    details: (data: unknown) => Map<string, VulnerabilityDetail>;
    keyOf: (ruleId: string, message: string) => string | undefined;
  },
): Promise<ParsedOutput> {
  const parsed = await parseOutputs(outputs, tool.nativeJson);
  for (const { file, log } of parsed.sarif) {
    const native = nativeBeside(file, outputs);
    // A converted native report (named as itself) already carries the details.
    if (native && native.name !== file)
      annotateVulnerabilities(log, tool.details(await native.read()), tool.keyOf);
  }
  return parsed;
}

/** Key shared by the SARIF result and the native record: advisory id, package, version. */
export function vulnerabilityKey(id: string, name: string, version: string | undefined): string {
  return `${id.toUpperCase()}|${name.toLowerCase()}|${version ?? ''}`;
}

/**
 * Add scanfold's enrichment properties to SARIF results, so aliases (CVE ↔ GHSA), purls and fixed
 * versions survive into the merge. Raw files stay untouched; this edits the parsed copy.
 */
export function annotateVulnerabilities(
  log: Log,
  details: ReadonlyMap<string, VulnerabilityDetail>,
  keyOf: (ruleId: string, message: string) => string | undefined,
): void {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const key = keyOf(result.ruleId ?? '', result.message.text ?? '');
      const detail = key ? details.get(key) : undefined;
      if (!detail) continue;
      result.properties = writeScanfoldProperties(result.properties, {
        aliases: detail.aliases,
        package: detail.package,
        ...(detail.cwe.length ? { cwe: detail.cwe } : {}),
      });
    }
  }
}
