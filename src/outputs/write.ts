import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import type { Report } from '../model/scan-result.ts';
import { scrubTokens } from '../normalize/secrets.ts';
import { lateParts, PRINT_ROW_LIMIT, renderHtml } from './html.ts';
import {
  writeJsonFile,
  type JsonWriteOptions,
  type JsonWriteResult,
  type MeasuredItem,
} from './json-stream.ts';
import { renderMarkdown } from './markdown.ts';
import { createPdfPrinter, temporaryPage, type PdfPrinter, type PdfResult } from './pdf.ts';
import { scrubValue } from './redact.ts';

export const OUTPUT_FILES = {
  sarif: 'scanfold.sarif',
  sbom: 'sbom.cdx.json',
  report: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  pdf: 'report.pdf',
} as const;

/** Scanfold's own files in an output directory; nothing else there is ever removed or listed. */
export const OWN_OUTPUTS: readonly string[] = [...Object.values(OUTPUT_FILES), 'manifest.json'];

/** report.pdf is printed unless SCANFOLD_PDF=0 turns it off. */
export function pdfWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SCANFOLD_PDF !== '0';
}

/** The output directory must be a directory (created when missing); a file there is a usage error. */
export async function prepareOutputDir(outputDir: string): Promise<void> {
  const existing = await lstat(outputDir).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    const target = await stat(outputDir).catch(() => undefined);
    if (!target?.isDirectory())
      throw new ConfigurationError(
        `--out ${outputDir}: a symbolic link to something that is not a directory`,
      );
  } else if (existing && !existing.isDirectory()) {
    throw new ConfigurationError(`--out ${outputDir}: exists and is not a directory`);
  }
  await mkdir(outputDir, { recursive: true });
}

/** Remove Scanfold's previous outputs only (links themselves, never their targets). */
export async function clearOwnOutputs(
  outputDir: string,
  extra: readonly string[] = [],
): Promise<void> {
  for (const name of [...OWN_OUTPUTS, ...extra])
    await rm(path.join(outputDir, name), { recursive: true, force: true });
}

/** Create a fresh file: an existing file or symbolic link at the path is replaced, never written through. */
async function writeFresh(file: string, text: string): Promise<void> {
  await rm(file, { force: true });
  await writeFile(file, text, { flag: 'wx' });
}

/** Returns the SHA-256 of what was written (hashed while writing), and what was measured. */
async function writeFreshJson(
  file: string,
  value: unknown,
  options?: JsonWriteOptions,
): Promise<JsonWriteResult> {
  await rm(file, { force: true });
  return writeJsonFile(file, value, options);
}

export interface SarifWritten {
  sha256: string;
  /** Each run's size as written, in order: fitToLimits needs no second serialisation of it. */
  runs: MeasuredItem[];
}

/**
 * Clear the previous outputs, then write scanfold.sarif. It goes first: writing it measures each
 * run, which tells which runs fit GitHub's size limit before the report saying so is written.
 */
export async function writeSarifOutput(outputDir: string, sarif: Log): Promise<SarifWritten> {
  await prepareOutputDir(outputDir);
  await clearOwnOutputs(outputDir);
  const written = await writeFreshJson(path.join(outputDir, OUTPUT_FILES.sarif), sarif, {
    measure: 'runs',
  });
  return { sha256: written.sha256, runs: written.measured };
}

/** SHA-256 of each file this run wrote; `known` holds hashes computed while writing. */
async function hashFiles(
  outputDir: string,
  written: readonly string[],
  known: ReadonlyMap<string, string>,
): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const relative of [...written].sort()) {
    manifest[relative] =
      known.get(relative) ??
      createHash('sha256')
        .update(await readFile(path.join(outputDir, relative)))
        .digest('hex');
  }
  return manifest;
}

declare const scrubbed: unique symbol;
/** A report with the run's secret values scrubbed from every string (scrubReport, finishReport). */
export type ScrubbedReport = Report & { readonly [scrubbed]: true };

/** Scrub once: the walk over every finding is not repeated for each file written from it. */
export function scrubReport(report: Report, secretTokens: readonly string[]): ScrubbedReport {
  return scrubValue(report, secretTokens) as ScrubbedReport;
}

/** The report's parts known only once scanfold.sarif is written, scrubbed and put in place. */
export function finishReport(
  draft: ScrubbedReport,
  late: Pick<Report, 'truncated' | 'errors'>,
  secretTokens: readonly string[],
): ScrubbedReport {
  return { ...draft, ...scrubValue(late, secretTokens) };
}

/** report.pdf's page, loading in the browser while scanfold.sarif is built and written. */
export interface PrintPage {
  /** Fill in the finished report's late parts (errors, manifest) and print. */
  print(report: ScrubbedReport, pdfFile: string): Promise<PdfResult>;
  /** Give the page up without printing (idempotent; also done by print). */
  discard(): Promise<void>;
}

