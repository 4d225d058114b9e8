/**
 * Validators for scanfold's outputs against the official schemas: SARIF 2.1.0 (vendored in
 * schemas/, see schemas/README.md) and CycloneDX 1.6 (the copy shipped with
 * @cyclonedx/cyclonedx-library).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

export { validateCycloneDx } from '../../src/outputs/sbom-validate.ts';

export const SARIF_SCHEMA_FILE = new URL('../../schemas/sarif-2.1.0.json', import.meta.url);

/**
 * The published schema declares draft-04 (`$schema` and the draft-04 `id` keyword). It uses no
 * keyword whose meaning changed up to draft-07, so it compiles with Ajv's default draft-07
 * dialect once `id` becomes `$id`. The file on disk is left as published.
 */
export function loadSarifSchema(): Record<string, unknown> {
  const published = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const { $schema: _dialect, id, ...rest } = published;
  if (typeof id !== 'string') throw new Error('sarif-2.1.0.json: expected a draft-04 "id"');
  return { $id: id, ...rest };
}

// ajv-formats is CommonJS: Node's default import is module.exports, which TypeScript types as the
// module object; its `default` property is the plugin under both views.
const addFormats = ajvFormats.default;

let compiled: ValidateFunction | undefined;

function sarifValidator(): ValidateFunction {
  if (!compiled) {
    // strictSchema: an unknown keyword fails compilation, so nothing in the schema is silently
    // ignored. strictRequired stays off: it misreads the schema's `anyOf: [{ required }]` idiom.
    const ajv = new Ajv({
      allErrors: true,
      strictSchema: true,
      strictRequired: false,
      strictTypes: false,
    });
    addFormats(ajv);
    compiled = ajv.compile(loadSarifSchema());
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const params = JSON.stringify(error.params);
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${params}`;
}

/** Every way `log` breaks the SARIF 2.1.0 schema; empty when it is valid. */
export function validateSarif(log: unknown): string[] {
  const validate = sarifValidator();
  if (validate(log)) return [];
  return (validate.errors ?? []).map(describe);
}
