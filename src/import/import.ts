import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import type { FailOn } from '../config/schema.ts';
import { assemble, withPdfPrinter } from '../engine.ts';
import type { ScanOutcome } from '../engine.ts';
import type { PdfPrinter } from '../outputs/pdf.ts';
import { errorMessage } from '../model/errors.ts';
import type { SarifInput, SbomInput } from '../model/inputs.ts';
import type { Clock, Logger } from '../model/ports.ts';
import type { ScannerAdapter } from '../scanners/adapter.ts';
import type { ScannerReport } from '../model/scan-result.ts';
import { toolNameOf } from '../normalize/extract.ts';
import { safeLogLine, truncate } from '../outputs/escape.ts';
import {
  isCycloneDx,
  OutputError,
  parseJsonText,
  runFailure,
  SarifLogSchema,
} from '../scanners/read-output.ts';
import { ADAPTERS, TOOL_KNOWLEDGE } from '../scanners/registry.ts';

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
  const data = parseJsonText(file, text);
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (record.version === '2.1.0' || Array.isArray(record.runs)) {
    const sarif = SarifLogSchema.safeParse(data);
    if (!sarif.success) {
      const issue = sarif.error.issues[0];
      throw new OutputError(
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
  // Not a clean run of whichever format accepts an empty list first (Checkov's would).
  if (Array.isArray(data) && data.length === 0)
    throw new OutputError(
      `${file}: an empty JSON array names no tool (Gitleaks writes [] when it finds nothing); import the tool's SARIF instead, which says which tool ran`,
    );
  const formats = nativeFormats(adapters);
  for (const format of formats) {
    const log = format.toSarif(data);
    if (log) return { kind: 'sarif', input: { file, log } };
  }
  throw new OutputError(
    `${file}: unknown format (expected SARIF 2.1.0, CycloneDX JSON, or ${formats.map((format) => format.label).join(', ')})`,
  );
}

/** Larger inputs are refused: JSON.parse cannot hold much more in one string, and a hang helps no one. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Only regular files, up to MAX_INPUT_BYTES: a FIFO or device would block or never end. */
async function readInput(file: string): Promise<string> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the checks then run on what was opened.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return await readOpened(file, handle);
  } finally {
    await handle.close();
  }
}

async function readOpened(file: string, handle: FileHandle): Promise<string> {
  const stats = await handle.stat();
  if (!stats.isFile()) {
    const kind = stats.isDirectory()
      ? 'a directory'
      : stats.isFIFO()
        ? 'a FIFO'
        : stats.isSocket()
          ? 'a socket'
          : 'not a regular file';
    throw new OutputError(`${file}: ${kind}; give a file`);
  }
  if (stats.size > MAX_INPUT_BYTES)
    throw new OutputError(
      `${file}: ${stats.size} bytes is over the ${MAX_INPUT_BYTES / 1024 / 1024} MiB input limit`,
    );
  return handle.readFile('utf8');
}

/**
 * One `scanners[]` entry per imported tool, as a scan lists the scanners it ran: its versions, the
 * files it came from, and failed if any of its runs did not complete. Its result count is filled in
 * by assemble(), from the same results the findings come from.
 */
class ImportedRuns {
  private readonly tools = new Map<
    string,
    { versions: Set<string>; files: Set<string>; failures: string[] }
  >();

  add(tool: string, version: string | undefined, file: string, failure?: string): void {
    let entry = this.tools.get(tool);
    if (!entry) {
      entry = { versions: new Set(), files: new Set(), failures: [] };
      this.tools.set(tool, entry);
    }
    // An input's bytes: printed in the CLI's summary table, so no controls, no `::` commands.
    if (version) entry.versions.add(truncate(safeLogLine(version), 64));
    entry.files.add(file);
    if (failure) entry.failures.push(failure);
  }

  reports(): ScannerReport[] {
    return [...this.tools]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, { versions, files, failures }]) => ({
        name,
        status: failures.length > 0 ? 'failed' : 'ok',
        ...(versions.size > 0 ? { version: [...versions].sort().join(', ') } : {}),
        attempts: 0,
        durationMs: 0,
        findings: 0,
        outputs: [],
        ...(failures.length > 0 ? { message: [...failures].sort().join('; ') } : {}),
        notes: [`imported from ${[...files].sort().join(', ')}`],
      }));
  }
}

/** `scanfold merge`: import every file, then the same normalize → policy → outputs as a scan. */
export function importFiles(request: ImportRequest): Promise<ScanOutcome> {
  return withPdfPrinter((printer) => {
    // Reading and merging the inputs keeps one core busy; the browser starts on the other.
    printer?.warm();
    return importWith(request, printer);
  });
}

async function importWith(
  request: ImportRequest,
  printer: PdfPrinter | undefined,
): Promise<ScanOutcome> {
  const sarif: SarifInput[] = [];
  const sboms: SbomInput[] = [];
  const errors: string[] = [];
  const imported = new ImportedRuns();
  const seen = new Map<string, number>();
  for (const file of request.files) {
    // The same file given twice must still give distinct sources.
    const count = (seen.get(file) ?? 0) + 1;
    seen.set(file, count);
    const label = count === 1 ? file : `${file}#${count}`;
    try {
      const document = importDocument(label, await readInput(file));
      if (document.kind === 'sarif') {
        sarif.push(document.input);
        document.input.log.runs.forEach((run, index) => {
          const tool = toolNameOf(run, TOOL_KNOWLEDGE);
          const driver = run.tool.driver;
          const reason = runFailure(run);
          // Failed, not clean: the report counts it as a failed scanner and exits 3.
          const message = reason
            ? `${label}: run ${index} (${tool}) did not complete: ${reason}`
            : undefined;
          imported.add(tool, driver.version ?? driver.semanticVersion, label, message);
          if (!message) return;
          errors.push(message);
          request.logger.error(message);
        });
      } else {
        sboms.push(document.input);
        imported.add(TOOL_KNOWLEDGE.toolOf(document.input.tool), document.input.toolVersion, label);
      }
    } catch (error) {
      // Our own errors already name the file; a system error (EISDIR, EACCES) is given its name.
      const message =
        error instanceof OutputError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? `${file}: not found`
            : `${file}: ${errorMessage(error).replace(/, (open|read) '.*'$/, '')}`;
      errors.push(message);
      request.logger.error(message);
    }
  }
  return assemble({
    root: path.resolve(request.root),
    outputDir: path.resolve(request.outputDir),
    failOn: request.failOn,
    scanners: imported.reports(),
    sarif,
    sboms,
    errors,
    logger: request.logger,
    ...(request.policy ? { policy: request.policy } : {}),
    ...(request.clock ? { clock: request.clock } : {}),
    ...(printer ? { printer } : {}),
  });
}
