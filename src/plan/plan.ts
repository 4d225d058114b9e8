import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ScanConfig } from '../config/schema.ts';
import type { ScannerAdapter } from '../scanners/adapter.ts';
import { adapterNamed } from '../scanners/registry.ts';
import type { ScannerName } from '../scanners/registry.ts';

export type PlanEntry =
  | { name: ScannerName; adapter: ScannerAdapter; run: true; dependsOn: ScannerName[] }
  | { name: ScannerName; adapter: ScannerAdapter; run: false; reason: string };

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.terraform']);
const FILE_LIMIT = 200_000;

/** Repo-relative file list, enough to decide which scanners apply. */
export async function listFiles(root: string, outputDir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (files.length >= FILE_LIMIT) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && full !== outputDir) await walk(full);
      } else if (entry.isFile()) {
        files.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  await walk(root);
  return files;
}

export async function planScan(config: ScanConfig): Promise<PlanEntry[]> {
  const files = await listFiles(config.root, config.outputDir);
  return config.scanners.map((name): PlanEntry => {
    const adapter = adapterNamed(name);
    // Config validation admits registered names only; this guards code that builds configs itself.
    if (!adapter) throw new Error(`unknown scanner "${name}"`);
    const applicability = adapter.applies(config, files);
    if (!applicability.applies)
      return { name, adapter, run: false, reason: applicability.reason ?? 'not applicable' };
    const dependsOn = (adapter.dependsOn ?? []).filter((dependency) =>
      config.scanners.includes(dependency),
    );
    return { name, adapter, run: true, dependsOn };
  });
}