/**
 * Open report.pdf's page now: report.html with at most PRINT_ROW_LIMIT finding rows (laying out
 * 5,000 rows costs Chromium most of a minute and gives some 760 pages), its late parts left as
 * slots. With no printer given, a browser of its own is started and stopped.
 */
export function openPrintPage(draft: ScrubbedReport, printer?: PdfPrinter): PrintPage {
  const browser = printer ?? createPdfPrinter();
  const opened = temporaryPage(
    renderHtml(draft, { rowLimit: PRINT_ROW_LIMIT, lateSlots: true }),
  ).then((page) => ({ page, job: browser.open(page.page) }));
  // Awaited by print or discard; a page that could not be written is print's note.
  opened.catch(() => undefined);
  let closed: Promise<void> | undefined;
  const discard = (): Promise<void> =>
    (closed ??= (async () => {
      const loaded = await opened.catch(() => undefined);
      await loaded?.job.discard();
      await loaded?.page.remove();
      if (!printer) await browser.close();
    })());
  return {
    async print(report, pdfFile) {
      try {
        const loaded = await opened.catch((error: unknown) => errorMessage(error));
        if (typeof loaded === 'string')
          return { ok: false, note: `report.pdf skipped: its page was not written (${loaded})` };
        return await loaded.job.print(pdfFile, lateParts(report));
      } finally {
        await discard();
      }
    },
    discard,
  };
}

export interface WriteRequest {
  outputDir: string;
  report: ScrubbedReport;
  /** scanfold.sarif, already written by writeSarifOutput. */
  sarif: SarifWritten;
  /** sbom.cdx.json, scrubbed of the run's secrets and validated as it is (see assemble). */
  sbomJson: string | undefined;
  /** Raw scanner files this run kept, relative to the output dir (e.g. raw/trivy.json). */
  rawFiles: readonly string[];
  /** Secret values to scrub from every file written, raw scanner outputs included. */
  secretTokens: readonly string[];
  /** report.pdf's page, opened earlier (openPrintPage); no report.pdf without one. */
  printPage?: PrintPage;
  /** Told when each file is written (SCANFOLD_TIMINGS). */
  step?: (step: string) => void;
  /** Told when the PDF is skipped. */
  note?: (message: string) => void;
}

/**
 * Write the merged outputs after scanfold.sarif (see writeSarifOutput). report.html carries the
 * SHA-256 of everything written before it; report.json goes last and carries the SHA-256 of every
 * other file this run wrote (nothing else in the directory is listed).
 */
export async function writeOutputs(request: WriteRequest): Promise<Report> {
  const { outputDir, secretTokens, report } = request;
  const written: string[] = [OUTPUT_FILES.sarif];
  // Hashed while written: reading a large SARIF back just to hash it costs as much as writing it.
  const known = new Map<string, string>([[OUTPUT_FILES.sarif, request.sarif.sha256]]);
  const step = request.step ?? ((): void => undefined);
  if (request.sbomJson) {
    await writeFresh(path.join(outputDir, OUTPUT_FILES.sbom), request.sbomJson);
    written.push(OUTPUT_FILES.sbom);
  }
  for (const raw of request.rawFiles) {
    const file = path.join(outputDir, raw);
    const stats = await lstat(file).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (secretTokens.length > 0) {
      // The scanners' own files are archived too: the same secrets are scrubbed from them.
      const text = await readFile(file, 'utf8');
      const scrubbed = scrubTokens(text, secretTokens);
      if (scrubbed !== text) await writeFresh(file, scrubbed);
    }
    written.push(raw);
  }
  step('write sbom+raw');
  await writeFresh(
    path.join(outputDir, OUTPUT_FILES.markdown),
    renderMarkdown(report, { maxLength: 1_000_000 }),
  );
  written.push(OUTPUT_FILES.markdown);
  const withManifest = { ...report, manifest: await hashFiles(outputDir, written, known) };
  // report.pdf prints (on another core) while report.html and report.json are written.
  const printed = request.printPage
    ? request.printPage.print(withManifest, path.join(outputDir, OUTPUT_FILES.pdf)).then((pdf) => {
        if (pdf.ok) written.push(OUTPUT_FILES.pdf);
        else request.note?.(pdf.note);
      })
    : Promise.resolve();
  // Awaited below (through the manifest); this only keeps a failed print from being an unhandled
  // rejection should a write fail first.
  printed.catch(() => undefined);
  await writeFresh(path.join(outputDir, OUTPUT_FILES.html), renderHtml(withManifest));
  written.push(OUTPUT_FILES.html);
  step('write md+html');
  // report.json is serialised while the browser prints: only its last member, the manifest,
  // waits for report.pdf (a second or more at 100k findings, on another core).
  const manifest = printed.then(() => hashFiles(outputDir, written, known));
  manifest.catch(() => undefined);
  // One finding (and one scanner) per line: indenting each field of 100k findings costs seconds.
  await writeFreshJson(
    path.join(outputDir, OUTPUT_FILES.report),
    { ...report, manifest },
    { depth: 2 },
  );
  step('write report+pdf');
  return { ...report, manifest: await manifest };
}
