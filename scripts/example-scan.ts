// The real scan of examples/vulnerable-app with the bundled CLI, as the README's example command
// runs it (offline, against the fixture vulnerability DBs that `npm run setup` builds).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function testDbDir(tool: 'trivy' | 'grype' | 'osv'): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scanfold', 'testdb', tool);
}

/** CLI flags that point the scan at the fixture vulnerability DBs from scripts/setup.mjs. */
export function testDbArgs(): string[] {
  return [
    '--trivy-cache-dir',
    testDbDir('trivy'),
    '--grype-db-dir',
    testDbDir('grype'),
    '--osv-db-dir',
    testDbDir('osv'),
  ];
}

/** Run the scan into `out`; returns its wall time in seconds, throws on a non-zero exit. */
export function scanExample(out: string, extra: readonly string[] = []): number {
  const args = [
    path.join(root, 'dist', 'cli.js'),
    'scan',
    path.join(root, 'examples', 'vulnerable-app'),
    '--out',
    out,
    '--fail-on',
    'none',
    '--offline',
    ...testDbArgs(),
    ...extra,
  ];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`scanfold scan exited with ${result.status ?? result.signal}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
