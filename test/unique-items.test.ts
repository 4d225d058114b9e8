/**
 * The one-pass stand-in for `uniqueItems: true` answers as JSON deep equality compared pair by
 * pair does, for any JSON values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { linearUniqueItems } from '../src/outputs/unique-items.ts';

/**
 * JSON deep equality, pair by pair. Not Ajv's own `equal` (fast-deep-equal): it calls an object's
 * own `toString` or `valueOf` member as a method, so `{"toString": ""}` throws or compares wrongly.
 */
function pairwiseUnique(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (isDeepStrictEqual(items[i], items[j])) return false;
  return true;
}

/** A deep copy of a JSON value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reordered(inner)]),
  );
}

/** Values that often share an outline: the same keys, the same ids, nested parts that differ. */
const lookalike = fc.record({
  id: fc.constantFrom('a', 'b'),
  level: fc.constantFrom('error', 'note'),
  properties: fc.oneof(
    fc.constant({}),
    fc.record({ tags: fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }) }),
  ),
});

test('unique exactly when no two items are deep-equal, with keys in any order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), lookalike), { maxLength: 8 }),
      fc.option(fc.nat(), { nil: undefined }),
      (generated, copyOf) => {
        // As parsed from a file: plain objects (fast-check also makes null-prototype ones).
        const items = JSON.parse(JSON.stringify(generated)) as unknown[];
        const data =
          copyOf === undefined || items.length === 0
            ? items
            : [...items, reordered(items[copyOf % items.length])];
        assert.equal(linearUniqueItems(data), pairwiseUnique(data), JSON.stringify(data));
      },
    ),
    { numRuns: 2000 },
  );
});

test('objects that differ only deep inside are distinct; a reordered copy is not', () => {
  const rule = (text: string) => ({ id: 'r', help: { text, markdown: { parts: [text] } } });
  assert.equal(linearUniqueItems([rule('a'), rule('b'), rule('c')]), true);
  assert.equal(linearUniqueItems([rule('a'), rule('b'), reordered(rule('a'))]), false);
  assert.equal(
    linearUniqueItems([
      { a: 1, b: [1] },
      { b: [1], a: 1 },
    ]),
    false,
  );
  assert.equal(
    linearUniqueItems([
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ]),
    false,
  );
  assert.equal(linearUniqueItems([1, '1', true, 'true', null, 'null']), true);
  assert.equal(
    linearUniqueItems([
      [1, 2],
      [2, 1],
      [1, 2],
    ]),
    false,
  );
});

test('members named like Object.prototype methods are plain data', () => {
  const item = { toString: '', valueOf: 1 };
  assert.equal(linearUniqueItems([item, { valueOf: 1, toString: '' }]), false);
  assert.equal(linearUniqueItems([item, { valueOf: 2, toString: '' }]), true);
});
