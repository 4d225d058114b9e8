/**
 * Run-time validation of scanfold's outputs against the official schemas, bundled (schemas/):
 * SARIF 2.1.0 (OASIS errata 01) and CycloneDX 1.6 with the SPDX and JSF schemas it references.
 * The bundle carries them as JSON imports, so no file is looked up next to dist/ at run time.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import sarifSchema from '../../schemas/sarif-2.1.0.json' with { type: 'json' };
import bomSchema from '../../schemas/cyclonedx/bom-1.6.SNAPSHOT.schema.json' with { type: 'json' };
import spdxSchema from '../../schemas/cyclonedx/spdx.SNAPSHOT.schema.json' with { type: 'json' };
import jsfSchema from '../../schemas/cyclonedx/jsf-0.82.SNAPSHOT.schema.json' with { type: 'json' };

// CommonJS: Node's default import is module.exports; the plugin is its `default`.
const addFormats = ajvFormats.default;

let sarifValidator: ValidateFunction | undefined;
let bomValidator: ValidateFunction | undefined;

/** The keyword that stands in for `uniqueItems: true` (see linearUniqueItems). */
const UNIQUE_ITEMS = 'x-scanfold-unique-items';

/**
 * A JSON value as text with object keys sorted: two JSON values are deep-equal exactly when their
 * canonical texts are equal.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Ajv checks `uniqueItems` by comparing every pair of items: at 50k rules or components that is
 * over a billion deep comparisons (11 s of a 100k-result merge). The same check in one pass:
 * each item's canonical text goes into a set.
 */
function linearUniqueItems(schema: unknown, data: unknown): boolean {
  if (schema !== true || !Array.isArray(data) || data.length < 2) return true;
  const seen = new Set<string>();
  for (const item of data) {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** A copy of `schema` with every `uniqueItems: true` replaced by the linear keyword. */
function withLinearUniqueItems(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withLinearUniqueItems);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === 'uniqueItems' && value === true
        ? [UNIQUE_ITEMS, true]
        : [key, withLinearUniqueItems(value)],
    ),
  );
}

function addLinearUniqueItems(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: UNIQUE_ITEMS,
    type: 'array',
    schemaType: 'boolean',
    errors: false,
    validate: linearUniqueItems,
  });
}

/**
 * The SARIF schema is draft-04 (`id`); it uses no keyword whose meaning changed up to draft-07, so
 * it compiles with Ajv's default dialect once `id` becomes `$id` (schemas/README.md).
 */
function compileSarif(): ValidateFunction {
  const { $schema: _dialect, id, ...rest } = sarifSchema as Record<string, unknown>;
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictRequired: false,
    strictTypes: false,
  });
  addFormats(ajv);
  addLinearUniqueItems(ajv);
  return ajv.compile(
    withLinearUniqueItems({ ...(typeof id === 'string' ? { $id: id } : {}), ...rest }) as object,
  );
}

/** As @cyclonedx/cyclonedx-library's own JSON validator compiles it (no remote schemas). */
function compileBom(): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    schemas: {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': withLinearUniqueItems(
        spdxSchema,
      ) as object,
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': withLinearUniqueItems(
        jsfSchema,
      ) as object,
    },
    loadSchema: (uri) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
  });
  addFormats(ajv);
  // Internationalised e-mail (draft 2019 format): one @ between non-blank parts is all it checks.
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
  ajv.addFormat('iri-reference', true);
  addLinearUniqueItems(ajv);
  return ajv.compile(withLinearUniqueItems(bomSchema) as object);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

/**
 * Compile both validators now (about 0.3 s of CPU). A scan calls this while its scanners run, so
 * the compile is not part of the work after the last scanner exits.
 */
export function prepareValidators(): void {
  sarifValidator ??= compileSarif();
  bomValidator ??= compileBom();
}

/** Every way `log` breaks the SARIF 2.1.0 schema; empty when it is valid. */
export function validateSarif(log: unknown): string[] {
  sarifValidator ??= compileSarif();
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map(describe);
}

/** Every way `bom` breaks the CycloneDX 1.6 JSON schema; empty when it is valid. */
export function validateBom(bom: unknown): string[] {
  bomValidator ??= compileBom();
  return bomValidator(bom) ? [] : (bomValidator.errors ?? []).map(describe);
}

/** JSON pointer → keys (RFC 6901 escapes). */
function pointerKeys(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Below a result or a rule, anything optional may go; the result or rule itself may not (that
 * would lose a result, or shift every ruleIndex after it).
 */
function prunable(keys: readonly string[]): boolean {
  const [runs, , part, index, more, ruleIndex, ...rest] = keys;
  if (runs !== 'runs') return false;
  if (part === 'results') return index !== undefined && more !== undefined;
  if (part === 'tool') {
    if (index !== 'driver' || more === undefined || more === 'name') return false;
    return more !== 'rules' || (ruleIndex !== undefined && rest.length > 0);
  }
  return part !== undefined && part !== 'results' && part !== 'tool';
}

/**
 * Make a merged log valid by dropping what the inputs got wrong, field by field (a rule's
 * shortDescription without text, a region with a negative line): never a result or a rule.
 * Returns what was dropped and whether the log is now valid.
 */
export function repairSarif(log: unknown): { dropped: string[]; valid: boolean } {
  const dropped: string[] = [];
  for (let round = 0; round < 10; round++) {
    sarifValidator ??= compileSarif();
    if (sarifValidator(log)) return { dropped, valid: true };
    const pointers = [
      ...new Set(
        (sarifValidator.errors ?? []).map((error) =>
          // An unknown property is the culprit itself, not the object that holds it.
          error.keyword === 'additionalProperties' &&
          typeof error.params.additionalProperty === 'string'
            ? `${error.instancePath}/${error.params.additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`
            : error.instancePath,
        ),
      ),
    ]
      // Deepest first, so removing one node does not shift the path of another.
      .sort((a, b) => b.length - a.length);
    let changed = false;
    for (const pointer of pointers) {
      const keys = pointerKeys(pointer);
      if (!prunable(keys)) continue;
      let node: unknown = log;
      for (const key of keys.slice(0, -1))
        node =
          node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      const last = keys.at(-1) ?? '';
      if (Array.isArray(node) && /^\d+$/.test(last)) node.splice(Number(last), 1);
      else if (node && typeof node === 'object' && Object.hasOwn(node, last))
        delete (node as Record<string, unknown>)[last];
      else continue;
      dropped.push(pointer);
      changed = true;
    }
    if (!changed) break;
  }
  // Not repairable field by field: validateSarif says what is left.
  return { dropped, valid: validateSarif(log).length === 0 };
}
