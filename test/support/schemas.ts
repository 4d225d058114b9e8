/**
 * Validators for scanfold's outputs against the official schemas: the same bundled ones scanfold
 * checks its outputs with at run time (src/outputs/validate.ts; schemas/README.md says where they
 * come from), plus the CycloneDX library's own validator as an independent second opinion.
 */
import { validateBom } from '../../src/outputs/validate.ts';

export { validateSarif } from '../../src/outputs/validate.ts';

/** CycloneDX 1.6 errors as one string, undefined when valid: both validators must agree. */
export async function validateCycloneDx(json: string): Promise<string | undefined> {
  const { validateCycloneDx: libraryValidate } = await import('../../src/outputs/sbom-validate.ts');
  const library = await libraryValidate(json);
  const bundled = validateBom(JSON.parse(json));
  if (library === undefined && bundled.length === 0) return undefined;
  return [library, ...bundled].filter(Boolean).join('\n').slice(0, 2000);
}
