import path from 'node:path';
import type { ParsedOutput } from './adapter.ts';
import { readCycloneDx, readSarif } from './read-output.ts';

/** Most tools print their version somewhere in `--version`; take the first semver. */
export function firstSemver(stdout: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\b/.exec(stdout)?.[1];
}

/** Parse every raw file by its extension: *.sarif as SARIF, *.cdx.json as CycloneDX. */
export async function parseByExtension(files: readonly string[]): Promise<ParsedOutput> {
  const parsed: ParsedOutput = { sarif: [], sboms: [] };
  for (const file of files) {
    if (file.endsWith('.sarif'))
      parsed.sarif.push({ file: path.basename(file), log: await readSarif(file) });
    else if (file.endsWith('.cdx.json'))
      parsed.sboms.push({ file: path.basename(file), bom: await readCycloneDx(file) });
  }
  return parsed;
}
