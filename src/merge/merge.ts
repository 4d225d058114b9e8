import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import type { FailOn } from '../config/schema.ts';
import { assemble } from '../engine.ts';
import type { ScanOutcome } from '../engine.ts';
import type { Logger } from '../model/ports.ts';
import type { SarifInput } from '../outputs/merged-sarif.ts';
import type { SbomInput } from '../outputs/sbom.ts';
import { isCycloneDx, SarifLogSchema } from '../scanners/read-output.ts';
import {
  checkovJsonToSarif,
  grypeJsonToSarif,
  gitleaksJsonToSarif,
  semgrepJsonToSarif,
  trivyJsonToSarif,
} from './native.ts';
import { errorMessage } from '../model/errors.ts';
import type { Clock } from '../model/ports.ts';

export interface MergeRequest {
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

const NATIVE: readonly [string, (data: unknown) => Log | undefined][] = [
  ['Trivy JSON', trivyJsonToSarif],
  ['Semgrep JSON', semgrepJsonToSarif],
  ['Checkov JSON', checkovJsonToSarif],
  ['Gitleaks JSON', gitleaksJsonToSarif],
  ['Grype JSON', grypeJsonToSarif],
];

/** Detect what a file is, by content rather than name; a clear error when it is nothing known. */
export function importDocument(file: string, text: string): Imported {
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
  for (const [, convert] of NATIVE) {
    const log = convert(data);
    if (log) return { kind: 'sarif', input: { file, log } };
  }
  throw new Error(
    `${file}: unknown format (expected SARIF 2.1.0, CycloneDX JSON, or Trivy/Semgrep/Checkov/Gitleaks/Grype JSON)`,
  );
}

export async function mergeFiles(request: MergeRequest): Promise<ScanOutcome> {
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
