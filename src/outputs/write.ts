import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import type { Report } from '../model/scan-result.ts';
import { renderHtml } from './html.ts';
import { writeJsonFile } from './json-stream.ts';
import { renderMarkdown } from './markdown.ts';
import { printPdf } from './pdf.ts';

export const OUTPUT_FILES = {
  sarif: 'scanfold.sarif',
  sbom: 'sbom.cdx.json',
  report: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
  pdf: 'report.pdf',
} as const;

async function listRecursive(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listRecursive(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** SHA-256 of every file written so far; `known` holds hashes computed while writing. */
async function hashFiles(
  outputDir: string,
  known: ReadonlyMap<string, string>,
): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const file of (await listRecursive(outputDir)).sort()) {
    const relative = path.relative(outputDir, file).split(path.sep).join('/');
    if (relative === OUTPUT_FILES.report || relative === 'manifest.json') continue;
    manifest[relative] =
      known.get(relative) ??
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
  }
  return manifest;
}

export interface WriteOptions {
  /** Print report.html to report.pdf with headless Chromium when one is found (default true). */
  pdf?: boolean;
  /** Told when the PDF is skipped. */
  note?: (message: string) => void;
}

/**
 * Write the merged outputs. report.html carries the SHA-256 of everything written before it;
 * report.json goes last and carries the SHA-256 of every other file.
 */
export async function writeOutputs(
  outputDir: string,
  report: Report,
  sarif: Log,
  sbomJson: string | undefined,
  options: WriteOptions = {},
): Promise<Report> {
  await mkdir(outputDir, { recursive: true });
  // Hashed while written: reading a large SARIF back just to hash it costs as much as writing it.
  const known = new Map<string, string>([
    [OUTPUT_FILES.sarif, await writeJsonFile(path.join(outputDir, OUTPUT_FILES.sarif), sarif)],
  ]);
  if (sbomJson) await writeFile(path.join(outputDir, OUTPUT_FILES.sbom), sbomJson);
  await writeFile(
    path.join(outputDir, OUTPUT_FILES.markdown),
    renderMarkdown(report, { maxLength: 1_000_000 }),
  );
  const html = path.join(outputDir, OUTPUT_FILES.html);
  await writeFile(html, renderHtml({ ...report, manifest: await hashFiles(outputDir, known) }));
  if (options.pdf ?? process.env.SCANFOLD_PDF !== '0') {
    const pdf = await printPdf(html, path.join(outputDir, OUTPUT_FILES.pdf));
    if (!pdf.ok) options.note?.(pdf.note);
  }
  const final = { ...report, manifest: await hashFiles(outputDir, known) };
  // One finding (and one scanner) per line: indenting each field of 100k findings costs seconds.
  await writeJsonFile(path.join(outputDir, OUTPUT_FILES.report), final, 2);
  return final;
}
