import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { firstSemver, parseByExtension } from './common.ts';

export const syft: ScannerAdapter = {
  name: 'syft',
  tool: 'syft',
  title: 'Syft',
  categories: ['sbom'],
  description: 'SBOM',
  outputs: 'CycloneDX JSON',
  env: { SYFT_CHECK_FOR_APP_UPDATE: 'false' },
  applies: () => ({ applies: true }),
  versionArgs: ['version'],
  parseVersion: firstSemver,
  exclude: { honoured: true },
  async scan(context) {
    const sbom = path.join(context.workDir, 'syft.cdx.json');
    const args = ['scan', 'dir:.', '--quiet', '-o', `cyclonedx-json=${sbom}`];
    for (const pattern of context.config.exclude) args.push('--exclude', pattern);
    const exit = await context.exec(args);
    return outcomeOf(exit, [sbom], { what: 'syft' });
  },
  parse: parseByExtension,
  ownsDriver: driverContains('syft'),
};
