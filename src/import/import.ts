import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { FailOn } from '../config/schema.ts';
import { assemble, stepTimer, withPdfPrinter } from '../engine.ts';
import type { ScanOutcome } from '../engine.ts';
import type { PdfPrinter } from '../outputs/pdf.ts';
import { errorMessage } from '../model/errors.ts';
import type { SarifInput, SbomInput } from '../model/inputs.ts';
import { checkBomInput } from '../model/sbom-input.ts';
import type { Clock, Logger } from '../model/ports.ts';
import type { ParseContext, ParsedOutput, RawOutput, ScannerAdapter } from '../scanners/adapter.ts';
import type { CycloneDxVulnerability } from '../scanners/read-output.ts';
import type { ScannerReport } from '../model/scan-result.ts';
import { toolNameOf } from '../normalize/extract.ts';
import { safeLogLine, truncate } from '../outputs/escape.ts';
import {
  checkSarifLog,
  firstIssue,
  checkCycloneDx,
  jsonFileText,
  OutputError,
  parseJsonText,
  runFailure,
} from '../scanners/read-output.ts';
import { ADAPTERS, TOOL_KNOWLEDGE } from '../scanners/registry.ts';
import { cycloneDxVulnerabilitiesToSarif } from './cyclonedx-vulnerabilities.ts';

/** Reading files other tools wrote (`scanfold merge`): SARIF, CycloneDX, or a tool's native JSON. */

export interface ImportRequest {
  files: readonly string[];
  outputDir: string;
  root: string;
  failOn: FailOn;
  /** The config's `exclude`: results in these paths are left out, as a scan leaves them out. */
  exclude?: readonly string[];
  logger: Logger;
  /** Baseline, suppressions, gate scope (as for scan). */
  policy?: Parameters<typeof assemble>[0]['policy'];
  clock?: Clock;
}

type Imported = { kind: 'sarif'; input: SarifInput } | { kind: 'sbom'; input: SbomInput };

/** One input recognised by content, and the adapter that owns it when it is a known tool's output. */
type Recognised =
  | { kind: 'sarif'; log: Log; owner: ScannerAdapter | undefined }
  | { kind: 'sbom'; input: SbomInput; vulnerabilities: CycloneDxVulnerability[] }
  | { kind: 'native'; data: unknown; owner: ScannerAdapter; sarif: Log };

/**
 * The adapter that wrote every run of a SARIF log, if one did. Scanfold's own merged output
 * (`scanfold/<tool>/` categories) has had its tools' fixes already, and a log mixing tools is
 * read as it is.
 */
function ownerOf(log: Log, adapters: readonly ScannerAdapter[]): ScannerAdapter | undefined {
  let owner: ScannerAdapter | undefined;
  for (const run of log.runs) {
    // Not validated by the SARIF schema here: any type may stand where the id should be.
    const category: unknown = (run.automationDetails as { id?: unknown } | undefined)?.id;
    if (typeof category === 'string' && category.startsWith('scanfold/')) return undefined;
    const driver = run.tool.driver.name;
    const adapter = adapters.find((candidate) => candidate.ownsDriver(driver));
    if (!adapter || (owner && owner !== adapter)) return undefined;
    owner = adapter;
  }
  return owner;
}

