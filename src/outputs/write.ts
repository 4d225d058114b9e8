import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import type { Report } from '../model/scan-result.ts';
import { renderHtml } from './html.ts';
import { writeJsonFile } from './json-stream.ts';
import { renderMarkdown } from './markdown.ts';

export const OUTPUT_FILES = {
  sarif: 'scanfold.sarif',
  sbom: 'sbom.cdx.json',
  report: 'report.json',
  markdown: 'report.md',
  html: 'report.html',
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

/** Write the merged outputs; report.json goes last and carries the SHA-256 of every other file. */
export async function writeOutputs(
  outputDir: string,
  report: Report,
  sarif: Log,
  sbomJson: string | undefined,
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
  await writeFile(path.join(outputDir, OUTPUT_FILES.html), renderHtml(report));
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
  const final = { ...report, manifest };
  // One finding (and one scanner) per line: indenting each field of 100k findings costs seconds.
  await writeJsonFile(path.join(outputDir, OUTPUT_FILES.report), final, 2);
  return final;
}
