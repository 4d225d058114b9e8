import path from 'node:path';
import type { Log } from 'sarif';
import type { ParsedOutput, RawOutput } from './adapter.ts';
import type { z } from 'zod';
import { firstIssue, OutputError, readCycloneDx, readJson, readSarif } from './read-output.ts';

/** Most tools print their version somewhere in `--version`; take the first semver. */
export function firstSemver(stdout: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\b/.exec(stdout)?.[1];
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}

/**
 * A scan's raw files (absolute paths), by the names scanfold gives them: `*.sarif` is SARIF,
 * `*.cdx.json` CycloneDX, anything else the tool's own output. Each is read only when asked.
 */
export function scanOutputs(files: readonly string[]): RawOutput[] {
  return files.map((file): RawOutput => {
    const name = path.basename(file);
    if (file.endsWith('.sarif')) return { kind: 'sarif', name, read: once(() => readSarif(file)) };
    if (file.endsWith('.cdx.json'))
      return { kind: 'cyclonedx', name, read: once(() => readCycloneDx(file)) };
    return { kind: 'native', name, read: once(() => readJson(file)) };
  });
}

/**
 * What pairs a SARIF file with the native report it was converted from, or written beside:
 * directory and stem (`trivy.sarif` ↔ `trivy.json`, `grype.sarif.json` ↔ `grype.json`), and
 * the format named at the end of the stem (Checkov's own `results_sarif.sarif` ↔
 * `results_json.json`, which merged apart gave every Checkov result twice).
 */
function pairKey(name: string): string {
  const unix = name.replaceAll('\\', '/');
  return path.posix.join(
    path.posix.dirname(unix),
    path.posix
      .basename(unix)
      .replace(/(\.sarif)?(\.json)?$/i, '')
      .replace(/(?<=.)[._-](sarif|json)$/i, ''),
  );
}

/** The native report written beside a SARIF output (by its name), if any. */
export function nativeBeside(
  sarifName: string,
  outputs: readonly RawOutput[],
): RawOutput | undefined {
  const key = pairKey(sarifName);
  return outputs.find((output) => output.kind === 'native' && pairKey(output.name) === key);
}

/**
 * Every SARIF and CycloneDX output as it is. A native report with a SARIF beside it is left to the
 * adapter (it may enrich that SARIF); one on its own (`scanfold merge` of the tool's JSON alone) is
 * converted by `toSarif`, the tool's converter. Tools without one write no report worth reading.
 */
export async function parseOutputs(
  outputs: readonly RawOutput[],
  nativeJson?: { label: string; toSarif(data: unknown): Log | undefined },
): Promise<ParsedOutput> {
  const parsed: ParsedOutput = { sarif: [], sboms: [] };
  const paired = new Set(
    outputs.filter((output) => output.kind === 'sarif').map((o) => pairKey(o.name)),
  );
  for (const output of outputs) {
    if (output.kind === 'sarif') parsed.sarif.push({ file: output.name, log: await output.read() });
    else if (output.kind === 'cyclonedx')
      parsed.sboms.push({ file: output.name, bom: await output.read() });
    else if (nativeJson && !paired.has(pairKey(output.name))) {
      const log = output.sarif ?? nativeJson.toSarif(await output.read());
      if (!log) throw new OutputError(`${output.name}: not ${nativeJson.label}`);
      parsed.sarif.push({ file: output.name, log });
    }
  }
  return parsed;
}

/** The fields of a JSON object (nothing for anything else), for a report's signature test. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * A native report's `explain`: the schema's first issue (path and expectation, never the value)
 * when `recognisable` says the data is the tool's report, else undefined.
 */
export function explainWith(
  schema: z.ZodType,
  recognisable: (data: unknown) => boolean,
): (data: unknown) => string | undefined {
  return (data) => {
    if (!recognisable(data)) return undefined;
    const parsed = schema.safeParse(data);
    return parsed.success ? undefined : firstIssue(parsed.error);
  };
}
