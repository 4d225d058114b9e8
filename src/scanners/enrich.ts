import type { Log } from 'sarif';
import type { Package } from '../model/finding.ts';
import { writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { ParsedOutput } from '../model/inputs.ts';
import { parseByExtension } from './common.ts';

/** What a tool's native JSON knows about one vulnerability match that its SARIF leaves out. */
export interface VulnerabilityDetail {
  aliases: string[];
  package: Package;
  cwe: string[];
}

/** Parse a tool's SARIF, enriched from its native JSON sibling (named by `nativeSuffix`) when present. */
export async function parseEnriched(
  files: readonly string[],
  nativeSuffix: string,
  loadDetails: (file: string) => Promise<Map<string, VulnerabilityDetail>>,
  keyOf: (ruleId: string, message: string) => string | undefined,
): Promise<ParsedOutput> {
  const parsed = await parseByExtension(files);
  const native = files.find((file) => file.endsWith(nativeSuffix));
  if (native) {
    const details = await loadDetails(native);
    for (const { log } of parsed.sarif) annotateVulnerabilities(log, details, keyOf);
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
