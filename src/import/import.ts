import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import type { FailOn } from '../config/schema.ts';
import { assemble } from '../engine.ts';
import type { ScanOutcome } from '../engine.ts';
import { errorMessage } from '../model/errors.ts';
import type { SarifInput, SbomInput } from '../model/inputs.ts';
import type { Clock, Logger } from '../model/ports.ts';
import type { ScannerAdapter } from '../scanners/adapter.ts';
import { isCycloneDx, SarifLogSchema } from '../scanners/read-output.ts';
import { ADAPTERS } from '../scanners/registry.ts';

/** Reading files other tools wrote (`scanfold merge`): SARIF, CycloneDX, or a tool's native JSON. */

export interface ImportRequest {
  files: readonly string[];
  outputDir: string;
  root: string;
  failOn: FailOn;
  logger: Logger;
  /** Baseline, suppressions, gate scope (as for scan). */
  policy?: Parameters<typeof assemble>[0]['policy'];
  clock?: Clock;
}

type Imported = { kind: 'sarif'; input: SarifInput } | { kind: 'sbom'; input: SbomInput };

/** The native JSON formats the registered adapters read, in registry order. */
function nativeFormats(
  adapters: readonly ScannerAdapter[],
): { label: string; toSarif: (data: unknown) => Log | undefined }[] {
  return adapters.flatMap((adapter) => (adapter.nativeJson ? [adapter.nativeJson] : []));
}

/** Detect what a file is, by content rather than name; a clear error when it is nothing known. */
export function importDocument(
  file: string,
  text: string,
  adapters: readonly ScannerAdapter[] = ADAPTERS,
): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${errorMessage(error)})`, { cause: error });
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (record.version === '2.1.0' || Array.isArray(record.runs)) {
    const sarif = SarifLogSchema.safeParse(data);
    if (!sarif.success) {
      const issue = sarif.error.issues[0];
      throw new Error(
        `${file}: invalid SARIF 2.1.0 at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return { kind: 'sarif', input: { file, log: sarif.data as unknown as Log } };
  }
  if (isCycloneDx(data)) {
    const tools = (record.metadata as { tools?: unknown } | undefined)?.tools;
    const toolList = Array.isArray(tools)
      ? tools
      : ((tools as { components?: unknown[] } | undefined)?.components ?? []);
    const first = toolList[0] as { name?: string; version?: string } | undefined;
    return {
      kind: 'sbom',
      input: { tool: first?.name ?? 'cyclonedx', toolVersion: first?.version, file, bom: record },
    };
  }
  const formats = nativeFormats(adapters);
  for (const format of formats) {
    const log = format.toSarif(data);
    if (log) return { kind: 'sarif', input: { file, log } };
  }
  throw new Error(
    `${file}: unknown format (expected SARIF 2.1.0, CycloneDX JSON, or ${formats.map((format) => format.label).join(', ')})`,
  );
}

/** `scanfold merge`: import every file, then the same normalize → policy → outputs as a scan. */
export async function importFiles(request: ImportRequest): Promise<ScanOutcome> {
  const sarif: SarifInput[] = [];
  const sboms: SbomInput[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const file of request.files) {
    // The same file given twice must still give distinct sources.
    const count = (seen.get(file) ?? 0) + 1;
    seen.set(file, count);
    const label = count === 1 ? file : `${file}#${count}`;
    try {
      const imported = importDocument(label, await readFile(file, 'utf8'));
      if (imported.kind === 'sarif') sarif.push(imported.input);
      else sboms.push(imported.input);
    } catch (error) {
      const message =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${file}: not found`
          : errorMessage(error);
      errors.push(message);
      request.logger.error(message);
    }
  }
  return assemble({
    root: path.resolve(request.root),
    outputDir: path.resolve(request.outputDir),
    failOn: request.failOn,
    scanners: [],
    sarif,
    sboms,
    errors,
    logger: request.logger,
    ...(request.policy ? { policy: request.policy } : {}),
    ...(request.clock ? { clock: request.clock } : {}),
  });
}
