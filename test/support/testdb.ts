import os from 'node:os';
import path from 'node:path';

/** Where scripts/setup.mjs puts the fixture vulnerability DBs (Trivy: <dir>/db, Grype: <dir>/6). */
export function testDbDir(tool: 'trivy' | 'grype'): string {
  return path.join(
    process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
    'scanfold',
    'testdb',
    tool,
  );
}

export function testDbArgs(): string[] {
  return ['--trivy-cache-dir', testDbDir('trivy'), '--grype-db-dir', testDbDir('grype')];
}
