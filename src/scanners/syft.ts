import path from 'node:path';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { firstSemver, parseOutputs } from './common.ts';
import { imageFileStem, syftSource } from '../plan/image.ts';

export const syft: ScannerAdapter = {
  name: 'syft',
  tool: 'syft',
  typicalSeconds: 1.5,
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
    const outcome = outcomeOf(exit, [sbom], { what: 'syft' });
    if (outcome.kind !== 'ok') return outcome;
    // One SBOM per image, beside the directory's: the merge keeps both sets of components.
    for (const [position, image] of context.config.images.entries()) {
      const file = path.join(context.workDir, `${imageFileStem('syft', position + 1)}.cdx.json`);
      const scanned = outcomeOf(
        await context.exec(['scan', syftSource(image), '--quiet', '-o', `cyclonedx-json=${file}`]),
        [file],
        { what: `syft ${image.ref}` },
      );
      if (scanned.kind !== 'ok') return scanned;
      outcome.files.push(file);
    }
    return outcome;
  },
  parse: (outputs) => parseOutputs(outputs),
  ownsDriver: driverContains('syft'),
};
