/**
 * Validation of scanfold's outputs against the official schemas, bundled (schemas/): SARIF 2.1.0
 * (OASIS errata 01) and CycloneDX 1.6 with the SPDX and JSF schemas it references. The validators
 * are compiled at build time (scripts/generate-validators.ts → ./generated/), so no run spends
 * time compiling them and no schema file is looked up next to dist/.
 */
import type { ErrorObject } from 'ajv';
import bomValidator from './generated/cyclonedx.js';
import sarifValidator from './generated/sarif.js';

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

/** Every way `log` breaks the SARIF 2.1.0 schema; empty when it is valid. */
export function validateSarif(log: unknown): string[] {
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map(describe);
}

/** Every way `bom` breaks the CycloneDX 1.6 JSON schema; empty when it is valid. */
export function validateBom(bom: unknown): string[] {
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
