// Scans examples/vulnerable-app (as `npm run example` does, plus one suppression) and saves a
// screenshot of its report.html as docs/report-example.png for the README.
// Usage: npm run build && node scripts/report-screenshot.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../src/outputs/pdf.ts';
import { scanExample } from './example-scan.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-screenshot-'));
try {
  const config = path.join(dir, 'policy.yml');
  await writeFile(
    config,
    'suppressions:\n  - rule: CKV_DOCKER_2\n    reason: health is checked by the orchestrator (SEC-142)\n    expires: 2099-03-31\n',
  );
  scanExample(path.join(dir, 'out'), ['--config', config]);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: run npm run setup');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 1500 },
    deviceScaleFactor: 1,
  });
  await page.goto(pathToFileURL(path.join(dir, 'out', 'report.html')).href);
  await page.screenshot({ path: path.join(root, 'docs', 'report-example.png') });
  await browser.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
