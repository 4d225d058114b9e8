/**
 * Everything the generated validators (src/outputs/generated/, from scripts/generate-validators.ts)
 * use at run time, in one place: Ajv's standalone code names these as `require(...)` calls, which
 * an ES module cannot make; the generator rewrites them to this module's exports.
 */
import equalModule from 'ajv/dist/runtime/equal.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';

export { fullFormats } from 'ajv-formats/dist/formats.js';
export { linearUniqueItems } from './unique-items.ts';

// CommonJS with `exports.default`: Node's (and the bundle's) default import is module.exports.
export const equal = equalModule.default;
export const ucs2length = ucs2lengthModule.default;
