import { testDbDir } from '../../scripts/example-scan.ts';

export { testDbDir };

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
