// Writes src/outputs/generated/{sarif,cyclonedx}.js (and their .d.ts): the SARIF 2.1.0 and
// CycloneDX 1.6 validators, compiled by Ajv now and saved as ES modules (Ajv's standalone code), so
// that no run of scanfold spends ~0.4 s of CPU compiling the schemas. Run `npm run
// generate:validators` after changing a schema, an option below or Ajv's version;
// test/generated-validators.test.ts fails until then.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Ajv, _ } from 'ajv';
import type { KeywordCxt, Options } from 'ajv';
import ajvStandalone from 'ajv/dist/standalone/index.js';
import ajvFormats from 'ajv-formats';
import sarifSchema from '../schemas/sarif-2.1.0.json' with { type: 'json' };
import bomSchema from '../schemas/cyclonedx/bom-1.6.SNAPSHOT.schema.json' with { type: 'json' };
import spdxSchema from '../schemas/cyclonedx/spdx.SNAPSHOT.schema.json' with { type: 'json' };
import jsfSchema from '../schemas/cyclonedx/jsf-0.82.SNAPSHOT.schema.json' with { type: 'json' };
import { linearUniqueItems } from '../src/outputs/unique-items.ts';

// CommonJS: Node's default import is module.exports; the function is its `default`.
const addFormats = ajvFormats.default;
const standaloneCode = ajvStandalone.default;

/** The keyword that stands in for `uniqueItems: true` (src/outputs/unique-items.ts says why). */
export const UNIQUE_ITEMS = 'x-scanfold-unique-items';

/** The generated modules import what they use at run time from here (relative to generated/). */
const RUNTIME_MODULE = '../validator-runtime.ts';

/** Ajv's standalone code `require`s these; each becomes an export of RUNTIME_MODULE. */
const RUNTIME_REQUIRES: ReadonlyMap<string, string> = new Map([
  ['require("ajv/dist/runtime/equal").default', 'runtime.equal'],
  ['require("ajv/dist/runtime/ucs2length").default', 'runtime.ucs2length'],
]);

export const GENERATED_DIR = new URL('../src/outputs/generated/', import.meta.url);

type Transform = (schema: unknown) => unknown;

/** A copy of `schema` with every `uniqueItems: true` replaced by the linear keyword. */
export const withLinearUniqueItems: Transform = (schema) => {
  if (Array.isArray(schema)) return schema.map(withLinearUniqueItems);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === 'uniqueItems' && value === true
        ? [UNIQUE_ITEMS, true]
        : [key, withLinearUniqueItems(value)],
    ),
  );
};

/** Values that are data, not schemas: nothing inside them is an annotation. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/**
 * A copy of `schema` without the annotations that never change a validation result (`title`,
 * `description`, `$comment`, `examples`). Standalone code embeds the schema objects its checks
 * refer to, and the prose is more than half of their 590 kB. A property *named* `description`
 * is kept: its value is a schema (an object), where the annotation's is a string.
 */
export const withoutAnnotations: Transform = (schema) => {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const kept: [string, unknown][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (['title', 'description', '$comment'].includes(key) && typeof value === 'string') continue;
    if (key === 'examples' && Array.isArray(value)) continue;
    kept.push([key, DATA_KEYWORDS.has(key) ? value : withoutAnnotations(value)]);
  }
  return Object.fromEntries(kept);
};

function addLinearUniqueItems(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: UNIQUE_ITEMS,
    type: 'array',
    schemaType: 'boolean',
    // Code generation (not a `validate` function) is what standalone code can carry; the error it
    // reports is Ajv's default for a failed keyword, as the `validate` form with `errors: false` was.
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      const check = cxt.gen.scopeValue('func', {
        ref: linearUniqueItems,
        code: _`runtime.linearUniqueItems`,
      });
      cxt.fail(_`!${check}(${cxt.data})`);
    },
  });
}

function codeOptions(standalone: boolean): Options['code'] {
  // `lines`: one statement a line, so that a schema change reads as a small diff.
  return standalone
    ? { source: true, esm: true, lines: true, formats: _`runtime.fullFormats` }
    : {};
}

/**
 * The SARIF schema is draft-04 (`id`); it uses no keyword whose meaning changed up to draft-07, so
 * it compiles with Ajv's default dialect once `id` becomes `$id` (schemas/README.md).
 */
export function sarifAjv(transform: Transform, standalone: boolean): { ajv: Ajv; schema: object } {
  const { $schema: _dialect, id, ...rest } = sarifSchema as Record<string, unknown>;
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictRequired: false,
    strictTypes: false,
    code: codeOptions(standalone),
  });
  addFormats(ajv);
  addLinearUniqueItems(ajv);
  const schema = transform({ ...(typeof id === 'string' ? { $id: id } : {}), ...rest }) as object;
  return { ajv, schema };
}

/** As @cyclonedx/cyclonedx-library's own JSON validator compiles it (no remote schemas). */
export function bomAjv(transform: Transform, standalone: boolean): { ajv: Ajv; schema: object } {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    schemas: {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': transform(spdxSchema) as object,
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': transform(jsfSchema) as object,
    },
    loadSchema: (uri) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
    code: codeOptions(standalone),
  });
  addFormats(ajv);
  // Internationalised e-mail (draft 2019 format): one @ between non-blank parts is all it checks.
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
  ajv.addFormat('iri-reference', true);
  addLinearUniqueItems(ajv);
  return { ajv, schema: transform(bomSchema) as object };
}

const forGeneration: Transform = (schema) => withoutAnnotations(withLinearUniqueItems(schema));

function moduleText(what: string, build: typeof sarifAjv): string {
  const { ajv, schema } = build(forGeneration, true);
  let code = standaloneCode(ajv, ajv.compile(schema));
  for (const [call, name] of RUNTIME_REQUIRES) code = code.replaceAll(call, name);
  const left = /require\("[^"]*"\)/.exec(code);
  if (left) throw new Error(`generated ${what} validator needs ${left[0]}: add it to the runtime`);
  return [
    `// Generated by scripts/generate-validators.ts (Ajv standalone code): the ${what} validator.`,
    '// Do not edit; run `npm run generate:validators`.',
    `import * as runtime from '${RUNTIME_MODULE}';`,
    code,
  ].join('\n');
}

const DECLARATION = `// The type of the generated module beside this file (scripts/generate-validators.ts).
import type { ErrorObject } from 'ajv';

declare const validate: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
export default validate;
`;

/** Every generated file, by name in GENERATED_DIR. */
export function generatedFiles(): Map<string, string> {
  return new Map([
    ['sarif.js', moduleText('SARIF 2.1.0', sarifAjv)],
    ['sarif.d.ts', DECLARATION],
    ['cyclonedx.js', moduleText('CycloneDX 1.6', bomAjv)],
    ['cyclonedx.d.ts', DECLARATION],
  ]);
}

// `node scripts/generate-validators.ts [dir]`: into src/outputs/generated/, or into `dir` (the
// up-to-date test compares a fresh copy with the committed one).
if (import.meta.main) {
  const dir = process.argv[2] === undefined ? GENERATED_DIR : pathToFileURL(`${process.argv[2]}/`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of generatedFiles()) writeFileSync(new URL(name, dir), text);
}
