import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The scanfold package directory, whether running from src/ or the dist/ bundle. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (parsed.name === 'scanfold') return (cached = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('scanfold package root not found above ' + import.meta.url);
    dir = parent;
  }
}

export function scanfoldVersion(): string {
  const parsed = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return parsed.version;
}
