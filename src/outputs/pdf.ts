import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Chromium or Chrome lives on Debian/Ubuntu and on GitHub-hosted runners. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.SCANFOLD_CHROMIUM;
  if (explicit !== undefined) return explicit && existsSync(explicit) ? explicit : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Headless, offline, no profile: nothing but the local page is loaded. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

export type PdfResult = { ok: true; file: string } | { ok: false; note: string };

/** Print report.html to PDF with headless Chromium; a missing or failing browser is a note, never an error. */
export async function printPdf(
  htmlFile: string,
  pdfFile: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<PdfResult> {
  const chromium = findChromium(options.env);
  if (!chromium)
    return {
      ok: false,
      note: 'report.pdf skipped: no Chromium or Chrome found (set SCANFOLD_CHROMIUM to its path)',
    };
  const profile = await mkdtemp(path.join(os.tmpdir(), 'scanfold-chromium-'));
  try {
    const args = [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    const outcome = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let output = '';
      const keep = (chunk: Buffer): void => {
        output = (output + chunk.toString()).slice(-2_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, options.timeoutMs ?? 60_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ code: -1, output: error.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
    const size = await stat(pdfFile).then(
      (info) => info.size,
      () => 0,
    );
    if (outcome.code === 0 && size > 0) return { ok: true, file: pdfFile };
    const last = outcome.output.trim().split('\n').pop() ?? '';
    return {
      ok: false,
      note: `report.pdf skipped: ${path.basename(chromium)} exited ${outcome.code ?? 'on a signal'}${last ? ` (${last.slice(0, 200)})` : ''}`,
    };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
