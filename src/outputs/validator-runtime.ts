/**
 * Everything the generated validators (src/outputs/generated/, from scripts/generate-validators.ts)
 * call at run time, imported by them as `runtime`: the formats of ajv-formats, the one-pass unique
 * items check, and Ajv's helpers, which its standalone code names as `require(...)` calls (an ES
 * module cannot make them; the generator rewrites them to these exports).
 */
import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';

export { fullFormats } from 'ajv-formats/dist/formats.js';
export { linearUniqueItems } from './unique-items.ts';

// CommonJS with `exports.default`: Node's (and the bundle's) default import is module.exports.
// Ajv types `equal` as fast-deep-equal's module namespace, which an ES module cannot call: it is
// fast-deep-equal's function itself.
export const equal = equalModule.default as unknown as (a: unknown, b: unknown) => boolean;
export const ucs2length = ucs2lengthModule.default;