/** Detect what a file is, by content rather than name; a clear error when it is nothing known. */
function recognise(file: string, text: string, adapters: readonly ScannerAdapter[]): Recognised {
  let data: unknown;
  try {
    data = parseJsonText(file, text);
  } catch (error) {
    // Not one JSON document: perhaps a tool's stream of them; else the JSON error stands.
    for (const owner of adapters) {
      const streamed = owner.nativeJson?.fromText?.(text);
      const sarif = streamed === undefined ? undefined : owner.nativeJson?.toSarif(streamed);
      if (sarif) return { kind: 'native', data: streamed, owner, sarif };
    }
    throw error;
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (record.version === '2.1.0' || Array.isArray(record.runs)) {
    const sarif = checkSarifLog(data);
    if (!sarif.success) {
      throw new OutputError(`${file}: invalid SARIF 2.1.0 at ${firstIssue(sarif.error)}`);
    }
    const log = sarif.data;
    return { kind: 'sarif', log, owner: ownerOf(log, adapters) };
  }
  if (record.bomFormat === 'CycloneDX') {
    const bom = checkCycloneDx(data);
    if (!bom.success)
      throw new OutputError(`${file}: invalid CycloneDX at ${firstIssue(bom.error)}`);
    // Checked here, at the boundary: a wrong-typed field rejects this file only, naming the field,
    // and never reaches the SBOM merge (where it would cost every other SBOM).
    const checked = checkBomInput(record);
    if (!checked.success) throw new OutputError(`${file}: ${checked.reason}`);
    const { name, version } = checked.tool;
    return {
      kind: 'sbom',
      input: { tool: name ?? 'cyclonedx', toolVersion: version, file, bom: record },
      vulnerabilities: bom.data.vulnerabilities ?? [],
    };
  }
  // Not a clean run of whichever format accepts an empty list first (Checkov's would).
  if (Array.isArray(data) && data.length === 0)
    throw new OutputError(
      `${file}: an empty JSON array names no tool (Gitleaks writes [] when it finds nothing); import the tool's SARIF instead, which says which tool ran`,
    );
  // Converted once: the adapter's parse uses this SARIF unless a SARIF file beside it wins.
  for (const owner of adapters) {
    const sarif = owner.nativeJson?.toSarif(data);
    if (sarif) return { kind: 'native', data, owner, sarif };
  }
  // Recognisably one tool's report, yet not one it reads: which field, rather than "unknown".
  for (const { nativeJson } of adapters) {
    if (!nativeJson) continue;
    const why = nativeJson.explain?.(data);
    if (why !== undefined) throw new OutputError(`${file}: invalid ${nativeJson.label} at ${why}`);
  }
  const labels = adapters.flatMap((adapter) =>
    adapter.nativeJson ? [adapter.nativeJson.label] : [],
  );
  throw new OutputError(
    `${file}: unknown format (expected SARIF 2.1.0, CycloneDX JSON, or ${labels.join(', ')})`,
  );
}

/**
 * One document as it is, without its tool's fixes (scanfold's own outputs, read back): SARIF,
 * CycloneDX, or a tool's native JSON converted to SARIF. `scanfold merge` uses importFiles.
 */
export function importDocument(
  file: string,
  text: string,
  adapters: readonly ScannerAdapter[] = ADAPTERS,
): Imported {
  const recognised = recognise(file, text, adapters);
  // Scanfold's own SBOM lists the vulnerabilities of its SARIF's findings: the SARIF has them.
  if (recognised.kind === 'sbom') return { kind: 'sbom', input: recognised.input };
  return {
    kind: 'sarif',
    input: { file, log: recognised.kind === 'sarif' ? recognised.log : recognised.sarif },
  };
}

/** A recognised input as the raw output its adapter's parse reads. */
function rawOutput(name: string, recognised: Recognised & { kind: 'sarif' | 'native' }): RawOutput {
  return recognised.kind === 'sarif'
    ? { kind: 'sarif', name, read: () => Promise.resolve(recognised.log) }
    : {
        kind: 'native',
        name,
        read: () => Promise.resolve(recognised.data),
        sarif: recognised.sarif,
      };
}

/**
 * Each tool's inputs through that tool's adapter, as a scan's raw outputs are: the same fixes, the
 * same pairing of a SARIF file with the native report beside it. Should the tool's parse reject
 * the group, each file is tried alone, so one bad report costs only its own results.
 */
async function parseOwned(
  adapter: ScannerAdapter,
  outputs: readonly RawOutput[],
  context: ParseContext,
): Promise<{ parsed: ParsedOutput[]; errors: string[] }> {
  try {
    return { parsed: [await adapter.parse(outputs, context)], errors: [] };
  } catch (error) {
    if (outputs.length === 1) {
      const name = outputs[0]?.name ?? adapter.name;
      const message = oneLine(error);
      return {
        parsed: [],
        errors: [message.startsWith(`${name}: `) ? message : `${name}: ${message}`],
      };
    }
  }
  const parsed: ParsedOutput[] = [];
  const errors: string[] = [];
  for (const output of outputs) {
    const alone = await parseOwned(adapter, [output], context);
    parsed.push(...alone.parsed);
    errors.push(...alone.errors);
  }
  return { parsed, errors };
}

function oneLine(error: unknown): string {
  if (error instanceof z.ZodError) return `not in the tool's format (${firstIssue(error)})`;
  return (errorMessage(error).split('\n')[0] ?? '').slice(0, 500);
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
  return jsonFileText(file, await handle.readFile());
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
  const step = stepTimer();
  const sarif: SarifInput[] = [];
  const sboms: SbomInput[] = [];
  const errors: string[] = [];
  const imported = new ImportedRuns();
  /** Each file (device and inode), to the name it was first given by. */
  const seen = new Map<string, string>();
  const fromBoms: (SarifInput & { tool: string; unresolved: number })[] = [];
  const owned = new Map<ScannerAdapter, RawOutput[]>();
  const fail = (message: string): void => {
    errors.push(message);
    request.logger.error(message);
  };
  for (const file of request.files) {
    // The same file given twice (overlapping globs, a link to it) is read once: twice, each of its
    // results would count twice at the gate.
    // By device and inode: a symbolic or a hard link to a file is that file.
    const real = await stat(file).then(
      (found) => `${found.dev}:${found.ino}`,
      () => path.resolve(file),
    );
    const first = seen.get(real);
    if (first !== undefined) {
      request.logger.warning(`${file}: the same file as ${first}, given again; read once`);
      continue;
    }
    seen.set(real, file);
    try {
      const text = await readInput(file);
      // A byte that is not UTF-8 (Latin-1 text, a cut character) is read as U+FFFD: said, not hidden.
      if (text.includes('\uFFFD'))
        request.logger.warning(
          `${file}: some bytes are not UTF-8 (Latin-1?); each was read as U+FFFD`,
        );
      const recognised = recognise(file, text, ADAPTERS);
      if (recognised.kind === 'sbom') {
        const { input, vulnerabilities } = recognised;
        const tool = TOOL_KNOWLEDGE.toolOf(input.tool);
        // Listed first: should listing it fail, the SBOM is not merged either.
        imported.add(tool, input.toolVersion, file);
        sboms.push(input);
        // Its vulnerabilities are findings of the tool that wrote it, as its SARIF's would be.
        const { log, unresolved } = cycloneDxVulnerabilitiesToSarif(
          input.bom,
          vulnerabilities,
          input.tool,
          input.toolVersion,
        );
        if (log) fromBoms.push({ file, log, tool, unresolved });
      } else if (recognised.kind === 'sarif' && !recognised.owner)
        sarif.push({ file, log: recognised.log });
      else if (recognised.owner) {
        const outputs = owned.get(recognised.owner) ?? [];
        outputs.push(rawOutput(file, recognised));
        owned.set(recognised.owner, outputs);
        // Listed even when its adapter reads it only beside a SARIF file (a JSON report's details).
        imported.add(recognised.owner.name, undefined, file);
      }
    } catch (error) {
      // Our own errors already name the file; a system error (EISDIR, EACCES) is given its name.
      fail(
        error instanceof OutputError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? `${file}: not found`
            : `${file}: ${errorMessage(error).replace(/, (open|read) '.*'$/, '')}`,
      );
    }
  }
  const context: ParseContext = {
    root: path.resolve(request.root),
    exclude: request.exclude ?? [],
    images: [],
  };
  for (const adapter of ADAPTERS) {
    const outputs = owned.get(adapter);
    if (!outputs) continue;
    const { parsed, errors: unreadable } = await parseOwned(adapter, outputs, context);
    for (const message of unreadable) fail(message);
    for (const one of parsed) {
      for (const { file, log } of one.sarif) sarif.push({ file, log, tool: adapter.name });
      for (const { file, bom } of one.sboms) sboms.push({ tool: adapter.name, file, bom });
      for (const note of one.notes ?? []) request.logger.info(`${adapter.name}: ${note}`);
    }
  }
  // The tools' own reports are read; only their SARIF goes on (memory for the outputs).
  owned.clear();
  // A BOM's vulnerabilities are its tool's results, unless that tool's SARIF or report is given
  // too (a scan's raw files: trivy.cdx.json beside trivy.sarif), which already holds them.
  const reported = new Set(
    sarif.flatMap((input) =>
      input.log.runs.map((run) => input.tool ?? toolNameOf(run, TOOL_KNOWLEDGE)),
    ),
  );
  for (const { unresolved, ...input } of fromBoms) {
    const count = input.log.runs[0]?.results?.length ?? 0;
    if (reported.has(input.tool)) {
      request.logger.info(
        `${input.file}: its ${count} vulnerability result(s) are left to ${input.tool}'s SARIF or JSON report, also given`,
      );
      continue;
    }
    sarif.push(input);
    if (unresolved > 0)
      request.logger.warning(
        `${input.file}: ${unresolved} vulnerability ${unresolved === 1 ? 'entry affects a bom-ref' : 'entries affect bom-refs'} not in the file; imported without a package`,
      );
  }
  for (const input of sarif) {
    input.log.runs.forEach((run, index) => {
      const tool = input.tool ?? toolNameOf(run, TOOL_KNOWLEDGE);
      const driver = run.tool.driver;
      const reason = runFailure(run);
      // Failed, not clean: the report counts it as a failed scanner and exits 3.
      const message = reason
        ? `${input.file}: run ${index} (${tool}) did not complete: ${reason}`
        : undefined;
      imported.add(tool, driver.version ?? driver.semanticVersion, input.file, message);
      if (message) fail(message);
    });
  }
  step('import');
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
